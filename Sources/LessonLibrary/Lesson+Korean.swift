// The Korean words every lesson shares (the keys and slots of `sharedWords`). A Korean list needs
// no “and”: its items are joined by commas.

import TraceCore

let sharedKorean = Words(text: [
    "heading slides": "시드 노트가 말하는 것과 수치가 보여 주는 것",
    "list": "«list», «last»",
    "list, more": "«list» 외 «more»개",
    "heading example": "예제",
    "heading inputs": "입력",
    "label unit": "유닛",
    "label gate, unit": "게이트, 유닛",
    "label unit j": "유닛 «j»",
    "label input j": "입력 «j»",
    "label token": "토큰",
    "label query": "쿼리",
    "label key": "키",
    "label key j": "키 «j»",
    "label query key": #"쿼리 \ 키"#,
    "label input": "입력",
    "label row": "행",
    "label entry": "성분",
    "label feature": "특성",
    "label column": "열",
    "label position": "위치",
    "label position of row": "«row» (위치 «position»)",
])
