// The Korean words of layer-norm: the same keys and slots as LayerNorm+Words.swift. Entries with
// no words in them («token», the standard deviation's formulas) are shared and left out.

import TraceCore

extension LayerNorm {
    static let korean = Words(
        captions: [
            "output.grad": ("출력의 그래디언트", "손실의 그래디언트 $G$ 그대로다. 손실이 직접 보는 것이 출력이기 때문이다."),
            "normalized.grad": ("정규화된 행의 그래디언트", #"각 특성의 그래디언트에 그 특성의 $\gamma_{j}$를 곱한 값이다."#),
            "std.grad": ("표준편차의 그래디언트", #"행의 모든 원소를 $s$로 나눴다. $s$가 커지면 모두 작아지므로 $\frac{\partial L}{\partial s} = -\sum_{j} \frac{\partial L}{\partial \hat x_{j}} \tilde x_{j} / s^{2}$이다."#),
            "var.grad": ("분산의 그래디언트", "제곱근을 거쳐 온다."),
            "centered.grad": ("편차의 그래디언트", #"두 경로로 받는다. 하나는 $\tilde X / s$를 직접 거치는 경로이고, 다른 하나는 모든 편차를 제곱해 구한 분산을 거치는 경로다."#),
            "mean.grad": ("평균의 그래디언트", "평균은 그 행의 모든 원소에서 빼졌다. 그래서 편차의 그래디언트를 모두 더해 부호를 바꾼다."),
            "input.grad": ("입력의 그래디언트", #"각 원소는 편차를 거쳐 직접 받고, 자신이 만드는 데 참여한 평균을 거쳐서도 받는다. 평균을 거쳐 오는 몫은 평균의 그래디언트의 $1/d_{\text{model}}$이다."#),
            "weight.grad": ("스케일의 그래디언트", #"$\gamma_{j}$는 모든 행의 특성 j에 곱해졌다. 그래서 열을 따라 더한다."#),
            "bias.grad": ("시프트의 그래디언트", #"$\beta_{j}$는 모든 행의 특성 j에 더해졌다. 그래서 열을 따라 더한다."#),
            "input": ("입력", "한 행이 토큰 하나다."),
            "weight": ("스케일", "특성마다 수가 하나씩 있고, 모든 행에 똑같이 쓰인다."),
            "weight, ones": ("스케일", "모두 1이다. 크기를 바꾸지 않는다."),
            "bias": ("시프트", "스케일처럼 특성마다 하나씩 있다."),
            "bias, zeros": ("시프트", "값을 옮기지 않는다."),
            "eps": ("엡실론", "값이 모두 같은 행에서도 0으로 나누지 않게 해 준다."),
            "eps, zero": ("엡실론", "PyTorch가 허용하는 대로 0이다. 그러면 값이 모두 같은 행은 $s = 0$이 되고, 그 행의 정규화된 원소는 0/0이 된다."),
            "mean": ("행 평균", ""),
            "centered": ("편차", "이제 모든 행의 합이 0이다."),
            "var": ("행 분산", ""),
            "var, unbiased": ("행 분산", ""),
            "std": ("표준편차", "«eps»"),
            "std, outside": ("표준편차", "«eps»"),
            "normalized": ("정규화된 값", "각 편차를 그 행의 $s$ 단위로 나타낸 값이다."),
            "normalized, nan, one": ("정규화된 값", #"각 편차를 그 행의 $s$ 단위로 나타낸 값이다. «rows»의 값은 모두 같아서 편차도 $s$도 모두 0이다($\epsilon = 0$). PyTorch에서처럼 $0/0$은 수가 아니고(nan), 그 행의 출력도 nan이다. $\epsilon$이 0보다 크기만 하면 그 행은 0이 된다."#),
            "normalized, nan, more": ("정규화된 값", #"각 편차를 그 행의 $s$ 단위로 나타낸 값이다. «rows»의 값은 행마다 모두 같아서 편차도 $s$도 모두 0이다($\epsilon = 0$). PyTorch에서처럼 $0/0$은 수가 아니고(nan), 그 행들의 출력도 nan이다. $\epsilon$이 0보다 크기만 하면 그 행들은 0이 된다."#),
            "normalized, same": ("정규화된 값", #"이제 «rows»의 값이 소수 넷째 자리까지 같다. $a > 0$일 때 행 $a x + b$는 $x$와 똑같이 정규화된다($a < 0$이면 $-x$와 똑같이). 단, $a^{2} \sigma^{2}$이 $\epsilon$보다 훨씬 클 때 그렇다."#),
            "output": ("출력", ""),
            "output, identity": ("출력", #"$\gamma = 1$, $\beta = 0$이므로 $\hat X$와 같다."#),
        ],
        text: [
            "backward equations": #"""
                \frac{\partial L}{\partial \hat{X}} = \frac{\partial L}{\partial Y} \odot \gamma, \qquad
                \frac{\partial L}{\partial x_{j}} = \frac{1}{s} \left(\frac{\partial L}{\partial \hat{x}_{j}} - \frac{1}{d_{\text{model}}} \sum_{k} \frac{\partial L}{\partial \hat{x}_{k}} - \hat{x}_{j} \frac{1}{d_{\text{model}}} \sum_{k} \frac{\partial L}{\partial \hat{x}_{k}} \hat{x}_{k}\right) \text{ (행마다)}
                """#,
            "heading back through": "정규화 역전파",
            "heading input gradients": "입력의 그래디언트",
            "compact": #"""
                위에서 한 단계씩 따라간 계산은 식의 간결한 규칙으로 줄어든다. 평균의 경로는 \#
                $\frac{\partial L}{\partial \hat x}$의 평균을 빼고(행 전체를 평행이동해도 정규화 뒤에는 아무것도 \#
                바뀌지 않는다), 분산의 경로는 $\hat x$ 방향 성분을 뺀다(행의 크기를 바꿔도 마찬가지로 아무것도 바뀌지 \#
                않는다). 1행에서 $\frac{\partial L}{\partial \hat x}$의 평균은 «mean shown», \#
                $\frac{\partial L}{\partial \hat x} \odot \hat x$의 평균은 «product shown»이므로 (1, 1) 원소는 \#
                (1/«s») · («dxhat» − «mean» − «xhat» · «product») = «result»이고, 위에서 구한 값도 «found»이다. \#
                $\frac{\partial L}{\partial X}$의 각 행은 합이 0이다: 행 전체를 위아래로 옮겨도 정규화 뒤에는 아무것도 바뀌지 않기 때문이다.
                """#,
            "compact, nan": "여기서는 1행이 nan(0/0)이므로 식의 간결한 규칙을 그 행의 원소로 확인하지 않는다. 위에서 한 단계씩 따라간 계산이 곧 그래디언트다.",
            "check, nan": #"여기서는 출력에 nan이 있다($\epsilon = 0$일 때 값이 모두 같은 행에서 0/0). 그래서 PyTorch에서처럼 손실도, 그 행을 지나는 그래디언트도 nan이다. 그 행의 원소 하나를 살짝 움직이는 중심 차분은 행의 값을 서로 다르게 만들어 손실을 다시 숫자로 만든다. 즉 그곳에서는 다른 함수를 재는 셈이라, 이 검사는 nan인 행의 원소에 대해 아무것도 말해 주지 않는다."#,
            "compact, other convention": "이 관례에서는 분산이나 ε의 자리가 달라 간결한 규칙의 상수가 바뀐다. 위에서 한 단계씩 따라간 계산이 곧 그래디언트다.",
            "summary": "레이어 정규화: 각 토큰의 특성을 평균 0, 분산 1로 맞춘 뒤 스케일과 시프트를 적용한다",
            "title": "레이어 정규화",
            "default.summary": "한 토큰이 다른 토큰의 양수배에 상수를 더한 것이면, 두 토큰은 같은 결과가 된다",
            "default.story": "특성이 4개씩인 토큰 두 개다. 특성마다 “CAT” = 2 × “cat” + 10이므로, 같은 패턴이 두 가지 크기로 나타난다.",
            "alternative unbiased": "불편 분산, D − 1로 나눈다(torch.var의 기본값)",
            "alternative biased": "편향 분산, D로 나눈다(nn.LayerNorm)",
            "alternative outside": "ε을 제곱근 밖에 둔다, (x − μ)/(√σ² + ε)",
            "alternative inside": "ε을 제곱근 안에 둔다, (x − μ)/√(σ² + ε) (nn.LayerNorm)",
            "alternative annotated": #"“The Annotated Transformer”의 LayerNorm: 불편 분산, ε은 제곱근 밖(`variance: "unbiased"`, `eps_placement: "outside"`)"#,
            "why": #"""
                **레이어 정규화**는 각 토큰의 특성을 평균 0, 분산 1로 맞춘 뒤, 학습되는 스케일 $\gamma$와 \#
                시프트 $\beta$를 적용한다. 원래 트랜스포머는 잔차 연결로 더할 때마다 그 합을 \#
                정규화한다. 곧 $\operatorname{LayerNorm}(x + \operatorname{Sublayer}(x))$이다(post-LN). GPT-2, Raschka의 책, \#
                “The Annotated Transformer”는 서브층에 넣기 전에 정규화한다. 곧 $x + \operatorname{Sublayer}(\operatorname{LayerNorm}(x))$이다(pre-LN).
                """#,
            "heading equations": "식",
            "equations": #"""
                \begin{aligned}
                \mu &= \tfrac{1}{d_{\text{model}}} \textstyle\sum_{j} x_{j} && \text{행의 평균} \\
                \sigma^{2} &= \tfrac{1}{«divisor»} \textstyle\sum_{j} (x_{j} - \mu)^{2} && \text{분산} \\
                s &= «s» && \text{표준편차} \\
                \hat{x}_{j} &= (x_{j} - \mu)/s && \text{정규화} \\
                y_{j} &= \gamma_{j}\, \hat{x}_{j} + \beta_{j} && \text{스케일과 시프트}
                \end{aligned}
                """#,
            "convention": #"""
                여기서 $x$는 $X$의 한 행(토큰), $x_{j}$는 그 행의 특성 $j$, $y$는 그 행에 해당하는 $Y$의 행이다. «convention»
                """#,
            "convention, nn": #"""
                `nn.LayerNorm`처럼 분산은 $d_{\text{model}}$로 나누는 편향 분산이고, $\epsilon$은 제곱근 안에 있다. \#
                “The Annotated Transformer”는 $d_{\text{model}} - 1$로 나누고 $\epsilon$을 제곱근 뒤에 더한다.
                """#,
            "another convention, unbiased": #"""
                **이 노트는 다른 관례를 쓴다**: $d_{\text{model}} - 1$로 나누는 불편 분산을 \#
                쓴다(`torch.var`의 기본값). `nn.LayerNorm`은 $d_{\text{model}}$로 나눈다.
                """#,
            "another convention, outside": #"""
                **이 노트는 다른 관례를 쓴다**: “The Annotated Transformer”처럼 $\epsilon$을 제곱근 \#
                뒤에 더한다. `nn.LayerNorm`은 제곱근 안에 더한다.
                """#,
            "another convention, both": #"""
                **이 노트는 다른 관례, “The Annotated Transformer”의 관례를 쓴다**: $d_{\text{model}} - 1$로 나누는 불편 분산을 쓰고, \#
                $\epsilon$을 제곱근 뒤에 더한다. `nn.LayerNorm`은 $d_{\text{model}}$로 나누고 $\epsilon$을 제곱근 안에 더한다.
                """#,
            "legend N": "토큰(행) 수. 각 행은 따로 정규화된다",
            "legend D": "토큰당 특성 수",
            "heading steps": "단계별 계산",
            "heading moments": "평균과 분산",
            "heading normalize": "정규화, 스케일, 시프트",
            "heading summary": "요약",
            "figure": "레이어 정규화: 입력과 출력",
            "figure input": "입력 X",
            "figure output": "출력 Y",
            "figure description": "두 패널은 색 눈금을 각자 따로 쓴다. 빨강은 양수, 흰색은 0, 파랑은 음수다.",
            "figure description, nan": "두 패널은 색 눈금을 각자 따로 쓴다. 빨강은 양수, 흰색은 0, 파랑은 음수, 회색은 수가 아닌 값(nan)이다.",
            "notice": #"""
                정규화를 거치면 각 행에서 특성들의 패턴만 남는다. 다음 레이어가 받을 크기는 그 뒤의 $\gamma$와 \#
                $\beta$가 정한다.
                """#,

            // Sentences from the numbers.
            "row": "«i»행",

            // What the seed notes say, and what the numbers show.
            "slides moments": #"""
                - 시드 001: “분산을 1로, 평균을 0으로 만들어주는 일.” 슬라이드의 아핀 변환 전, $\hat X$에서는 \#
                맞다. 그 행들의 평균은 «mean», 분산은 «var»«biased»이다«after».
                """#,
            "slides moments, biased": #"(÷ «divisor» 기준. `nn.LayerNorm`처럼 ÷ $d_{\text{model}} = «D»$ 기준이면 «biased var»)"#,
            "slides moments, after": #". $\gamma$와 $\beta$를 적용한 뒤에는 «first»의 평균이 «output mean», 분산이 «output var»이다"#,
            "slides moments, identity": #". $\gamma = 1$, $\beta = 0$이므로 적용한 뒤에도 그대로다"#,
            "slides moments, small": #"""
                - 시드 001: “분산을 1로, 평균을 0으로 만들어주는 일.” $\sigma^{2}$이 $\epsilon$보다 훨씬 클 때만 \#
                그렇다. «row»의 $\sigma^{2} = «var»$이므로, $\hat X$에서 그 행의 분산은 «normalized var»이다.
                """#,
            "slides samples": #"""
                - 시드 001: “주어진 다수의 샘플들에 대해 평균과 분산을 사용해” 정규화한다. 배치 정규화라면 \#
                맞지만 레이어 정규화는 다르다. 레이어 정규화는 토큰 하나의 특성 «D»개를 평균하지, 한 특성을 여러 토큰에 걸쳐 평균하지 \#
                않는다(그렇게 하면 특성 1의 평균은 «column mean»이다).
                """#,
            "slides affine": #"""
                - 시드 001: “각각의 단어에 대한 평균과 분산을 정규화 한 후, 각 '레이어'별로 affine transformation을 \#
                통해 처리해준다.” 맞다(특성마다 $\gamma_{j}$와 $\beta_{j}$가 하나씩 있고 모든 토큰이 공유한다). \#
                «first»의 $\mu = «mean 1»$, $\sigma^{2} = «var 1»$, «last»의 $\mu = «mean 2»$, $\sigma^{2} = «var 2»$이며, «affine».
                """#,
            "slides affine, feature": "두 토큰 모두 특성 «j»의 스케일은 «gamma», 시프트는 «beta»이다",
            "slides affine, identity": #"여기서는 모든 $\gamma_{j} = 1$, $\beta_{j} = 0$이다"#,
            "std eps": #"표준편차 $s$에서 $\epsilon$은 소수 넷째 자리까지 드러나지 않는다. $\epsilon$은 $s$의 소수점 아래 «decimal»번째 자리부터만 바꾼다."#,
            "std eps, shows": #"여기서는 표준편차에 $\epsilon$이 드러난다. $\epsilon$이 없으면 «row»의 $s$는 «without»이다."#,
        ])
}
