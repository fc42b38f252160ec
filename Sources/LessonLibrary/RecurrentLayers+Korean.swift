// The Korean words of stacked layers (`layersWords` in Recurrent+Layers.swift): the same keys and slots.

import TraceCore

let layersKorean = Words(
    captions: [
        "weight_ih, upper": ("입력 가중치", #"아래층의 스텝 t 은닉 상태 $h_{t}^{(«below»)}$에 곱하는 행렬이다«per row»."#),
        "weight_ih, upper.grad": ("입력 가중치의 그래디언트", #"스텝마다 항 $\frac{\partial L}{\partial a_{t}^{(«l»)}} h_{t}^{(«below»)\top}$ 하나씩을 모두 더한다. 모든 스텝에서 같은 $W_{ih}^{(«l»)}$를 썼기 때문이다."#),
        "weight_hh, upper.grad": ("순환 가중치의 그래디언트", #"스텝마다 항 $\frac{\partial L}{\partial a_{t}^{(«l»)}} h_{t-1}^{(«l»)\top}$ 하나씩을 모두 더한다. 층 «n» 안에서 시간을 거슬러 가는 역전파이다."#),
        "weight_hh, upper.grad, zero h0": ("순환 가중치의 그래디언트", #"스텝마다 항 $\frac{\partial L}{\partial a_{t}^{(«l»)}} h_{t-1}^{(«l»)\top}$ 하나씩을 모두 더한다. 층 «n» 안에서 시간을 거슬러 가는 역전파이다. $h_{0}^{(«l»)} = 0$이므로 스텝 1의 항은 0이다."#),
        "bias_ih, upper.grad": ("입력 바이어스의 그래디언트", #"층 «n»의 입력 바이어스도 아래 층 1의 경우처럼, 각 스텝이 이 바이어스로 돌려보내는 값을 스텝 전체에 걸쳐 더한 것이다."#),
        "bias_hh, upper.grad": ("순환 바이어스의 그래디언트", #"층 «n»의 순환 바이어스도 아래 층 1의 경우처럼, 각 스텝이 이 바이어스로 돌려보내는 값을 스텝 전체에 걸쳐 더한 것이다."#),
        "h[t].grad, below": ("은닉 상태의 그래디언트", #"스텝 t + 1에서 $«WhhT»$를 거쳐 돌아오는 값에, 위층이 자기 스텝 t에서 입력 가중치를 거쳐 내려보내는 값을 더한 것이다."#),
        "h[t].grad, below, last": ("은닉 상태의 그래디언트", #"위층이 자기 스텝 «t»에서 내려보내는 값뿐이다. 이 층에는 $h_{«t»}«sup»$를 쓰는 뒤 스텝이 없다."#),
        "h[t].grad, below, cut": ("은닉 상태의 그래디언트", #"위층이 자기 스텝 «t»에서 내려보내는 값뿐이다. $h_{«t»}«sup»$는 떼어 낸 채(truncated BPTT) 스텝 «t+1»에 들어갔으므로, 그쪽에서는 아무것도 돌아오지 않는다."#),
    ],
    text: [
        "layers": #"""
            **층 «L»개**를 `num_layers = «L»`처럼 쌓았다. 층 1(PyTorch의 l0)은 시퀀스 $x_{t}$를 읽는다. \#
            그 위의 각 층은 아래층의 은닉 상태 $h_{t}$를 입력 시퀀스로 읽고, 자기만의 가중치를 가진다. \#
            `weight_ih_l1`은 «stack» × H이다. 아래층의 수 H개를 읽기 때문이다. 위의 식은 모든 층에서 성립한다. \#
            **표기**: 한 층짜리 노트에서 $h_{t}$, $W_{ih}$, …로 쓰는 것에, 여기서는 필드 이름처럼 PyTorch의 \#
            층 번호를 위첨자로 붙인다. $h_{t}^{(0)}$는 층 l0의 것이고, $W_{ih}^{(1)}$는 `weight_ih_l1`이다. \#
            값 이름에서 맨 위가 아닌 층들은 접두사 `l0.`, `l1.`, …를 붙인다(`l0.h[2]`). 맨 위층은 접두사 없는 \#
            이름을 그대로 쓰므로, `h[t]`는 스텝 t에서 모듈의 출력이다. `h0`(그리고 `c0`)은 층마다 한 행씩이다.
            """#,
        "layer first": #"이 층은 입력 시퀀스를 읽는다. $x_{t}$는 $X$의 t번째 행이다."#,
        "layer reads": #"스텝 t에서 이 층의 입력은 아래층의 은닉 상태 $h_{t}^{(«below»)}$이다(위에서 그 층의 부분에 나왔다; `l«below».h[t]`). 식은 같고, $x_{t} = h_{t}^{(«below»)}$이다. 이 층의 가중치:"#,
        "layer reads, top": #"스텝 t에서 이 층의 입력은 아래층의 은닉 상태 $h_{t}^{(«below»)}$이다(위에서 그 층의 부분에 나왔다; `l«below».h[t]`). 식은 같고, $x_{t} = h_{t}^{(«below»)}$이다. 이 층의 $h_{t}$가 모듈의 출력이다. 이 층의 가중치:"#,
        "heading layer": "«L»개 층 중 층 «n» (PyTorch의 l«l»), 한 스텝씩",
        "heading layer, top": "«L»개 층 중 층 «n» (PyTorch의 l«l», 맨 위층), 한 스텝씩",
        "backward below": #"손실은 이 층의 $«h»$를 보지 않는다. 위 식에서 $G_{t}$ 자리에는 층 «above»의 스텝 t에서 내려오는 $«WihT» \frac{\partial L}{\partial «a»}$가 들어간다. 다른 모든 기호의 위첨자는 («l»)이다."#,
        "heading layer back": "«L»개 층 중 층 «n» (PyTorch의 l«l»), 스텝을 거슬러 올라가며",
        "heading layer back, top": "«L»개 층 중 층 «n» (PyTorch의 l«l», 맨 위층), 스텝을 거슬러 올라가며",
        "heading layer weights": "층 «n»(PyTorch의 l«l») 가중치의 그래디언트",
        "heading input gradients": "층 «n»(PyTorch의 l«l») 가중치와 입력의 그래디언트: 스텝마다 항 하나씩",
        "backward layers": #"""
            맨 위층부터 시작한다. 그 층의 각 스텝은 자기가 읽은 입력, 즉 아래층의 은닉 상태로 그래디언트를 \#
            내려보낸다. 그 그래디언트는 다시 아래층의 스텝들을 같은 방식으로 거슬러 간다. \#
            위의 식은 맨 위층의 것이고, 모든 기호의 위첨자는 («l»)이다.
            """#,
        " figure, layer": ", 층 «n» (PyTorch의 l«l»)",
        "heading layer summary": "«L»개 층 중 층 «n» (PyTorch의 l«l»)",
        "slides layer": #"슬라이드는 시퀀스를 읽는 층 하나를 말한다. 여기서는 그것이 층 «n»(PyTorch의 l«l»)이므로, 아래 수치들은 이 층의 것이다. 모든 기호의 위첨자는 («l»)이다."#,
        "label layer": "층",
        "legend L": "층 수 (`num_layers`), 각 층은 아래층의 은닉 상태를 읽는다",
        "panel gradient size, layer": "‖∂L/∂«state»ₜ‖, l«l»",
    ])
