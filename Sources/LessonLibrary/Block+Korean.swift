// The Korean words the Transformer's two blocks share (Block+Words.swift has the English, with the
// same keys and slots): the sublayers' headings and captions, the words around the derivations, and
// the seeds' statements, quoted as the seed notes say them.

import TraceCore

let blockKorean = Words(
    captions: [
        // Inputs.
        "nhead": ("헤드 수", #"각 헤드는 $Q$, $K$, $V$의 열을 $d_k = E/h = «d_k»$개씩 맡는다."#),
        "in_proj_weight": ("입력 투영", #"$«WQ»$, $«WK»$, $«WV»$를 위아래로 쌓은 행렬이다. “Q c” 행이 $«Q»$의 c열을 만든다."#),
        "in_proj_bias": ("입력 투영 바이어스", "$«bQ»$, $«bK»$, $«bV»$를 쌓은 것이다."),
        "out_proj.weight": ("출력 투영", #"$«WO»$, 출력 × 입력으로 저장한다. j행이 어텐션 출력 $«Y»$의 j열을 만든다."#),
        "out_proj.bias": ("출력 바이어스", ""),
        "bias, zeros": ("바이어스", "모든 성분이 0이다. 더해지는 것이 없다."),
        "linear1.weight": ("피드포워드 네트워크의 첫 번째 층", #"$W_{1}$, F × E. j행이 한 토큰의 수 E개로 은닉 유닛 j를 만든다."#),
        "linear1.bias": ("첫 번째 층의 바이어스", ""),
        "linear2.weight": ("피드포워드 네트워크의 두 번째 층", #"$W_{2}$, E × F. j행이 은닉 유닛 F개로 출력의 j번째 수를 만든다."#),
        "linear2.bias": ("두 번째 층의 바이어스", ""),
        "norm.weight": ("정규화 «k»의 스케일", #"$\gamma_{«k»}$. 특성마다 수가 하나씩 있다."#),
        "norm.weight, again": ("정규화 «k»의 스케일", ""),
        "norm.weight, ones": ("정규화 «k»의 스케일", "모든 성분이 1이다. 스케일은 바뀌지 않는다."),
        "norm.bias": ("정규화 «k»의 시프트", #"$\beta_{«k»}$. 특성마다 수가 하나씩 있다."#),
        "norm.bias, again": ("정규화 «k»의 시프트", ""),
        "norm.bias, zeros": ("정규화 «k»의 시프트", "모든 성분이 0이다. 시프트는 없다."),
        "layer_norm_eps": ("엡실론", "제곱근 안에서 각 분산에 더한다(`layer_norm_eps`)."),

        // The feed-forward network.
        "ff.linear1": ("활성화 전 은닉층", #"$«input» W_{1}^{\top} + b_{1}$: 모든 토큰의 행에 같은 $W_{1}$을 쓴다."#),
        "ff.output": ("피드포워드 출력", #"$H W_{2}^{\top} + b_{2}$: 토큰마다 다시 수 E개가 되므로, 원래 행에 더할 수 있다."#),

        // The way back.
        "output.grad, pre": ("출력의 그래디언트", #"손실의 그래디언트 $G$ 그대로다. 손실이 보는 것이 바로 출력이다."#),
        "add.grad, pre": ("잔차 합 «k»의 그래디언트", #"두 곳에 쓰였다. 다음 잔차 합은 그래디언트를 그대로(항등 함수로) 통과시키고, 다음 정규화는 받은 것을 되돌려 준다."#),
        "add.grad": ("잔차 합 «k»의 그래디언트", #"정규화 «k»에서 되돌아온 것이다. 합은 그곳에만 쓰였다."#),
        "ff.output.grad": ("피드포워드 출력의 그래디언트", #"잔차 합은 $Y_{\text{ff}}$를 그대로 더했다. 그래서 합의 그래디언트와 같다."#),
        "ff.hidden.grad": ("은닉층의 그래디언트", #"$\frac{\partial L}{\partial Y_{\text{ff}}} W_{2}$: 각 은닉 유닛은 자신이 들어가는 출력 E개에서 그래디언트를 모은다."#),
        "ff.hidden.grad, gelu": ("은닉층의 그래디언트", #"$\frac{\partial L}{\partial Y_{\text{ff}}} W_{2}$: 각 은닉 유닛은 자신이 들어가는 출력 E개에서 그래디언트를 모은다."#),
        "ff.linear1.grad": ("relu 이전 은닉층의 그래디언트", #"relu를 거슬러 간다. $[U > 0]$은 relu의 기울기로, 유닛이 켜진 곳($U > 0$)에서 1, relu가 끈 곳에서 0이다. 그래서 그래디언트는 통과하거나 멈춘다."#),
        "ff.linear1.grad, gelu": ("gelu 이전 은닉층의 그래디언트", #"gelu를 거슬러 간다. $\operatorname{gelu}'(u) = \Phi(u) + u \varphi(u)$이며, $\Phi$는 표준정규분포의 누적분포함수, $\varphi$는 그 밀도함수다. relu의 기울기와 달리 정확히 0이 되지는 않는다."#),
        "x.grad": ("블록 입력의 그래디언트", #"경로는 둘이다. 첫 번째 잔차 합을 곧장 지나는 경로($\frac{\partial L}{\partial Z_{1}}$, 마지막 항)와, $X$가 쿼리, 키, 밸류를 만든 «first» 안을 거치는 경로다. 풀어 쓴 항은 식의 순서를 따른다. 먼저 $Q$에 대한 곱, 다음 $K$, 다음 $V$에 대한 곱이고(인수가 0인 곱은 빠지므로 행마다 항의 개수가 다르다), 마지막이 잔차 합의 그래디언트다."#),
        "x.grad, pre": ("블록 입력의 그래디언트", #"경로는 둘이다. 첫 번째 잔차 합을 곧장 지나는 경로($\frac{\partial L}{\partial Z_{1}}$, 마지막 항)와, 정규화 1을 거쳐 «first» 안으로 들어가는 경로다(처음 두 항: 정규화 1의 평균을 거치는 항과 중심화된 행을 거치는 항)."#),
        "memory.grad": ("메모리의 그래디언트", #"인코더-디코더 어텐션의 키와 밸류만 거친다. 식으로는 $\frac{\partial L}{\partial K_{\text{ca}}} W_{K,\text{ca}} + \frac{\partial L}{\partial V_{\text{ca}}} W_{V,\text{ca}}$이다. 풀어 쓴 항은 $K_{\text{ca}}$에 대한 곱, 그다음 $V_{\text{ca}}$에 대한 곱이다. 이것이 인코더로 되돌아가는 그래디언트다. 층을 쌓으면 모든 디코더 층이 같은 $M$을 읽으므로, 각 층이 자기 몫을 더한다."#),
        "in_proj_weight.grad": ("쌓은 투영의 그래디언트", #"세 블록 $«WQ»$, $«WK»$, $«WV»$는 각각 $\left(\frac{\partial L}{\partial «Q»}\right)^{\top}$에 $«Q»$를 만든 행들을 곱해 토큰에 대해 더한 것이다(키와 밸류의 블록도 마찬가지다)."#),
        "in_proj_bias.grad": ("쌓은 바이어스의 그래디언트", "각 블록은 해당 투영의 그래디언트를 토큰에 대해 더한 것이다."),
        "out_proj.weight.grad": ("출력 투영의 그래디언트", #"$\left(\frac{\partial L}{\partial «Y»}\right)^{\top} «C»$, 곧 토큰에 대해 더한 것이다. $«C»$의 행은 헤드들을 이어 붙인 것이다."#),
        "out_proj.bias.grad": ("출력 바이어스의 그래디언트", #"$\frac{\partial L}{\partial «Y»}$의 열마다 성분을 더한 것이다."#),
        "linear1.weight.grad": ("첫 번째 층의 그래디언트", #"$\left(\frac{\partial L}{\partial U}\right)^{\top}$에 들어온 행들을 곱한 것이다. 곧 토큰마다 외적을 하나씩 구해 더한다. 같은 $W_{1}$이 모든 토큰에 쓰였기 때문이다."#),
        "linear1.bias.grad": ("첫 번째 층 바이어스의 그래디언트", #"$\frac{\partial L}{\partial U}$의 열마다 성분을 더한 것이다."#),
        "linear2.weight.grad": ("두 번째 층의 그래디언트", #"$\left(\frac{\partial L}{\partial Y_{\text{ff}}}\right)^{\top} H$, 곧 토큰에 대해 더한 것이다."#),
        "linear2.bias.grad": ("두 번째 층 바이어스의 그래디언트", #"$\frac{\partial L}{\partial Y_{\text{ff}}}$의 열마다 성분을 더한 것이다."#),
        "norm.weight.grad": ("정규화 «k» 스케일의 그래디언트", #"$\gamma_{«k», j}$는 모든 행의 특성 j를 스케일했다. 그래서 $\frac{\partial L}{\partial «out»} \odot \hat X_{«k»}$를 열을 따라 더한다."#),
        "norm.bias.grad": ("정규화 «k» 시프트의 그래디언트", #"$\frac{\partial L}{\partial «out»}$를 열을 따라 더한 것이다."#),

        // Chosen from the numbers.
        "add": ("잔차 합 «k»", #"$«input» + «sub»$: 각 토큰은 자기 행을 그대로 두고, 서브층이 그 행으로 만든 것을 더한다. «share»"#),
        "ff.hidden, relu": ("은닉층", "relu가 유닛 «all»개 중 «off»개를 끈다(0으로 만든다). 꺼진 유닛은 토큰별로 «list»이다. «allOn»"),
        "ff.hidden, relu, none off": ("은닉층", "여기서 relu가 끄는 유닛은 «all»개 중 하나도 없다. U의 모든 성분이 양수다."),
        "ff.hidden, gelu": ("은닉층", #"gelu는 $u \Phi(u)$이다. 음수 $u$를 0으로 자르지 않고 줄일 뿐이며, 여기서 나온 가장 낮은 값은 «smallest»($u$ = «u»에서)이다. U의 성분 «all»개 중 «negatives»개가 음수이고, relu라면 이들은 0이 된다. 성분별로 $u \Phi(u)$를 계산하면, (1, 1) 성분은 «u11»·Φ(«u11») = «u11»·«phi11» = «h11»이다.«positive» 또 gelu는 단조 함수가 아니다. 최솟값은 $u$ ≈ «umin»에서 나오는 «min»이며, 그보다 더 음수인 $u$는 0에 더 가까운 값을 준다."#),
    ],
    text: [
        "heading self": "셀프 어텐션",
        "heading self, masked": "마스크된 셀프 어텐션",
        "heading cross": "인코더-디코더 어텐션",
        "heading ff": "피드포워드 네트워크",
        "heading norm": "정규화 «k»",
        "heading add": "더하기 «k»: 잔차 연결",
        "heading add, output": "더하기 «k»: 잔차 연결, 출력",
        "heading add and norm": "더하기 & 정규화 «k»",
        "self": #"[multi-head-attention.md](multi-head-attention.md)의 멀티 헤드 어텐션을 «input»의 행에 적용한다. 쿼리, 키, 밸류가 모두 이 행에서 나온다. 헤드는 «h»개이고 헤드마다 열이 $d_k$ = «d_k»개다. 값의 이름은 `self_attn.…`이다."#,
        "self, pre": #"[multi-head-attention.md](multi-head-attention.md)의 멀티 헤드 어텐션을 정규화된 행 «input»에 적용한다. 사전 정규화에서는 서브층이 정규화된 행을 보고, 잔차 합에는 정규화 전의 행이 들어간다. 헤드는 «h»개, 헤드마다 열은 $d_k$ = «d_k»개이고, 값의 이름은 `self_attn.…`이다."#,
        "cross": #"입력이 둘인 같은 어텐션이다. **쿼리**는 디코더의 행 «input»에서, **키와 밸류**는 인코더의 출력 $M$(메모리)에서 나온다. 마스크는 없다. 값의 이름은 `cross_attn.…`이다."#,
        "ff": #"두 선형 층 사이에 relu를 둔 네트워크로, 각 토큰의 행에 따로따로 적용된다. 식으로 쓰면 $\operatorname{FFN}(x) = \operatorname{relu}(x W_{1}^{\top} + b_{1}) W_{2}^{\top} + b_{2}$이다. 수 E = «E»개에서 은닉 유닛 F = «F»개로 갔다가 다시 «E»개로 돌아온다."#,
        "ff, gelu": #"두 선형 층 사이에 gelu를 둔 네트워크로, 각 토큰의 행에 따로따로 적용된다. 식으로 쓰면 $\operatorname{FFN}(x) = \operatorname{gelu}(x W_{1}^{\top} + b_{1}) W_{2}^{\top} + b_{2}$이다. 수 E = «E»개에서 은닉 유닛 F = «F»개로 갔다가 다시 «E»개로 돌아온다."#,
        "norm, pre, first": #"사전 정규화는 서브층 *앞에서* 정규화한다. 어텐션이 보는 것은 $N_{«k»}$이지만, 아래의 잔차 합은 서브층의 출력을 정규화하지 않은 $X$에 더한다."#,
        "norm, pre": #"정규화 «k»에서는 누적 합 $Z_{«k-1»}$의 행을 정규화한다. 다음 서브층이 그 결과를 읽는다."#,
        "heading back sublayer": "역전파: 더하기 & 정규화 «k», «sublayer»",
        "heading back sublayer, pre": "역전파: 더하기 «k», «sublayer», 정규화 «k»",
        "sublayer self": "셀프 어텐션",
        "sublayer masked self": "마스크된 셀프 어텐션",
        "sublayer cross": "인코더-디코더 어텐션",
        "sublayer ff": "피드포워드 네트워크",
        "heading back add": "역전파: 잔차 합 «k»",
        "heading back ff": "역전파: 피드포워드 네트워크",
        "heading input gradients": "입력의 그래디언트",

        // Sentences chosen from the numbers.
        "share": #"합이 각 토큰을 $«input»$에서 얼마나 옮기는지는 $«sub»$의 행 길이를 $«input»$의 행 길이로 나눈 값으로 잰다. 토큰별로 «list»이다."#,
        "share item": "«token» «ratio»",
        "gelu positive": #" 작은 양수 성분도 줄어든다. 예를 들어 «u» → «h»이다(relu라면 «u» 그대로다)."#,
        "pick, near tie": "«query» → «key» («weight»), 거의 동률인 «other» («w1» 대 «w2»)",
        "peak item": "헤드 «m»의 «query» → «key», «weight»",
        "all on": "모든 토큰에 켜진 유닛이 하나 이상 있다.",
        "off list item": "«token» 유닛 «units»",
        "off list none": "«token» 없음",
        "norm saying": #"정규화 «k»에 들어오는 행의 표준편차는 $s$ = «stds»(«tokens»)이다. 나갈 때는 정규화되어, $\hat X_{«k»}$의 모든 행에서 평균은 0, 분산은 «var»이다.«contrast»«affine» 평균과 분산은 각 토큰이 자기 특성 E개에 대해 구한 것이다. 배치 정규화처럼 여러 샘플에 걸쳐 구하지 않는다([norms.md](norms.md)에서 네 가지 정규화를 나란히 비교한다).«eps»"#,
        "norm saying, again": #"정규화 «k»에 들어오는 행의 표준편차는 $s$ = «stds»(«tokens»)이다. 나갈 때는 정규화 1에서처럼 $\hat X_{«k»}$의 모든 행에서 평균은 0, 분산은 «var»이다.«contrast»«affine»«eps»"#,
        "norm saying, contrast": " 들어올 때 «large»의 $s$는 «s», «small»의 $s$는 «t»이다. «ratio»배 차이다. 정규화 후에는 분산이 같아지므로, 다음 서브층은 이 행들을 같은 스케일로 읽는다.",
        "norm saying, contrast, short": " 가장 큰 $s$(«large»의 «s»)와 가장 작은 $s$(«small»의 «t»)도 이제 분산이 같은 행이 된다.",
        "norm saying, scale and shift": #" 이어서 각 특성에 $\gamma_{«k»}$의 성분을 곱하고 $\beta_{«k»}$의 성분을 더한다. 모든 행에 같은 수를 쓴다."#,
        "norm saying, scale": #" 이어서 각 특성에 $\gamma_{«k»}$의 성분을 곱한다. 모든 행에 같은 수를 쓴다. $\beta_{«k»}$ = 0이므로 시프트는 없다."#,
        "norm saying, shift": #" $\gamma_{«k»}$ = 1이므로 스케일은 바뀌지 않는다. 이어서 각 특성에 $\beta_{«k»}$의 성분을 더한다. 모든 행에 같은 수를 쓴다."#,
        "norm saying, neither": #" $\gamma_{«k»}$ = 1, $\beta_{«k»}$ = 0이므로 출력은 $\hat X_{«k»}$ 그대로다."#,
        "std eps": #"소수점 아래 4자리까지는 $s$에 $\epsilon$이 드러나지 않는다. $\epsilon$은 소수점 아래 «decimal»번째 자리부터 $s$를 바꾼다."#,
        "std eps, shows": #"여기서는 $s$에 $\epsilon$이 드러난다. $\epsilon$이 없다면 «row»에서 $s = «without»$이다."#,
        "norm saying, eps": #" 여기서는 $\hat X_{«k»}$에 $\epsilon$이 드러난다. $\epsilon$이 없다면 («at») 성분은 «with» 대신 «without»이다."#,
        "token": "“«token»”",
        "token i": "토큰 «i»",
        "memory j": "메모리 행 «j»",
    ])

/// The Korean of `blockAttentionWords`: the same keys, the same choices.
func blockAttentionKorean(tag: String, cross: Bool, p: BlockInput) -> Words {
    let t = "\\text{\(tag)}"
    return Words(captions: [
        "Q": ("투영된 쿼리", cross
              ? "i행은 디코더 토큰 i의 쿼리다. 메모리가 아니라 디코더의 행으로 만든다."
              : "i행은 토큰 i의 쿼리이며, 모든 헤드의 쿼리가 나란히 놓인다."),
        "K": ("투영된 키", cross ? #"j행은 메모리 $M$의 j행만으로 만든다. 키는 인코더에서 오며, 디코더의 행은 들어가지 않는다."# : ""),
        "V": ("투영된 밸류", cross ? "마찬가지로 메모리로 만든다. 각 소스 토큰이 넘겨주는 내용이다." : ""),
        "head[m].scores": ("어텐션 스코어", #"헤드 «m»에서 쓰는 열은 $Q_{\#(t)}$, $K_{\#(t)}$, $V_{\#(t)}$의 «columns»이다. (i, j) 성분은 이 열만으로 구한 $q_{i} \cdot k_{j}$이다."#),
        "output": ("어텐션 출력", cross ? "" : #"토큰마다 다시 $d_{\text{model}} = «d_model»$개의 수가 되므로, 잔차 합에서 쿼리를 만든 행에 더할 수 있다."#),
        "output.grad": ("어텐션 출력의 그래디언트", #"잔차 합은 이 출력을 그대로 더했다. 그래서 합의 그래디언트와 같다."#),
        "concat.grad": ("이어 붙인 헤드의 그래디언트", #"$\frac{\partial L}{\partial Y_{\#(t)}} W_{O,\#(t)}$: 각 헤드의 열은 $W_{O,\#(t)}$가 그 열로 되돌려 주는 몫을 받는다."#),
        "head[m].weights.grad": ("헤드 «m» 어텐션 가중치의 그래디언트", #"헤드 안에서 구한 $\frac{\partial L}{\partial O_{\#(t)}^{(«m»)}} \left(V_{\#(t)}^{(«m»)}\right)^{\top}$이다.\#(!cross && p.causal ? " 마스크된 위치의 성분이 0일 필요는 없지만, 그래디언트는 여기서 멈춘다. 그 위치의 가중치가 0이고, 소프트맥스의 규칙은 각 그래디언트에 그 가중치를 곱하기 때문이다." : "")"#),
    ])
}

/// The Korean of `blockNormWords`: norm k's captions in a block.
func blockNormKorean(k: Int, last: Bool, normFirst: Bool, eps: String?) -> Words {
    let output: (String, String) = last
        ? ("출력의 그래디언트", "손실의 그래디언트 $G$ 그대로다. 손실이 보는 것이 바로 출력이다.")
        : normFirst
        ? ("정규화 \(k) 출력의 그래디언트", "서브층 \(k)에서 되돌아온 것이다. 사전 정규화에서는 정규화된 행을 서브층에만 넣는다.")
        : ("정규화 \(k) 출력의 그래디언트", "두 곳에 쓰였다. 다음 잔차 합은 그래디언트를 그대로 통과시키고, 다음 서브층은 받은 것을 되돌려 준다.")
    return k == 1 ? Words(captions: ["output.grad": output, "std": ("표준편차", eps ?? "")])
        : Words(captions: ["output.grad": output, "std": ("표준편차", eps ?? ""), "centered": ("편차", ""), "normalized": ("정규화된 행", "")])
}

let blockLessonKorean = Words(
    text: [
        "legend L": "토큰 (src의 행)",
        "legend T": "타깃 토큰 (tgt의 행)",
        "legend S": #"소스 토큰 (memory의 행; 스코어 $S^{(m)}$ 아님)"#,
        "legend E": #"토큰당 수 ($d_{\text{model}}$, PyTorch의 d_model)"#,
        "legend h": "헤드 수 (nhead)",
        "legend d_k": "헤드당 수, E / h",
        "legend F": "피드포워드 네트워크의 은닉 유닛 수 (dim_feedforward)",
        "symbols": #"$\operatorname{MultiHead}(x_{q}, x_{k}, x_{v})$는 [multi-head-attention.md](multi-head-attention.md)의 멀티 헤드 어텐션이다. 쿼리 $Q = x_{q} W_{Q}^{\top} + b_{Q}$는 $x_{q}$의 행에서, 키와 밸류도 마찬가지로 $x_{k}$와 $x_{v}$에서 만든다($W_{Q}$, $W_{K}$, $W_{V}$와 $b_{Q}$, $b_{K}$, $b_{V}$는 `in_proj_weight`와 `in_proj_bias`의 세 블록이다). 각 헤드 $m$마다 $\operatorname{softmax}\left(Q^{(m)} K^{(m)\top}/\sqrt{d_{k}}\right) V^{(m)}$를 구하고, 헤드들을 $C$에 나란히 놓은 뒤 $C W_{O}^{\top} + b_{O}$를 계산한다. «tags»«mask» $\operatorname{act}$는 피드포워드 네트워크의 두 층 사이에 있는 «act»이고, $H$는 그 은닉층이다(헤드가 아니다)."#,
        "symbols, tags": #"셀프 어텐션의 기호에는 “sa”가 붙는다. 헤드들의 가중치 평균 $\bar A_{\text{sa}}$(PyTorch가 기본으로 돌려주는 값)도 보여 주지만, 출력에는 쓰이지 않는다."#,
        "symbols, tags, decoder": #"셀프 어텐션의 기호에는 “sa”, 인코더-디코더 어텐션의 기호에는 “ca”가 붙는다. 헤드들의 가중치 평균 $\bar A_{\text{sa}}$와 $\bar A_{\text{ca}}$(PyTorch가 기본으로 돌려주는 값)도 보여 주지만, 출력에는 쓰이지 않는다."#,
        "symbols, mask": #" 마스크된 셀프 어텐션은 $\operatorname{MultiHead}(x_{q}, x_{k}, x_{v}; M_{\text{sa}})$로 쓰며, 각 헤드의 스케일된 스코어에 인과 마스크 $M_{\text{sa}}$를 더한다(마스크의 표는 아래에 있다)."#,
        "act, relu": "relu 함수",
        "act, gelu": "정확한 gelu 함수",
        "notice, norms, post": "각 정규화는 자기 $\\hat X$의 모든 행을 평균 0, 분산 1로 만든다«affine». 출력 행의 표준편차는 «stds»(«tokens»)이며, 이 값은 행이 들어올 때의 크기가 아니라 «set»에 따라 정해진다.",
        // A verb's stem, which "notice, both" and "notice, affine" finish: 곱 + 하고, 더 + 한다.
        "notice, scale": #"각 특성에 $\gamma$를 곱"#,
        "notice, shift": #"$\beta$를 더"#,
        "notice, in norms": "정규화 «list»에서 «what»",
        "notice, both": "«first»하고 «second»",
        "notice, affine": ". 이어서 «parts»한다",
        "notice, no shift": #" (모든 $\beta$가 0이므로 시프트는 없다)"#,
        "notice, set": #"$\gamma_{«k»}$와 $\beta_{«k»}$"#,
        "notice, set, neither": "정규화 자체",
        "notice, norms, pre": "정규화는 각 서브층에 정규화된 행을 넣어 주지만, 출력 자체는 정규화되지 않는다. 출력 행의 표준편차는 «stds»(«tokens»)이다. 그래서 사전 정규화 블록을 쌓으면 맨 끝에 LayerNorm을 하나 더 둔다(GPT-2의 `ln_f`, «stack norm»).",
        "convention, common": #"«order». $\operatorname{Sublayer}$는 어텐션 또는 피드포워드 네트워크다. «activation». nn.Linear는 $x W^{\top} + b$를 계산하며, 가중치는 출력 × 입력으로 저장한다. 멀티 헤드 어텐션은 [multi-head-attention.md](multi-head-attention.md)와 같고, 레이어 정규화는 [layer-norm.md](layer-norm.md)와 같다(편향 분산, 제곱근 안의 $\epsilon$)."#,
        "convention, annotated, post": #"“The Annotated Transformer”는 LayerNorm이 다르고(불편 표준편차, 제곱근 밖의 $\epsilon$), 정규화를 앞에 두며(사전 정규화), 층을 쌓은 뒤 마지막 정규화를 하나 더 둔다."#,
        "convention, annotated, pre": #"“The Annotated Transformer”도 사전 정규화이고 층을 쌓은 뒤 마지막 정규화를 두지만, LayerNorm이 다르다(불편 표준편차, 제곱근 밖의 $\epsilon$)."#,
        "convention, relu": "피드포워드 네트워크의 두 층 사이에는 relu를 쓴다(PyTorch의 기본값)",
        "convention, gelu": #"피드포워드 네트워크의 두 층 사이에는 정확한 gelu, $\operatorname{gelu}(u) = u \Phi(u) = \tfrac{1}{2} u \left(1 + \operatorname{erf}(u/\sqrt{2})\right)$를 쓴다(PyTorch의 `activation="gelu"`). GPT-2의 tanh 근사 $\tfrac{1}{2} u \left(1 + \tanh\left(\sqrt{2/\pi} (u + 0.044715 u^{3})\right)\right)$가 아니다"#,
        "heading figure": "서브층을 지나며 바뀌는 토큰 벡터",
        "figure": "블록의 단계마다 본 토큰별 수",
        "figure, description": "단계마다 히트맵이 하나씩 있다(«stages»). 행은 토큰, 열은 특성 E개이며, 0을 중심으로 한 하나의 색 척도를 쓴다(파랑은 음수, 빨강은 양수).",
        "heading summary": "요약",
        "backward why, post": "블록은 서브층을 거꾸로 거슬러 간다. 각 정규화는 레이어 정규화의 규칙으로, 각 잔차 합은 두 항 모두에 그래디언트를 그대로, 각 어텐션은 멀티 헤드 어텐션처럼, 피드포워드 네트워크는 두 층을 거쳐 그래디언트를 되돌려 보낸다.",
        "backward why, pre": "블록은 서브층을 거꾸로 거슬러 간다. 각 잔차 합은 두 항 모두에 그래디언트를 그대로 보내고, 서브층 쪽 몫은 서브층을 거친 뒤 그 앞의 정규화를 거친다.",
        "backward equations": #"""
            \frac{\partial L}{\partial x} = \frac{\partial L}{\partial z} + \frac{\partial L}{\partial z} \frac{\partial \operatorname{Sublayer}(x)}{\partial x} \quad (z = x + \operatorname{Sublayer}(x)\text{일 때}), \qquad
            \frac{\partial L}{\partial U} = \frac{\partial L}{\partial H} \odot \operatorname{act}'(U)
            """#,
        "uniform gradient": #"출력은 정규화 «k»의 출력이므로, 그래디언트는 $\frac{\partial L}{\partial \hat X_{«k»}} = G \odot \gamma_{«k»}$로 들어온다(1행: «row»). 레이어 정규화는 행마다 $\frac{1}{s}\left(g - \operatorname{mean}(g) - \hat x \operatorname{mean}(g \odot \hat x)\right)$를 되돌려 보낸다. 여기서 $g$는 그 그래디언트의 행, $\hat x$는 $\hat X_{«k»}$의 행이다(평균 0, 제곱 평균 1). 즉 $g$에서 행 평균과 $\hat x$ 방향 성분을 뺀다. 만약 $G \odot \gamma_{«k»}$가 한 행 안에서 같은 수 $c$였다면($G$와 $\gamma_{«k»}$가 모두 1일 때처럼), $\operatorname{mean}(g) = c$이고 $\operatorname{mean}(g \odot \hat x) = c \operatorname{mean}(\hat x) = 0$이다. 그러면 $Z_{«k»}$로는 아무것도 되돌아가지 않고, 그 아래의 모든 그래디언트는 반올림 오차를 빼면 0이 된다(정규화 «k» 안의 $\hat X_{«k»}$, $\tilde X_{«k»}$, $\mu_{«k»}$의 그래디언트와 $\gamma_{«k»}$, $\beta_{«k»}$의 그래디언트는 0이 아닐 수 있다)."#,
        "uniform gradient, here": #"출력은 정규화 «k»의 출력이므로, 그래디언트는 $\frac{\partial L}{\partial \hat X_{«k»}} = G \odot \gamma_{«k»}$로 들어온다(1행: «row»). 이 값은 각 행 안에서 같은 수 $c$다. 레이어 정규화는 행마다 $\frac{1}{s}\left(g - \operatorname{mean}(g) - \hat x \operatorname{mean}(g \odot \hat x)\right)$를 되돌려 보낸다. 여기서 $g$는 그 그래디언트의 행, $\hat x$는 $\hat X_{«k»}$의 행이다(평균 0). 이 경우 $\operatorname{mean}(g) = c$이고 $\operatorname{mean}(g \odot \hat x) = 0$이므로, $Z_{«k»}$로는 아무것도 되돌아가지 않고, 그 아래의 모든 그래디언트는 반올림 오차를 빼면 0이다(정규화 «k» 안의 $\hat X_{«k»}$, $\tilde X_{«k»}$, $\mu_{«k»}$의 그래디언트와 $\gamma_{«k»}$, $\beta_{«k»}$의 그래디언트는 0이 아닐 수 있다). 특성마다 다른 $\gamma_{«k»}$나 $G$를 주어야 읽을 만한 그래디언트가 나온다."#,
        "residual share": #"잔차 연결이 하는 일을 보자. «token»에 대한 $\frac{\partial L}{\partial X}$의 행은 «total»이다. 이는 합을 곧장 지나온 잔차 합의 그래디언트 «direct» (크기 «direct size»)와, «first» 안을 거쳐 온 «through» (크기 «through size»)의 합이다. «tail»"#,
        "residual tail, pre": #"덧셈은 그래디언트를 복사한다. 서브층의 야코비안이 무엇이든, 합의 그래디언트는 두 항 모두에 그대로 전달된다(시드 노트 002). 사전 정규화 블록을 쌓으면 $\mathcal{F} = \operatorname{Sublayer} \circ \operatorname{LayerNorm}$에 대해 $x_{l+2} = x_{l} + \mathcal{F}(x_{l}) + \mathcal{F}(x_{l+1})$이므로, 맨 위에서 맨 아래까지 아무 인수도 곱해지지 않는 경로가 남는다. 잔차 합이 없다면 $x_{l+2} = \mathcal{F}(\mathcal{F}(x_{l}))$이고, 되돌아가는 모든 경로가 두 서브층의 야코비안을 모두 거친다."#,
        "residual tail, post": #"덧셈은 그래디언트를 복사한다. 서브층의 야코비안이 무엇이든, 합의 그래디언트는 두 항 모두에 그대로 전달된다(시드 노트 002). 하지만 사후 정규화에서는 합의 그래디언트 자체가 그 위의 모든 정규화(여기서는 정규화 «norms»)를 거쳐 돌아왔고, 정규화마다 자기 야코비안이 있다. 시드 노트 002의 $x_{l+2} = x_{l} + \mathcal{F}(x_{l}) + \mathcal{F}(x_{l+1})$은 사전 정규화로 블록을 쌓은 모습이다. 사전 정규화는 정규화를 없애지 않고 각 가지 안으로 옮겨($\mathcal{F} = \operatorname{Sublayer} \circ \operatorname{LayerNorm}$), 합으로 이어진 경로에는 아무 인수도 곱해지지 않게 한다. 잔차 합이 없다면 $x_{l+2} = \mathcal{F}(\mathcal{F}(x_{l}))$이고, 되돌아가는 모든 경로가 두 서브층의 야코비안을 모두 거친다."#,
    ])

let blockSlideKorean = Words(
    text: [
        "slides, same size": #"- 시드 노트 001: “이때 입출력의 벡터는 동일한 차원값을 가지게 되는데, 그래야 잔차 연산이 가능하기 때문인 것 같습니다.” 수치로도 확인된다. 모든 서브층의 출력은 입력과 같은 «L» × «E»이고, 각 잔차 합은 둘을 성분별로 더한다."#,
        "slides, sum, pre": #"- 시드 노트 002: $x_{l+2} = x_{l} + \mathcal{F}(x_{l}) + \mathcal{F}(x_{l+1})$. 이 사전 정규화 블록에서 정확히 확인된다. 각 서브층은 누적 합을 자기 정규화를 거쳐 읽고($\mathcal{F} = \operatorname{Sublayer} \circ \operatorname{LayerNorm}$), 그 출력은 누적 합에 더해진다. 그래서 마지막 서브층의 출력 «last» 역시 시드의 $x_{l+1}$에 해당하는 «reads»의 함수이고, $Y = X +$ «terms»이다. «token»에서 $Y$ = «y»이고, $X +$ «terms» = «sum»이다. 시드의 $\mathcal{F}$들은 같은 종류의 층이지만, 여기서는 서로 다른 서브층(«kinds»)이다."#,
        "slides, sum, post": #"- 시드 노트 002: $x_{l+2} = x_{l} + \mathcal{F}(x_{l}) + \mathcal{F}(x_{l+1})$. 이 사후 정규화 블록에서는 성립하지 않는다. 마지막 합은 $Z_{«K»} = N_{«K-1»} +$ «last»이다. 즉 서브층의 출력을 일반 누적 합이 아니라 정규화된 행에 더한다. «token»에서 $Z_{«K»}$ = «z»인 반면, $X +$ «terms» = «sum»이다(같은 서브층 출력들을 정규화 없이 더한 값이다. 각 출력은 여기서 정규화된 행으로 계산한 것이다). 그 차이가 정규화가 한 일이다. 이어서 정규화 «K»에서 $Z_{«K»}$를 정규화하면 $Y$ = «y»이다. 시드의 $\mathcal{F}$들은 같은 종류의 층이지만, 여기서는 서로 다른 서브층(«kinds»)이다. 사전 정규화에서는 일반 누적 합이 유지된다([«lesson»--pre-norm.md](«lesson»--pre-norm.md))."#,
        "slides, residual": #"- 시드 노트 001: “입력값 대비 만들고자 하는 벡터, 그 차이값만을 어텐션 모듈에서 만들어내게 됩니다.” 계산도 그렇게 된다. 각 합은 입력 행을 그대로 두고, 서브층의 출력을 변화분으로 더한다. 여기서 변화분은 «size». 합 «sums»개에 걸쳐 변화분의 길이는 더해지는 행 길이의 «low»배에서 «high»배다(토큰별 값은 각 잔차 합의 캡션에 있다). 더할 것이 없는 서브층은 0을 출력해 입력을 그대로 넘기면 된다."#,
        "residual, small": "작다",
        "residual, not small": "작지 않다",
        "slides, self peak": #"- 시드 노트 000, 001: “어텐션 벡터는 자기 자신에 대한 값이 가장 크게 나올 것입니다.” 여기서는 그렇지 않다. 쿼리 행 «rows»개(헤드 «h»개 × 토큰 «n»개) 중 «count»개만 자기 토큰에서 가장 크다(«itself»). 나머지는 다른 곳에서 가장 크다(«elsewhere»). 가중치는 $q_{i} \cdot k_{j}$에서 나오고 $W_{Q}$와 $W_{K}$는 서로 다른 두 행렬이므로, $q_{i} \cdot k_{i}$가 가장 커야 할 까닭이 없다«chosen»."#,
        "slides, self peak, none": #"- 시드 노트 000, 001: “어텐션 벡터는 자기 자신에 대한 값이 가장 크게 나올 것입니다.” 여기서는 그렇지 않다. 쿼리 행 «rows»개(헤드 «h»개 × 토큰 «n»개) 중 자기 토큰에서 가장 큰 행은 하나도 없다(«elsewhere»). 가중치는 $q_{i} \cdot k_{j}$에서 나오고 $W_{Q}$와 $W_{K}$는 서로 다른 두 행렬이므로, $q_{i} \cdot k_{i}$가 가장 커야 할 까닭이 없다«chosen»."#,
        "slides, self peak, all": #"- 시드 노트 000, 001: “어텐션 벡터는 자기 자신에 대한 값이 가장 크게 나올 것입니다.” 여기서는 그렇다. 쿼리 행 «rows»개 모두 자기 토큰에서 가장 크다(«itself»). 하지만 가중치는 $q_{i} \cdot k_{j}$에서 나오고 $W_{Q}$와 $W_{K}$는 서로 다른 두 행렬이므로, 반드시 그래야 할 까닭은 없다«chosen»."#,
        "slides, self peak, chosen": ". 게다가 이 가중치는 손으로 고른 것이며, 학습된 모델의 헤드도 자기 토큰에서 가장 클 필요는 없다",
        "slides, why ff, more": #" 왜 피드포워드 네트워크를 따로 둘까? 어텐션의 출력은 밸류 행들의 가중 평균이라, 가중치가 정해지면 밸류에 대해 선형이다. 피드포워드 네트워크는 각 토큰의 행에 비선형 함수(«act»)를 적용하고, 층의 파라미터 대부분을 가진다. 여기서는 $2 E F + F + E$ = «ffn»개로, «attentions» = «attention»개보다 많다(논문의 설정 E = 512, F = 2048에서는 «paper»)."#,
        "slides, why ff, fewer": #" 왜 피드포워드 네트워크를 따로 둘까? 어텐션의 출력은 밸류 행들의 가중 평균이라, 가중치가 정해지면 밸류에 대해 선형이다. 피드포워드 네트워크는 각 토큰의 행에 비선형 함수(«act»)를 적용한다. F = «F»인 여기서는 파라미터가 $2 E F + F + E$ = «ffn»개로, «attentions» = «attention»개보다 적다. 논문의 설정 E = 512, F = 2048에서는 «paper»."#,
        "why ff, attention": #"어텐션의 $4 E^{2} + 4 E$"#,
        "why ff, attentions": #"어텐션 «n»개의 $«n» (4 E^{2} + 4 E)$"#,
        "why ff, paper": "«ffn»개 대 «attention»개로, 정규화를 뺀 파라미터 «total»개 중 «share»%를 피드포워드 네트워크가 가진다",
        "slides, position-wise": #"- 시드 노트 001의 질문: “왜 피드포워드지?” 피드포워드 네트워크는 위치별로 작동한다. 각 토큰의 행이 같은 두 층을 각자 따로 지난다. «token»의 행 하나만 두 층에 넣어 보면 결과는 «row», 곧 위 $Y_{\text{ff}}$의 그 행과 같다. 다른 토큰은 끼어들지 않는다. 토큰끼리 정보를 주고받는 곳은 어텐션뿐이고, 피드포워드 네트워크는 그렇게 섞인 각 토큰을 토큰 «L»개 모두에 같은 가중치로 변환한다.«why»"#,
        "slides, position-wise, differs": #"- 시드 노트 001의 질문: “왜 피드포워드지?” 각 토큰의 행은 같은 두 층을 각자 따로 지나야 한다. 그런데 여기서는 «token»의 행 하나만 넣은 결과가 $Y_{\text{ff}}$의 그 행과 다르다(«row»)."#,
    ])
