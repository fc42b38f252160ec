// The Korean words of lstm-gates (LSTMGates+Words.swift): the same keys and slots.
// The seeds' sentences are quoted as the seed notes write them (000: the conveyor belt; 002: the rest).

import TraceCore

extension LSTMGates {
    static let korean = Words(
        captions: [
            "o[t].grad": ("출력 게이트의 그래디언트", #"출력 게이트는 기억을 tanh에 통과시킨 값 $\tanh(c_{t})$가 큰 곳에서 가장 중요하다."#),
            "g[t].grad": ("후보 값의 그래디언트", #"후보 값은 입력 게이트 $i_{t}$가 들여보내는 만큼만 손실에 닿는다."#),
            "f[t].grad": ("망각 게이트의 그래디언트", #"잊는 일은 잊을 것, 곧 $c_{«prev»}$가 있던 곳에서만 의미가 있다."#),
            "f[t].grad, zero c0": ("망각 게이트의 그래디언트", #"$«c-1»«sup» = 0$이다. 첫 스텝에는 잊을 것이 없으므로 망각 게이트는 그래디언트를 받지 않는다."#),
            "i[t].grad": ("입력 게이트의 그래디언트", #"쓰는 일은 쓰일 내용 $g_{t}$만큼 중요하다."#),
            "a[t].grad": ("쌓은 활성화 전 값의 그래디언트", #"각 게이트의 그래디언트에 그 게이트의 기울기를 곱해(i, f, o에는 $\sigma' = \sigma(1 - \sigma)$, g에는 $\tanh' = 1 - g^{2}$), $a_{t}$처럼 쌓은 것이다. $W_{hh}^{\top}$가 이를 $h_{«prev»}$로 돌려보낸다."#),
            "a[t]": ("쌓은 활성화 전 값", #"네 게이트의 가중합, 곧 활성화 전 값을 i, f, g, o 순서로 쌓았다. 이어지는 네 단계가 블록을 하나씩 비선형 함수에 통과시킨다."#),
            "i[t]": ("입력 게이트", #"입력 게이트는 각 유닛이 후보 값 $g_{t}$ 가운데 얼마를 셀에 받아들일지 정한다. 0이면 아무것도 쓰지 않고, 1이면 전부 쓴다."#),
            "f[t]": ("망각 게이트", #"망각 게이트는 각 유닛이 이전 셀 상태 $c_{t-1}$ 가운데 얼마를 남길지 정한다. 1이면 그대로 남기고, 0이면 버린다. 시드 003은 이 게이트를 “삭제 게이트”라고 부른다."#),
            "g[t]": ("후보 값", #"후보 값은 각 유닛이 셀에 새로 쓸 수 있는 내용으로, −1과 1 사이에 있다."#),
            "o[t]": ("출력 게이트", #"출력 게이트는 각 유닛이 기억을 tanh에 통과시킨 값 $\tanh(c_{t})$ 가운데 얼마를 은닉 상태로 내보낼지 정한다."#),
            "c[t]": ("셀 상태", #"셀 상태는 남긴 옛 기억 $f_{t} \odot c_{t-1}$에 새로 쓴 내용 $i_{t} \odot g_{t}$를 더한 것이다. 역전파에서는 이 직통 경로를 따라 $c_{t}$의 그래디언트에 $f_{t}$만 곱해져 $c_{t-1}$로 전달된다. 가중치 행렬도, 비선형 함수도 거치지 않는다. 나머지 경로들은 게이트와 $W_{hh}$를 거쳐 $h_{t-1}$로 간다."#),
            "h[t]": ("은닉 상태", #"은닉 상태는 이 스텝에서 층이 내는 출력이다."#),
        ],
        text: [
            "two-layers.summary": "“Alice sleeps .”, 두 층을 쌓아서: 층 2는 층 1의 은닉 상태를 읽는다",
            "two-layers.story": #"""
                기본 예제의 문장과 LSTM을 이번에는 `nn.LSTM(3, 2, num_layers=2)`처럼 두 층 가운데 층 1로 쌓았다. \#
                그 값들은 기본 예제와 같고, 여기서는 `l0.i[t]`, `l0.h[t]`, …로 부른다. 층 2는 스텝마다 \#
                층 1의 은닉 상태 $h_{t}^{(0)}$를 입력으로 읽는다. 층 2의 입력 게이트와 출력 게이트는 각각 층 1의 \#
                유닛 하나를 읽는다. 유닛 1은 주어의 유닛, 유닛 2는 절의 유닛이다($W_{ih}^{(1)}$의 i행은 2, 0과 0, 2, \#
                o행은 1, 0과 0, 1). 망각 게이트는 두 유닛을 똑같이 읽고(행 1, 1), 후보 값은 둘을 섞는다(행 2, −1과 \#
                −1, 2). 순환 가중치 $W_{hh}^{(1)}$는 i행과 g행에서만, 각 유닛을 자기 자신에게만 잇는다. \#
                입력은 더 이상 원-핫이 아니다. $W_{ih}^{(1)}$의 한 열은, 그 열이 곱하는 $h_{t}^{(0)}$의 유닛이 \#
                0이 아닌 모든 스텝에서 작용한다. 층 2의 $h_{t}^{(1)}$가 모듈의 출력이다.
                """#,
            "two-layers.backward": #"""
                손실은 층 2의 은닉 상태 $h_{t}^{(1)}$만 본다. 층 1의 가중치는 층 2를 거쳐 그래디언트를 받는다. \#
                층 2의 각 스텝이 $W_{ih}^{(1)\top} \frac{\partial L}{\partial a_{t}^{(1)}}$를 $h_{t}^{(0)}$로 \#
                내려보내고, 그 그래디언트는 한 층짜리 레슨에서처럼 층 1의 스텝들을 거슬러 간다.
                """#,
            "vanishing.summary": "rnn-unroll의 소실 예제와 같은 스무 스텝: 셀 상태를 따라 그래디언트가 거슬러 간다",
            "vanishing.story": #"""
                rnn-unroll 소실 예제의 수 스무 개를 유닛 두 개짜리 LSTM이 읽는다. 망각 게이트의 바이어스가 \#
                3이어서 두 망각 게이트 모두 0.95 근처에 머문다. 손실은 $h_{20}$만 본다. 아래의 슬라이드 상자는 \#
                그 그래디언트가 셀 상태를 따라 거슬러 가는 모습을 RNN의 경우와 나란히 보여 준다.
                """#,
            "vanishing.backward": #"""
                은닉 상태의 그래디언트는 거슬러 가자마자 작아진다. 이 $W_{hh}$의 성분들이 작아서, 그것을 거쳐 돌아가는 \#
                양이 적기 때문이다. 셀 상태의 그래디언트는 망각 게이트들을 따라 거슬러 간다.
                """#,
            "forget product": #"셀의 직통 경로를 따라 $c_{«T»}«sup»$에서 $c_{«first»}«sup»$까지 도달하는 값에는 $«product»$ 말고는 아무것도 곱해지지 않는다. 이 곱은 «units»이다."#,
            "summary": "게이트별로 보는 LSTM 셀: 입력, 망각, 출력 게이트와 후보 값, 셀 상태와 은닉 상태",
            "title": "게이트별로 보는 LSTM 셀",
            "default.summary": "“Alice sleeps .”: 마침표에서 망각 게이트는 주어를 남기고 절을 버린다",
            "default.story": #"""
                “Alice sleeps .”라는 문장이 한 토큰씩 들어온다. 각 토큰은 이름(1열), 동사(2열), 마침표(3열)라는 \#
                세 종류의 단어 가운데 하나를 나타내는 원-핫 벡터이다. 가중치는 **유닛 1이 주어를 기억하고**(이름이 \#
                들어올 때 쓰고 셀을 유지한다) **유닛 2가 절이 진행 중임을 기억하도록**(동사가 들어올 때 쓰고 마침표가 \#
                들어올 때 잊는다) 손으로 골랐다.
                """#,
            "why": #"""
                기본 RNN은 스텝마다 상태 전체를 덮어쓰고, 역전파에서는 그래디언트에 스텝마다 한 번씩 \#
                $W_{hh}^{\top}$와 $\tanh$의 미분값이 곱해진다(시드 002). **장단기 메모리**는 여기에 **셀 상태** $c_{t}$를 \#
                추가한다. 셀 상태는 게이트 하나와 덧셈만으로 스텝에서 스텝으로 전달된다. 이 직통 경로에서는 \#
                가중치 행렬을 한 번도 거치지 않는다. 값이 0과 1 사이인 **게이트** 세 개가 유닛마다 셀을 얼마나 \#
                남길지($f$), 후보 값 $g$를 셀에 얼마나 쓸지($i$), 기억을 은닉 상태 $h_{t}$로 얼마나 \#
                내보낼지($o$)를 정한다.
                """#,
            "alternative, gate order": "PyTorch의 i, f, g, o 대신 i, g, f, o 순서로 쌓은 가중치(TensorFlow 1의 LSTMCell 순서)",
            "alternative, forget bias": "망각 게이트의 바이어스에 1을 더한 것(TensorFlow 1의 LSTMCell forget_bias=1.0)",
            "heading equations": "식",
            "equations": #"""
                \begin{aligned}
                a_{t} &= W_{ih}\, x_{t} + b_{ih} + W_{hh}\, h_{t-1} + b_{hh} && \text{수 4H개, 쌓은 순서 } i, f, g, o \\
                i_{t} &= \sigma(a_{t}^{i}) && \text{입력 게이트} \\
                f_{t} &= \sigma(a_{t}^{f}) && \text{망각 게이트} \\
                g_{t} &= \tanh(a_{t}^{g}) && \text{후보 값} \\
                o_{t} &= \sigma(a_{t}^{o}) && \text{출력 게이트} \\
                c_{t} &= f_{t} \odot c_{t-1} + i_{t} \odot g_{t} && \text{셀 상태} \\
                h_{t} &= o_{t} \odot \tanh(c_{t}) && \text{은닉 상태}
                \end{aligned}
                """#,
            "symbols": #"""
                $\sigma(u) = 1/(1 + e^{-u})$의 값은 (0, 1) 안에, $\tanh$의 값은 (−1, 1) 안에 있다. $a_{t}^{i}$, $a_{t}^{f}$, \#
                $a_{t}^{g}$, $a_{t}^{o}$는 $a_{t}$를 H행씩 나눈 네 블록이다(표에서는 i₁ …, f₁ …, g₁ …, o₁ …). \#
                PyTorch 문서는 $a_{t}^{f}$를 $W_{if} x_{t} + b_{if} + W_{hf} h_{t-1} + b_{hf}$로 쓰는데, \#
                $W_{if}$는 $W_{ih}$에서 f에 해당하는 행들이고 나머지도 마찬가지이다. **관례**: `torch.nn.LSTM`을 따른다. 게이트는 \#
                **i, f, g, o** 순서로 쌓고, 바이어스는 두 개, 핍홀 연결은 없다. colah와 시드 노트는 $g_{t}$를 \#
                $\tilde C_{t}$(시드 000의 “C-tilda”)로 쓰고, 게이트마다 행렬 하나를 $[h_{t-1}, x_{t}]$에 곱한다. \#
                계산은 같다. 게이트마다 곱하는 그 행렬은 $W_{ih}$와 $W_{hh}$를 나란히 붙인 것이다.
                """#,
            "hidden holds": "$h_{t}$, $c_{t}$와 각 게이트",
            "legend 4H": "쌓은 가중치와 $a_{t}$의 행 수",
            "heading steps": "한 스텝씩",
            "zero cell": #"$«c-1»«sup» = 0$이므로 아직 남길 것이 없다."#,
            "i low": "«units»에서는 셀에 거의 아무것도 쓰지 않는다(«values»).",
            "i low, several": "«units»에서는 셀에 거의 아무것도 쓰지 않는다(«values»).",
            "i high": "«units»에서는 후보 값을 셀에 쓴다(«values»).",
            "i high, several": "«units»에서는 후보 값을 셀에 쓴다(«values»).",
            "f low": "«units»에서는 셀을 잊는다(«values»).",
            "f low, several": "«units»에서는 셀을 잊는다(«values»).",
            "f high": "«units»에서는 셀을 유지한다(«values»).",
            "f high, several": "«units»에서는 셀을 유지한다(«values»).",
            "o low": "«units»에서는 기억을 감춘다(«values»).",
            "o low, several": "«units»에서는 기억을 감춘다(«values»).",
            "o high": "«units»에서는 기억을 드러낸다(«values»).",
            "o high, several": "«units»에서는 기억을 드러낸다(«values»).",
            "c low": #"«units»에서는 $c_{«t»}«sup»$에 도달한 그래디언트에 망각 게이트 값을 곱한 만큼만 직통 경로를 따라 $c_{«t-1»}«sup»$로 넘어간다(«values»)."#,
            "c low, several": #"«units»에서는 $c_{«t»}«sup»$에 도달한 그래디언트에 망각 게이트 값을 곱한 만큼만 직통 경로를 따라 $c_{«t-1»}«sup»$로 넘어간다(«values»)."#,
            "heading summary": "요약",
            "figure gates": "시간에 따른 LSTM 게이트",
            "panel i": "입력 게이트 i",
            "panel f": "망각 게이트 f",
            "panel g": "후보 값 g",
            "panel o": "출력 게이트 o",
            "figure gates, description": "게이트마다 그림 하나, 유닛마다 선 하나이다. 시그모이드 게이트는 세로축 0에서 1까지, 후보 값은 −1에서 1까지 그렸다. 수치는 아래 표에 있다.",
            "figure states": "시간에 따른 셀 상태와 은닉 상태",
            "panel c": "셀 상태 c",
            "panel h": "은닉 상태 h",
            "figure states, description": "유닛마다 선 하나이다. h는 ±tanh(c) 안에 머문다.",
            "summary gates": "게이트 (유닛마다 열 하나):",
            "summary states": "상태:",
            "slide percent": #"시드 002: “sigmoid 값이 0.3이면 이전 벡터의 30%만 가져가겠다.”"#,
            "percent": #"확인된다. 유닛 «u»에서 $i_{«t»}«sup» = «i»$이므로, 후보 값 $g_{«t»}«sup» = «g»$의 «pct»%가 셀에 쓰인다($«i» \cdot «g» = «ig»$)."#,
            "slide belt": #"시드 000: “마치 컨베이어 벨트처럼 필요한(유용한) 정보들을 잘 챙겨서 다음 time stamp로 넘기는 역할을 한다. 이를 위해서 gate가 존재하는 것이다.”"#,
            "belt, confirmed": #"확인된다. 첫 스텝 다음부터 모든 망각 게이트가 «min» 이상이므로, 모든 셀은 스텝마다 자기 값의 적어도 그 비율만큼을 다음 스텝으로 넘긴다."#,
            "belt, kept and dropped": #"확인된다. 벨트는 «others»의 셀을 실어 나르고(스텝마다 셀의 «min»배 이상), 나머지는 게이트가 버린다. «breaks»만 다음 스텝으로 넘어간다."#,
            "belt, kept and dropped, several": #"확인된다. 벨트는 «others»의 셀들을 실어 나르고(스텝마다 각 셀의 «min»배 이상), 나머지는 게이트가 버린다. «breaks»만 다음 스텝으로 넘어간다."#,
            "belt, only when, all": #"망각 게이트가 1 근처에 머무는 곳에서만 그렇다. 여기서는 «breaks»만 다음 스텝으로 넘어간다."#,
            "belt break": #"스텝 «t»에서 유닛 «u»의 셀 가운데 $f_{«t»}«sup» = «f»$"#,
            "slide additive": #"시드 002: “덧셈 연산은 backprop을 수행할 때 gradient를 복사해주는 연산이 되기에 멀리 있는 time step에까지 gradient 변형 없이 전달해줄 수 있다.”"#,
            "additive, confirmed": #"확인된다. 셀의 직통 경로를 따라 $c_{«T»}«sup»$의 그래디언트가 $c_{1}«sup»$에 도달할 때 곱해지는 값은 $«product»$뿐으로, 곧 «values»이다«beside»."#,
            "additive, partly": #"부분적으로만 맞다. 셀의 직통 경로를 따라 $c_{«T»}«sup»$의 그래디언트가 $c_{1}«sup»$에 도달할 때 곱해지는 값은 $«product»$, 곧 «values»이다«beside»."#,
            "additive, rnn": #". 같은 구간에서 rnn-unroll의 소실 RNN에는 스텝 «T»에서 스텝 1까지 그래디언트 크기의 $«ratio»$만 남는다"#,
            "additive, whole": #". $h$와 게이트들을 거치는 경로까지 합치면, $\partial c_{«T»}«sup» / \partial c_{1}«sup»$의 대각 성분은 «values»이다"#,
            "slide forget share": #"시드 002: “0~1 사이의 값을 곱하니까 몇 퍼센트를 잊는다라는 의미로 해석하면 된다.”"#,
            "forget share": #"확인된다. $f$를 남기는 비율로 읽으면, 유닛 «u»에서 $f_{«t»}«sup» = «f»$이므로 $c_{«t-1»}«sup» = «c»$의 «kept»%가 남고 «lost»%는 잊힌다($«f» \cdot «cc» = «fc»$)."#,
            "unit value": "유닛 «u»에서 «v»",
        ])
}
