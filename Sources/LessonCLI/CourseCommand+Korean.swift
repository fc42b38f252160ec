// The Korean words of a course's index (`lesson render --from DIR --lang ko`).

import TraceCore

let courseKorean = Words(text: [
    "title": "# 강의 노트",
    "made": "`lesson render --from`이 이 강의의 입력으로 만든 노트다. `LESSON--NAME.json` 하나마다 노트가 하나 있다(주장은 그 옆의 `LESSON--NAME.claims.json`에 있다). 노트를 직접 고치지 말고, 입력을 고친 뒤 다시 렌더링한다. 노트 하나는 한 입력에서 실행한 한 레슨의 Markdown 트레이스이며, 모든 중간값을 풀어 쓴다.",
    "some fail": "**✗ «notes»에서 성립하지 않는 주장이 있다.** 노트의 주장 표가 주장마다 계산값과 그럴듯한 원인을 보인다.",
    "all hold": "✓ 주장을 검증하는 노트 «notes»개에서 모든 주장이 성립한다.",
    "all hold, one note": "✓ 주장을 검증하는 노트 한 개에서 모든 주장이 성립한다.",
    "no claims": "주장을 검증하는 노트가 없다. 입력 옆에 `LESSON--NAME.claims.json`을 두면 그 노트가 주장을 검증한다.",
    "header": "| 노트 | 레슨 | 출처 | 주장 |",
    "holds": "✓ «total»개 중 «held»개 성립",
    "fails": "**✗ «total»개 중 «held»개 성립**",
])
