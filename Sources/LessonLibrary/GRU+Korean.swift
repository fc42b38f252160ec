// The Korean words of gru (GRU+Words.swift): the same keys and slots.
// The seeds' sentences are quoted as seed 002 writes them.

import TraceCore

extension GRU {
    static let korean = Words(
        captions: [
            "h[t].grad, gru": ("은닉 상태의 그래디언트", #"손실의 몫 «Gt»에, 스텝 «next step»에서 돌아오는 값을 더한 것이다. 돌아오는 길은 둘이다. 업데이트 게이트가 남기는 옛 상태의 몫 $z_{«next»} \odot h_{t}$를 거쳐 직접 오는 길과, $W_{hh}$를 거쳐 두 게이트와 후보 값으로 들어갔다가 오는 길이다."#),
            "h[t].grad, gru, takes-candidate": ("은닉 상태의 그래디언트", #"손실의 몫 «Gt»에, 스텝 «next step»에서 돌아오는 값을 더한 것이다. 돌아오는 길은 둘이다. 남겨진 옛 상태의 몫 $(1 - z_{«next»}) \odot h_{t}$를 거쳐 직접 오는 길과, $W_{hh}$를 거쳐 두 게이트와 후보 값으로 들어갔다가 오는 길이다."#),
            "n[t].grad": ("후보 값의 그래디언트", "후보 값은 $1 - z_{t}$가 들여보내는 만큼 중요하다."),
            "n[t].grad, takes-candidate": ("후보 값의 그래디언트", "후보 값은 $z_{t}$가 들여보내는 만큼 중요하다."),
            "rh[t].grad": ("리셋 게이트를 곱한 상태의 그래디언트", #"후보 값의 $W_{hn}$가 돌려보내는 값이다."#),
            "z[t].grad": ("업데이트 게이트의 그래디언트", #"두 항으로 나누어 적었다. $z_{t}$를 키우면 $h_{t}$가 후보 값에서 옛 상태 쪽으로 옮겨 간다."#),
            "z[t].grad, takes-candidate": ("업데이트 게이트의 그래디언트", #"두 항으로 나누어 적었다. $z_{t}$를 키우면 $h_{t}$가 옛 상태에서 후보 값 쪽으로 옮겨 간다."#),
            "r[t].grad": ("리셋 게이트의 그래디언트", #"리셋 게이트는 후보 값 가운데 옛 상태의 몫 $a_{t}^{h,n}$가 큰 곳에서 중요하다."#),
            "r[t].grad, reset before": ("리셋 게이트의 그래디언트", "리셋 게이트는 옛 상태가 큰 곳에서 중요하다."),
            "r[t].grad, idle": ("리셋 게이트의 그래디언트", #"$«ahn» = 0$이다. $«r»$의 값이 무엇이든 후보 값은 같으므로, 그 그래디언트는 0이다."#),
            "r[t].grad, idle, reset before": ("리셋 게이트의 그래디언트", #"$«h-1» = 0$이다. $«r»$의 값이 무엇이든 후보 값은 같으므로, 그 그래디언트는 0이다."#),
            "ah[t].grad": ("은닉 쪽 활성화 전 값의 그래디언트", #"r, z, n 블록이 각자의 경로를 거친다. 게이트 블록은 $\sigma'$ 값을, n 블록은 후보 값의 $\tanh'$에 $r_{t}$를 곱한 값을 거친다. $W_{hh}^{\top}$가 이를 $h_{«prev»}$로 돌려보낸다."#),
            "ah[t].grad, reset before": ("은닉 쪽 활성화 전 값의 그래디언트", #"r, z 블록에 각 게이트의 $\sigma'$ 값을 곱한 것이다. 후보 값의 몫은 그 대신 $r_{t} \odot h_{«prev»}$를 거쳐 $h_{«prev»}$에 도달한다."#),
            "ax[t].grad": ("입력 쪽 활성화 전 값의 그래디언트", #"r, z, n 블록에 게이트의 $\sigma'$ 값과 후보 값의 $\tanh'$ 값을 곱한 것이다. 리셋 게이트는 곱하지 않는다(입력 쪽은 리셋되지 않는다)."#),
            "weight_hh_l0, reset before": ("순환 가중치", #"r행과 z행은 $h_{t-1}$에 곱하고, n행은 리셋 게이트를 곱한 $r_{t} \odot h_{t-1}$에 곱한다."#),
            "bias_hh_l0": ("순환 바이어스", #"r행과 z행에서는 $b_{ih} + b_{hh}$만 의미가 있다. $b_{hn}$에는 리셋 게이트가 곱해진다."#),
            "bias_hh_l0, reset before": ("순환 바이어스", #"의미가 있는 것은 $b_{ih} + b_{hh}$뿐이다. 리셋 게이트가 곱셈 앞에 오므로, $b_{hn}$는 $b_{in}$ 옆에 나란히 더해진다."#),
            "ax[t]": ("세 게이트의 입력 쪽 몫", #"입력 $x_{t}$가 각 게이트에 더하는 값이다(r, z, n행)."#),
            "ah[t]": ("세 게이트의 은닉 쪽 몫", #"이전 상태 $h_{t-1}$가 각 게이트에 더하는 값이다(r, z, n행)."#),
            "ah[t], reset before": ("리셋 게이트와 업데이트 게이트의 은닉 쪽 몫", #"$h_{t-1}$가 리셋 게이트와 업데이트 게이트에 더하는 값이다. 후보 값의 몫은 $r_{t}$를 기다린다."#),
            "r[t]": ("리셋 게이트", #"리셋 게이트는 후보 값 가운데 옛 상태의 몫($a_{t}^{h,n} = W_{hn} h_{t-1} + b_{hn}$)을 각 유닛이 얼마나 들여보낼지 정한다. 0이면 입력의 몫만 남는다."#),
            "r[t], reset before": ("리셋 게이트", #"리셋 게이트는 각 유닛이 옛 상태 $h_{t-1}$ 가운데 얼마를 곱셈 전에 $W_{hn}$로 넘길지 정한다. 0이면 입력의 몫과 $b_{hn}$만 남는다."#),
            "z[t]": ("업데이트 게이트", #"업데이트 게이트는 각 유닛이 옛 상태 $h_{t-1}$ 가운데 얼마를 남길지 정한다. 나머지 $1 - z_{t}$는 후보 값에서 가져온다. **PyTorch의 $z$는 옛 상태를 남긴다**. Cho 등과 Keras의 $z$도 그렇다. colah의 그림은 $h_{t} = (1 - z_{t}) \odot h_{t-1} + z_{t} \odot \tilde h_{t}$로 쓰고, 그 $\tilde h_{t}$가 $n_{t}$이다. 그 그림의 $z$는 여기의 $1 - z_{t}$이다."#),
            "z[t], takes-candidate": ("업데이트 게이트", #"업데이트 게이트는 각 유닛이 후보 값을 얼마나 받아들일지 정한다. 나머지 $1 - z_{t}$는 $h_{t-1}$에서 남긴다. 이것은 colah의 $z$이다. colah는 $h_{t} = (1 - z_{t}) \odot h_{t-1} + z_{t} \odot \tilde h_{t}$로 쓰고, 그 $\tilde h_{t}$가 $n_{t}$이다. **PyTorch의 $z$는 나머지 몫**, 곧 옛 상태를 남기는 $1 - z_{t}$이다."#),
            "rh[t]": ("리셋 게이트를 곱한 이전 상태", #"$r_{t} \odot h_{t-1}$, 곧 각 유닛의 옛 상태에 그 유닛의 리셋 게이트를 곱한 것이다. 이어서 $W_{hn}$가 이것을 섞는다."#),
            "n[t]": ("후보 값", #"후보 값은 각 유닛이 새로 받아들일 수 있는 내용으로, −1과 1 사이에 있다."#),
            "n[t], reset before": ("후보 값", #"후보 값은 각 유닛이 새로 받아들일 수 있는 내용으로, −1과 1 사이에 있다."#),
            "h[t]": ("은닉 상태", #"은닉 상태는 유닛마다 후보 값의 $1 - z_{t}$와 옛 상태의 $z_{t}$를 섞은 것이다. 그래서 각 유닛의 $h_{t}$는 $n_{t}$와 $h_{t-1}$ 사이에 있다. $h_{t}$는 층의 출력이자 기억이다."#),
            "h[t], takes-candidate": ("은닉 상태", #"은닉 상태는 유닛마다 후보 값의 $z_{t}$와 옛 상태의 $1 - z_{t}$를 섞은 것이다. 그래서 각 유닛의 $h_{t}$는 $n_{t}$와 $h_{t-1}$ 사이에 있다. $h_{t}$는 층의 출력이자 기억이다."#),
        ],
        text: [
            "summary": "게이트별로 보는 GRU 셀: 리셋 게이트와 업데이트 게이트, 후보 값과 은닉 상태",
            "title": "게이트별로 보는 GRU 셀",
            "default.summary": "“Alice sleeps .”: 마침표에서 업데이트 게이트는 주어를 남기고 절을 바꾼다",
            "default.story": #"""
                LSTM 레슨과 같은 문장이다. “Alice sleeps .”의 각 토큰은 이름(1열), 동사(2열), 마침표(3열) 가운데 \#
                하나를 나타내는 원-핫 벡터이고, 가중치는 손으로 골랐다. **유닛 1은 주어를 기억한다.** “Alice”가 \#
                들어올 때 후보 값을 받아들이고 그 뒤로는 유지한다. **유닛 2는 절이 진행 중임을 표시한다.** \#
                “sleeps”가 들어올 때 후보 값을 받아들이고, 마침표에서는 후보 값에서 옛 상태를 차단한 뒤 0에 가까운 그 후보 값을 받아들인다. 그래서 주어는 \#
                남고 절은 지워진다.
                """#,

            "alternative reset before": "리셋 게이트를 행렬 곱 앞에 적용하는 GRU(Cho 등 2014, ONNX의 기본값)",
            "alternative reset after": "리셋 게이트를 행렬 곱 뒤에 적용하는 GRU(PyTorch)",
            "alternative takes-candidate": #"업데이트 게이트를 뒤집은 것, h = z⊙n + (1−z)⊙h (colah의 그림, 시드 노트의 “1 − input gate”)"#,
            "alternative keeps-previous": "PyTorch와 같은 업데이트 게이트, h = (1−z)⊙n + z⊙h",
            "alternative both": #"리셋 게이트를 곱셈 앞에 두고 업데이트 게이트도 뒤집은 것(`reset: "before"`, `update_gate: "takes-candidate"`)"#,

            "why": #"""
                Cho 등(2014)이 제안한 **게이트 순환 유닛**은 시드 002가 말하는 가벼운 LSTM으로, 셀 상태가 없다. \#
                은닉 상태 $h_{t}$가 곧 기억이다. 이 기억은 덮어쓰이지 않고, 게이트가 조절하는 *혼합*으로 갱신된다. \#
                **업데이트 게이트** $z_{t}$는 유닛마다 옛 상태와 새 **후보 값** $n_{t}$의 비중을 정하고, \#
                **리셋 게이트** $r_{t}$는 옛 상태가 그 후보 값에 얼마나 영향을 줄지 정한다.
                """#,
            "heading equations": "식",
            "equations": #"""
                \begin{aligned}
                a_{t}^{x} &= W_{ih}\, x_{t} + b_{ih} && \text{수 3H개, 쌓은 순서 } r, z, n \\
                «ah» \\
                r_{t} &= \sigma(a_{t}^{x,r} + a_{t}^{h,r}) && \text{리셋 게이트} \\
                «z» \\
                «n» && \text{후보 값} \\
                «h»
                \end{aligned}
                """#,
            "equation ah": #"a_{t}^{h} &= W_{hh}\, h_{t-1} + b_{hh} && \text{수 3H개, 쌓은 순서 } r, z, n"#,
            "equation ah, reset before": #"a_{t}^{h} &= W_{hh}^{r,z}\, h_{t-1} + b_{hh}^{r,z} && \text{수 2H개, 쌓은 순서 } r, z"#,
            "equation z": #"z_{t} &= \sigma(a_{t}^{x,z} + a_{t}^{h,z}) && \text{업데이트 게이트: 1에 가까우면 } h_{t-1} \text{ 유지}"#,
            "equation z, takes-candidate": #"z_{t} &= \sigma(a_{t}^{x,z} + a_{t}^{h,z}) && \text{업데이트 게이트: 1에 가까우면 } n_{t} \text{ 선택}"#,
            "symbols": #"""
                $\sigma(u) = 1/(1 + e^{-u})$의 값은 (0, 1) 안에, $\tanh$의 값은 (−1, 1) 안에 있다. $a_{t}^{x}$와 $a_{t}^{h}$는 \#
                각각 H행짜리 블록 세 개 r, z, n을 쌓은 것이다($a_{t}^{x,r}$는 $a_{t}^{x}$의 1 … H행이고, 나머지도 \#
                마찬가지다). 둘을 따로 두는 것은 $r_{t}$가 후보 값의 은닉 쪽 몫에만 곱해지기 때문이다. PyTorch 문서는 \#
                $n_{t} = \tanh(W_{in} x_{t} + b_{in} + r_{t} \odot (W_{hn} h_{t-1} + b_{hn}))$로 쓰는데, $W_{in}$, $b_{in}$, \#
                $W_{hn}$, $b_{hn}$는 $W_{ih}$, $b_{ih}$, $W_{hh}$, $b_{hh}$의 n행들(2H + 1 … 3H)이다.
                """#,
            "symbols, reset before": #"""
                $\sigma(u) = 1/(1 + e^{-u})$의 값은 (0, 1) 안에, $\tanh$의 값은 (−1, 1) 안에 있다. $a_{t}^{x}$는 H행짜리 블록 \#
                세 개 r, z, n을 쌓은 것이다($a_{t}^{x,r}$는 1 … H행이고, 나머지도 마찬가지다). $a_{t}^{h}$는 앞의 두 블록만 \#
                쌓으며, $W_{hh}$와 $b_{hh}$의 1 … 2H행인 $W_{hh}^{r,z}$와 $b_{hh}^{r,z}$로 계산한다. 마지막 \#
                블록 $W_{hn}$와 $b_{hn}$(2H + 1 … 3H행)은 $r_{t}$를 기다려야 한다. 곧 \#
                $n_{t} = \tanh(W_{in} x_{t} + b_{in} + W_{hn} (r_{t} \odot h_{t-1}) + b_{hn})$이고, $W_{in}$, $b_{in}$는 \#
                $W_{ih}$, $b_{ih}$의 n행들이다.
                """#,
            "convention": "**관례.** «which» «reset»«update»",
            "which, pytorch": "`torch.nn.GRU`를 따르며, 게이트는 **r, z, n** 순서로 쌓는다.",
            "which, other": "게이트는 `torch.nn.GRU`처럼 **r, z, n** 순서로 쌓지만, 계산 결과는 그 모듈과 같지 않다.",
            "reset after": #"리셋 게이트는 곱셈 *뒤에*, 곧 $r_{t} \odot (W_{hn} h_{t-1} + b_{hn})$ 꼴로 작용한다. 각 유닛의 후보 값에 도달하는 값을 $b_{hn}$까지 포함해 조절한다. colah의 그림과 Cho 등(2014)에서는 곱셈 앞에, 곧 $W_{hn} (r_{t} \odot h_{t-1}) + b_{hn}$ 꼴로 작용한다. $W_{hn}$가 유닛들을 섞기 전에 각 유닛의 상태를 조절하고, $b_{hn}$는 그대로 더한다. 그 규칙이라면 «other»"#,
            "reset before": #"리셋 게이트는 colah의 그림과 Cho 등(2014)처럼 곱셈 *앞에*, 곧 $W_{hn} (r_{t} \odot h_{t-1}) + b_{hn}$ 꼴로 작용한다. $W_{hn}$가 유닛들을 섞기 전에 각 유닛의 상태를 조절하고, $b_{hn}$는 그대로 더한다. PyTorch에서는 곱셈 뒤에, 곧 $r_{t} \odot (W_{hn} h_{t-1} + b_{hn})$ 꼴로 작용한다. 각 유닛의 후보 값에 도달하는 값을 $b_{hn}$까지 포함해 조절한다. 그 규칙이라면 «other»"#,
            "other rule, same": "여기서는 같은 값이 나온다.",
            "other rule, large": "일반적으로 다른 값이 나온다(모든 $r_{t}$가 1인 곳에서는 같다).",
            "other rule": #"이 예제의 끝값은 $«h» = «other»$이다(아래에서 계산하는 값은 $«h» = «this»$)."#,
            "other rule, mostly bias": #"그 차이의 대부분은 $b_{hn}$에 $r_{t}$가 곱해지는지에서 온다. $b_{hn} = 0$이면 이 규칙의 끝값은 $«this0»$, 저 규칙의 끝값은 $«other0»$이다."#,
            "other rule, bias only": #"그 차이는 모두 $b_{hn}$에 $r_{t}$가 곱해지는지에서 온다. $b_{hn} = 0$이면 두 규칙의 끝값은 모두 $«this0»$이다."#,
            "other rule, both": #"일부는 $b_{hn}$에 $r_{t}$가 곱해지는지에서, 일부는 $r_{t}$가 옛 상태와 만나는 자리에서 온다. $b_{hn} = 0$이면 이 규칙의 끝값은 $«this0»$, 저 규칙의 끝값은 $«other0»$이다."#,
            "other rule, mostly order": #"그 차이의 대부분은 $b_{hn}$의 자리가 아니라 $r_{t}$가 옛 상태와 만나는 자리에서 온다. $b_{hn} = 0$이어도 이 규칙의 끝값은 $«this0»$, 저 규칙의 끝값은 $«other0»$이다."#,
            "update takes": #" 그리고 $z_{t}$가 1에 가까우면 colah의 그림처럼 *후보 값을 받아들인다*. 이 $z$는 PyTorch의 $1 - z$이다."#,
            "hidden holds": "$h_{t}$와 각 게이트",
            "legend 3H": "쌓은 가중치, $a_{t}^{x}$, $a_{t}^{h}$의 행 수",
            "legend 3H, reset before": "쌓은 가중치와 $a_{t}^{x}$의 행 수",
            "legend 2H, reset before": "$a_{t}^{h}$의 행 수: 리셋 게이트와 업데이트 게이트만",
            "heading steps": "한 스텝씩",
            "zero state": #"$«h-1» = 0$이므로 $«ah» = «bhh»$이다."#,
            "zero state, reset before": #"$«h-1» = 0$이므로 $«ah» = «bhhrz»$이다."#,
            "r idle": #"$«ahn» = 0$이므로, 여기서 $«r»$의 값은 아무것도 바꾸지 않는다."#,
            "r idle, reset before": #"$«h-1» = 0$이므로, 여기서 $«r»$의 값은 아무것도 바꾸지 않는다."#,
            "r low": #"«units»에서는 리셋 게이트가 후보 값에서 옛 상태의 몫을 막는다(«values»)."#,
            "r low, several": #"«units»에서는 리셋 게이트가 후보 값에서 옛 상태의 몫을 막는다(«values»)."#,
            "r high": #"«units»에서는 리셋 게이트가 옛 상태의 몫을 거의 그대로 후보 값에 들여보낸다(«values»)."#,
            "r high, several": #"«units»에서는 리셋 게이트가 옛 상태의 몫을 거의 그대로 후보 값에 들여보낸다(«values»)."#,
            "r before low": #"«units»에서는 옛 상태가 $W_{hn}$에 거의 전해지지 않는다(«values»)."#,
            "r before low, several": #"«units»에서는 옛 상태가 $W_{hn}$에 거의 전해지지 않는다(«values»)."#,
            "r before high": #"«units»에서는 옛 상태가 거의 그대로 $W_{hn}$에 전해진다(«values»)."#,
            "r before high, several": #"«units»에서는 옛 상태가 거의 그대로 $W_{hn}$에 전해진다(«values»)."#,
            "z low": "«units»에서는 상태가 후보 값을 받아들인다(«values»).",
            "z low, several": "«units»에서는 상태가 후보 값을 받아들인다(«values»).",
            "z high": "«units»에서는 옛 상태를 유지한다(«values»).",
            "z high, several": "«units»에서는 옛 상태를 유지한다(«values»).",
            "z flipped low": "«units»에서는 옛 상태를 유지한다(«values»).",
            "z flipped low, several": "«units»에서는 옛 상태를 유지한다(«values»).",
            "z flipped high": "«units»에서는 상태가 후보 값을 받아들인다(«values»).",
            "z flipped high, several": "«units»에서는 상태가 후보 값을 받아들인다(«values»).",
            "z zero low": "«units»에서는 상태가 후보 값을 받아들인다(«values»).",
            "z zero low, several": "«units»에서는 상태가 후보 값을 받아들인다(«values»).",
            "z zero high": "«units»에서는 «input»에 상관없이 상태가 0 그대로다(«values»).",
            "z zero high, several": "«units»에서는 «input»에 상관없이 상태가 0 그대로다(«values»).",
            "z flipped zero low": "«units»에서는 «input»에 상관없이 상태가 0 그대로다(«values»).",
            "z flipped zero low, several": "«units»에서는 «input»에 상관없이 상태가 0 그대로다(«values»).",
            "z flipped zero high": "«units»에서는 상태가 후보 값을 받아들인다(«values»).",
            "z flipped zero high, several": "«units»에서는 상태가 후보 값을 받아들인다(«values»).",
            "summary z": #"$z_{t}$는 각 유닛이 남기는 $h_{t-1}$의 몫이다:"#,
            "summary z, takes-candidate": #"$z_{t}$는 각 유닛이 받아들이는 후보 값 $n_{t}$의 몫이다:"#,
            "heading summary": "요약",
            "figure": "시간에 따른 GRU 게이트와 상태",
            "panel r": "리셋 게이트 r",
            "panel z": "업데이트 게이트 z (h를 남김)",
            "panel z, takes-candidate": "업데이트 게이트 z (n을 받아들임)",
            "panel n": "후보 값 n",
            "panel h": "은닉 상태 h",
            "figure, description": "값마다 그림이 하나, 유닛마다 선이 하나다. 게이트는 세로축 0에서 1까지, 후보 값과 상태는 −1에서 1까지 그렸다. 수치는 아래 표에 있다.",
            "slide one minus": #"시드 002: “forget gate를 없애고 1- input gate로 사용했다.”"#,
            "one minus": #"PyTorch의 이름으로 읽으면 확인된다. 슬라이드의 입력 게이트는 $1 - z_{t}$이고, 망각 게이트의 역할을 하는 “1 − input gate”는 $z_{t}$이다. 유닛 «u»에서는 $h_{«t-1»}«sup»$의 $z_{«t»}«sup» = «z»$만큼이 남고, $n_{«t»}«sup»$의 $1 - z_{«t»}«sup» = «rest»$만큼이 들어온다."#,
            "one minus, takes-candidate": #"확인된다. 슬라이드의 입력 게이트는 이 $z_{t}$이고, 망각 게이트의 역할을 하는 “1 − input gate”는 $1 - z_{t}$이다. 유닛 «u»에서는 $n_{«t»}«sup»$의 $z_{«t»}«sup» = «z»$만큼이 들어오고, $h_{«t-1»}«sup»$의 $1 - z_{«t»}«sup» = «rest»$만큼이 남는다."#,
            "slide lighter": #"시드 002: “GRU는 LSTM을 경량화해서 적은 메모리 요구량과 빠른 계산 시간이 가능하도록 만든 모델이다.”"#,
            "lighter": #"확인된다. LSTM은 H행짜리 블록이 넷이고 GRU는 셋이다. 그래서 $I$와 $H$가 무엇이든 가중치도, 행렬 곱의 계산량도 LSTM의 4분의 3이다. 여기서는 가중치와 바이어스가 «gru»개 대 «lstm»개, 스텝당 곱셈-덧셈이 «gruWork»번 대 «lstmWork»번이다."#,
        ])
}
