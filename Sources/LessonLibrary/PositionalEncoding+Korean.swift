// The Korean words of positional-encoding: the same keys and slots as PositionalEncoding+Words.swift.
// The seed notes' statements are quoted in their own Korean (seeds 000, 001).

import TraceCore

extension PositionalEncoding {
    static let koreanWords = Words(
        captions: [
            "output.grad": ("출력의 그래디언트", "손실의 그래디언트 $G$ 그대로다. 손실이 직접 보는 값이 출력이기 때문이다."),
            "x.grad": ("임베딩의 그래디언트", "덧셈은 그래디언트를 그대로 넘긴다. 위치만으로 만든 $PE$는 그래디언트를 받지 않는다(BERT나 ViT처럼 위치 임베딩을 학습한다면 이와 같은 그래디언트를 받는다)."),
            "positions": ("위치", ""),
            "positions, from 1": ("위치", "논문처럼 0이 아니라 «first»부터 센다."),
            "d_model": ("차원", ""),
            "base": ("밑", "논문의 값이다."),
            "base, other": ("밑", "논문은 10000을 쓴다."),
            "x": ("임베딩", ""),
            "exponent": ("지수", ""),
            "exponent, concatenated": ("지수", "쌍마다 하나다. 각 절반의 사인 열 i와 코사인 열 i가 같은 값을 쓴다."),
            "divisor": ("나누는 수", "쌍 0은 «first»마다 1라디안씩 돈다. 가장 느린 쌍(쌍 «last pair»)은 «last»마다 1라디안씩 돈다."),
            "divisor, one pair": ("나누는 수", "쌍이 하나뿐이며, «first»마다 1라디안씩 돈다."),
            "angle": ("각도", "단위는 라디안이다."),
            "PE": ("포지셔널 인코딩", "포지셔널 인코딩의 사인은 표의 «sine columns»(논문의 «paper sine columns»)에, 코사인은 열 «cosine columns»에 있다.«slow»"),
            "PE, one column": ("포지셔널 인코딩", "각도의 사인이다."),
            "PE, concatenated": ("포지셔널 인코딩", "앞의 «sines»개 열은 사인, 뒤의 «cosines»개 열은 코사인이다.«slow»"),
            "output": ("위치를 더한 임베딩", ""),
        ],
        text: [
            "heading back through": "덧셈을 거꾸로 지나기",
            "summary": "사인파 포지셔널 인코딩: 기하급수적으로 간격을 둔 주파수의 사인과 코사인을 임베딩에 더한다",
            "title": "사인파 포지셔널 인코딩",
            "default.summary": "위치 4개, d_model 4, 임베딩 4개에 더하기",
            "default.story": "“the cat sat down”의 임베딩이다. 단어마다 위치가 하나씩 있다.",
            "wave.summary": "위치 50개 × 열 16개: 인코딩의 물결 무늬",
            "wave.story": #"""
                위치 50개와 $d_{\text{model}} = 16$이면 히트맵에서 무늬가 보인다. 앞쪽 열은 위치를 따라 빠르게 \#
                오르내리고, 뒤쪽 쌍일수록 천천히 물결치며, 마지막 쌍들은 50개 위치 동안 거의 변하지 않는다.
                """#,
            "alternative concatenated": "사인을 모두 앞에, 코사인을 모두 뒤에 두는 배치(“The Illustrated Transformer”의 그림)",
            "alternative interleaved": "사인과 코사인이 번갈아 오는 논문의 배치",
            "alternative from 1": "위치를 0이 아니라 1부터 센 경우",
            "why": #"""
                어텐션은 토큰 순서를 보지 않는다(시드 000, 001, 003, 004). 그래서 트랜스포머는 각 임베딩에 그 \#
                **위치**를 나타내는 벡터, 곧 포지셔널 인코딩을 더한다. 이 벡터는 기하급수적으로 간격을 둔 여러 주파수의 \#
                사인과 코사인으로 이루어진다.
                """#,
            "heading equations": "수식",
            "equations": #"""
                \begin{aligned}
                PE_{pos,\,2i} &= \sin(\omega_{i}\, pos), \qquad PE_{pos,\,2i+1} = \cos(\omega_{i}\, pos), \qquad \omega_{i} = \frac{1}{base^{2i/d_{\text{model}}}} \\
                \text{출력} &= X + PE
                \end{aligned}
                """#,
            "convention": #"""
                $pos$는 위치다. $i$는 주파수의 번호이며, 어텐션 노트에서처럼 토큰의 번호가 아니다. 논문은 열을 \#
                0부터 세므로 열 $2i$와 $2i + 1$이 $\omega_{i}$를 함께 쓴다. 표는 1부터 센다.
                """#,
            "why sinusoids": #"""
                **왜 사인파인가:** 모든 값이 −1과 1 사이에 머물고, 어떤 위치에도 벡터를 줄 수 있다. 또 $k$칸 \#
                옮기면 각 (sin, cos) 쌍이 $pos$와 상관없이 $k \omega_{i}$만큼 회전하므로, $PE_{pos+k}$는 \#
                $PE_{pos}$의 선형 함수다(논문이 든 이유).
                """#,
            "why gap": #"""
                행끼리의 내적과 거리는 간격 $k$에만 달려 있다. $\sin a \sin b + \cos a \cos b = \cos(a - b)$이고 \#
                각 쌍의 길이가 1이기 때문이다.
                """#,
            // The English is an equation only, but its «pos» reads as a word to the tests: the Korean labels it.
            "gap": #"""
                PE_{pos} \cdot PE_{pos+k} = \textstyle\sum_{i} \cos k\omega_{i}, \qquad \#
                \lVert PE_{pos} - PE_{pos+k} \rVert = \sqrt{\textstyle\sum_{i} (2 - 2\cos k\omega_{i})} \qquad \text{(간격 } k \text{에만 의존)}
                """#,
            "concatenated": #"""
                **이 노트는 사인을 모두 앞에 둔다.** “The Illustrated Transformer”의 그림처럼 사인 «sines»개 다음에 \#
                같은 주파수의 코사인 «cosines»개가 온다.
                """#,
            "legend n": "위치 수",
            "legend d": "열 수",
            "legend pairs": "주파수 쌍의 수",
            "heading steps": "단계별 계산",
            "heading frequencies": "주파수",
            "heading angles": "각도와 사인파",
            "heading adding": "인코딩 더하기",
            "heading summary": "정리",
            "figure": "포지셔널 인코딩",
            "figure panel": "PE(세로는 위치, 가로는 열)",
            "figure description": "행은 «positions»(«rows»)이고, 열은 표의 열이다. 빨강은 +1, 하양은 0, 파랑은 −1이다.",
            "one column": "열 «c»",
            "many columns": "열 «c»",
            "figure one position": "위치 «p»",
            "figure positions": "위치 «p»",
            "one row": "표의 행 «r»",
            "many rows": "표의 행 «r»",
            "notice, relative": #"""
                여기서 이웃한 행의 내적은 모든 $pos$에서 $PE_{pos} \cdot PE_{pos+«step»} = «terms»«dot»$이다. 내적으로는 \#
                앞과 뒤를 구별할 수 없다($PE_{pos-«step»}$도 같은 값을 준다)«farther».
                """#,
            "farther": #"""
                . 가까운 행과 먼 행도 구별하지 못한다. $PE_{«a»} \cdot PE_{«b»} = «dot»$처럼 이웃한 행보다 내적이 큰 쌍도 있는데, \#
                이 두 행 사이의 거리는 «distance»뿐이다(이웃한 행 사이는 «neighbours»)
                """#,
            "slow, hardly": " 가장 느린 쌍은 거의 움직이지 않는다. $pos = «pos»$에서도 각도가 «angle»뿐이다(열 «sine», «cosine»의 값은 «sine from» → «sine to», «cosine from» → «cosine to»).",
            "slow": " 가장 느린 쌍은 $pos = «pos»$에서 각도 «angle»에 이른다(열 «sine», «cosine»의 값은 «sine from» → «sine to», «cosine from» → «cosine to»).",
            "row": "행 «i»",
            "notice": "인코딩은 위치에만 달려 있다. 같은 위치는 어느 문장에서나 같은 행을 받는다.",

            // Sentences from the numbers.
            "one position": "위치 1칸",
            "many positions": "위치 «count»칸",

            // What the seed notes say, and what the numbers show.
            "slides order": #"""
                - 시드 000: “A B C D를 넣거나, B A C D를 넣거나 해도 인코딩 되는 값은 달라지지 않는다.” 위치를 \#
                표시하는 것이 없을 때만 그렇다. $pos = «other»$에 놓인 «token»의 입력은 («row») 대신 («moved»)이다.
                """#,
            "slides periods": #"""
                - 시드 001: “사인과 코사인으로 이루어진 주기함수를 사용하고, 서로 다른 주기를 사용해 계산으로 나오는 \#
                값을 그 상수 벡터로 사용하게 됩니다.” 확인된다. 쌍 0은 위치 $2\pi \cdot «first divisor» \approx «first»$칸마다 반복되고, \#
                쌍 «last pair»의 주기는 위치 $2\pi \cdot «last divisor» \approx «last»$칸이다«ratio».
                """#,
            "slides periods, ratio": ". 각 쌍의 주기는 앞 쌍의 «ratio»배다",
            "slides i": #"""
                - 시드 001: “i가 위치정보.” 맞지 않는다(빠진 슬라이드 그림이 논문의 수식이라면). $i$는 주파수 쌍의 번호다. \#
                $pos = «pos»$에서 표의 열 «column»«paper»의 값은 $\«function»(«pos»/«divisor») = «value»$이다.
                """#,
            "slides i, paper": "(논문의 $2i = «paper»$, $i = «i»$)",
            "slides distinct, all": #"""
                - 시드 001: “위치가 달라지면 출력-인코딩 벡터가 달라지도록 해준다.” 이 «n»개 위치에서는 확인된다. 가장 \#
                가까운 행은 «pairs»의 행이고, 거리는 «distance»이다«tie».
                """#,
            "slides distinct, tie": "(거리가 간격에만 달려 있어서 동률이다)",
            "pair of positions": "«a»번과 «b»번",
            "list more": "간격이 «gap»인 «count»쌍 전부(«first»부터 «last»까지)",
            "pairs few": "위치 «pairs»",
            "slides distinct, neighbours": #"""
                - 시드 001: “위치가 달라지면 출력-인코딩 벡터가 달라지도록 해준다.” 이 «n»개 위치에서는 확인된다. 이웃한 \#
                행끼리도 적어도 «distance»만큼 떨어져 있다(위치 «a»번과 «b»번).
                """#,
            "slides distinct, repeated": #"""
                - 시드 001: “위치가 달라지면 출력-인코딩 벡터가 달라지도록 해준다.” 위치가 다를 때만 그렇다. 행 «r1», \#
                «r2»의 위치가 둘 다 «a»이므로 벡터도 같다.
                """#,
            "slides distinct, coincide": #"""
                - 시드 001: “위치가 달라지면 출력-인코딩 벡터가 달라지도록 해준다.” 맞지 않는다. 위치 «a», «b»의 행이 같다.
                """#,
        ])
}
