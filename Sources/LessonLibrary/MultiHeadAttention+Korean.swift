// The Korean words of multi-head-attention: the same keys and slots as MultiHeadAttention+Words.swift
// (also used by the Transformer blocks' attention). The seed notes' statements are quoted in their
// own Korean (seeds 000, 001, 003, 004).

import TraceCore

extension MultiHeadAttention {
    static let koreanWords = Words(
        captions: [
            "output.grad": ("출력의 그래디언트", "손실의 그래디언트 $G$ 그대로다. 손실이 직접 보는 값이 출력이기 때문이다."),
            "concat.grad": ("이어 붙인 헤드의 그래디언트", #"$\frac{\partial L}{\partial Y} W_{O}$이다. 각 헤드의 열은 $W_{O}$가 그 열로 되돌려 보내는 몫을 받는다."#),
            "head[m].output.grad": ("헤드 «m» 출력의 그래디언트", "이어 붙인 행렬의 그래디언트 가운데 헤드 «m»의 열이다."),
            "head[m].weights.grad": ("헤드 «m» 어텐션 가중치의 그래디언트", #"헤드 안에서 $\frac{\partial L}{\partial O} V^{\top}$이다. 헤드 하나의 어텐션과 같다."#),
            "head[m].scaled.grad": ("헤드 «m» 스케일링된 스코어의 그래디언트", #"소프트맥스의 규칙은 $A \odot \left(\frac{\partial L}{\partial A} - \operatorname{rowsum}\left(A \odot \frac{\partial L}{\partial A}\right)\right)$이다. 곧 각 가중치의 그래디언트에서 그 행의 가중 평균을 빼고 가중치를 곱한다."#),
            "head[m].scaled.grad, causal": ("헤드 «m» 스케일링된 스코어의 그래디언트", #"소프트맥스의 규칙은 $A \odot \left(\frac{\partial L}{\partial A} - \operatorname{rowsum}\left(A \odot \frac{\partial L}{\partial A}\right)\right)$이다. 마스크된 성분은 가중치가 0이므로 그래디언트도 0이다."#),
            "head[m].scores.grad": ("헤드 «m» 스코어의 그래디언트", #"스코어를 나눴던 것처럼 $\sqrt{d_{k}}$로 나눈다."#),
            "V.grad": ("투영된 밸류의 그래디언트", "헤드들의 밸류 그래디언트를 나란히 놓은 것이다. 각각 자기 조각이 나온 열에 들어간다."),
            "K.grad": ("투영된 키의 그래디언트", "헤드들의 키 그래디언트를 나란히 놓은 것이다."),
            "Q.grad": ("투영된 쿼리의 그래디언트", "헤드들의 쿼리 그래디언트를 나란히 놓은 것이다."),
            "query.grad": ("쿼리 입력의 그래디언트", #"$\frac{\partial L}{\partial Q} W_{Q}$이다. 쿼리 투영을 거꾸로 지난 값이다."#),
            "query.grad, self": ("쿼리 입력의 그래디언트", #"셀프 어텐션에서는 같은 행이 $Q$, $K$, $V$를 모두 만들었다. 그래서 그래디언트는 투영마다 하나씩, 세 항의 합이다."#),
            "query.grad, value": ("쿼리 입력의 그래디언트", #"쿼리의 행이 밸류로도 쓰였으므로, 그래디언트에는 $W_{Q}$를 거친 항과 $W_{V}$를 거친 항이 있다."#),
            "key.grad": ("키 입력의 그래디언트", #"$\frac{\partial L}{\partial K} W_{K}$이다. 키 투영을 거꾸로 지난 값이다."#),
            "value.grad": ("밸류 입력의 그래디언트", #"$\frac{\partial L}{\partial V} W_{V}$이다. 밸류 투영을 거꾸로 지난 값이다."#),
            "in_proj_weight.grad": ("쌓은 투영 행렬의 그래디언트", #"블록 $W_{Q}, W_{K}, W_{V}$는 각각 $\left(\frac{\partial L}{\partial Q}\right)^{\top} X_{q}$ 꼴이다. 입력의 행을 토큰에 대해 더한 것이다."#),
            "in_proj_bias.grad": ("쌓은 바이어스의 그래디언트", "각 블록은 그 투영의 그래디언트를 토큰에 대해 더한 값(열 합)이다. 바이어스가 모든 행에 더해졌기 때문이다."),
            "out_proj.weight.grad": ("출력 투영의 그래디언트", #"$\left(\frac{\partial L}{\partial Y}\right)^{\top} C$, 곧 쿼리 토큰에 대한 합이다."#),
            "out_proj.bias.grad": ("출력 바이어스의 그래디언트", "출력 그래디언트의 열 합이다. 바이어스가 모든 행에 더해졌기 때문이다."),
            "query, self": ("쿼리 입력", #"키와 밸류도 같은 행에서 나온다. $X_{k} = X_{v} = X_{q}$, 곧 **셀프 어텐션**이다."#),
            "query, self with value": ("쿼리 입력", #"키는 같은 행에서, 밸류는 $X_{v}$에서 나온다."#),
            "query, cross": ("쿼리 입력", "행 i는 쿼리 토큰 i다."),
            "key": ("키 입력", "행 j는 키 토큰 j다. 쿼리가 다른 시퀀스에 어텐션하는 **크로스 어텐션**이다."),
            "value": ("밸류 입력", "행 j는 키 토큰 j가 넘겨주는 내용이다."),
            "num_heads": ("헤드 수", ""),
            "in_proj_weight": ("입력 투영", #"$W_{Q}$, $W_{K}$, $W_{V}$를 쌓은 것이다. 행 “Q c”는 $Q$의 열 c를 만든다."#),
            "in_proj_bias": ("입력 투영 바이어스", "$b_{Q}$, $b_{K}$, $b_{V}$를 쌓은 것이다."),
            "in_proj_bias, zeros": ("입력 투영 바이어스", ""),
            "out_proj.weight": ("출력 투영", #"PyTorch의 모든 가중치처럼 출력 × 입력 모양으로 저장된다. 슬라이드의 $W^{O}$는 $W_{O}^{\top}$이다. 행 j는 $Y$의 열 j를 만든다."#),
            "out_proj.bias": ("출력 바이어스", ""),
            "Q": ("투영된 쿼리", #"""
                행 i는 토큰 i의 쿼리 $q_{i}$로, 모든 헤드의 열이 나란히 있다. $W_{Q}$가 출력 × 입력으로 저장되므로 \#
                $X_{q} W_{Q}^{\top}$이다. 슬라이드와 [attention-qkv.md](attention-qkv.md)의 $W_{Q}$(입력 × 출력)가 여기의 $W_{Q}^{\top}$이다.
                """#),
            "K": ("투영된 키", ""),
            "V": ("투영된 밸류", ""),
            "scale": ("스케일링 인자", #"나누는 수는 헤드 하나의 차원에서 온다. $d_{\text{model}} = «d_model»$ 대신 $d_{k} = «d_k»$의 제곱근으로 나눈다."#),
            "scale, one head": ("스케일링 인자", ""),
            "M": ("인과 마스크", "키 j가 쿼리 i보다 뒤에 오는 자리는 −∞다. 그 가중치는 0이 된다."),
            "head[m].scores": ("어텐션 스코어", #"$Q^{(«m»)}$, $K^{(«m»)}$, $V^{(«m»)}$는 $Q$, $K$, $V$의 «columns»이다. (i, j) 성분은 이 열들만으로 계산한 $q_{i} \cdot k_{j}$이다."#),
            "head[m].scaled": ("스케일링된 스코어", ""),
            "head[m].scaled, causal": ("스케일링된 스코어", "미래의 키는 −∞가 된다."),
            "head[m].weights": ("어텐션 가중치", ""),
            "head[m].output": ("출력", ""),
            "concat": ("나란히 이어 붙인 헤드", ""),
            "output": ("출력", #"토큰마다 다시 수 $d_{\text{model}} = «d_model»$개가 되므로, 트랜스포머는 잔차 연결로 $X_{q} + Y$를 더할 수 있다(시드 001)."#),
            "weights": ("헤드 평균 어텐션 가중치", ""),
        ],
        text: [
            "alternative, blocks transposed": "`in_proj_weight`의 블록 $W_{Q}$, $W_{K}$, $W_{V}$를 각각 반대 방향으로 저장한 경우($X W$에 맞춘 입력 × 출력)",
            "alternative, every weight transposed": "모든 가중치를 반대 방향으로 저장한 경우: `in_proj_weight`의 블록들과 `out_proj.weight`($X W$에 맞춘 입력 × 출력)",
            "backward why": "멀티 헤드 어텐션의 역전파는 출력 투영을 거꾸로 지나 그래디언트를 헤드별 열로 나누고, 각 헤드의 어텐션을 attention-qkv처럼 거꾸로 계산한 뒤, 헤드들의 그래디언트를 다시 모아 입력 투영으로 보낸다.",
            "heading back through": "출력 투영을 거꾸로 지나기",
            "heading head back": "헤드 «m», 역방향",
            "heads, same work back": "같은 방식으로 그래디언트를 되돌려 보낸다",
            "heads, results back": "그 그래디언트는 아래 투영 그래디언트의 해당 열에 들어간다",
            "heading projections back": "투영으로 돌아가기",
            "heading input gradients": "입력의 그래디언트",
            "summary": "torch.nn.MultiheadAttention 방식의 멀티 헤드 어텐션: 투영, 헤드로 나누기, 어텐션, 이어 붙이기, 투영",
            "title": "멀티 헤드 어텐션",
            "default.summary": "헤드 2개로 본 “The cat sat”: 헤드마다 어텐션이 다르다",
            "default.story": "[attention-qkv.md](attention-qkv.md)에서 본 “The cat sat”이다. 두 헤드가 서로 다르게 보도록 가중치를 정했다.",
            "seed-8-heads.summary": "시드 노트의 “Thinking Machines”: 3차원 헤드 8개를 이어 붙여 24차원, 24 × 4 W^O로 다시 4차원",
            "seed-8-heads.story": #"""
                시드 000과 001이 옮겨 온 “The Illustrated Transformer”의 그림이다. “Thinking Machines”의 4차원 단어 \#
                2개에 3차원 헤드 8개를 쓴다. 가중치는 헤드 1이 토큰 자신을, 헤드 2가 다른 토큰을 보도록 손으로 \#
                정했다. 그래서 슬라이드의 0.88과 0.12(시드 000)는 나오지 않는다. 그 값은 \#
                [attention-qkv--illustrated-transformer.md](attention-qkv--illustrated-transformer.md)가 재현한다.
                """#,
            "why": #"""
                **멀티 헤드 어텐션**은 어텐션 헤드 여러 개를 병렬로 계산한다. 각 헤드는 서로 다른 방식으로 어텐션을 계산한다.
                """#,
            "heading equations": "수식",
            "slices": #"""
                헤드 $m$은 $Q$, $K$, $V$의 열 $(m-1) d_k + 1$부터 $m d_k$까지를 가져간다(헤드 안에서는 1부터 $d_k$까지 \#
                번호를 다시 매긴다). 이 열들은 토큰 하나의 성분 $d_{\text{model}}$개 전부로부터 $W_{Q}$, $W_{K}$, $W_{V}$ \#
                가운데 그 헤드 몫의 행으로 만들어진다. 곧 헤드마다 자기 투영이 있으며(시드 001의 질문), 논문의 \#
                $W_{Q}^{(m)}$, $W_{K}^{(m)}$, $W_{V}^{(m)}$가 이것이다. $O^{(m)}$은 이어 붙인 행렬 $C$의 같은 열을 채운다. \#
                소프트맥스는 [attention-qkv.md](attention-qkv.md)처럼 각 행의 가장 큰 스코어를 먼저 빼며, 가중치는 \#
                달라지지 않는다.
                """#,
            "convention": #"""
                **표기 규칙.** PyTorch의 `nn.MultiheadAttention`을 따른다(배치 하나, 드롭아웃 없음). 논문과 같이 \#
                $d_k = d_{\text{model}}/h$로 둔다.
                """#,
            "convention, head_dim": #"""
                **표기 규칙.** PyTorch의 `nn.MultiheadAttention`(배치 하나, 드롭아웃 없음)은 논문처럼 $d_k$를 \#
                $d_{\text{model}}/h$로 고정한다($512/8 = 64$). 여기서는 논문의 수식이 허용하는 대로 $d_k$를 자유롭게 \#
                정했으므로($d_k = «d_k»$) $Q$, $K$, $V$, $C$의 열은 $h d_k = «D»$개다.
                """#,
            "legend n": "토큰 수($n = n_q = n_k$)",
            "legend n_q": "쿼리 토큰 수(출력의 행)",
            "legend n_k": "키·밸류 토큰 수",
            "legend d_model": "토큰 하나의 차원(PyTorch의 embed_dim $E$)",
            "legend h": "헤드 수",
            "legend d_k": "헤드 하나의 차원($d_v = d_k$; head_dim)",
            "label makes header": "만드는 열",
            "heading steps": "단계별 계산",
            "heading projections": "투영",
            "heading head": "헤드 «m»: «columns»",
            "column": "열 «first»",
            "columns": "열 «first»–«last»",
            "head": "헤드",
            "heads": "헤드",
            "heads, same work": "각자의 열에서 같은 계산을 반복한다",
            "heads, results": #"그 출력은 아래 이어 붙인 행렬 $C$의 «columns»에 들어가고, 가장 큰 가중치는 평균 $\bar A$ 아래에 적었다"#,
            "heads, results, some listed": #"그 출력은 아래 이어 붙인 행렬 $C$의 «columns»에 들어가고, 헤드 «listed»까지의 가장 큰 가중치는 평균 $\bar A$ 아래에 적었다"#,
            "heading concatenate": "이어 붙이고 투영하기",
            "figure": "헤드별 어텐션 가중치와 그 평균",
            "figure, first heads": "헤드 «heads»개 가운데 1–«drawn»의 어텐션 가중치와 «heads»개 전체의 평균",
            "panel head": "헤드 «m»",
            "panel average": "평균",
            "figure, description": "행은 쿼리, 열은 키다. 0은 진한 보라, 1은 노랑이다.",
            "figure, description, first heads": "헤드마다 히트맵 하나(처음 «drawn»개)와 전체의 평균이다. 행은 쿼리, 열은 키이고 0은 진한 보라, 1은 노랑이다.",
            "numbers, elided": #"헤드 1, 2, «last»의 값과 평균의 값은 위의 표에 있고, 헤드 3–«listed»의 가장 큰 가중치는 $\bar A$ 아래에 있다."#,
            "heading summary": "정리",
            "notice": #"""
                각 헤드는 [attention-qkv.md](attention-qkv.md)의 어텐션이며, 다만 자기 투영으로 «d_k»개 열을 만든다. \#
                $W_{O}$는 이어 붙인 «D»개 열을 토큰마다 수 «d_model»개로 바꾼다.
                """#,
            "notice, one head": #"""
                헤드가 하나면 $Q$, $K$, $V$의 «D»개 열 전체에 [attention-qkv.md](attention-qkv.md)의 어텐션을 한 뒤 \#
                $W_{O}$를 거친 것과 같다. $\bar A$는 그 헤드의 가중치다.
                """#,

            // Sentences chosen from the numbers.
            "weights, largest": "쿼리마다 가장 큰 가중치(쿼리 → 키)는 «list»이다.",
            "weights, largest, more": "쿼리마다 가장 큰 가중치(쿼리 → 키)는 «list», …이다(전체 «n»개는 표에 있다).",
            "pick, tie": "«query» → «key» 등(각 «weight»)",
            "token i": "토큰 «i»",
            "query i": "쿼리 «i»",
            "key j": "키 «j»",
            "average": #"$«Y»$ 계산에는 쓰이지 않는다(헤드들은 $«C»$ 다음 $«W_O»$에서 합쳐진다). 확인용으로 반환할 뿐이다."#,
            "average, differ": #"평균은 헤드 간 차이를 가린다. «query» → «key»의 가중치가 헤드 «oneHead»에서 «one», 헤드 «otherHead»에서 «other»인데 평균은 «mean»이다."#,
            "average, close": #"헤드 간 차이가 어느 성분에서나 «spread» 이하다(«query» → «key»: «low»–«high»). 그래서 여기서는 평균으로 잃는 정보가 적다."#,
            "average, one head": "헤드가 하나면 평균은 그 헤드의 가중치다.",
            "left out, largest": "풀어 쓰지 않은 헤드의 가장 큰 가중치는 다음과 같다. «list».",
            "left out, largest, more": "풀어 쓰지 않은 헤드의 가장 큰 가중치는 다음과 같다. «list». 헤드 «first»–«last»는 평균에만 들어간다.",
            "left out, head": "헤드 «m»에서 «picks»",
            "slides, differ": "- 시드 001: “동일한 쿼리 벡터에 대해 여러 시점에서 확인해아할때가 있다.” 헤드들의 가중치가 다를 때만 그렇다«how». «query»의 행에서 헤드 «a»의 «keyA» 가중치는 «wa», 헤드 «b»의 «keyB» 가중치는 «wb»이다.",
            "slides, differ, chosen": "(여기서는 손으로 정했고, 학습에서는 헤드마다 다른 초기값이 차이를 만든다. 시드 004)",
            "slides, agree": "- 시드 001: “동일한 쿼리 벡터에 대해 여러 시점에서 확인해아할때가 있다.” 헤드들의 가중치가 다를 때만 그렇다. 여기서는 모든 쿼리에서 모든 헤드가 같은 키에 가장 큰 가중치를 준다.",
            "slides, concat": #"- 시드 000, 003: “N개의 output이 나오므로 행렬곱을 통해 차원을 줄여야 한다.” 확인된다. $C$는 «n» × «D», $Y = C W_{O}^{\top} + b_{O}$는 «n» × «d_model»이다."#,
            "slides, concat, same size": #"- 시드 000, 003: “N개의 output이 나오므로 행렬곱을 통해 차원을 줄여야 한다.” $h d_k > d_{\text{model}}$일 때만 그렇다. 여기서는 논문처럼 $C$의 열이 이미 $h d_k = d_{\text{model}} = «D»$개다."#,
            "slides, 24 to 4": #"- 시드 001: “4차원의 벡터를 얻고 싶다면 w0 선형변환(24*4)차원의 행렬을 통해서 나타내게 되는 듯 합니다.” 확인된다. $C$는 «n» × 24이고 $Y = C W_{O}^{\top} + b_{O}$는 «n» × 4이다."#,
            "slides, value size": #"- 시드 000: “최종적으로 나오는 벡터의 차원은 V 벡터와 동일하게 된다. (multi-head attention에서는 다름)” 확인된다. 각 $O^{(m)}$의 열은 $V^{(m)}$과 같은 «d_k»개, $C$의 열은 «D»개, $Y$의 열은 «d_model»개다."#,
            "slides, mix": #"- 시드 004: “Scaled Dot-Product Attention 이후 Concat->Linear를 통과하게 되면서 여러 헤드의 출력이 조화가 이루어지게 됨” 확인된다. $Y$의 모든 열이 «heads»의 출력을 쓴다. $W_{O}$는 헤드별 블록으로 나뉘지 않으므로 한 헤드 안의 열들도 섞는다."#,
            "slides, mix, apart": #"- 시드 004: “Scaled Dot-Product Attention 이후 Concat->Linear를 통과하게 되면서 여러 헤드의 출력이 조화가 이루어지게 됨” $W_{O}$가 헤드들을 섞을 때만 그렇다. 여기서 $Y$의 «j»번째 열은 «heads»."#,
            "mix, all": "헤드 «h»개 전부",
            "mix, both": "두 헤드 모두",
            "mix, at least": "헤드 «h»개 가운데 «k»개 이상",
            "mix, one": "헤드 «m»의 출력만 쓴다",
            "mix, none": "어느 헤드의 출력도 쓰지 않는다",
            "slides, self": "- 시드 000: “이후 얻은 score들을 softmax 하여 … 당연히 자기 자신과의 관계가 제일 높음” «verdict». «count»헤드 «m»에서 «query»의 가중치는 자기 자신에 «self», «key»에 «other»이다.",
            "slides, self, count": "헤드 전체의 «rows»개 행 가운데 «held»개에서는 맞지만, ",
            "refuted": "맞지 않는다",
            "not always": "항상 그렇지는 않다",
            "slides, self, confirmed": "- 시드 000: “이후 얻은 score들을 softmax 하여 … 당연히 자기 자신과의 관계가 제일 높음” 확인된다. 모든 헤드에서 각 토큰의 가장 큰 가중치는 자기 자신의 것이다(최소 «self»).",
        ])
}
