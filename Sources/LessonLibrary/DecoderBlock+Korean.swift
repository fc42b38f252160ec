// The Korean words of decoder-block (DecoderBlock+Words.swift has the English, with the same keys and
// slots), the seeds' statements quoted as seed notes 000 and 004 say them.

import TraceCore

extension DecoderBlock {
    static let korean = Words(
        captions: [
            "tgt": ("타깃 입력", "한 행이 타깃 토큰 하나다. 위치를 이미 더한 임베딩이거나(어텐션만으로는 순서를 알 수 없다) 아래 블록의 출력이다. 학습할 때는 정답 전체가 한 번에 들어가며, 시작 토큰 뒤로 한 칸씩 오른쪽으로 밀려 있다(티처 포싱). 그래서 i행은 토큰 i + 1을 예측하도록 학습한다."),
            "memory": ("메모리", "인코더의 출력으로, 소스 토큰마다 한 행이다. 모든 디코더 층이 같은 행을 읽는다."),
        ],
        text: [
            "summary": "트랜스포머 디코더 층 하나(torch.nn.TransformerDecoderLayer): 마스크된 셀프 어텐션, 인코더-디코더 어텐션, 피드포워드 네트워크, 각각에 더하기 & 정규화",
            "title": "트랜스포머 디코더 블록",
            "why": #"디코더 블록에는 서브층이 셋 있고, 각 서브층은 잔차 연결과 레이어 정규화로 감싸여 있다. 지금까지의 타깃 토큰에 대한 **마스크된 셀프 어텐션**(어떤 토큰도 뒤의 토큰을 보지 못한다), 각 타깃 토큰이 인코더의 출력 $M$(메모리)에 쿼리를 보내는 **인코더-디코더 어텐션**, 그리고 각 토큰에 따로 적용되는 **피드포워드 네트워크**다."#,
            "heading equations": "식",
            "equations, post": #"""
                \begin{aligned}
                Y_{\text{sa}} &= \operatorname{MultiHead}(X, X, X«mask»), \quad Z_{1} = X + Y_{\text{sa}}, \quad N_{1} = \operatorname{LayerNorm}_{1}(Z_{1}) && \text{마스크된 셀프 어텐션} \\
                Y_{\text{ca}} &= \operatorname{MultiHead}(N_{1}, M, M), \quad Z_{2} = N_{1} + Y_{\text{ca}}, \quad N_{2} = \operatorname{LayerNorm}_{2}(Z_{2}) && \text{인코더-디코더 어텐션} \\
                U &= N_{2} W_{1}^{\top} + b_{1}, \quad H = \operatorname{act}(U), \quad Y_{\text{ff}} = H W_{2}^{\top} + b_{2} && \text{피드포워드} \\
                Z_{3} &= N_{2} + Y_{\text{ff}}, \quad Y = \operatorname{LayerNorm}_{3}(Z_{3}) && \text{더하기 \& 정규화}
                \end{aligned}
                """#,
            "equations, pre": #"""
                \begin{aligned}
                N_{1} &= \operatorname{LayerNorm}_{1}(X), \quad Z_{1} = X + \operatorname{MultiHead}(N_{1}, N_{1}, N_{1}«mask») && \text{마스크된 셀프 어텐션} \\
                N_{2} &= \operatorname{LayerNorm}_{2}(Z_{1}), \quad Z_{2} = Z_{1} + \operatorname{MultiHead}(N_{2}, M, M) && \text{인코더-디코더 어텐션} \\
                N_{3} &= \operatorname{LayerNorm}_{3}(Z_{2}), \quad Y = Z_{2} + \operatorname{act}(N_{3} W_{1}^{\top} + b_{1}) W_{2}^{\top} + b_{2} && \text{피드포워드}
                \end{aligned}
                """#,
            "convention": #"**관례.** PyTorch의 `nn.TransformerDecoderLayer(batch_first=True)`를 시퀀스 하나에 적용하며, dropout은 0이다(또는 eval 모드). 인코더-디코더 어텐션의 가중치는 `multihead_attn.*`이고, 여기서 그 값의 이름은 `cross_attn.…`이다. «common»«mask» «annotated»"#,
            "convention, post": #"순서는 사후 정규화(`norm_first` false, PyTorch의 기본값이자 논문의 방식)로, $\operatorname{LayerNorm}(x + \operatorname{Sublayer}(x))$이다"#,
            "convention, pre": #"순서는 사전 정규화(`norm_first` true)로, $x + \operatorname{Sublayer}(\operatorname{LayerNorm}(x))$이다. 마지막 합 뒤에는 정규화가 없다"#,
            "convention, causal": #" 셀프 어텐션은 마스크된다. PyTorch에서는 `tgt_mask = nn.Transformer.generate_square_subsequent_mask(T)`를 줄 때 그렇다. `tgt_mask`가 없으면 PyTorch는 아무것도 가리지 않는다(`tgt_is_causal`은 힌트일 뿐이다). 인코더-디코더 어텐션은 마스크하지 않는다(PyTorch의 `memory_mask`는 소스 위치를 가리며, 대개 패딩에 쓴다)."#,
            "notice": #"서브층은 셋이지만 패턴은 하나다. 시드 노트 004는 이 순서를 “디코더로 문장을 파악 -> 입력 문장에서 뭘 주목하는지 보고 -> 다음 단어 예측”으로 읽는다. 셀프 어텐션은 지금까지의 타깃 토큰을 섞고, 인코더-디코더 어텐션은 $M$을 통해 소스를 가져오며, 피드포워드 네트워크는 각 토큰을 따로 변환해 다음 단어 예측으로 넘긴다. 블록은 $T \times E$를 $T \times E$로 보내므로 블록을 쌓을 수 있다. 잔차 합은 각 토큰의 행을 모든 서브층 너머로 실어 나른다. «norms»"#,
            "figure cross": "인코더-디코더 어텐션: 각 헤드의 가중치와 그 평균",
            "figure cross, first heads": "인코더-디코더 어텐션: 헤드 «heads»개 중 1–«drawn»번, 그리고 «heads»개 전체의 평균",
            "figure cross, description": "행은 디코더의 토큰(쿼리), 열은 메모리의 토큰(키)이다. 0은 짙은 보라, 1은 노랑이다.",
            "default.summary": "“I love you”가 “나는 너를 사랑해”의 메모리를 읽는다: 마스크된 셀프 어텐션, 인코더-디코더 어텐션, 피드포워드, 더하기 & 정규화 세 번",
            "default.story": #"타깃은 “I love you”(수 4개씩 3행)이고, 메모리는 인코더가 “나는 너를 사랑해”에 대해 낸 출력을 대신하는 3행이다. [seq2seq-attention.md](seq2seq-attention.md)의 문장 쌍이다. 셀프 어텐션은 [multi-head-attention.md](multi-head-attention.md)의 투영 행렬을 쓰며, 출력 바이어스는 없다. 인코더-디코더 어텐션의 $W_{Q}$와 $W_{K}$는 스케일된 단위 행렬이다. 그래서 각 헤드에서 쿼리는, 헤드의 열에 대해 $N_{1}$의 행과의 내적이 가장 큰 메모리 행에 가장 큰 가중치를 준다. 피드포워드 네트워크는 [transformer-block.md](transformer-block.md)의 것이다. 사후 정규화와 relu를 쓰고, 마스크가 있다. 행에 든 수는 학습된 모델에서 가져온 것이 아니라 손으로 고른 것이며, 각 행에는 그 행이 나타내는 단어를 이름으로 붙였다."#,
            "default.backward": #"손실은 출력 성분의 합이다($G$는 모두 1). 정규화 3의 $\gamma_{3}$는 특성마다 다르며, 바로 이 때문에 그래디언트가 통과한다. 다음 문단이 그 이유를 보여 준다."#,
            "pre-norm.summary": "같은 디코더 블록에 norm_first를 켠 것: 정규화, 서브층, 더하기 순서",
            "pre-norm.story": #"[decoder-block.md](decoder-block.md)의 예에 `norm_first: true`를 준 것이다. 각 서브층은 정규화된 행을 읽고, 그 출력은 정규화 전의 행에 더해진다. 그래서 출력은 $X + Y_{\text{sa}} + Y_{\text{ca}} + Y_{\text{ff}}$이다."#,

            // The seeds' statements.
            "slides, mask": #"- 시드 노트 000, 004: “decoder의 self-attention에서는 학습을 위해 masking 과정도 필요하다. 이전 단어들에만 dependent 하고, 뒤의 단어들에 대해서는 independet 하게 하는 작업이다.” 수치로도 확인된다(“이전 단어”에는 단어 자신도 들어간다). 모든 헤드에서 뒤쪽 토큰에 대한 가중치가 모두 0이다. 그래서 «first»의 가중치 1.00은 모두 자기 자신에 놓이고, «last»의 가중치는 «T»개 전부에 퍼진다.«rerun» PyTorch는 `tgt_mask`를 줄 때만 마스크한다. 마스크가 없으면 이 예의 $Y$는 최대 «without»만큼 바뀐다."#,
            "slides, mask, why": #"- 마스크는 왜 필요한가? 시드 노트 000은 “학습을 위해”라고 하고, 시드 노트 004는 “정답을 보여주고 학습시킬 순 없으니까..!”라고 한다. 학습할 때는 정답 전체가 한 번에 들어가므로, 마스크가 없으면 각 행이 자신이 예측해야 할 바로 그 단어를 읽을 수 있다. 마스크가 있으면 위치 «T»개를 모두 한 번에, 단어가 하나씩 들어오는 것처럼 학습한다. 테스트 때는 아직 정답이 없다. 디코더는 토큰을 하나씩 생성하고, 자기 출력을 다시 입력으로 넣는다."#,
            "slides, mask, rerun": #" 층 전체도 이를 지킨다. «last»의 $X$ 행을 바꿔(모든 성분에 +1) 다시 돌리면, $Y$의 1–«T-1»행은 정확히 그대로이고 «last»의 행만 움직인다(최대 «moved»)."#,
            "slides, mask, rerun, moved": #" «last»의 $X$ 행을 바꿔(모든 성분에 +1) 다시 돌리면, $Y$의 1–«T-1»행은 최대 «before»만큼(반올림 오차), «last»의 행은 최대 «moved»만큼 움직인다."#,
            "slides, mask, off": #"- 시드 노트 000, 004: “decoder의 self-attention에서는 학습을 위해 masking 과정도 필요하다.” 여기서는 마스크가 없다. `tgt_causal`이 false이고, «first»의 가중치 중 뒤쪽 토큰에 가는 몫이 «later»에 이른다(헤드 «m»)."#,
            "slides, cross": #"- 시드 노트 004: “Q로는 디코더 레이어에서의 출력 임베딩 벡터를, K/V는 인코더 레이어에서의 출력 임베딩 벡터를 사용함.” 거의 맞다. $Q_{\text{ca}}$의 T = «T»개 행은 $N_{«k»}$로 만든다(디코더의 입력 $X$가 아니라, 셀프 어텐션과 정규화 «k»까지 거친 디코더의 행). $K_{\text{ca}}$와 $V_{\text{ca}}$의 S = «S»개 행은 $M$만으로 만든다($K_{\text{ca}}$의 j행은 $M$의 j행에서). 그래서 가중치는 «T» × «S»이다. 헤드 평균(PyTorch가 기본으로 돌려주는 값, `average_attn_weights`)에서 쿼리마다 가장 큰 가중치는 «picks»이다. «heads»«chosen»"#,
            "slides, cross, heads agree": "각 헤드의 가장 큰 가중치(각 헤드 가중치의 캡션에 있다)도 같은 메모리 행에 놓인다.",
            "slides, cross, heads differ": "헤드별로 보면 다르다(각 헤드 가중치의 캡션에 있다). 타깃 토큰 «T»개 중 «n»개, 곧 «list»에서 헤드들의 가장 큰 가중치가 서로 다른 메모리 행에 놓인다.",
            "slides, cross, chosen": #" 이 정렬은 학습된 것이 아니라 만들어 넣은 것이다. $W_{Q,\text{ca}}$와 $W_{K,\text{ca}}$를 스케일된 단위 행렬로, $M$의 행을 손으로 골랐다. 그래서 각 헤드에서 쿼리는, 헤드의 열에 대해 $N_{«k»}$의 행과의 내적이 가장 큰 메모리 행에 가장 큰 가중치를 준다."#,
            "slides, sent": #"- 시드 노트 000: “그렇다면 encoder에서 decoder로 어떤 정보가 보내질까? K와 V를 보낸다.” 부분적으로 맞다. 건너가는 것은 $M$ 자체(«S» × «E»)이고, $K_{\text{ca}}$와 $V_{\text{ca}}$는 디코더 층 안에서 그 층의 $W_{K,\text{ca}}$와 $W_{V,\text{ca}}$로 만든다. 그래서 층을 쌓으면 디코더 층마다 같은 $M$에서 자기 키와 밸류를 만든다."#,
        ])
}
