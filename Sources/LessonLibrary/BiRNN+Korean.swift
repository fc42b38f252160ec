// The Korean words of birnn (SPEC "Korean notes"): the same keys and slots as BiRNN+Words.swift,
// less the English-only grammar («were», «they», «read», «their», «has»). A slot's batchim is
// unknown, so no particle follows one directly.

import TraceCore

extension BiRNN {
    static let korean = Words(
        captions: [
            "input": ("입력 시퀀스", #"t행은 $x_{t}$이다. 두 방향 모두 같은 행들을 읽는데, 순방향은 위에서부터, 역방향은 아래에서부터 읽는다."#),
            "h0": ("초기 은닉 상태", #"양방향 층에서 PyTorch가 받는 `h0`이며, 모양은 2 × H다. 1행은 순방향의 시작 상태 $«fh0»$이고, 2행은 역방향의 시작 상태 $«bh0»$, 곧 역방향이 $x_{«T»}$ 읽기 전에 가진 상태다."#),
            "c0": ("초기 셀 상태", #"1행은 순방향 셀 상태의 시작 $«fc0»$이고, 2행은 역방향 셀 상태의 시작 $«bc0»$이다."#),
            "forward weight_ih_l0": ("순방향 입력 가중치", #"순방향에서 $x_{t}$에 곱한다«per row»."#),
            "forward weight_hh_l0": ("순방향 순환 가중치", #"왼쪽 위치의 상태 $\overrightarrow{h_{t-1}}$에 곱한다. 이 가중치로 순방향은 읽은 것을 오른쪽으로 실어 나른다."#),
            "forward bias_ih_l0": ("순방향 입력 바이어스", ""),
            "forward bias_hh_l0": ("순방향 순환 바이어스", #"합 $\overrightarrow{b_{ih}} + \overrightarrow{b_{hh}}$만 의미가 있다."#),
            "forward bias_hh_l0, gru": ("순방향 순환 바이어스", #"r, z 행에서는 $\overrightarrow{b_{ih}} + \overrightarrow{b_{hh}}$만 의미가 있다. $\overrightarrow{b_{hn}}$에는 리셋 게이트가 곱해진다."#),
            "reverse weight_ih_l0": ("역방향 입력 가중치", #"역방향이 따로 가진 가중치로, 같은 $x_{t}$에 다른 값을 곱한다«per row»."#),
            "reverse weight_hh_l0": ("역방향 순환 가중치", #"오른쪽 위치의 상태 $\overleftarrow{h_{t+1}}$에 곱한다. 이 가중치로 역방향은 읽은 것을 왼쪽으로 실어 나른다."#),
            "reverse bias_ih_l0": ("역방향 입력 바이어스", ""),
            "reverse bias_hh_l0": ("역방향 순환 바이어스", #"합 $\overleftarrow{b_{ih}} + \overleftarrow{b_{hh}}$만 의미가 있다."#),
            "reverse bias_hh_l0, gru": ("역방향 순환 바이어스", #"r, z 행에서는 $\overleftarrow{b_{ih}} + \overleftarrow{b_{hh}}$만 의미가 있다. $\overleftarrow{b_{hn}}$에는 리셋 게이트가 곱해진다."#),
            "output": ("출력", #"t행은 두 상태를 이어 붙인 수 «2H»개로, 앞은 $«fht»$, 뒤는 $«bht»$이다. `«module»(bidirectional=True)`가 `output`으로 돌려주는 값이다. 앞 절반은 $x_{1} \dots x_{t}$까지, 뒤 절반은 $x_{t} \dots x_{«T»}$까지 읽었으므로, 둘을 합치면 위치 t에서 본 시퀀스 전체가 된다. 각 값은 그것이 온 상태에서 그대로 복사된다."#),
            "grad_output": ("손실의 그래디언트", #"손실은 $L = \sum_{t} G_{t} \cdot y_{t}$이고, $y_{t}$는 $Y$의 t행이다. $G$의 t행은 $\frac{\partial L}{\partial y_{t}}$이며, 앞 H개는 $\overrightarrow{h_{t}}$의 몫, 뒤 H개는 $\overleftarrow{h_{t}}$의 몫이다."#),
            "grad_output, ones": ("손실의 그래디언트", #"손실은 $L = \sum_{t} G_{t} \cdot y_{t}$이고, $y_{t}$는 $Y$의 t행이다. $G$의 t행은 $\frac{\partial L}{\partial y_{t}}$이며, 앞 H개는 $\overrightarrow{h_{t}}$의 몫, 뒤 H개는 $\overleftarrow{h_{t}}$의 몫이다. $G$의 값은 모두 1이므로, L은 출력의 모든 값을 더한 것이다."#),
            "output.grad": ("출력의 그래디언트", #"손실의 그래디언트 $G$ 그대로다. 출력은 다른 곳에 다시 쓰이지 않기 때문이다. 이 그래디언트는 열을 따라 두 방향으로 나뉜다. t행의 앞 H개는 $\overrightarrow{h_{t}}$로, 뒤 H개는 $\overleftarrow{h_{t}}$로 간다."#),
            "weight_ih_l0.grad": ("입력 가중치의 그래디언트", #"위치마다 항 $\frac{\partial L}{\partial «a»} x_{t}^{\top}$ 하나씩을 모두 더한다. 같은 $«Wih»$ 가중치가 모든 위치에서 쓰였기 때문이다."#),
            "weight_hh_l0.grad": ("순환 가중치의 그래디언트", #"위치마다 항 $\frac{\partial L}{\partial «ah»} «hT»$ 하나씩을 모두 더한다. 이 방향의 순서를 따르는 시간에 따른 역전파다."#),
            "weight_hh_l0.grad, zero h0": ("순환 가중치의 그래디언트", #"위치마다 항 $\frac{\partial L}{\partial «ah»} «hT»$ 하나씩을 모두 더한다. 이 방향의 순서를 따르는 시간에 따른 역전파다. $«h0» = 0$이므로 첫 스텝(t = «first»)은 아무것도 더하지 않는다."#),
            "bias_ih_l0.grad": ("입력 바이어스의 그래디언트", #"위치마다의 $\frac{\partial L}{\partial «a»}$를 모두 더한 것이다. 바이어스는 매 스텝 더해지기 때문이다."#),
            "bias_hh_l0.grad": ("순환 바이어스의 그래디언트", #"$«bih»$의 그래디언트와 같은 합이다. 두 바이어스는 나란히 더해지므로 언제나 같은 그래디언트를 받는다."#),
            "bias_hh_l0.grad, gru": ("순환 바이어스의 그래디언트", #"r, z 행은 $«bih»$의 그래디언트와 같은 합이다. n 행은 다르다. $b_{hn}$은 $r_{t} \odot (W_{hn} h + b_{hn})$ 안에 있으므로, 스텝마다의 몫에 리셋 게이트가 곱해진다."#),
            "h0.grad": ("초기 은닉 상태의 그래디언트", #"1행은 순방향의 t = 1 스텝에서 시작 상태 $«fh0»$에 도달하는 값, 2행은 역방향의 t = «T» 스텝에서 시작 상태 $«bh0»$에 도달하는 값이다."#),
            "c0.grad": ("초기 셀 상태의 그래디언트", #"1행은 순방향 셀 상태를 따라 t = 1 스텝에서 $«fc0»$에 도달하는 값, 2행은 역방향의 t = «T» 스텝에서 $«bc0»$에 도달하는 값이다."#),
            "input.grad": ("입력 시퀀스의 그래디언트", #"두 방향 모두 $x_{t}$를 읽으므로, t행은 각 방향이 돌려보내는 값의 합이다: $«fWihT» \frac{\partial L}{\partial «fa»} + «bWihT» \frac{\partial L}{\partial «ba»}$."#),
        ],
        text: [
            "title": "양방향 RNN: 시퀀스를 양쪽으로 읽기",
            "summary": "양방향 RNN: 각자 가중치를 가진 순방향과 역방향, 위치마다 두 상태를 나란히",
            "why": #"""
                왼쪽에서 오른쪽으로 읽는 순환 신경망은 위치 t에서 그 앞의 것만 안다. $h_{t}$는 \#
                $x_{1} \dots x_{t}$까지 읽었다. 그런데 단어의 뜻은 뒤에 오는 말에 달린 경우가 많다. \#
                **양방향** 신경망은 아무것도 공유하지 않는 두 셀로 시퀀스를 두 번 읽는다. 하나는 왼쪽에서 오른쪽으로 \#
                읽는 순방향 셀이고, 다른 하나는 자기 가중치로 오른쪽에서 왼쪽으로 읽는 역방향 셀이다. 위치마다 두 상태를 \#
                나란히 놓으므로, 위치 t의 벡터는 양쪽 단어를 모두 본 셈이다.
                """#,
            "heading equations": "수식",
            "equations": #"""
                \begin{aligned}
                «cell»
                y_{t} &= \begin{bmatrix} \overrightarrow{h_{t}} \\ \overleftarrow{h_{t}} \end{bmatrix} && \text{수 2H개: 출력 } Y \text{의 } t \text{행}
                \end{aligned}
                """#,
            "cell equations, rnn": #"""
                \overrightarrow{h_{t}} &= \tanh(\overrightarrow{W_{ih}} x_{t} + \overrightarrow{b_{ih}} + \overrightarrow{W_{hh}} \overrightarrow{h_{t-1}} + \overrightarrow{b_{hh}}) && t = 1 \dots T \text{, 시작: } \overrightarrow{h_{0}} \\
                \overleftarrow{h_{t}} &= \tanh(\overleftarrow{W_{ih}} x_{t} + \overleftarrow{b_{ih}} + \overleftarrow{W_{hh}} \overleftarrow{h_{t+1}} + \overleftarrow{b_{hh}}) && t = T \dots 1 \text{, 시작: } \overleftarrow{h_{T+1}} \\
                """#,
            "cell equations, lstm": #"""
                \overrightarrow{h_{t}}, \overrightarrow{c_{t}} &= \operatorname{LSTM}(x_{t}, \overrightarrow{h_{t-1}}, \overrightarrow{c_{t-1}}; \overrightarrow{W}) && t = 1 \dots T \text{, 시작: } \overrightarrow{h_{0}}, \overrightarrow{c_{0}} \\
                \overleftarrow{h_{t}}, \overleftarrow{c_{t}} &= \operatorname{LSTM}(x_{t}, \overleftarrow{h_{t+1}}, \overleftarrow{c_{t+1}}; \overleftarrow{W}) && t = T \dots 1 \text{, 시작: } \overleftarrow{h_{T+1}}, \overleftarrow{c_{T+1}} \\
                """#,
            "cell equations, gru": #"""
                \overrightarrow{h_{t}} &= \operatorname{GRU}(x_{t}, \overrightarrow{h_{t-1}}; \overrightarrow{W}) && t = 1 \dots T \text{, 시작: } \overrightarrow{h_{0}} \\
                \overleftarrow{h_{t}} &= \operatorname{GRU}(x_{t}, \overleftarrow{h_{t+1}}; \overleftarrow{W}) && t = T \dots 1 \text{, 시작: } \overleftarrow{h_{T+1}} \\
                """#,
            "cell name, rnn": "기본 RNN 셀(tanh)",
            "cell name, lstm": "LSTM 셀",
            "cell name, gru": "GRU 셀",
            "cell lesson, rnn": "rnn-unroll 레슨",
            "cell lesson, lstm": "lstm-gates 레슨",
            "cell lesson, gru": "gru 레슨",
            "convention": #"""
                **관례:** PyTorch의 `nn.RNN`, `nn.LSTM`, `nn.GRU`에 `bidirectional=True`를 준 것으로, 층 하나에 \#
                시퀀스 하나다. 각 방향은 «cell»이고, «lesson»에서처럼 계산한다. 가중치는 모듈의 것을 그대로 \#
                쓴다: 순방향은 `weight_ih_l0`, `weight_hh_l0`, `bias_ih_l0`, `bias_hh_l0`, 역방향은 같은 이름에 \#
                `_reverse`가 붙는다. 둘은 화살표로 구분하며($\overrightarrow{W_{ih}}$, $\overleftarrow{W_{ih}}$), \#
                각 방향의 값에도 모두 화살표를 붙인다. «states» **인덱스는 두 방향 모두 시퀀스 속 위치다**: \#
                $\overleftarrow{h_{t}}$(`bwd.h[t]`)는 $x_{t}$를 읽은 상태이고, 역방향은 \#
                $\overleftarrow{h_{«T»}}$부터 계산해 $\overleftarrow{h_{1}}$에서 끝난다. 출력의 t행에는 위치 t의 \#
                두 상태가 함께 들어가므로, 역방향의 *마지막* 상태는 1행에 있다. 그래서 PyTorch의 `h_n`은 2 × H이고, \#
                1행은 $\overrightarrow{h_{«T»}}$, 2행은 $\overleftarrow{h_{1}}$이며, 2행은 출력 1행의 뒤 절반과 같다. \#
                Keras의 `Bidirectional`도 `merge_mode="concat"`이면 같은 순서로 이어 붙인다. \#
                `"sum"`, `"mul"`, `"ave"`는 대신 두 상태를 수 H개로 합친다.
                """#,
            "convention states": #"""
                `h0`의 모양은 2 × H다. 1행은 순방향의 $\overrightarrow{h_{0}}$이고, 2행은 역방향이 \#
                $x_{«T»}$ 읽기 전에 가진 상태, 여기서는 $\overleftarrow{h_{«T+1»}}$이다.
                """#,
            "convention states, lstm": #"""
                `h0`, `c0`의 모양은 각각 2 × H다. 1행은 순방향의 $\overrightarrow{h_{0}}$, \#
                $\overrightarrow{c_{0}}$이고, 2행은 역방향이 $x_{«T»}$ 읽기 전에 가진 상태, 여기서는 \#
                $\overleftarrow{h_{«T+1»}}$, $\overleftarrow{c_{«T+1»}}$이다.
                """#,
            "legend T": "위치 수(입력의 행 수), 두 방향이 모두 읽는다",
            "legend I": "입력 크기. 위치마다 들어오는 수의 개수",
            "legend H": "각 방향의 은닉 크기(출력은 위치마다 수 2H개)",
            "label direction": "방향",
            "label forward": "순방향 →",
            "label reverse": "역방향 ←",
            "heading forward weights": "순방향의 가중치",
            "heading reverse weights": "역방향의 가중치",
            "weights apart": #"""
                두 방향은 입력만 공유한다. 가중치와 바이어스를 각자 따로 가지며, 서로의 상태를 읽지 않는다. \#
                그래서 둘은 독립적이고 병렬로 돌릴 수 있다. 시드 001도 두 모듈을 나란히 두어 “병렬적으로” \#
                만든다. 둘은 출력에서만 만난다.
                """#,
            "heading forward": "순방향: t = 1 … «T», 왼쪽에서 오른쪽으로",
            "forward reads": #"""
                순방향은 $«h0»$에서 출발해 $x_{1}, x_{2}, \dots, x_{«T»}$ 순서로 읽으며, \#
                «lesson»의 셀에 순방향 가중치를 쓴다.
                """#,
            "heading reverse": "역방향: t = «T» … 1, 오른쪽에서 왼쪽으로",
            "reverse reads": #"""
                역방향은 $«h0»$에서 출발해 «order» 읽는다. 셀은 같고 가중치는 자기 것이며, 순방향의 \#
                $«hprev»$ 자리에는 오른쪽 위치의 상태 $«hnext»$ 값이 들어간다. 타임스텝 번호는 읽는 단어의 \#
                위치를 그대로 따르므로 거꾸로 센다. 각 값의 의미는 순방향에서 설명했으니, 여기서는 이 수치들이 \#
                새로 알려 주는 것만 말한다.
                """#,
            "order, long": "$x_{«T»}$부터 $x_{«T-1»}$, …, $x_{1}$ 순으로",
            "order, two": "$x_{2}$, $x_{1}$ 순으로",
            "order, one": "순방향처럼 하나뿐인 입력 $x_{1}$만",
            "heading output": "출력: 위치마다 두 상태",
            "h_n": #"PyTorch의 `h_n`은 각 방향의 마지막 상태를 담는다. 곧 «T»행의 앞 절반 $«fhT» = «fT»$, 그리고 1행의 뒤 절반 $«bh1» = «b1»$이다."#,
            "h_n, one step": #"위치가 하나뿐이면 PyTorch의 `h_n`은 출력의 유일한 행을 둘로 나눈 것이다. 곧 $«fhT» = «fT»$, $«bh1» = «b1»$."#,
            "heading summary": "요약",
            "figure states": "위치마다 두 방향의 상태",
            "row output": "출력",
            "row forward": "순방향 →",
            "row reverse": "역방향 ←",
            "row input": "입력",
            "figure states, description": #"""
                위치마다 한 열씩 펼친 신경망이다. 한 행에는 상태를 오른쪽으로 넘기는 순방향 셀들이, 그 아래 행에는 \#
                상태를 왼쪽으로 넘기는 역방향 셀들이 있다. 두 방향 모두 열 맨 아래의 입력을 읽고, 열 맨 위의 \#
                출력은 두 상태를 나란히 놓은 것이다. 각 사각형은 유닛 값 하나로, 0보다 크면 빨강, 작으면 파랑이다.
                """#,
            "summary saying": #"""
                위치 t의 출력 행에는 $x_{t}$의 양쪽이 모두 담긴다. $«fht»$ 쪽은 $x_{t}$와 그 왼쪽을, \#
                $«bht»$ 쪽은 $x_{t}$와 그 오른쪽을 읽었다(모든 행은 위 출력 표에 있다). 시퀀스의 두 끝은 각 \#
                방향이 모든 것을 읽은 곳이다. 곧 $«fhT» = «fT»$, $«bh1» = «b1»$, 곧 PyTorch의 `h_n`이다. \#
                시퀀스 전체를 분류하는 모델은 이것을 읽고, 태거는 위치마다 하나씩 $Y$의 행을 읽는다.
                """#,
            "summary carried": #"""
                그림에서 역방향 행은 «last»에서의 $«bhT» = «bT»$의 부호를 «first»까지 그대로 유지한다. 각 유닛은 \#
                왼쪽의 모든 위치에서 부호가 같다(그것이 «last» 덕분인지, 사이의 단어들 덕분인지는 위에서 \#
                «last»만 바꿔 다시 돌린 결과가 말해 준다).
                """#,
            "summary not carried": #"""
                그림에서 역방향 행은 왼쪽으로 가며 색이 바뀐다. «units»의 부호가 $«bhT» = «bT»$(«last»를 \#
                읽은 상태), $«bh1» = «b1»$ 두 상태에서 서로 다르다.
                """#,
            "slide other side": #"시드 001: “정보를 반대쪽에서 가져와야 한다면 이렇게 양방향으로 하는게 더 효율적이라는 듯.” (“~라는 듯”이라고 쓴 것처럼 시드도 단정하지 않는다.)"#,
            "other side, shown": #"""
                수치가 보여 주는 것은 반대쪽 정보가 위치 1까지 온다는 사실이다. 그것이 더 효율적인지는 \#
                보여 주지 않는다. $«fh1» = «f1»$ 쪽은 $x_{1}$만 읽었고(같은 가중치로 $x_{1}$ 하나만 돌려도 같은 값이 \#
                나온다), $«bh1» = «b1»$ 쪽은 «T»개 위치를 모두 읽었다. 역방향도 $x_{1}$ 하나만 읽었다면 «b1 alone» 값이 나왔을 것이다.
                """#,
            "other side, last input": #"""
                마지막 입력만 $x_{«T»}$에서 $-x_{«T»}$로 바꾸면, 위치 «T» 이전의 순방향 상태는 그대로다. \#
                반면 $«bh1»$ 쪽은 «b1 negated» 값으로 바뀐다. 시퀀스의 끝이 첫 위치까지 닿는다.
                """#,
            "other side, step by step, fades": #"""
                그래도 여느 순환 신경망처럼 한 스텝씩 건너간다. $x_{«T»}$의 영향은 역방향의 순환 스텝 \#
                «steps»번을 거쳐야 $«bh1»$에 닿는다. 부호를 뒤집으면 한 스텝 떨어진 $«bhT-1»$ 쪽은 \#
                «near»(변화의 길이)만큼 움직이지만, $«bh1»$ 쪽은 «far»만큼 움직인다. 변화의 «share»%만 남는 셈이다.
                """#,
            "other side, step by step, grows": #"""
                그래도 여느 순환 신경망처럼 한 스텝씩 건너간다. $x_{«T»}$의 영향은 역방향의 순환 스텝 \#
                «steps»번을 거쳐야 $«bh1»$에 닿는다. 부호를 뒤집으면 한 스텝 떨어진 $«bhT-1»$ 쪽은 \#
                «near»(변화의 길이)만큼, $«bh1»$ 쪽은 «far»만큼 움직인다. 여기서는 가는 동안 잃는 것이 없다.
                """#,
            "other side, not here, weights": #"""
                이 수치에서는 아니다. $«bh1» = «b1»$ 값은 $x_{1}$ 하나만 읽어도 같다. 오른쪽의 정보가 \#
                위치 1에 닿지 않는다(역방향의 순환 가중치가 모두 0이라 아무것도 넘기지 않는다).
                """#,
            "other side, not here": #"""
                이 수치에서는 아니다. $«bh1» = «b1»$ 값은 $x_{1}$ 하나만 읽어도 같다. 역방향이 오른쪽에서 \#
                실어 오는 정보는 위치 1의 상태를 $x_{1}$만 읽었을 때와 같은 자리에 둔다.
                """#,
            "slide own parameters": #"시드 001: “별개의 파라미터를 독립적으로 가지는 rnn을 가지게 됩니다.”"#,
            "own parameters, construction": #"""
                구조상 맞다. 모듈은 가중치를 두 벌 가진다. `weight_ih_l0`, `weight_hh_l0`, 그리고 `_reverse`가 \#
                붙은 같은 이름들이다. 역전파도 각각에 따로 그래디언트를 준다.
                """#,
            "own parameters, differ": #"""
                수치가 덧붙여 주는 것은 주어진 두 벌이 실제로 서로 다르다는 것뿐이다. `weight_ih_l0`, \#
                `weight_ih_l0_reverse` 사이에는 «ihN»개 중 «ih»개, `weight_hh_l0`, `weight_hh_l0_reverse` \#
                사이에는 «hhN»개 중 «hh»개 값이 다르다.
                """#,
            "own parameters, same numbers": #"""
                여기서는 두 방향에 같은 값을 주었지만, 그래도 파라미터는 두 벌이다. 학습하면 서로 달라진다.
                """#,
            "slide concatenate": #"시드 001: “특정한 타임스텝의 히든스테이트 벡터를 가져올때 포워드/백워드 에서 가져온 벡터를 컨캣 해줌으로서 정보를 챙겨오게 됩니다.”"#,
            "concatenate, confirmed": #"""
                맞다. $Y$의 1행은 $y_{1} = [«fh1» ; «bh1»] = «row1»$, 곧 수 «2H»개이며, 모든 위치가 그렇다. \#
                더하지 않고 이어 붙인다. Keras의 `merge_mode="sum"`이라면 «sum», 곧 수 H개가 되어 두 방향을 \#
                더는 구분할 수 없다.
                """#,
            "backward why": #"""
                그래디언트는 출력에서 각 방향으로 따로 거슬러 간다. 두 방향은 출력에서만 만나므로, 각자 거기서 \#
                $G$의 자기 몫을 받아 자기 가중치로 자기 스텝들을 거슬러 간다. 두 방향이 함께 읽은 입력 $x_{t}$에서만 \#
                둘이 돌려보내는 값이 더해진다.
                """#,
            "backward equations, words": #"""
                그다음 각 방향은 셀의 레슨에서처럼 자기 스텝들을 거슬러 가며, 여기서 $G_{t}$는 t행 중 그 방향의 \#
                절반이다. 순방향은 t = T에서 1로 내려가고(스텝 t + 1이 $\overrightarrow{h_{t}}$로 그래디언트를 \#
                돌려보낸다), 역방향은 t = 1에서 T로 올라간다(스텝 t − 1이 $\overleftarrow{h_{t}}$로 돌려보낸다):
                """#,
            "step": "스텝",
            "steps": "스텝",
            "reverse steps, same work": "왼쪽 입력에 같은 계산을 반복한다",
            "reverse steps, results shown": "그 결과는 아래 요약에 있다",
            "reverse steps back, same work": "같은 방식으로 그래디언트를 돌려보낸다",
            "reverse steps back, results shown": "그 그래디언트의 크기는 아래 그림에 있다",
            "heading reverse back": "역방향을 거슬러: t = 1 … «T»",
            "reverse back": #"""
                두 방향의 역전파는 순전파 때처럼 서로 독립이다. 이 노트는 역방향을 먼저 다룬다. 이 방향이 끝난 \#
                곳, t = 1에서 시작해 오른쪽으로 간다. $\overleftarrow{h_{t}}$의 그래디언트는 스텝 t − 1이 자기 \#
                몫을 돌려보내면 완성된다.
                """#,
            "heading gradient sizes": "위치별 그래디언트 크기",
            "heading forward back": "순방향을 거슬러: t = «T» … 1",
            "heading weight gradients": "가중치와 입력의 그래디언트",
            "weight gradients": "각 방향의 가중치는 «T»개 위치 모두에서 쓰였으므로, 각 그래디언트는 위치마다 항 하나씩을 더한 합이다.",
            "heading input gradients": "초기 상태와 입력",
            "heading input gradients, input only": "입력",
            "all four biases": "네 바이어스 모두",
            "left out, no gradient": "주어지지 않은 값은 «list»이다. 그래서 여기서는 0이고, 그래디언트가 없는 상수다. 어느 레슨에서나 주어진 배열만 그래디언트를 받는다. PyTorch 모듈에서는 바이어스가 파라미터이므로 그래디언트를 받는다. 입력에 넣어 주면 확인할 수 있다.",
            "figure gradient sizes": "위치별, 방향별 그래디언트 크기",
            "figure gradient sizes, description": #"""
                위치마다 각 방향의 상태 그래디언트 길이를 로그 스케일로 그렸다. 순방향의 그래디언트는 오른쪽 끝에서 \#
                왼쪽으로 가므로 그 패널은 오른쪽에서 왼쪽으로 읽고, 역방향의 그래디언트는 왼쪽 끝에서 오른쪽으로 \#
                가므로 그 패널은 왼쪽에서 오른쪽으로 읽는다.
                """#,
            "gradient sizes": #"$\lVert \partial L / \partial «state» \rVert$ 값은 거꾸로 가는 길이 시작하는 t = «start»에서 $«first»$, t = «end»에서 $«last»$이다. 그래디언트는 «change»."#,
            "gradient sizes, grows": "«way» 가면서 커진다",
            "gradient sizes, shrinks": "«way» 가면서 작아진다",
            "gradient sizes, same": "«way» 가는 동안 크기가 그대로다",
            "way, leftwards": "왼쪽으로",
            "way, rightwards": "오른쪽으로",
            "gradient sizes, one position": #"하나뿐인 위치에서 $\lVert \partial L / \partial «state» \rVert$ 값은 $«first»$이다."#,
            "gradient sizes, every position": "모든 위치가 자기 몫의 $G$를 두 방향에 더하므로, 이것은 출력 하나의 그래디언트가 홀로 거슬러 가는 크기가 아니다.",
            "default.summary": "“bank of the river”: 마지막 단어가 역방향을 통해 첫 위치까지 닿는다",
            "default.story": #"""
                시드 001의 양방향 RNN을 위해 여기서 만든 예다(시드에는 예가 없다). “bank of the river”에서 \#
                “bank”가 강둑인지 은행인지는 마지막 단어만 말해 준다. 왼쪽에서 오른쪽으로 읽는 신경망은 위치 1을 \#
                쓸 때 “bank”만 읽은 상태다. 각 단어는 지어낸 수 두 개로, 물과 얼마나 관련 있는지, 돈과 얼마나 \#
                관련 있는지를 나타낸다. “bank”는 0.5와 0.5, “river”는 1과 −1이다(“city”라면 −1과 1). 각 방향에는 \#
                tanh 유닛이 두 개 있다. 가중치는 소수 한 자리이고, 바이어스는 없으며 초기 상태는 0이다(빠져 \#
                있으므로 0). 역방향의 순환 가중치는 크게(대각선에 0.9) 두어 “river”를 “bank”까지 실어 오게 했다. \#
                아래에서 시드 노트를 검토하는 부분은 같은 신경망을 “bank of the city”(마지막 행의 부호를 뒤집은 것)와 \#
                “bank” 하나에 대해 다시 돌린다.
                """#,
            "default.backward": #"""
                손실은 출력의 모든 값을 더한 것이다($G$는 모두 1). 두 방향이 각자 문장의 자기 쪽 끝에서 \#
                시작해 서로 반대 순서로 거슬러 가는 것을 지켜보라.
                """#,
            "lstm.summary": "“bank of the river”를 두 LSTM 셀이 양쪽으로 읽는다",
            "lstm.story": #"기본 예의 문장을 두 LSTM 셀로 읽는다(`nn.LSTM(2, 2, bidirectional=True)`). «computed»"#,
            "gru.summary": "“bank of the river”를 두 GRU 셀이 양쪽으로 읽는다",
            "gru.story": #"기본 예의 문장을 두 GRU 셀로 읽는다(`nn.GRU(2, 2, bidirectional=True)`, PyTorch의 reset-after 방식 후보 값«h0»). «computed»"#,
            "story h0 zeros": "; `h0` 값은 0으로 주어짐",
            "gate i": "입력 게이트",
            "gate f": "망각 게이트",
            "gate o": "출력 게이트",
            "gate r": "리셋 게이트",
            "gate z": "업데이트 게이트",
            "story input alone": #"역방향에서 입력만 읽는 게이트는 «gates»이다. $\overleftarrow{W_{hh}}$에서 그 행들이 0이기 때문이다."#,
            "story constant gate": #"«gate»의 $\overleftarrow{W_{ih}}$ 행도 0이다. 그래서 이 게이트는 바이어스만으로 정해지는 상수, $\sigma(«b») = «v»$이다."#,
            "story constant gate, units": #"«gate»의 $\overleftarrow{W_{ih}}$ 행도 0이다. 그래서 이 게이트는 바이어스만으로 정해지는 상수, 유닛별로 $\sigma(«b») = «v»$이다."#,
            "story lstm last": #"«last»에서 $«i»$ 값은 «v»이다. 입력 게이트의 상태를 유닛별로 보면 «units»이다«written»."#,
            "lstm unit gate": "유닛 «j»(«state»)",
            "forget biases of": "모두 «b»",
            "gate opens": "열림",
            "gate half": "반쯤 열림",
            "gate shut": "거의 닫힘",
            "lstm written": #". 그래서 «last»의 내용이 «units»의 셀에 기록된다"#,
            "unit": "유닛 «j»",
            "story lstm kept, same": #"«first»까지 가는 동안 $«f»$ 값은 모든 단어에서 «v»이다. 그래서 셀의 직접 경로는 스텝마다 담고 있던 것의 «v»만큼을 유지한다(후보 값은 $\overleftarrow{W_{hh}}$를 통해 상태를 읽으므로 더 많이 다시 써 넣을 수 있다)."#,
            "story lstm kept, range": #"«first»까지 가는 동안 $«f»$ 값은 «min»에서 «max» 사이다. 그래서 셀의 직접 경로는 스텝마다 담고 있던 것을 그만큼 유지한다(후보 값은 $\overleftarrow{W_{hh}}$를 통해 상태를 읽으므로 더 많이 다시 써 넣을 수 있다)."#,
            "story lstm forward": #"순방향은 자기 게이트를 따로 가지며, 망각 게이트의 바이어스는 «b»이다."#,
            "story gru last": #"PyTorch의 $z$는 이전 상태를 유지하는 쪽이다. «last»에서 $«z»$ 값은 «v»이다. 그래서 유닛마다 하는 일이 다르다: «units»."#,
            "gru takes": "유닛 «j»(후보 값을 대부분 받아들임)",
            "gru keeps": "유닛 «j»(«start»를 대부분 유지)",
            "gru start zero": "0인 시작 상태",
            "gru start": "시작 상태",
            "story gru between": #"«last»에서 «first»까지 가는 길의 «words»에서 $\overleftarrow{z}$ 값은 «values»이다. 그래서 이 단어들에서 상태는 자기 값의 «min»%~«max»%를 직접 유지한다(후보 값도 $\overleftarrow{W_{hn}}$를 통해 상태를 읽는다)."#,
        ])
}
