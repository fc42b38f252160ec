// The Korean words of Lessons/ko/README.md: how to read a note, the glossary (each term as the
// seed notes write it, and the one the notes use), and the notation.

import TraceCore
import TraceRender

let notesKorean = Words(text: [
    "introduction": koreanIntroduction,
    "reading": koreanReading,
    "backward pass": " — 역전파",
])

/// The glossary as a table, made from `glossary`: the term the notes use, its English, and how the
/// seed notes write it.
private var glossaryTable: String {
    let rows = glossary.map { "| \($0.korean) | \($0.english) | \($0.seeds) |" }
    return (["| 한국어 | English | 시드 노트의 표기 |", "|---|---|---|"] + rows).joined(separator: "\n")
}

private let koreanTitle = #"""
# 강의 노트

`lesson render`가 내장 예제에서 만든 노트다. 손으로 고치지 않는다. 노트 하나는 한 예제에서 실행한 한 레슨의 Markdown 트레이스다. 영어 노트는 상위 폴더(`../README.md`)에 있다.
"""#

/// How to read a note, and the notation: the index of a course folder has it too.
private let koreanReading = #"""
## 노트 읽는 법

노트는 입력을 한 번 보여 주고, 그다음 단계별로 계산한다. 각 단계는 값의 식을 먼저 보여 주고 이어서 표를 보여 준다. 표의 각 성분은 그 값을 주는 산술식으로 풀어 쓴다. 벡터는 *풀어 쓴 식* 열에, 행렬은 표 아래에 행과 열별로 적는다(행이 세 개 이하인 행렬은 모든 성분을, 그보다 크면 첫 행과 마지막 행의 성분을 적고, 열은 최대 여덟 개까지 적는다). 곱이나 함수가 있으면 산술식을 단계적으로 보인다. 먼저 적힌 그대로, 다음에는 각 곱이나 함수를 그 값으로 바꿔서 보인다. 인수가 정확히 0인 항(원-핫 입력, 0인 가중치, 0인 바이어스나 초기 상태의 항)은 생략하고, 그런 항만으로 된 성분은 0으로 적는다. 식에서 행렬의 행마다 수가 하나인 벡터(행의 최댓값 $m$, 평균 $\mu$)는 그 행 전체에 쓰이고, 열마다 수가 하나인 벡터(바이어스 $b$, 스케일 $\gamma$)는 모든 행에서 그 열 전체에 쓰인다. 모든 값은 앞선 값들의 반올림 전 값으로 계산하므로, 반올림된 수로 한 단계를 다시 계산하면 마지막 자리가 다를 수 있다. ✓와 ✗는 출처의 주장으로 검증한 성분을 표시한다(어느 주장이 성립하는지는 끝의 주장 검증 절에 있다). `lesson <id> --format json`은 모든 값을 자릿수를 줄이지 않고 이름별로 출력한다: `a[1]`은 $a_{1}$이고, `head[2].weights`는 $A^{(2)}$다.

용어는 시드 노트가 여러 가지로 적는 것을 한 가지로 통일했다. 은닉 상태(히든 스테이트가 아니라), 망각 게이트(시드 003은 삭제 게이트라고 한다), 쿼리·키·밸류처럼 적는다. 각 노트는 용어를 처음 쓸 때 괄호 안에 영어를 함께 적는다. 전체 목록은 아래 용어 절에 있다.

## 기호

| 기호 | 뜻 | 쓰는 곳 |
|---|---|---|
| $t = 1 \dots T$ | 타임스텝, 타임스텝 $T$개 | 순환 레슨 |
| $x_{t}$, $h_{t}$, $c_{t}$ | 타임스텝 $t$의 입력, 은닉 상태, 셀 상태: 열벡터 | 순환 레슨 |
| $W_{ih}$, $W_{hh}$, $b_{ih}$, $b_{hh}$ | PyTorch의 가중치, out × in으로 저장하며 왼쪽에서 곱한다: $W_{ih} x_{t}$ | 순환 레슨 |
| $I$, $H$ | 입력 크기, 은닉 크기 | 순환 레슨 |
| $h_{t}^{(l)}$, $W_{ih}^{(l)}$, $N$ | 층 $N$개의 스택: 층 $l$의 상태와 가중치, $l$은 0부터 세는 PyTorch의 번호(`l0.h[t]`, `weight_ih_l1`) | 층을 쌓은 순환 레슨 |
| $W_{x}$, $W_{h}$, $B$ | Keras의 커널, 순환 커널, 바이어스, 행 꼴 $x_{t} W_{x}$를 위해 in × out으로 저장한다(그래서 $W_{ih} = W_{x}^{\top}$) | Keras의 가중치 |
| $a_{t}$ | 활성화 전 값: 비선형 함수 앞의 가중합 | 순환 레슨 |
| $i_{t}$, $f_{t}$, $g_{t}$, $o_{t}$ | LSTM의 입력 게이트, 망각 게이트, 후보 값, 출력 게이트 | lstm-gates |
| $r_{t}$, $z_{t}$, $n_{t}$ | GRU의 리셋 게이트, 업데이트 게이트(PyTorch의 것: $z$가 이전 상태를 유지한다), 후보 값 | gru |
| $X$ | 토큰 임베딩, 행마다 토큰 하나 | 어텐션, 포지셔널 인코딩, 레이어 정규화 |
| $n$ | 토큰 수: $X$의 행 수 | attention-qkv, 포지셔널 인코딩, 레이어 정규화 |
| $n_{q}$, $n_{k}$ | 쿼리 토큰 수, 키(와 밸류) 토큰 수, 둘이 다를 때 | multi-head-attention |
| $d_{\text{model}}$ | 토큰당 수(PyTorch의 `embed_dim`) | 어텐션, 포지셔널 인코딩, 레이어 정규화 |
| $Q$, $K$, $V$ | 쿼리, 키, 밸류, 행마다 토큰 하나: $q_{i}$는 $Q$의 $i$행(토큰 $i$의 쿼리), $k_{j}$는 $K$의 $j$행 | 어텐션 |
| $d_{k}$, $d_{v}$ | 쿼리·키 벡터의 차원, 밸류 벡터의 차원(멀티 헤드 어텐션에서는 헤드당: `head_dim`) | 어텐션 |
| $i$, $j$ | 스코어나 가중치의 쿼리 토큰(행), 키 토큰(열) | 어텐션 |
| $S$, $\hat S$, $A$, $O$ | 스코어 $Q K^{\top}$, 스케일링된(그리고 마스크된) 스코어, 어텐션 가중치(각 행의 합이 1), 출력 | 어텐션 |
| $m_{i}$, $E$, $z_{i}$ | $i$행의 가장 큰 스케일 스코어(exp 전에 뺀다: 가중치는 바뀌지 않는다), 지수값, 그 행의 합 | attention-qkv |
| $M$ | 인과 마스크: 쿼리가 볼 수 있는 곳은 0, 볼 수 없는 곳은 $-\infty$ | 어텐션 |
| $h$, $m$ | 헤드 수, 헤드 번호: $Q^{(m)}$은 $Q$에서 헤드 $m$에 해당하는 열 블록 | multi-head-attention |
| $\sigma$, $\tanh$, $\odot$ | 로지스틱 시그모이드, 쌍곡탄젠트, 성분별 곱 | 모든 레슨 |
| $\operatorname{rowsum}$, $\operatorname{colsum}$, $\operatorname{rowmax}$ | 행을 따라 더한 합, 열을 따라 더한 합; 행의 가장 큰 성분 | 모든 레슨 |
| $\mu$, $\sigma^{2}$, $\epsilon$, $\gamma$, $\beta$ | 평균, 분산(시그모이드의 $\sigma$가 아니다), 작은 상수, 스케일, 시프트 | 레이어 정규화 |
| $B$, $T$, $D$, $N_{g}$; $x_{b,t,d}$ | 배치의 시퀀스 수, 시퀀스당 타임스텝 수, 토큰당 특성 수, 특성 그룹 수(손실의 그래디언트 $G$가 아니다); 배치의 한 성분, 그 표의 행 “b, t”, 풀어 쓸 때는 성분 (b, t, d) | norms |
| $g$, $d \in g$ | 특성 $D/N_{g}$개의 그룹, $g = 1 \dots N_{g}$(“b, g” 행), 그 그룹의 특성(BLEU의 n-gram도, LSTM의 후보 값 $g_{t}$도 아니다) | norms |
| $S$, $\lvert S \rvert$, $\sum_{b,t}$ | 평균 하나가 모으는 칸의 집합, 그 크기; 이름 붙은 칸에 대한 합(여기서는 모든 시퀀스와 타임스텝) | norms |
| $\mu_{\text{BN}}$, $\sigma_{\text{LN}}^{2}$, $s_{\text{IN}}$, $\tilde X_{\text{GN}}$, $Y_{\text{BN}}$ | 배치(BN), 레이어(LN), 인스턴스(IN), 그룹(GN) 정규화의 평균, 분산, 표준편차 $\sqrt{\sigma^{2} + \epsilon}$, 편차, 출력 | norms |
| $C$, $H$, $W$, $P$ | 이미지의 채널 수, 높이와 너비(픽셀; 여기서 $X$는 이미지); 정사각형 패치의 한 변 | vit-patches |
| $N$, $E$, $X_{p}$, $W_{p}$ | 패치 수 $(H/P)(W/P)$, 왼쪽 위부터 행 단위로 번호를 매긴다; 토큰당 수, 곧 모델의 너비(ViT 논문의 $D$); 패치, 행마다 하나이며 각각 (채널, 행, 열) 순서로 펼치고 열 이름은 (c,i,j); 투영 행렬 `conv_proj.weight`, E × C·P·P(논문의 행렬 $\mathbf{E}$를 전치한 것) | vit-patches |
| $Z_{p}$, $z_{p}^{(n)}$, $x_{\text{class}}$, $Z$, $E_{\text{pos}}$, $Z_{0}$ | 패치 임베딩 $X_{p} W_{p}^{\top} + b$, 그중 패치 n의 행; 클래스 토큰; 클래스 토큰을 맨 앞에 둔 토큰; 위치 임베딩(학습되는 값: 사인파의 $PE$가 아니다); 인코더의 입력 $Z + E_{\text{pos}}$(논문의 $z_0$) | vit-patches |
| $n$, $T$, $S$, $E$, $F$ | 블록의 토큰 수(`src`의 행); 디코더의 타깃 토큰 수(`tgt`의 행)와 소스 토큰 수(`memory`의 행); 토큰당 수($d_{\text{model}}$); 피드포워드 네트워크의 은닉 유닛 수 | transformer-block, decoder-block |
| $\operatorname{MultiHead}(x_{q}, x_{k}, x_{v})$ | 쿼리는 $x_{q}$의 행에서, 키는 $x_{k}$에서, 밸류는 $x_{v}$에서 만드는 멀티 헤드 어텐션(PyTorch의 query, key, value) | transformer-block, decoder-block |
| $Q_{\text{sa}}$, $W_{Q,\text{sa}}$, $b_{Q,\text{sa}}$, $Y_{\text{ca}}$, $M_{\text{sa}}$ | 블록의 어텐션: 셀프 어텐션의 값과 가중치에는 sa(`self_attn.…`), 인코더-디코더 어텐션의 것에는 ca(`cross_attn.…`, 가중치는 `multihead_attn.…`)를 붙인다; $W_{Q,\text{sa}}$, $W_{K,\text{sa}}$, $W_{V,\text{sa}}$는 $W_{in,\text{sa}}$(`in_proj_weight`)의 세 행 블록, $b_{Q,\text{sa}}$, $b_{K,\text{sa}}$, $b_{V,\text{sa}}$는 $b_{in,\text{sa}}$의 세 블록; $M_{\text{sa}}$는 인과 마스크(메모리 $M$이 아니다) | transformer-block, decoder-block |
| $C_{\text{sa}}$, $\bar A_{\text{sa}}$ | 어텐션의 헤드를 나란히 붙인 것(`concat`), 헤드들의 가중치 평균(`weights`, PyTorch가 기본으로 돌려주는 것; 출력에는 쓰이지 않는다) | transformer-block, decoder-block |
| $M$ | 메모리: 인코더의 출력, 그 행에서 인코더-디코더 어텐션의 키와 밸류를 만든다 | decoder-block |
| $Z_{k}$, $N_{k}$, $Y$ | 잔차 합 $k$(`add1`: 서브층의 입력과 출력의 합), 정규화 $k$의 출력(`norm1`)과 그 단계 $\mu_{k}$, $\sigma_{k}^{2}$, $s_{k}$, $\hat X_{k}$, $\gamma_{k}$, $\beta_{k}$; 블록의 출력 | transformer-block, decoder-block |
| $U$, $H$, $Y_{\text{ff}}$, $W_{1}$, $W_{2}$ | 피드포워드 네트워크: relu나 gelu 앞과 뒤의 은닉층(`ff.linear1`, `ff.hidden`; 이 $H$는 헤드 $h$가 아니다), 그 출력(`ff.output`), 두 층의 가중치(`linear1.weight`, `linear2.weight`) | transformer-block, decoder-block |
| $\operatorname{act}$, $\operatorname{act}'$, $[U > 0]$ | 피드포워드 네트워크의 두 층 사이의 활성화 함수(relu나 gelu), 그 기울기; relu의 기울기, $U > 0$인 곳은 1, 나머지는 0 | transformer-block, decoder-block |
| $\operatorname{gelu}$, $\Phi$, $\varphi$, $\operatorname{erf}$ | $u \Phi(u)$; 표준 정규 분포의 분포 함수 $\tfrac{1}{2}(1 + \operatorname{erf}(u/\sqrt{2}))$와 밀도 $e^{-u^{2}/2}/\sqrt{2\pi}$; 오차 함수 | transformer-block |
| $s_{1} \dots s_{n}$, $V$ | 텍스트의 문자, 어휘의 문자 | char-lm |
| $X$, $E$ | 원-핫 행으로 읽은 문자; 또는 임베딩, 문자마다 수 한 행($x_{t} = E_{s_{t}}$) | char-lm |
| $W_{fc}$, $b_{fc}$ | 출력층(`fc`): 문자마다 행 하나와 수 하나 | char-lm |
| $y_{t}$, $p_{t}$, $p_{t,j}$ | 어휘에 대한 점수(로짓), 그 소프트맥스, 문자 $j$에 대한 성분 | char-lm |
| $\ell_{t}$, $L$, $\operatorname{PPL}$ | 타임스텝 $t$의 손실(목표 확률의 $-\log$), 그 평균, 퍼플렉서티 $e^{L}$ | char-lm |
| $\hat h_{t}$, $\hat y_{t}$, $\hat p_{t}$, $C_{t}$, $u_{t}$, $Z_{t}$, $j_{t}$, $\tau$ | 생성: 모델이 스스로 고른 문자를 읽는 타임스텝의 값, $\hat p_{t}$의 누적합, 생성기의 64비트 출력 $Z_{t}$에서 뽑은 균등 난수, 고른 번호, 온도 | char-lm |
| $\overrightarrow{h_{t}}$, $\overleftarrow{h_{t}}$, $\overrightarrow{W_{ih}}$, $\overleftarrow{W_{ih}}$ | 정방향과 역방향의 값과 가중치(`fwd.h[t]`, `bwd.h[t]`, `weight_ih_l0_reverse`); $t$는 두 방향 모두에서 위치이므로, $\overleftarrow{h_{t}}$는 $\overleftarrow{h_{T+1}}$에서 시작해 $x_{t} \dots x_{T}$를 읽은 상태다 | birnn |
| $H_{0}$, $C_{0}$, $Y$, $y_{t}$ | `h0`와 `c0`, 2 × H(1행은 정방향, 2행은 역방향의 것); 출력, 그 $t$행은 $y_{t} = [\overrightarrow{h_{t}} ; \overleftarrow{h_{t}}]$(LSTM의 출력 게이트 $o_{t}$가 아니다) | birnn |
| $h_{i}$, $s_{t}$, $M$ | 소스 위치 $i$에서 인코더의 상태, 타임스텝 $t$에서 디코더의 상태($s_{0} = h_{S}$), 인코더의 상태들을 행으로 둔 $M$ | seq2seq-attention |
| $W_{ih}^{\text{enc}}$, $f_{t}^{\text{dec}}$, $x_{t}^{\text{dec}}$ | 인코더와 디코더의 셀 값과 가중치에는 $\text{enc}$나 $\text{dec}$를 붙인다(상태 $h_{i}$, $s_{t}$에는 붙이지 않는다); 타임스텝 $t$에서 디코더의 입력 | seq2seq-attention |
| $e_{t}$, $\alpha_{t}$, $c_{t}$ | 타임스텝 $t$에서 인코더 상태들의 스코어, 그 소프트맥스(어텐션 가중치), 문맥 $M^{\top} \alpha_{t}$(여기서 LSTM의 셀 상태는 $c_{i}^{\text{enc}}$와 $c_{t}^{\text{dec}}$) | seq2seq-attention |
| $W_{a}$, $v_{a}$, $K$, $q_{t}$, $U_{t}$ | 스코어의 가중치; 키, 그 $i$행은 $W_{a} h_{i}$(general) 또는 $W_{a}^{h} h_{i}$(concat); concat의 쿼리 부분 $W_{a}^{s} s_{t}$와 $i$행의 특성 $\tanh(W_{a} [s_{t} ; h_{i}])$ | seq2seq-attention |
| $\tilde h_{t}$, $W_{c}$, $b_{c}$, $W_{out}$, $b_{out}$ | 어텐션을 거친 상태 $\tanh(W_{c} [c_{t} ; s_{t}] + b_{c})$, 결합층, 출력층($y_{t}$, $p_{t}$, $\ell_{t}$, $L$은 char-lm과 같되 출력 클래스에 대한 것) | seq2seq-attention |
| $n = 1 \dots N$, $g$ | n-gram 차수, 가장 큰 차수(층 수가 아니다; 여기서 $n$은 토큰 수가 아니다); 후보 번역의 서로 다른 n-gram 하나(LSTM의 후보 값 $g_{t}$가 아니다) | bleu |
| $k = 1 \dots K$ | 참조 번역 $k$, 참조 번역의 수(키도, 키 행렬 $K$도 아니다) | bleu |
| $\operatorname{count}^{(n)}$, $\operatorname{ref}^{(n)}$, $\operatorname{maxref}^{(n)}$, $\operatorname{clip}^{(n)}$ | 서로 다른 n-gram마다: 후보 번역에서의 개수, 각 참조 번역에서의 개수, 한 참조 번역에서의 최대 개수, 첫째와 셋째 중 작은 것 | bleu |
| $m_{n}$, $t_{n}$, $p_{n}$, $w_{n}$ | 일치 수(잘라 낸 개수의 합), 후보 번역의 n-gram 수, 수정된 정밀도 $m_{n}/t_{n}$, 차수 $n$의 가중치(행의 최댓값, 타임스텝, 소프트맥스가 아니다) | bleu |
| $m_{n}'$, $t_{n}'$, $\mathbb 1_{n \ge 2}$ | 스무딩한 일치 수와 합계; 첫째보다 높은 모든 차수에서 1(add-one 스무딩) | bleu |
| $c$, $\ell_{k}$, $r$ | 후보 번역의 길이, 참조 번역 $k$의 길이, $c$에 가장 가까운 참조 번역 길이(셀 상태 $c_{t}$, char-lm의 손실 $\ell_{t}$, 리셋 게이트 $r_{t}$가 아니다) | bleu |
| $BP$, $\bar p$, $\text{BLEU}$ | 짧은 번역 페널티 $\min(1, e^{1 - r/c})$, 정밀도들의 기하 평균, 점수 $BP \cdot \bar p$ | bleu |
| $s$, $w$, $f$, $k$ | 옵티마이저의 스텝(1부터 센다), 워밍업 스텝 수, 스케줄의 계수, 그 스케일 $f d_{\text{model}}^{-0.5}$(BLEU의 가중치 $w_{n}$이 아니다) | lr-warmup |
| $s^{-0.5}$, $s w^{-1.5}$, $\eta$, $s_{\text{peak}}$, $\eta_{\text{peak}}$ | 감소와 증가, 학습률 $k \min(s^{-0.5}, s w^{-1.5})$, 정점의 스텝과 그때의 학습률 | lr-warmup |

가중치는 각 레슨의 출처가 적는 쪽에서 곱한다. 순환 레슨과 멀티 헤드 어텐션은 PyTorch의 저장 방식을 따른다(out × in: 열벡터는 $W x$, 행으로 놓인 토큰은 $X W^{\top}$). attention-qkv는 논문의 $X W_{Q}$(in × out)를 따른다. 두 방식이 만나는 곳은 멀티 헤드 노트가 설명한다.

## 역전파 노트

역전파 노트(`--backward`)는 순전파 트레이스 뒤에 모든 그래디언트를 덧붙인다. $x$에 대한 손실의 그래디언트는 $\frac{\partial L}{\partial x}$로 적고(`--format json`에서는 `x.grad`), $G$는 `grad_output`, 곧 손실 자신의 그래디언트다($L = \sum G \odot$ 출력). $\mathbb 1_{\max}$는 행의 가장 큰 성분에서 1, 나머지에서 0이다. 각 노트는 그래디언트 검사로 끝난다. 그래디언트가 닿는 배열마다 그래디언트가 가장 큰 성분 $\theta$를 $\pm\delta$($\delta = 10^{-6}$)만큼 움직이고, 같은 $G$로 순전파를 다시 실행한다. 중심 차분 $(L(\theta + \delta) - L(\theta - \delta))/2\delta$를 상대 차이 $|a - b| / \max(|a|, |b|, 10^{-3})$로 그래디언트와 비교한다. 그래서 0인 그래디언트의 반올림 오차는 불일치로 치지 않는다. char-lm은 고유한 손실인 평균 교차 엔트로피 $L$을 쓰고, `targets`가 있는 seq2seq-attention도 그렇다. 이 두 레슨의 역전파 노트는 $G$ 없이 $\frac{\partial L}{\partial L} = 1$에서 시작하며, 그래디언트 검사도 그 손실을 다시 계산한다.

## 용어

노트가 쓰는 한국어 용어, 그 영어, 시드 노트의 표기(표기가 있는 경우). 노트는 용어를 처음 쓸 때 괄호 안에 영어를 적는다.

\#(glossaryTable)
"""#

private let koreanList = #"""
## 노트 목록

| 노트 | 레슨 | 예제 |
|---|---|---|
"""#

private let koreanIntroduction = [koreanTitle, koreanReading, koreanList].joined(separator: "\n\n")
