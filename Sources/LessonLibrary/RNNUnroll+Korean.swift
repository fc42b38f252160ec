// The Korean words of rnn-unroll (RNNUnroll+Words.swift): the same keys and slots.
// The seeds' sentences are quoted as the seed notes write them.

import TraceCore

extension RNNUnroll {
    static let korean = Words(
        captions: [
            "a[t].grad, tanh": ("활성화 전 값의 그래디언트",
                                #"그래디언트에는 유닛마다 tanh의 기울기를 곱한다($\tanh' = 1 - h_{t}^{2}$). 기울기는 $h_{t}$가 ±1 근처이면(포화) 0에 가깝고, 0 근처이면 1에 가깝다."#),
            "a[t].grad, tanh, one unit": ("활성화 전 값의 그래디언트",
                                #"그래디언트에는 tanh의 기울기를 곱한다($\tanh' = 1 - h_{t}^{2}$). 기울기는 $h_{t}$가 ±1 근처이면(포화) 0에 가깝고, 0 근처이면 1에 가깝다."#),
            "a[t].grad, relu": ("활성화 전 값의 그래디언트",
                                #"relu′는 유닛이 켜져 있던 곳($a_{t} > 0$)에서는 그래디언트를 통과시키고, 꺼져 있던 곳에서는 막는다."#),
            "a[t]": ("활성화 전 값", #"활성화 전 값은 유닛마다 입력과 이전 상태의 가중합에 두 바이어스를 더한 값이다."#),
            "h[t], tanh": ("은닉 상태", #"$\tanh$는 각 합을 (−1, 1) 구간 안으로 눌러 넣는다. 그래서 시퀀스가 아무리 길어도 상태는 이 범위를 벗어나지 않는다."#),
            "h[t], relu": ("은닉 상태", "relu는 양수인 합은 그대로 두고 음수인 합은 0으로 만든다. tanh와 달리 상태를 유계로 묶어 두지 않는다."),
        ],
        text: [
            "vanishing.summary": "스무 스텝, 손실은 마지막 상태에만: 그래디언트가 거슬러 가는 동안 사라진다",
            "vanishing.story": #"""
                스텝마다 수 하나씩, 스무 개의 수를 유닛 두 개짜리 tanh RNN이 읽는다. 손실은 마지막 상태 \#
                $h_{20}$만 본다. 문장을 마지막 상태로 분류할 때와 같다. 역전파를 보면 그래디언트가 첫 스텝들까지 \#
                얼마나 조금밖에 도달하지 못하는지 알 수 있다. 시드 002의 그래디언트 소실이다. LSTM 레슨은 같은 \#
                시퀀스를 읽고 그래디언트를 지켜 낸다.
                """#,
            "one unit chain": #"""
                유닛이 하나이면, 마지막 상태에서 $h_{0}«sup»$까지 도달하는 그래디언트는 스텝마다 인수를 하나씩 \#
                곱한 것이다. 각 인수는 tanh의 기울기 곱하기 $«Whh»$이다. 곧 $\frac{\partial h_{«T»}«sup»}{\partial h_{0}«sup»} = «symbols» = «numbers» = «product»$이다.
                """#,
            "gradient saturated": "«units»의 값은 ±1 근처로 포화되었다(«values»). 그래서 거의 아무것도 돌려보내지 못한다.",
            "gradient saturated, several": "«units»의 값은 ±1 근처로 포화되었다(«values»). 그래서 거의 아무것도 돌려보내지 못한다.",
            "gradient off": "«units»의 relu는 꺼져 있다(«values»). 그래서 아무것도 돌려보내지 않는다.",
            "gradient off, several": "«units»의 relu는 꺼져 있다(«values»). 그래서 아무것도 돌려보내지 않는다.",
            "slope here": #"여기서 $\tanh' = «slope»$이다."#,
            "chain shrinks": "여기서 각 인수 $\\tanh' \\cdot «Whh»$(«factors»)의 크기는 1보다 작다. 그래서 한 스텝 거슬러 갈 때마다 그래디언트가 줄어든다. 그래디언트가 사라진다.",
            "chain grows": "여기서 각 인수(«factors»)의 크기는 1보다 크다. 그래서 한 스텝 거슬러 갈 때마다 그래디언트가 커진다. 그래디언트가 폭발한다.",
            "chain mixed": "여기서 인수들(«factors») 가운데 크기가 1보다 작은 것도 있고 큰 것도 있다. 그래디언트는 어떤 스텝에서는 줄고 어떤 스텝에서는 커진다.",
            "one unit bound": #"$\tanh' \le 1$이므로 이 곱의 크기는 많아야 $|«Whh»|^{«T»} = «w»^{«T»} = «bound»$이고, 어느 스텝도 포화되지 않을 때($a_{t}«sup»$가 0 근처) 그 값에 이른다. $|«Whh»| > 1$이면 같은 네트워크라도 tanh를 포화시키지 않는 입력에서는 폭발하고, 포화시키는 입력에서는 사라진다."#,
            "one unit chain, relu": #"""
                유닛이 하나이면, 마지막 상태에서 $h_{0}«sup»$까지 도달하는 그래디언트는 스텝마다 인수를 하나씩 \#
                곱한 것이다. 각 인수는 relu의 기울기(1 또는 0) 곱하기 $«Whh»$이다. 곧 $\frac{\partial h_{«T»}«sup»}{\partial h_{0}«sup»} = «symbols» = «numbers» = «product»$이다.
                """#,
            "summary": "시간축으로 펼친 기본 RNN: 가중치 행렬 하나를 모든 타임스텝에서 재사용한다",
            "title": "시간축으로 펼친 기본 RNN",
            "default.summary": "“e l l”: 같은 글자가 두 번 들어와도 은닉 상태는 서로 다르다",
            "default.story": #"""
                시드 노트의 문자 단위 언어 모델은 “hello”를 한 글자씩 읽는다. 여기서는 슬라이드의 스텝 2부터 4까지, \#
                “e”, “l”, “l”을 읽는다. 각 글자는 h, e, l 가운데 하나를 나타내는 *원-핫 벡터*이다(입력 1, 2, 3; 슬라이드의 마지막 \#
                글자 “o”는 예측되기만 한다). 그래서 슬라이드의 스텝 3과 4가 여기서는 스텝 2와 3이다. 입력은 같지만 \#
                상태는 둘이 다르다. $h_{t}$가 그 앞에 읽은 것도 담고 있기 때문이다.
                """#,
            "alternative relu": "tanh 대신 relu를 쓰는 RNN",
            "alternative tanh": "relu 대신 tanh를 쓰는 RNN",
            "why": #"""
                순환 신경망은 시퀀스를 한 원소씩 읽으면서, 지금까지 읽은 것을 요약하는 **은닉 상태** $h_{t}$를 \#
                유지한다. 스텝마다 **같은** 가중치의 같은 셀을 새 입력 $x_{t}$와 이전 상태 $h_{t-1}$에 적용하므로, \#
                길이에 상관없이 시퀀스를 읽을 수 있다. 펼치면 루프는 스텝마다 셀의 복사본이 하나씩 있는 사슬이 된다. \#
                역전파에서는 그 사슬을 거슬러 가면서 그래디언트에 스텝마다 한 번씩 $W_{hh}^{\top}$와 비선형 함수의 기울기가 곱해진다.
                """#,
            "heading equations": "식",
            "symbols, tanh": #"""
                $a_{t}$는 **활성화 전 값**이다. $\tanh(z) = (e^{z} - e^{-z})/(e^{z} + e^{-z})$의 값은 (−1, 1) 안에 있다. \#
                **관례**: `torch.nn.RNN`을 따른다. 열 벡터를 쓰고, $W_{ih}$(H × I)와 $W_{hh}$(H × H)를 \#
                왼쪽에서 곱하며, 하나면 충분한 바이어스를 두 개 둔다.
                """#,
            "symbols, relu": #"""
                $a_{t}$는 **활성화 전 값**이다. $\operatorname{relu}(z) = \max(0, z)$이다. **관례**: \#
                relu를 쓰는 `torch.nn.RNN`을 따른다. 열 벡터를 쓰고, $W_{ih}$(H × I)와 $W_{hh}$(H × H)를 \#
                왼쪽에서 곱하며, 하나면 충분한 바이어스를 두 개 둔다.
                """#,
            "heading steps": "한 스텝씩",
            "h saturated": #"«units»의 값은 tanh가 평평한 ±1 근처에 있다(«values»)."#,
            "h saturated, several": #"«units»의 값은 tanh가 평평한 ±1 근처에 있다(«values»)."#,
            "h off": #"«units»의 relu는 꺼져 있다(«values»). 그래서 0을 낸다."#,
            "h off, several": #"«units»의 relu는 꺼져 있다(«values»). 그래서 0을 낸다."#,
            "heading summary": "요약",
            "figure h": "시간에 따른 은닉 상태",
            "panel h": "은닉 상태 h",
            "figure h, description, tanh": "유닛마다 선 하나이다. 세로축은 tanh의 범위인 −1에서 1까지이다. 수치는 아래 표에 있다.",
            "figure h, description, relu": "유닛마다 선 하나를 그렸다. 수치는 아래 표에 있다.",
            "notice": #"""
                다대일 과제(문장의 감성 분류)라면 마지막 상태 $«hT»$ 하나를 출력층에 넘긴다. \#
                다대다 과제(태깅, 언어 모델링)는 모든 $«ht»$를 쓴다.
                """#,
            "slide same input": #"시드 002: “3번째 time step과 4번째 time step을 보면 둘 다 같은 입력 ‘l’이 들어가지만 다른 character를 예측할 수 있어야 한다.”"#,
            "same input, other state": #"상태에 대해서는 확인된다. $x_{«s»} = x_{«t»}$이지만 두 상태는 다르다($h_{«s»}«sup» = «hs»$, $h_{«t»}«sup» = «ht»$). 그래서 출력층이 서로 다른 글자를 예측할 수 있다."#,
            "same input, same state": #"여기서는 반박된다. $x_{«s»} = x_{«t»}$이고 $h_{«s»}«sup» = h_{«t»}«sup» = «hs»$이므로, 상태로는 둘을 구별하지 못한다."#,
            "slide row form": #"시드 004: “$h_{t} = \tanh(x_{t} W_{x} + h_{t-1} W + b)$.”"#,
            "row form": #"전치하면 확인된다. $W_{x} = «WihT»$, $W = «WhhT»$, $b = b_{ih}«sup» + b_{hh}«sup»$로 두면, 행 $x_{1} W_{x} + b = «row»$ 자체가 $«Wih» x_{1} + b_{ih}«sup» + b_{hh}«sup»$를 눕힌 것이다. 그래서 모든 $h_{t}«sup»$가 똑같이 나온다."#,
            "slide powers": #"시드 002: “$h_{3}$에서 $h_{1}$까지 $\tanh'$, $W_{hh}$(3), $\tanh'$, $W_{hh}$(3)을 계속해서 곱해주게 된다. $W_{hh}$ 값이 거듭제곱이 되어 gradient 값이 증폭이 된다. 0.2를 곱하면 엄청 작아지고, 3을 곱하면 엄청 커진다.”"#,
            "powers, only when": #"«condition» 때에만 그렇다. 여기서 $«Whh» = «w»$이지만, 한 스텝 거슬러 갈 때마다 곱하는 $«slope» «Whh»$는 «factors»이므로 $\partial h_{«T»}«sup» / \partial h_{0}«sup» = «product»$이다. 그래디언트가 사라진다."#,
            "powers, unsaturated": #"모든 $a_{t}«sup» = 0$이라면«inputs» 각 인수는 $«Whh»$ 자체가 되고, 곱은 $«w»^{«T»} = «bound»$이다. 증폭된다."#,
            "unsaturated inputs": " («inputs»일 때처럼)",
            "list two inputs": "$x_{1} = «x1»$ 및 $x_{2} = «x2»$",
            "list inputs": #"$x_{1} = «x1»$ 및 $x_{2} = \dots = x_{«T»} = «xt»$"#,
            "powers, shrinks": #"작은 $W_{hh}$의 경우로 확인된다. $«Whh» = «w»$이면 한 스텝 거슬러 갈 때마다 곱하는 $«slope» «Whh»$는 «factors»이므로 $\partial h_{«T»}«sup» / \partial h_{0}«sup» = «product»$이다. 그래디언트가 사라진다."#,
            "powers, grows": #"확인된다. $«Whh» = «w»$이면 한 스텝 거슬러 갈 때마다 곱하는 $«slope» «Whh»$는 «factors»이므로 $\partial h_{«T»}«sup» / \partial h_{0}«sup» = «product»$이다. 그래디언트가 폭발한다."#,
            "condition, tanh": "tanh가 포화되지 않을",
            "condition, relu": "유닛이 계속 켜져 있을",
            "powers, bound": #"작은 $W_{hh}$의 경우로 확인된다. 한 스텝 거슬러 갈 때마다 그래디언트에는 $«WhhT»$와 기울기 $1 - «hsq»$가 곱해진다. 그 배율은 많아야 $\lVert «Whh» \rVert_{F} = «norm»$ 곱하기 가장 큰 기울기이다. 그래서 $h_{«T»}«sup»$에서 $h_{0}«sup»$까지 거슬러 가는 그래디언트에는 원래 크기의 많아야 $«bound»$배만 남는다."#,
        ])
}
