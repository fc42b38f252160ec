// The Korean words of the Markdown trace and its figures (the keys and slots of `markdownWords`).

import TraceCore

let markdownKorean = Words(text: [
    "left out": "«Plural» «first»부터 «last»까지는 «same work». 그래서 여기서는 풀어 쓰지 않는다. «results». 모든 «singular»의 모든 값은 `«command» --format json`으로 볼 수 있다.",
    "figure on stdout": "> **그림: «title».** «description» 그림은 `«command» -o NOTE.md`로 노트 옆에 SVG 파일로 저장되며, `Lessons/`의 강의 노트에도 들어 있다.",
    "footer, exponent": "수는 소수점 아래 «precision»자리로 반올림했고, 크기가 «below»보다 작은 수는 지수 꼴로 적었다(1.7469e-07은 1.7469 · 10⁻⁷). 지수 앞에는 소수점 아래 «precision»자리를 둔다. 주어진 수는 주어진 그대로 적었다. 각 값은 앞선 값들의 반올림 전 값으로 계산했으므로, 반올림된 수로 한 단계를 다시 계산하면 마지막 자리가 다를 수 있다. `«command» --format json`은 모든 값을 자릿수를 줄이지 않고 출력한다.",
    "footer": "수는 소수점 아래 «precision»자리로 반올림했고, 주어진 수는 주어진 그대로 적었다. 각 값은 앞선 값들의 반올림 전 값으로 계산했으므로, 반올림된 수로 한 단계를 다시 계산하면 마지막 자리가 다를 수 있다. `«command» --format json`은 모든 값을 자릿수를 줄이지 않고 출력한다.",
    "all zero": "모두 0.",
    "legend header": "| 기호 | 뜻 | 이 예제에서 |",
    "gradient check header": "| 입력 | 가장 큰 성분 | 역전파 | 중심 차분 | 상대 차이 |",
    "written out": "풀어 쓴 식",
    "entry": "- («row», «column»): «arithmetic» = «value»",
    "a number": "수 하나",
    "one number": "수 1개",
    "numbers": "수 «count»개",
    "claims": "주장 검증",
    "checked against": "대조한 출처: «source».",
    "claims header": "| 값 | 위치 | 주장 | 계산 | 계산 − 주장 | 성립 | 추정 원인 |",
    "all hold": "주장 «count»개가 모두 성립한다. 따로 적지 않았으면 각 주장은 마지막으로 적힌 자리의 반 단위 안에서 맞는다.",
    "all hold, file": "주장 «count»개가 모두 성립한다. 따로 적지 않았으면 각 주장은 주장 파일이 정한 허용 오차 안에서 맞는다.",
    "some hold": "주장 «count»개 중 «holding»개가 성립한다.",
    "figure unit": "유닛 «u»",
    "figure log scale": "«title» (로그 눈금)",
    "figure rows left out": "«total»개 행 중 1–«shown»행만 그렸다.",
    "figure rows and columns left out": "«total»개 행 중 1–«shown»행, «columns total»개 열 중 1–«columns shown»열만 그렸다.",
    "figure columns left out": "«total»개 열 중 1–«shown»열만 그렸다.",
    "figure steps left out": "«total»단계 중 1–«shown»단계만 그렸다.",
    "figure units left out": "«total»개 유닛 중 1–«shown»번 유닛만 그렸다.",
    "figure panel left out": "“«first»” 패널은 그리지 않았다.",
    "figure panels left out": "“«first»”부터 “«last»”까지 패널 «count»개는 그리지 않았다.",
])
