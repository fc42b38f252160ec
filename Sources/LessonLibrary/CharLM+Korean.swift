// The Korean words of char-lm (SPEC "Korean notes"): the same keys and slots as CharLM+Words.swift.
// A slot's batchim is unknown, so no particle follows one directly.

import TraceCore

extension CharLM {
    static let korean = Words(
        captions: [
            "one-hot": ("원-핫 입력", #"$t$행은 $x_{t}$, 곧 문자 $s_{t}$를 원-핫 벡터로 나타낸 것이다. 자기 열에만 1이 있고 나머지는 0이다."#),
            "embedding.weight": ("임베딩", #"문자마다 숫자 한 행이 있다(`nn.Embedding`). $x_{t}$는 스텝 $t$에서 읽은 문자의 행이며, 이 행들도 다른 가중치처럼 학습된다."#),
            "fc.weight": ("출력 가중치", #"$j$행은 은닉 상태를 문자 $j$의 점수로 바꾼다. $y_{t,j}$는 $W_{fc}$의 $j$행과 $h_{t}$의 곱에 $b_{fc}$의 $j$번째 값을 더한 것이다."#),
            "fc.bias": ("출력 바이어스", "은닉 상태가 0일 때 각 문자가 받는 점수, 곧 아무것도 기억하지 않은 모델이 매기는 점수다."),
            "y[t]": ("점수", #"문자마다 점수가 하나씩 나오며, 이 점수를 *로짓*이라고 한다. 점수가 클수록 모델은 그 문자가 다음에 올 가능성이 높다고 본다."#),
            "p[t]": ("다음 문자 확률", #"소프트맥스는 점수를 합이 1인 확률로 바꾸며, 점수의 크기 순서는 확률에서도 그대로 유지된다. 지수를 취하기 전에 각 점수에서 가장 큰 점수를 뺀다. 그래도 확률은 바뀌지 않고, exp가 오버플로할 일도 없다."#),
            "loss[t]": ("손실", #"손실은 실제로 다음에 오는 문자에 모델이 준 확률의 $-\log$다. 그 문자에 확률 1을 주어 확신하고 맞히면 0이고, 목표 문자에 준 확률이 작을수록 커진다."#),
            "loss": ("평균 손실", #"스텝별 손실의 평균으로, `F.cross_entropy`가 계산하는 교차 엔트로피다. 학습은 목표 문자마다 확률을 높여 이 값을 낮춘다."#),
            "perplexity": ("퍼플렉서티", #"퍼플렉서티는 $e^{L}$이다. 이 값은 모델이 평균적으로 $\operatorname{PPL}$개 문자 중 하나를 균등하게 고를 때만큼 불확실하다는 뜻이다. $V$개 문자 중 균등하게 고르면 $V$이고, 늘 확신을 갖고 맞히는 모델은 1이다."#),
            "gen.y[t]": ("점수", ""),
            "gen.p[t]": ("다음 문자 확률", #"학습 때처럼 점수의 소프트맥스다."#),
            "gen.p[t], temperature": ("온도 τ에서의 확률", #"점수를 $\tau = «tau»$로 나눈 값의 소프트맥스다(늘 그렇듯 각 지수에서 가장 큰 값을 뺀다). 온도가 «effect»"#),
            "gen.cum[t]": ("누적 합", #"$C_{t,j}$(표의 $j$번째 합)는 문자 $j$까지의 확률을 더한 값이다. 뽑은 수가 $C_{t,j-1}$부터 $C_{t,j}$까지의 구간($C_{t,0} = 0$)에 떨어지면 문자 $j$가 뽑힌다. 이 구간의 길이가 곧 그 문자의 확률이다."#),
            "gen.u[t]": ("뽑은 수", #"생성기의 다음 64비트 출력 $Z_{t}$에서 상위 53비트를 취해($\gg 11$이 나머지 11비트를 밀어낸다) $2^{53}$으로 나눈 값이다. $[0, 1)$ 구간의 수이며, 모든 값이 같은 확률로 나온다."#),
            "gen.next[t], greedy": ("다음 문자", #"가장 확률이 높은 문자(동률이면 앞의 것)가 어휘에서 몇 번째인지를 1부터 센 번호가 다음 문자다."#),
            "gen.next[t], sample": ("다음 문자", #"뽑은 수가 떨어진 구간의 문자가 어휘에서 몇 번째인지를 1부터 센 번호가 다음 문자다. 각 문자는 그 문자의 확률만큼 자주 뽑힌다."#),
            "loss.grad": ("손실의 그래디언트", #"역전파는 여기서 시작한다. $L$은 자기 자신과 1 대 1로 변한다."#),
            "loss[t].grad": ("스텝 손실의 그래디언트", #"$L$은 «T»개 스텝 손실의 평균이므로, 각 손실은 $1/«T»$만큼 반영된다."#),
            "y[t].grad": ("점수의 그래디언트", #"소프트맥스 빼기 원-핫이다. 각 문자의 확률에서 목표 문자만 1을 빼고, $\partial L/\partial \ell_{t}$를 곱한다. 점수의 그래디언트가 양수이면 그 점수를 올릴 때 손실이 커진다. 경사 하강법으로 가중치를 조금 바꾸면, 1차 근사로 각 점수는 자기 그래디언트의 반대 방향으로 움직인다. 그래서 목표 문자의 점수(그래디언트가 음수)는 올라가고, 나머지는 내려간다."#),
            "fc.weight.grad": ("출력 가중치의 그래디언트", #"모든 스텝이 공유하므로, 스텝마다의 $\frac{\partial L}{\partial y_{t}} h_{t}^{\top}$를 모두 더한 것이다."#),
            "fc.bias.grad": ("출력 바이어스의 그래디언트", #"스텝마다의 $\frac{\partial L}{\partial y_{t}}$를 모두 더한 것이다."#),
            "embedding.weight.grad": ("임베딩의 그래디언트", #"$j$행은 문자 $j$를 읽은 모든 스텝에서 $\frac{\partial L}{\partial x_{t}}$를 모은다. 이것은 셀이 입력 쪽으로 돌려보내는 값(활성화 전 값의 그래디언트에 $W_{ih}^{\top}$를 곱한 것)이다. 한 번도 읽히지 않은 행은 0을 받는다."#),
        ],
        text: [
            "title": "문자 수준 언어 모델",
            "summary": "문자 수준 언어 모델: 다음 문자 확률, 교차 엔트로피, 퍼플렉서티, 생성",
            "why": #"""
                **언어 모델**은 텍스트의 각 지점에서 다음에 올 수 있는 모든 문자에 확률을 준다. 순환 신경망으로 만든 \#
                언어 모델은 텍스트를 한 문자씩 읽는다. 은닉 상태 $h_{t}$는 지금까지 읽은 내용을 담고, 출력층은 $h_{t}$를 \#
                문자마다 점수 하나로 바꾸며, 소프트맥스는 그 점수를 확률로 바꾼다. 학습은 실제로 다음에 오는 문자의 \#
                확률을 크게 만든다. 생성할 때는 모델이 고른 문자를 다시 입력으로 넣어, 한 문자씩 이어 간다.
                """#,
            "heading equations": "수식",
            "equations, one-hot": #"""
                \begin{aligned}
                x_{t} &= \operatorname{onehot}(s_{t}) && \text{스텝 } t \text{에서 읽은 문자} \\
                «cell» \\
                y_{t} &= W_{fc} h_{t} + b_{fc} && \text{문자마다 점수 하나} \\
                p_{t} &= \operatorname{softmax}(y_{t}) && \text{다음 문자의 확률} \\
                \ell_{t} &= -\log p_{t,s_{t+1}} && \text{스텝 } t \text{의 손실} \\
                L &= \tfrac{1}{T} \textstyle\sum_{t=1}^{T} \ell_{t}, \qquad \operatorname{PPL} = e^{L}
                \end{aligned}
                """#,
            "equations, embedding": #"""
                \begin{aligned}
                x_{t} &= E_{s_{t}} && \text{스텝 } t \text{에서 읽은 문자의 임베딩 행} \\
                «cell» \\
                y_{t} &= W_{fc} h_{t} + b_{fc} && \text{문자마다 점수 하나} \\
                p_{t} &= \operatorname{softmax}(y_{t}) && \text{다음 문자의 확률} \\
                \ell_{t} &= -\log p_{t,s_{t+1}} && \text{스텝 } t \text{의 손실} \\
                L &= \tfrac{1}{T} \textstyle\sum_{t=1}^{T} \ell_{t}, \qquad \operatorname{PPL} = e^{L}
                \end{aligned}
                """#,
            "cell equation, rnn": #"h_{t} &= \tanh(W_{ih} x_{t} + b_{ih} + W_{hh} h_{t-1} + b_{hh}) && \text{셀}"#,
            "cell equation, lstm": #"h_{t}, c_{t} &= \operatorname{LSTM}(x_{t}, h_{t-1}, c_{t-1}) && \text{셀}"#,
            "cell equation, gru": #"h_{t} &= \operatorname{GRU}(x_{t}, h_{t-1}) && \text{셀}"#,
            "cell name, rnn": "기본 RNN 셀(`nn.RNN`, tanh)",
            "cell name, lstm": "LSTM 셀(`nn.LSTM`)",
            "cell name, gru": "GRU 셀(`nn.GRU`)",
            "cell lesson, rnn": "rnn-unroll 레슨",
            "cell lesson, lstm": "lstm-gates 레슨",
            "cell lesson, gru": "gru 레슨",
            "convention": #"""
                **관례:** PyTorch 모듈을 따른다. 셀은 «cell»이고, «lesson»에서처럼 계산한다. 출력층은 \#
                `nn.Linear`이고, $W_{fc}$는 출력 × 입력 모양으로 저장된다. 손실은 `F.cross_entropy`, 곧 $T$개 \#
                스텝의 평균이며 단위는 nat이다(Karpathy의 min-char-rnn은 평균 대신 합을 쓰므로 그래디언트가 \#
                여기의 $T$배다). $s_{1} \dots s_{n}$은 텍스트의 문자들이고, $T = n - 1$이며, $p_{t,j}$는 \#
                $p_{t}$의 $j$번째 값이다.«mapping»
                """#,
            "mapping, rnn": " 시드 002의 $W_{xh}$, $W_{hh}$, $W_{hy}$는 여기서 각각 $W_{ih}$, $W_{hh}$, $W_{fc}$이다.",
            "mapping, gru": #" $W_{hn}$, $b_{hn}$은 각각 $W_{hh}$, $b_{hh}$의 n 행이다."#,
            "legend T": "스텝 수: 읽는 문자 수(텍스트 길이보다 하나 적다)",
            "legend V": "어휘의 문자 수",
            "legend H": "은닉 유닛 수",
            "legend E": "임베딩에서 문자 하나에 해당하는 숫자 수: 셀의 입력 크기",
            "label character": "문자",
            "label step, target": "t · 입력 → 목표",
            "label step, chosen": "t · 입력 → 선택",
            "and so on": " 등",
            "text": #"""
                텍스트는 “«text»”(«n»자)이고, 어휘는 문자 «V»개로,«vocab source» «vocab»이다. \#
                스텝 $t$는 $s_{t}$를 읽고, 다음 문자 $s_{t+1}$로 채점된다:
                """#,
            "vocab from text": " 텍스트에 처음 나온 순서대로",
            "text table header": "| $t$ | 입력 $s_{t}$ | 목표 $s_{t+1}$ |\n|---:|---|---|",
            "embedding rows": "각 $x_{t}$는 읽은 문자에 해당하는 $E$의 행이다. 곧 «rows».",
            "heading steps": "학습: 티처 포싱으로 한 스텝씩",
            "teacher forcing": #"""
                **티처 포싱:** 앞 스텝에서 모델이 무엇을 예측했든, 모든 스텝은 텍스트의 실제 문자를 읽는다. \#
                스텝 «T»개는 각각 따로 채점되고, 손실은 그 평균이다.
                """#,
            "heading loss": "손실과 퍼플렉서티",
            "heading generation": "생성: 모델이 고른 문자를 다시 읽는다",
            "generation, greedy": #"""
                이제 모델이 스스로 «length»개 문자를 쓴다. 다시 $h_{0}$에서 출발하며 첫 입력은 «start»이다. \#
                그 뒤 각 스텝은 앞 스텝에서 고른 문자를 읽는다($\hat x_{t+1}$은 문자 $j_{t}$). 문자는 \#
                탐욕적으로, 곧 가장 확률이 높은 문자를 고른다. \#
                생성 스텝의 값에는 모두 햇(^) 기호를 붙인다: 읽은 문자 $\hat x_{t}$, 셀의 값($\hat h_{t}$, …), \#
                점수 $\hat y_{t}$, 확률 $\hat p_{t}$.
                """#,
            "generation, sample": #"""
                이제 모델이 스스로 «length»개 문자를 쓴다. 다시 $h_{0}$에서 출발하며 첫 입력은 «start»이다. \#
                그 뒤 각 스텝은 앞 스텝에서 고른 문자를 읽는다($\hat x_{t+1}$은 문자 $j_{t}$). 문자는 \#
                $\hat p_{t}$에서 샘플링한다. 아래 생성기가 $[0, 1)$ 구간의 수 $u_{t}$를 내면, 누적 합 $C_{t,j}$가 \#
                처음으로 $u_{t}$를 넘는 문자를 고른다. 그래서 각 문자가 뽑힐 확률은 그 문자의 확률과 같다. \#
                생성 스텝의 값에는 모두 햇(^) 기호를 붙인다: 읽은 문자 $\hat x_{t}$, 셀의 값($\hat h_{t}$, …), \#
                점수 $\hat y_{t}$, 확률 $\hat p_{t}$.
                """#,
            "generator": #"""
                생성기는 SplitMix64이고, 생성기의 상태는 난수 시드 값 «seed»에서 시작한다. 출력 $Z_{t}$를 \#
                낼 때마다 상태에 0x9E3779B97F4A7C15를 더하고, 새 상태의 사본 $z$를 섞는다. 모든 연산은 \#
                $2^{64}$를 법으로 한다. $\oplus$는 비트별 배타적 논리합, $\gg$는 오른쪽 시프트다. $z$를 섞는 식은 다음과 같다.

                ```math
                z \leftarrow (z \oplus (z \gg 30)) \cdot \text{0xBF58476D1CE4E5B9}, \quad
                z \leftarrow (z \oplus (z \gg 27)) \cdot \text{0x94D049BB133111EB}, \quad
                Z_{t} = z \oplus (z \gg 31)
                ```
                """#,
            "generation, temperature": #" 온도 $\tau = «tau»$에서는 $\hat p_{t} = \operatorname{softmax}(\hat y_{t} / \tau)$이다. 온도가 «effect»"#,
            "sharper": "1보다 작으면 확률이 높은 문자는 확률이 더 높아진다.",
            "flatter": "1보다 크면 확률이 더 고르게 퍼진다.",
            "same as training": #"""
                여기까지 모델은 학습 때와 같은 $h_{0}$에서 같은 문자를 읽었다. 그래서 스텝 «t»의 값은 학습 때와 \#
                같고, 위에 나와 있다: $\hat h_{«t»} = h_{«t»}$, $\hat y_{«t»} = y_{«t»}$, $\hat p_{«t»} = p_{«t»}$.
                """#,
            "same as training, again": #"여전히 학습 때와 같다: $\hat h_{«t»} = h_{«t»}$, $\hat y_{«t»} = y_{«t»}$, $\hat p_{«t»} = p_{«t»}$."#,
            "same as training, temperature": #"""
                여기까지 모델은 학습 때와 같은 $h_{0}$에서 같은 문자를 읽었다. 그래서 스텝 «t»의 상태와 점수는 \#
                학습 때와 같고, 위에 나와 있다: $\hat h_{«t»} = h_{«t»}$, $\hat y_{«t»} = y_{«t»}$.
                """#,
            "same as training, temperature, again": #"여전히 학습 때와 같다: $\hat h_{«t»} = h_{«t»}$, $\hat y_{«t»} = y_{«t»}$."#,
            "generated, differs at the end": " 마지막으로 고른 문자에서 학습 텍스트를 벗어난다. 모델이 고른 문자는 «chosen»이지만, 텍스트의 그 자리에 오는 문자는 «target»이다. 생성은 마지막으로 고른 문자를 읽기 전에 멈춘다.",
            "zero column": " $W_{ih}$에서 «chosen»의 열은 0이다«why». 그래서 다음 스텝에서 이 문자를 읽어도 더해지는 것이 없다.",
            "zero column, never read": "(이 문자를 읽는 학습 스텝이 없다)",
            "generated text": "모델이 쓴 문자열은 «start» → «text», 곧 “«whole»”이다.",
            "generated, the text": " 학습 텍스트 그대로다. 모든 선택이 실제 다음 문자였다.",
            "generated, text then more": " 처음 «n»자는 학습 텍스트이고, 그 뒤로 모델은 어떤 학습 목표에도 없던 «more»까지 쓴다.",
            "generated, differs": " 스텝 «t»에서 학습 텍스트를 벗어난다. 모델이 고른 문자는 «chosen»이지만, 텍스트의 그 자리에 오는 문자는 «target»이다. 그 뒤로 모델은 자기가 고른 문자를 읽는다.",
            "generated, shorter": " 학습 텍스트의 앞부분이다.",
            "predicts, right": "가장 확률이 높은 문자는 «chosen»($«p»$)이고, 이것이 목표 문자다. 예측이 맞았다.",
            "predicts, wrong": "가장 확률이 높은 문자는 «chosen»($«p»$)이지만, 목표 문자 «target»의 확률은 $«q»$이다. 예측이 틀렸다.",
            "predicts, nan": "점수 가운데 수가 아닌 값(nan)이 있어 확률도 수가 아니다. 그래서 아무것도 예측하지 못한다.",
            "predicts, tie": "가장 확률이 높은 문자는 «chosen», «other» 둘로, 확률이 같다($«p»$). 목표 문자 «target»의 확률은 $«q»$이다.",
            "loss, note": #"여기서는 $-\log «q» = «l»$이다."#,
            "loss worst": #"스텝 «t»의 손실이 가장 크다($\ell_{«t»} = «l»$). 목표 문자 «target»의 확률이 «q»밖에 되지 않기 때문이다."#,
            "loss even": "모든 스텝의 손실이 거의 같다.",
            "perplexity here": #"여기서는 $\operatorname{PPL} = «ppl»$이고, «V»개 문자 중 균등하게 고를 때의 값은 «V»이다."#,
            "perplexity worse": " 퍼플렉서티가 «V»보다 큰 것은 목표 문자가 받은 확률의 기하평균(«mean»)이 균등하게 고를 때의 $1/«V»$보다 작기 때문이다.",
            "perplexity here, one character": #"여기서는 $\operatorname{PPL} = «ppl»$이다. 어휘에 문자가 하나뿐이라 모든 예측이 확실하고 맞다."#,
            "draw here": "여기서는 $Z_{«t»} = «z»$이다.",
            "choice, greedy": "가장 확률이 높은 문자는 «chosen»($«p»$)이다.",
            "choice, greedy tie": "«chosen», «other» 두 문자가 동률($«p»$)이고, 앞의 것을 고른다.",
            "choice, sample": "$u_{«t»} = «u»$이므로 뽑은 수는 «chosen»의 구간(«low»부터 «high»까지) 안에 든다. 고른 문자는 «chosen»이고, 그 확률은 «p»이다.",
            "choice, sample, unlikely": " 가장 확률이 높은 문자(«best», «q»)는 아니다. 샘플링은 확률이 낮은 문자도 그 확률만큼 자주 고른다.",
            "heading summary": "요약",
            "figure p": "학습: 다음 문자 확률",
            "panel p": "p_t (행: 스텝, 열: 문자)",
            "figure p, description": "스텝마다 한 행이며, 행 이름은 읽은 문자와 목표 문자다. 칸이 밝을수록 그 문자의 확률이 높다.",
            "figure generated": "생성: 문자를 고른 분포",
            "panel generated": "p̂_t (행: 스텝, 열: 문자)",
            "figure generated, description": "생성 스텝마다 한 행이며, 행 이름은 읽은 문자와 고른 문자다.",
            "summary right": "가장 확률이 높은 문자가 목표 문자인 스텝은 «T»개 중 «right»개다«wrong». 평균 손실은 «L», 퍼플렉서티는 «ppl»이다.",
            "summary wrong steps": "(스텝 «steps»에서는 아니다)",
            "summary wrong steps, several": "(스텝 «steps»에서는 아니다)",
            "heading steps back": "스텝을 거슬러",
            "backward why": #"""
                학습은 경사 하강법으로 $L$을 낮추므로, 주어진 모든 가중치에 대해 $\partial L/\partial \theta$가 \#
                필요하다(빠진 바이어스는 0으로 고정되어 그래디언트를 받지 않는다). \#
                역전파는 $L$에서 시작해 각 스텝의 손실로, 다시 그 점수로 간다. 점수에서 그래디언트는 \#
                유명한 *소프트맥스 빼기 원-핫* 꼴이 된다. 그다음 셀의 레슨에서처럼 셀을 거쳐 한 스텝씩 \#
                거슬러 가며, 스텝마다 $W_{fc}^{\top} \frac{\partial L}{\partial y_{t}}$가 $\frac{\partial L}{\partial h_{t}}$에 더해진다.
                """#,
            "from next, rnn": #"W_{hh}^{\top} \frac{\partial L}{\partial a_{t+1}} \;(t < T \text{일 때}), \qquad \frac{\partial L}{\partial a_{t}} = \frac{\partial L}{\partial h_{t}} \odot \left(1 - h_{t}^{2}\right), \qquad \frac{\partial L}{\partial W_{hh}} = \sum_{t=1}^{T} \frac{\partial L}{\partial a_{t}} h_{t-1}^{\top}"#,
            "from next, lstm": #"W_{hh}^{\top} \frac{\partial L}{\partial a_{t+1}}, \qquad \frac{\partial L}{\partial c_{t}} = \frac{\partial L}{\partial h_{t}} \odot o_{t} \odot \left(1 - \tanh^{2} c_{t}\right) + \frac{\partial L}{\partial c_{t+1}} \odot f_{t+1} \;(t + 1 \text{의 항은 } t < T \text{일 때})"#,
            "from next, gru": #"W_{hh}^{\top} \frac{\partial L}{\partial a_{t+1}^{h}} + \frac{\partial L}{\partial h_{t+1}} \odot z_{t+1} \;(t < T \text{일 때})"#,
            "heading weight gradients": "가중치의 그래디언트: 스텝마다 항 하나",
            "scores push": "그래디언트가 가장 작은(가장 큰 음수인) 것은 목표 문자 «target»의 그래디언트 $«g»$이다. 그래서 경사 하강법은 이 점수를 가장 많이 올린다. 그래디언트가 가장 큰 것은 «top»의 $«h»$이고, 경사 하강법은 이 점수를 가장 많이 내린다.",
            "scores push, target top": "가장 확률이 높은 문자가 곧 목표 문자 «target»이다. 그 그래디언트는 음수($«g»$)라서 경사 하강법은 이 점수를 올리고 다른 점수는 모두 내린다. 확률이 높았던 문자일수록 많이 내린다.",
            "default.summary": "학습된 2유닛 RNN이 읽는 “hello”: 다음 문자를 모두 맞히고, 탐욕적 생성은 텍스트 너머까지 이어 간다",
            "default.story": #"""
                시드 002의 과제에서는 문자 수준 언어 모델이 네 문자 h, e, l, o로 된 어휘에서 “hello”를 읽는다. \#
                시드는 가중치를 주지 않는다(`--example seed-hello`는 첫 점수가 시드의 점수와 같은 모델을 만든다). \#
                이 모델은 “hello”로 학습했다. 은닉 유닛은 두 개로, 모든 수를 손으로 확인할 수 있을 만큼 적다. \#
                셀 바이어스는 없고(`nn.RNN(bias=False)`, 여기서는 빠져 있으므로 0이다), 약간의 가중치 감쇠를 \#
                썼으며, 가중치는 소수 한 자리로 반올림했다. 가중치 감쇠 때문에 $W_{ih}$에서 “o”의 열이 0이 \#
                되었다. 어떤 스텝도 “o”를 읽지 않기 때문이다. 스텝 3과 4를 눈여겨보라. 둘 다 “l”을 읽는데, 첫 “l” \#
                다음에는 “l”이, 두 번째 “l” 다음에는 “o”가 온다는 것을 모델에 알려 줄 수 있는 것은 은닉 상태뿐이다.
                """#,
            "default.backward": #"""
                모델은 이미 학습되었다. 모든 목표 문자의 확률이 높으므로 그래디언트는 작다. \#
                $\partial L/\partial y_{t}$의 값들이 그것을 보여 준다.
                """#,
            "seed-hello.summary": "시드 002의 점수 [1.0, 2.2, −3.0, 4.1], 확률 “h: 3%, e: 13% l: 0%, o: 84%”, 그리고 샘플링",
            "seed-hello.story": #"""
                시드 002의 그림은 A. Karpathy의 “The Unreasonable Effectiveness of Recurrent Neural \#
                Networks”에서 가져왔다. 이 그림에서 유닛 세 개짜리 RNN이 “h”를 읽고, 다음 문자의 점수를 \#
                h, e, l, o 순으로 $[1.0, 2.2, -3.0, 4.1]$로 매긴다. 텍스트는 “e”로 이어지는데 모델은 “o”를 \#
                예측하는 셈이다. 시드 노트는 이 점수의 확률을 “h: 3%, e: 13% l: 0%, o: 84%”로 적고, 이 확률 \#
                분포에서 샘플링한다. 이 노트의 가중치는 $h_{1}$을 그림의 $[0.3, -0.1, 0.9]$ 근처로 만들고, \#
                남은 차이는 출력 바이어스가 메워, 출력된 $y_{1}$이 시드의 점수와 같아지게 한다. 이 모델은 \#
                학습되지 않았다. 손실이 어떻게 나오는지, 샘플링이 어떤 문자를 쓰는지 눈여겨보라.
                """#,
            "slides percent": #"""
                시드 002: “h: 3%, e: 13% l: 0%, o: 84%의 확률 분포에서 sampling”. «verdict»: 점수 «scores»의 소프트맥스는 \#
                «percents»이다«off».
                """#,
            "slides percent off": ". 반올림하면 시드와 다른 값은 «misses»이다",
            "slides percent miss": "«token»의 «rounded»%(시드는 «quoted»%)",
            "slides percent sums": ". 시드의 네 값은 합이 «quoted»이고, 반올림한 값(«rounded»)은 합이 «sum»이다",
            "slides predicts o": #"""
                시드 002: “여기선 [1.0, 2.2, -3.0, 4.1] 이라는 결과가 나와서 "o" 라는 아웃풋이 나오지만 정답은 \#
                [0,1,0,0]에 해당하는 "e"이다.” «verdict»: $y_{1} = «scores»$에서 가장 큰 값은 «chosen»의 점수이고, \#
                다음 문자는 «target»이다.
                """#,
            "slides same input": #"""
                시드 002: “3번째 time step과 4번째 time step을 보면 둘다 같은 입력 "l" 이 들어가지만 다른 \#
                character를 예측할 수 있어야 한다. 이는 h_t를 잘 활용해서!” «verdict»
                """#,
            "same input, apart": #"맞다: 스텝 «s», «t»의 입력은 모두 «char»이다. 은닉 상태는 서로 다르고($h_{«s»} = «hs»$, $h_{«t»} = «ht»$), 모델의 예측은 차례로 «a»($«pa»$), «b»($«pb»$)이다. 목표 문자도 «ta», «tb»이다."#,
            "same input, alike": #"여기서는 아니다: 스텝 «s», «t»의 입력은 모두 «char»이고 은닉 상태도 서로 다르지만($h_{«s»} = «hs»$, $h_{«t»} = «ht»$), 두 스텝 모두 모델의 예측은 «a»($«pa»$, $«pb»$)이다. 목표 문자는 «ta», «tb»이다."#,
            "slides perplexity": #"""
                시드 004: “CrossEntropy에 exp를 취하면 PPL이 됨”. 맞다: $e^{L} = e^{«L»} = «ppl»$이다. 이는 목표 \#
                문자 확률의 역수 $1/p$의 기하평균이기도 하다: $\left(«inverse»\right)^{1/«T»} = «ppl»$. 평균적으로 «ppl»개 문자 중 하나를 균등하게 고를 때만큼 불확실하다.
                """#,
            "confirmed": "맞다",
            "partly": "일부만 맞다",
            "refuted": "틀렸다",
        ])
}
