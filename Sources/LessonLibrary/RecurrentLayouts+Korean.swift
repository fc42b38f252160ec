// The Korean words of the other weight layouts (RecurrentLayouts+Words.swift): the same keys and slots.

import TraceCore

let layoutKorean = Words(
    captions: [
        "kernel": ("Keras의 입력 가중치 kernel", #"j행은 입력 수 j가 각 유닛에 더하는 값이다«per column». Keras는 행 벡터에 행렬을 곱해 $x_{t} W_{x}$를 계산한다(시드 004의 행 형식처럼 $W_{x}$가 kernel이다)."#),
        "recurrent_kernel": ("Keras의 순환 가중치 recurrent_kernel", #"j행은 $h_{t-1}$의 유닛 j가 각 유닛에 더하는 값이다«per column». 모든 스텝에서 같은 행렬이다."#),
        "bias": ("Keras의 바이어스", "스텝마다 한 번, 입력 쪽 값과 함께 더해진다."),
        "bias, two rows": ("Keras의 바이어스들", "1행은 입력 쪽 값과, 2행은 상태 쪽 값과 함께 더해진다(reset_after=True). 둘 다 Keras의 «keras» 순서이다."),
        "weight_ih_l0, keras": ("PyTorch 방식으로 담은 입력 가중치", #"kernel을 전치한 것이다. $W_{ih}$의 r행이 kernel의 r열이므로, $W_{ih} x_{t}$는 $x_{t} W_{x}$와 같은 값을 낸다."#),
        "weight_ih_l0, keras, reordered": ("PyTorch 방식으로 담은 입력 가중치", #"kernel의 열 블록을 PyTorch의 «pytorch» 순서로 옮긴 다음 전치한 것이다. 게이트 r의 행들은 kernel에서 게이트 r의 열들이고, 다른 게이트도 마찬가지이다."#),
        "weight_hh_l0, keras": ("PyTorch 방식으로 담은 순환 가중치", #"recurrent_kernel을 전치한 것이다. 그래서 $W_{hh} h_{t-1}$는 $h_{t-1} W_{h}$와 같은 값을 낸다."#),
        "weight_hh_l0, keras, reordered": ("PyTorch 방식으로 담은 순환 가중치", #"recurrent_kernel의 열 블록을 PyTorch의 «pytorch» 순서로 옮긴 다음 전치한 것이다."#),
        "bias_ih_l0, keras": ("PyTorch 방식으로 담은 입력 바이어스", "Keras의 바이어스 하나를 그대로 쓴다."),
        "bias_ih_l0, keras, reordered": ("PyTorch 방식으로 담은 입력 바이어스", "Keras의 바이어스 하나에서 블록들을 PyTorch의 «pytorch» 순서로 옮긴 것이다."),
        "bias_ih_l0, keras, row 1, reordered": ("PyTorch 방식으로 담은 입력 바이어스", "Keras 바이어스의 1행에서 블록들을 PyTorch의 «pytorch» 순서로 옮긴 것이다."),
        "bias_hh_l0, keras, row 2, reordered": ("PyTorch 방식으로 담은 순환 바이어스", #"Keras 바이어스의 2행에서 블록들을 PyTorch의 «pytorch» 순서로 옮긴 것이다. 리셋 게이트가 곱해지는 것은 $b_{hn}$이다."#),
        "bias_hh_l0, keras, one bias": ("순환 바이어스", #"0이다. Keras의 «layer»에는 바이어스가 하나뿐이고, 여기서는 그것이 $b_{ih}$이다. 어차피 의미가 있는 것은 합 $b_{ih} + b_{hh}$뿐이다."#),
        "kernel.grad": ("kernel의 그래디언트", #"kernel은 $W_{ih}^{\top}$이므로, 그 그래디언트는 $\frac{\partial L}{\partial W_{ih}}$를 전치한 것이다."#),
        "kernel.grad, reordered": ("kernel의 그래디언트", #"$\frac{\partial L}{\partial W_{ih}}$를 전치하고, 게이트별 열 블록을 Keras의 «keras» 순서로 되돌린 것이다."#),
        "recurrent_kernel.grad": ("recurrent_kernel의 그래디언트", #"recurrent_kernel은 $W_{hh}^{\top}$이므로, 그 그래디언트는 $\frac{\partial L}{\partial W_{hh}}$를 전치한 것이다."#),
        "recurrent_kernel.grad, reordered": ("recurrent_kernel의 그래디언트", #"$\frac{\partial L}{\partial W_{hh}}$를 전치하고, 게이트별 열 블록을 Keras의 «keras» 순서로 되돌린 것이다."#),
        "bias.grad": ("바이어스의 그래디언트", #"bias는 $b_{ih}$이므로, 그 그래디언트는 $\frac{\partial L}{\partial b_{ih}}$이다."#),
        "bias.grad, reordered": ("바이어스의 그래디언트", #"$\frac{\partial L}{\partial b_{ih}}$의 블록들을 Keras의 «keras» 순서로 되돌린 것이다."#),
        "bias.grad, two rows, reordered": ("바이어스들의 그래디언트", #"1행은 $\frac{\partial L}{\partial b_{ih}}$, 2행은 $\frac{\partial L}{\partial b_{hh}}$이다. 둘 다 블록들을 Keras의 «keras» 순서로 되돌렸다."#),
    ],
    text: [
        "per column, stacked": ". 열은 Keras의 «keras» 순서로 게이트별로 «H»열씩 쌓았다",
        "row input bias": "1 · 입력",
        "row recurrent bias": "2 · 순환",
        "keras mapping": #"""
            **Keras의 가중치를 PyTorch 방식으로.** Keras는 행 벡터를 곱한다. PyTorch가 \#
            $W_{ih} x_{t}$와 $W_{hh} h_{t-1}$를 계산하는 자리에서, Keras의 «layer» 층은 $x_{t} W_{x}$와 \#
            $h_{t-1} W_{h}$를 계산한다. 그래서 kernel은 input × «stacked» 모양으로, PyTorch의 \#
            $W_{ih}$(«stacked» × input)를 전치한 것이고, recurrent_kernel은 $W_{hh}$를 전치한 것이다. «order» «bias» \#
            아래에서 Keras의 가중치로부터 PyTorch의 가중치를 구하고, 스텝들은 그것을 쓴다.
            """#,
        "order, same": "게이트는 «keras» 순서로 쌓여 있다. PyTorch의 «pytorch» 순서와 이름만 다르므로, 블록들은 제자리에 있다.",
        "order, one block": "SimpleRNN은 블록이 하나뿐이므로, 자리를 옮기는 것이 없다.",
        "order, reordered": #"Keras의 GRU는 게이트를 «keras» 순서로 쌓고(h̃는 후보 값으로, Keras의 "h", PyTorch의 n이다), PyTorch는 «pytorch» 순서로 쌓는다. 그래서 옮기는 과정에서 블록들의 자리가 바뀐다. 아래에서 $W_{x}^{[r]}$는 게이트 r에 해당하는 kernel의 열 블록이고, concat은 블록들을 나란히 붙인다."#,
        "bias, one": #"Keras의 바이어스는 하나이고 입력 쪽 값과 함께 더해진다. 그것이 $b_{ih}$이고, $b_{hh} = 0$이다."#,
        "bias, one, gru": #"수 3·hidden개짜리 바이어스 하나는 Keras의 reset_after=False이다. 리셋 게이트가 곱셈보다 먼저 오는 $W_{hn} (r_{t} \odot h_{t-1})$, 즉 여기서 쓰는 규칙이다. 바이어스 하나가 $b_{ih}$이므로 $b_{hh} = 0$이다."#,
        "bias, two rows": #"바이어스가 두 행이면 Keras의 reset_after=True이다. PyTorch처럼 리셋 게이트가 곱셈 뒤에 온다. 1행이 $b_{ih}$, 2행이 $b_{hh}$이다."#,
        "bias, none": "바이어스가 주어지지 않았으므로(Keras의 use_bias=False), 두 바이어스 모두 0이다.",
        "cell keys": "가중치가 `nn.«cell»`의 키(`weight_ih`, `weight_hh`, `bias_ih`, `bias_hh`)로 주어졌다. `nn.«module»`의 `weight_ih_l0`, …와 값, 모양, 뜻이 모두 같고, 셀을 스텝마다 한 번씩 적용한다.",
    ])
