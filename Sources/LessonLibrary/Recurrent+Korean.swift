// The Korean words the three recurrent lessons share (Recurrent+Words.swift): the same keys and slots.

import TraceCore

let recurrentKorean = Words(
    captions: [
        "input": ("입력 시퀀스", #"t번째 행이 $x_{t}$이다."#),
        "weight_ih_l0": ("입력 가중치", #"$x_{t}$에 곱하는 행렬이다«per row»."#),
        "weight_hh_l0": ("순환 가중치", #"$h_{t-1}$에 곱하는 행렬로, 모든 스텝에서 같다."#),
        "bias_ih_l0": ("입력 바이어스", ""),
        "bias_hh_l0": ("순환 바이어스", #"의미가 있는 것은 합 $b_{ih} + b_{hh}$뿐이다."#),
        "h0": ("초기 은닉 상태", ""),
        "c0": ("초기 셀 상태", ""),
        "grad_output": ("손실의 그래디언트", #"손실은 $L = \sum_{t} G_{t} \cdot «h»$이다. t번째 행 $G_{t}$는 $\frac{\partial L}{\partial «h»}$ 가운데 손실이 직접 주는 몫이다. 뒤 스텝들이 주는 몫은 아래에서 더해진다."#),
        "h[t].grad": ("은닉 상태의 그래디언트", #"손실이 직접 주는 몫 «Gt»에, 스텝 «next step»에서 $«WhhT»$를 거쳐 돌아오는 값을 더한 것이다."#),
        "h[t].grad, last": ("은닉 상태의 그래디언트", #"이 상태 $«h_t»«sup»$ 뒤에는 그것을 쓰는 스텝이 없다. 그래서 그래디언트는 손실의 몫 «G»뿐이다."#),
        "h[t].grad, cut": ("은닉 상태의 그래디언트", #"손실의 몫 «G»뿐이다. $«h_t»«sup»$는 떼어 낸 채(truncated BPTT) 스텝 «t+1»에 들어갔으므로, 그쪽에서는 아무것도 돌아오지 않는다."#),
        "c[t].grad": ("셀 상태의 그래디언트", #"$c_{t}$에 이르는 길은 둘이다. $h_{t} = o_{t} \odot \tanh(c_{t})$를 거치는 길과, $c_{«next»}$에서 망각 게이트 $f_{«next»}$ 하나만 곱해져 오는 길이다."#),
        "c[t].grad, last": ("셀 상태의 그래디언트", #"$«h_t»«sup» = «o_t»«sup» \odot \tanh(«c_t»«sup»)$를 거치는 길뿐이다. $«c_t»«sup»$를 쓰는 뒤 스텝이 없다."#),
        "c[t].grad, cut": ("셀 상태의 그래디언트", #"$«h_t»«sup»$를 거치는 길뿐이다. $«c_t»«sup»$는 떼어 낸 채(truncated BPTT) 스텝 «t+1»에 들어갔으므로, 그쪽에서는 아무것도 돌아오지 않는다."#),
        "weight_ih_l0.grad": ("입력 가중치의 그래디언트", #"스텝마다 항 $\frac{\partial L}{\partial «a»} x_{t}^{\top}$ 하나씩을 모두 더한다. 모든 스텝에서 같은 $«Wih»$를 썼기 때문이다."#),
        "weight_hh_l0.grad": ("순환 가중치의 그래디언트", #"스텝마다 항 $\frac{\partial L}{\partial «ah»} «hT»$ 하나씩을 모두 더한다. 시간을 거슬러 가는 역전파(BPTT)이다."#),
        "weight_hh_l0.grad, zero h0": ("순환 가중치의 그래디언트", #"스텝마다 항 $\frac{\partial L}{\partial «ah»} «hT»$ 하나씩을 모두 더한다. 시간을 거슬러 가는 역전파(BPTT)이다. $«h0» = 0$이므로 스텝 1의 항은 0이다."#),
        "bias_ih_l0.grad": ("입력 바이어스의 그래디언트", #"스텝 전체에 걸친 $\frac{\partial L}{\partial «a»}$의 합이다. 바이어스는 모든 스텝에서 더해지기 때문이다."#),
        "bias_hh_l0.grad": ("순환 바이어스의 그래디언트", #"$b_{ih}«sup»$의 그래디언트와 같은 합이다. 두 바이어스는 나란히 더해지므로 늘 같은 그래디언트를 받는다."#),
        "bias_hh_l0.grad, gru": ("순환 바이어스의 그래디언트", #"r행과 z행은 $b_{ih}«sup»$의 그래디언트와 같은 합이다. n행은 다르다. $b_{hn}«sup»$는 $r_{t}«sup» \odot (W_{hn}«sup» h_{t-1}«sup» + b_{hn}«sup»)$ 안에 있으므로, 스텝마다 그 몫에 리셋 게이트가 곱해진다."#),
        "bias_hh_l0.grad, gru, reset before": ("순환 바이어스의 그래디언트", #"r행과 z행은 $b_{ih}«sup»$의 그래디언트와 같은 합이다. n행도 같은 합이다. 리셋 게이트를 행렬 곱 앞에 적용하므로, $b_{hn}«sup»$는 $W_{in}«sup» x_{t} + b_{in}«sup»$ 옆에 나란히 더해진다."#),
        "h0.grad": ("초기 은닉 상태의 그래디언트", #"시퀀스의 시작까지 도달하는 값이다. 스텝 1이 $W_{hh}^{\top} \frac{\partial L}{\partial a_{1}}$를 돌려보낸다."#),
        "h0.grad, layers": ("초기 은닉 상태의 그래디언트", #"l번째 행은 층 l의 스텝들이 시작하는 곳까지 도달하는 값이다. 그 층의 스텝 1이 $W_{hh}^{(l)\top} \frac{\partial L}{\partial a_{1}^{(l)}}$를 돌려보낸다."#),
        "h0.grad, gru": ("초기 은닉 상태의 그래디언트", #"스텝 1에서 시퀀스의 시작까지 도달하는 값이다. 업데이트 게이트를 거쳐 직접 오는 몫과, $W_{hh}$를 거쳐 두 게이트와 후보 값으로 들어갔다가 오는 몫이 있다."#),
        "h0.grad, gru, layers": ("초기 은닉 상태의 그래디언트", #"l번째 행은 층 l의 스텝 1에서 그 층이 시작하는 곳까지 도달하는 값이다. 그 층의 업데이트 게이트를 거쳐 직접 오는 몫과, $W_{hh}^{(l)}$를 거쳐 그 층의 게이트들과 후보 값으로 들어갔다가 오는 몫이 있다."#),
        "c0.grad": ("초기 셀 상태의 그래디언트", #"셀 상태를 따라 시작까지 도달하는 값 $\frac{\partial L}{\partial c_{1}} \odot f_{1}$이다."#),
        "c0.grad, layers": ("초기 셀 상태의 그래디언트", #"l번째 행은 층 l의 셀 상태를 따라 그 시작까지 도달하는 값 $\frac{\partial L}{\partial c_{1}^{(l)}} \odot f_{1}^{(l)}$이다."#),
        "input.grad": ("입력 시퀀스의 그래디언트", #"t번째 행은 $«WihT» \frac{\partial L}{\partial «a»}$이다. 스텝 t의 입력 수 하나하나가 변할 때 L이 얼마나 변하는지를 나타낸다."#),
    ],
    text: [
        "legend T": "타임스텝 수 (입력의 행 수)",
        "legend I": "입력 크기: 스텝마다 들어오는 수의 개수",
        "legend H": "은닉 크기: «holds»에 든 수의 개수",
        "per row, stacked": ". 행은 게이트별로 «gates» 순서로 «H»행씩 쌓았다",
        "per row, one gate": ". 게이트마다 한 행씩, «gates» 순서이다",
        "one-hot": #"$«x»$ 자체가 원-핫 벡터이므로, $«Wih» «x»$ 곱은 $«Wih»$의 «j»열이다."#,
        "one-hot, every step": #"각 $«x_t»$는 원-핫 벡터이므로, $«Wih» «x_t»$는 $«Wih»$의 열 가운데 $«x_t»$에서 1이 있는 자리의 열이다($«x_1»$이면 «j»열)."#,
        "zero units, one": #"$«x»$에서 «units» 값이 0이므로, $«Wih»$의 «columns»열이 더하는 값은 0이다."#,
        "zero units": #"$«x»$에서 «units» 값이 0이므로, $«Wih»$의 «columns»열이 더하는 값은 0이다."#,
        "zero input": #"$«x» = 0$이므로 $«Wih» «x»$ 항은 0이다."#,
        "zero state": #"$«h-1» = 0$이므로 $«Whh» «h-1»$ 항은 0이다."#,
        "units, one": "유닛 «u»",
        "units": "유닛 «list»",
        "units, one, lower": "유닛 «u»",
        "units, lower": "유닛 «list»",
        "values, two": "$«symbol» = «a»$ 및 $«b»$",
        "values, range": "$«symbol»$ 값은 «low»에서 «high»까지",
        "grad_output ones": "모든 값이 1이다. L은 모든 $«h»$의 모든 성분을 더한 값이다.",
        "grad_output last": #"«T»번째 행만 0이 아니다. 손실은 $«hT»$만 보므로, 앞선 $G_{t}$들은 역전파에 아무것도 보태지 않는다."#,
        "backward why": #"""
            학습에는 모든 가중치에 대한 손실 $L$의 그래디언트가 필요하다. 연쇄 법칙은 이를 출력 쪽에서부터 \#
            차례로 구한다. 어떤 값의 그래디언트는, 그 값이 쓰인 곳마다 돌려보내는 값을 모두 더한 것이다. \#
            순환 신경망에서는 그 곳들이 타임스텝이므로, 그래디언트는 스텝 $T$부터 시간을 거슬러 전파된다(BPTT).
            """#,
        "truncated": #"""
            **잘린 BPTT(truncated BPTT)**: «T»개의 스텝을 «k»개씩 묶음으로 자르고, 첫 묶음 다음부터는 \#
            각 묶음에 들어가는 상태를 상수로 둔다(PyTorch의 `h.detach()`). 그래디언트는 자른 곳마다 멈춘다. \#
            손실은 여전히 모든 스텝을 다룬다.
            """#,
        "truncated, one chunk": "«k»스텝 단위의 잘린 BPTT는 «T»개 스텝 전체를 한 묶음에 담는다. 그래서 잘리는 곳이 없다.",
        "heading steps back": "스텝을 거슬러 올라가며",
        "heading input gradients": "입력 쪽의 그래디언트: 스텝마다 항 하나씩",
        "check, truncated": #"잘린 BPTT에서 위의 그래디언트는 L 자체의 도함수가 아니라, 각 묶음에 들어가는 상태를 고정한 L의 도함수이다. 그래서 다시 실행할 때마다 그 상태들을 첫 실행의 값으로 고정하고, 중심 차분으로 그 그래디언트를 확인한다. 자르지 않은 도함수는 자른 곳에서 빠진 몫만큼 다르다."#,
        "heading gradient sizes": "스텝별 그래디언트의 크기",
        "figure gradient sizes": "스텝마다 그래디언트가 얼마나 큰가",
        "figure gradient sizes, description": "각 상태의 그래디언트 벡터의 길이를 타임스텝별로 로그 눈금에 그렸다. 스텝 1 쪽으로 내려가는 선은 거슬러 가는 동안 사라지는 그래디언트이다.",
        "gradient sizes, every step": "스텝마다 손실의 몫 «Gt»도 더해진다. 따라서 이것은 출력 하나의 그래디언트가 홀로 거슬러 가는 모습이 아니다.",
        "shares": #"스텝마다 더해지는 값이 더 있다. «parts»«cells». 따라서 이 크기들은 출력 하나의 그래디언트가 홀로 거슬러 가는 크기가 아니다."#,
        "share, loss": #"손실이 $\frac{\partial L}{\partial «h»}$에 더하는 자기 몫 «Gt»"#,
        "share, layer above": #"층 «above»에서 $\frac{\partial L}{\partial «h»}$로 내려보내는 $«WihT» \frac{\partial L}{\partial «a»}$"#,
        "share, cell": #" (그리고 이를 거쳐 $\frac{\partial L}{\partial «c»}$에도)"#,
        "share, cells": #" (그리고 각 $h_{t}$를 거쳐 그 층의 $c_{t}$에도)"#,
        "backward equations": "마지막 스텝부터 한 스텝씩:",
        "gradient sizes": #"$\lVert \partial L / \partial «state»_{t}«sup» \rVert$는 마지막 스텝(«T»)에서 $«last»$, 스텝 «t»에서 $«first»$이다. 스텝 «t»의 값은 스텝 «T»의 $«ratio»$배이다."#,
        "gradient sizes, cut": #"스텝 1부터 «t»까지는 정확히 0이다(로그 눈금에는 그리지 않았다). 잘린 BPTT가 자른 곳에서 그래디언트를 멈춘 것이지, 사라진 것이 아니다."#,
        "gradient sizes, none": #"스텝 1부터 «t»까지는 정확히 0이다(로그 눈금에는 그리지 않았다). 손실이 이 스텝들에 의존하지 않는다."#,
        "input gradients": #"""
            «T»개의 스텝 모두에서 같은 가중치가 쓰인다. 그래서 각 가중치의 그래디언트는 스텝마다 하나씩, \#
            «T»개 항의 합이다. 아래에 항별로 적었다.
            """#,
        "repeats step": "스텝",
        "repeats steps": "스텝",
        "repeats same work": "다음 입력에 같은 계산을 반복한다",
        "repeats results shown": "그 결과는 아래 요약에 있다",
        "repeats same work, generated": "고른 문자를 같은 방식으로 다시 입력한다",
        "repeats results shown, generated": "그 분포는 아래 그림에 있다",
        "repeats same work, back": "같은 방식으로 그래디언트를 돌려보낸다",
        "repeats results shown, back": "그 그래디언트의 크기는 아래 그림에 있다",
    ])
