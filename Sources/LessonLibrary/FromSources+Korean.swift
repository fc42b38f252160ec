// The Korean words of the examples taken from published sources and the seed notes (the keys and
// slots of `sourceWords`). Titles of the sources stay as they are, in quotes.

import TraceCore

let sourceKorean = Words(text: [
    "ai-by-hand.summary": "Tom Yeh의 “AI by hand” relu RNN을 “AI Stack Exchange”의 답변이 푼 것: h₁ = [3, 6], h₂ = [1, 17]",
    "ai-by-hand.story": #"""
        Tom Yeh의 손 계산 연습 문제(“AI by hand”)를 “AI Stack Exchange” 질문 45724 \#
        (“Can anyone please explain the recurrent neural network calculation shown in the image?”)의 답변이 \#
        풀어 놓은 것이다. 입력 수 하나와 은닉 유닛 두 개를 가진 relu RNN으로, 입력 가중치는 \#
        $[1, 2]^{\top}$, 순환 가중치의 행은 $[1, -1]$과 $[1, 1]$이고, 바이어스는 없으며 $h_{0} = 0$이다. \#
        입력은 3, 그다음 4다. 답변은 $h_{1} = [3, 6]$과 $h_{2} = [1, 17]$을 적어 두었고, 아래에서 이를 검증한다. \#
        (답변의 출력층 $y_{t} = [-1, 1] \cdot h_{t}$는 3과 16을 주지만 이 레슨에는 포함되지 않는다. \#
        답변은 서로 다른 두 행렬에 같은 글자 V를 쓰기도 한다.)
        """#,
    "seed-toy.summary": "시드 노트의 스칼라 RNN h₃ = tanh(2x₃ + 3 tanh(2x₂ + 3h₁ + 1) + 1)",
    "seed-toy.story": #"""
        시드 노트 002는 스칼라 RNN으로 그래디언트 소실과 폭주를 설명한다. 여기서 $W_{xh} = 2$, \#
        $W_{hh} = 3$, $b = 1$이고, 펼치면 $h_{3} = \tanh(2x_{3} + 3\tanh(2x_{2} + 3h_{1} + 1) + 1)$이다. 노트에는 \#
        $x$와 $h_{1}$의 값이 없다. 이 예제는 $h_{1} = 0.1$(이 노트의 초기 상태 $h_{0}$), $x_{2} = 0.5$, \#
        $x_{3} = -0.5$로 둔다. 각 타임스텝은 tanh 전에 이전 상태에 $W_{hh} = 3$을 곱한다. $h_{1}$에 대한 \#
        $h_{3}$의 그래디언트는 타임스텝마다 $3 \cdot \tanh'(a_{t})$를 곱한 것이다. tanh가 포화되지 않은 \#
        타임스텝에서는 최대 3배($\tanh'(0) = 1$), 포화된 곳에서는 훨씬 작은 배율이 된다.
        """#,
    "seed-toy.backward": #"""
        $G$는 마지막 상태에서만 1이므로 $L = h_{2}$다. 아래의 역전파는 시드의 \#
        $\partial h_{3} / \partial h_{1}$이며, 여기서는 $\partial h_{2} / \partial h_{0}$으로 쓴다(이 노트의 $h_{0}$, $x_{1}$, $x_{2}$가 \#
        시드의 $h_{1}$, $x_{2}$, $x_{3}$이다). 끝에 나오는 $\frac{\partial L}{\partial h_{0}}$가 바로 그 도함수다.
        """#,
    "gomez-2016.summary": "Aidan Gomez의 LSTM 수치 예제(2016): 타임스텝 2개, 은닉 크기 1",
    "gomez-2016.story": #"""
        Aidan Gomez의 “Backpropogating an LSTM: A Numerical Example”(2016)은 유닛 하나짜리 LSTM을 두 입력 \#
        $x_{0} = [1, 2]$, $x_{1} = [0.5, 3]$에 대해 실행한다. 게이트마다 가중치 행 하나, 순환 가중치 하나, \#
        바이어스 하나가 있다. 글은 게이트를 a(후보 값, PyTorch의 $g$), i, f, o 순서로 적는다. \#
        여기서는 PyTorch의 순서 i, f, g, o로 쌓고, 게이트마다 하나인 바이어스를 $b_{ih}$로 둔다 \#
        ($b_{hh} = 0$). 글의 step 0이 이 노트의 $t = 1$이다. 글의 수치는 Jae Duk Seo의 \#
        “Back to Basics: Deriving Back Propagation on simple RNN/LSTM (feat. Aidan Gomez)”(2018)에 재현된 값으로 \#
        검증한다. 그중 두 값은 글이 직접 적어 둔 수에서 계산한 것이며, 판정이 어느 값인지 찾아낸다. \#
        하나는 적힌 $i$와 $g$에서 계산한 상태 $0.78572$(정확한 값은 0.785726, 반올림하면 0.78573)이고, \#
        다른 하나는 적힌 $h_{1}$과 상태 1.5176에서 계산해 소수점 아래 5자리에서 자른 마지막 출력 \#
        $out_{1} = 0.77197$(정확한 값은 0.771981)이다.
        """#,
    "click4ai.summary": "colah의 업데이트 게이트와 소수점 아래 3자리 반올림을 쓰는 GRU 연습 문제(click4ai)",
    "click4ai.story": #"""
        click4ai 사이트의 GRU 셀 연습 문제는 $[x_{t}, h_{t-1}]$을 이어 붙여 게이트마다 2 × 4 행렬 하나를 \#
        곱한다. 바이어스는 없고, $x = [1.0, 0.5]$와 $h_{0} = 0$에서 시작한다. 각 행렬의 앞 두 열은 \#
        여기서 $W_{ih}$의 행이, 뒤 두 열은 $W_{hh}$의 행이 된다. 섞는 식은 colah의 관례인 \#
        $h_{t} = (1 - z) \odot h_{t-1} + z \odot \hat{h}$이다($\hat{h}$: 여기서 $n_{t}$). 업데이트 게이트가 \#
        후보 값 쪽을 가져간다. 또 행렬 곱 전에 리셋을 적용한다. 모든 값을 소수점 아래 3자리로 적는데, \#
        그중 셋은 마지막 자리가 틀렸다. 둘은 어떤 반올림으로도 나오지 않는 오기다: $\tanh(0.55) = 0.50052$를 \#
        0.500으로, $\tanh(0.35) = 0.3364$를 0.337로 적었다. 셋째 $h_{1} = [0.300, 0.198]$은 문제에 적힌 \#
        수로 곱한 값이다(0.587 · 0.337 = 0.1978). 정확한 둘째 성분은 반올림하면 0.197이다.
        """#,
    "illustrated-self-attention.summary": "Raimi Karim의 “Illustrated: Self-Attention”: 입력 3개 × 4차원, √d_k로 나누지 않은 스코어",
    "illustrated-self-attention.story": #"""
        Raimi Karim의 “Illustrated: Self-Attention”(Towards Data Science)은 수 4개짜리 입력 세 개 \#
        $[1, 0, 1, 0]$, $[0, 2, 0, 2]$, $[1, 1, 1, 1]$을 4 × 3 쿼리·키·밸류 가중치로 계산한다. 이 레슨과 같은 \#
        행 관례다. 스코어($Q K^{\top}$)는 아래에서 검증하며 성립한다. 그러나 글은 $\sqrt{d_{k}}$로 \#
        **나누지 않는다**. 글의 소프트맥스 가중치(PyTorch 코드가 출력한 값, 예를 들어 입력 1의 0.063379와 \#
        0.46831)는 나누지 않은 스코어의 소프트맥스다. 그래서 여기서는 성립하지 않고, 판정이 그 이유를 \#
        밝힌다. (최종 출력, 예를 들어 $[2.0, 7.0, 1.5]$는 손으로 $[0.0, 0.5, 0.5]$로 반올림한 소프트맥스로 \#
        계산했다. 이 값들은 주장으로 검증하지 않는다.)
        """#,
    "machine-learning-mastery.summary": "Machine Learning Mastery의 “I am a robot” 표: 밑 100, d_model = 4",
    "machine-learning-mastery.story": #"""
        Machine Learning Mastery의 “A Gentle Introduction to Positional Encoding in Transformer Models, \#
        Part 1”은 “I am a robot”의 네 단어를 $d_{\text{model}} = 4$와 10000 대신 밑 100(글의 $n$)으로 \#
        인코딩한다. 그래서 느린 쪽 열 쌍도 눈에 띄게 돈다. 그 각도는 $pos/10$이다. 글은 NumPy 코드로 \#
        4 × 4 행렬 전체를 소수점 아래 8자리까지 출력한다. 여기서는 2행과 4행을 검증한다.
        """#,
    "raschka-llm-from-scratch.summary": "Sebastian Raschka의 레이어 정규화 풀이(Build a Large Language Model From Scratch, 4장)",
    "raschka-llm-from-scratch.story": #"""
        Sebastian Raschka의 “Build a Large Language Model (From Scratch)” 4장은 LayerNorm 클래스를 정의하기 전에 \#
        활성값 6개짜리 두 행을 손으로 정규화한다. 이 풀이는 `var()`의 기본값인 **불편** 분산을 쓰고 \#
        $\epsilon$이 없다. 그래서 이 예제는 $d_{\text{model}} - 1$ 값으로 나누고, 무시할 만큼 작은 $\epsilon = 10^{-12}$ 값을 둔다. \#
        책은 입력을 소수점 아래 4자리로 적었지만 반올림 전 값으로 계산했고, 이 때문에 정규화된 값이 \#
        최대 3e-4까지 달라진다. 그래서 이 주장들은 5e-4 안에서 검증한다. (4장이 이어서 정의하는 LayerNorm \#
        클래스는 PyTorch처럼 편향 분산과 $\epsilon = 10^{-5}$ 값을 쓰므로 눈에 띄게 다른 수를 준다. 예를 들어 \#
        첫 성분은 0.6746이다.)
        """#,
])
