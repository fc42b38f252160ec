// The Korean words of transformer-block (TransformerBlock+Words.swift has the English, with the same
// keys and slots). The sublayers' words are the blocks' (Block+Korean.swift).

import TraceCore

extension TransformerBlock {
    static let korean = Words(
        captions: [
            "src": ("입력", "한 행이 토큰 하나다. 임베딩(위치를 더한 것)이거나 아래 블록의 출력이다."),
        ],
        text: [
            "summary": "트랜스포머 인코더 층 하나(torch.nn.TransformerEncoderLayer): 셀프 어텐션, 더하기 & 정규화, 위치별 피드포워드 네트워크, 더하기 & 정규화",
            "title": "트랜스포머 인코더 블록",
            "why": #"인코더 블록은 각 토큰의 벡터를 같은 크기의 새 벡터로 바꾼다. **셀프 어텐션**으로 모든 토큰이 다른 토큰에게서 정보를 모으고, **피드포워드 네트워크**가 각 토큰을 따로 변환한다. 두 서브층은 각각 **잔차 연결**로 감싸여, 서브층의 출력이 들어온 값에 더해진다. **레이어 정규화**는 «norm». 트랜스포머는 이런 블록을 쌓는다(논문에서는 여섯 개)."#,
            "why, post": "각 합 뒤에 두어 행의 스케일을 일정하게 잡아 준다",
            "why, pre": "각 서브층 앞에 두어 서브층이 같은 스케일의 행을 읽게 한다(합 자체는 정규화하지 않는다)",
            "heading equations": "식",
            "equations, post": #"""
                \begin{aligned}
                Y_{\text{sa}} &= \operatorname{MultiHead}(X, X, X«mask») && \text{셀프 어텐션} \\
                Z_{1} &= X + Y_{\text{sa}}, \quad N_{1} = \operatorname{LayerNorm}_{1}(Z_{1}) && \text{더하기 \& 정규화} \\
                U &= N_{1} W_{1}^{\top} + b_{1}, \quad H = \operatorname{act}(U), \quad Y_{\text{ff}} = H W_{2}^{\top} + b_{2} && \text{피드포워드} \\
                Z_{2} &= N_{1} + Y_{\text{ff}}, \quad Y = \operatorname{LayerNorm}_{2}(Z_{2}) && \text{더하기 \& 정규화}
                \end{aligned}
                """#,
            "equations, pre": #"""
                \begin{aligned}
                N_{1} &= \operatorname{LayerNorm}_{1}(X), \quad Y_{\text{sa}} = \operatorname{MultiHead}(N_{1}, N_{1}, N_{1}«mask»), \quad Z_{1} = X + Y_{\text{sa}} && \text{정규화, 셀프 어텐션, 더하기} \\
                N_{2} &= \operatorname{LayerNorm}_{2}(Z_{1}), \quad U = N_{2} W_{1}^{\top} + b_{1}, \quad H = \operatorname{act}(U), \quad Y_{\text{ff}} = H W_{2}^{\top} + b_{2} && \text{정규화, 피드포워드} \\
                Y &= Z_{1} + Y_{\text{ff}} && \text{더하기}
                \end{aligned}
                """#,
            "convention": #"**관례.** PyTorch의 `nn.TransformerEncoderLayer(batch_first=True)`를 시퀀스 하나에 적용하며, dropout은 0이다(또는 eval 모드). «common»«mask» «annotated»"#,
            "convention, post": #"순서는 사후 정규화(`norm_first` false, PyTorch의 기본값이자 논문의 방식)로, $\operatorname{LayerNorm}(x + \operatorname{Sublayer}(x))$이다"#,
            "convention, pre": #"순서는 사전 정규화(`norm_first` true, GPT-2와 같음)로, $x + \operatorname{Sublayer}(\operatorname{LayerNorm}(x))$이다. 마지막 합 뒤에는 정규화가 없다"#,
            "convention, causal": #" `causal`이 켜지면 셀프 어텐션의 마스크(`generate_square_subsequent_mask`로 만든 PyTorch의 `src_mask`)가 뒤쪽 토큰을 가린다."#,
            "notice": #"블록은 $n \times E$를 $n \times E$로 보내므로 블록을 쌓을 수 있다. 토큰끼리 섞는 것은 어텐션뿐이고, 잔차 합은 각 토큰의 행을 모든 서브층 너머로 실어 나른다. «norms»"#,
            "default.summary": "“The cat sat”을 사후 정규화 인코더 블록에 통과시킨다: 어텐션, 더하기 & 정규화, 유닛 6개의 피드포워드 네트워크, 더하기 & 정규화",
            "default.story": #"“The cat sat”에 [multi-head-attention.md](multi-head-attention.md)의 어텐션 투영, 은닉 유닛 F = 6개의 피드포워드 네트워크, 손으로 고른 정규화 스케일(모두 1은 아님)을 쓴다. 순서는 PyTorch의 기본값인 사후 정규화이고, 활성화 함수는 relu다."#,
            "default.backward": #"손실은 출력 성분의 합이다($G$는 모두 1). 정규화 2의 $\gamma_{2}$는 특성마다 다르며, 바로 이 때문에 그래디언트가 통과한다. 다음 문단이 그 이유를 보여 준다."#,
            "pre-norm.summary": "같은 블록에 norm_first를 켠 것: 정규화, 서브층, 더하기 순서(GPT-2의 순서)",
            "pre-norm.story": #"[transformer-block.md](transformer-block.md)의 예에 `norm_first: true`를 준 것이다. 각 서브층은 정규화된 행을 읽고, 그 출력은 정규화 전의 행에 더해진다. 그래서 출력은 $X + Y_{\text{sa}} + Y_{\text{ff}}$이다."#,
            "gelu.summary": "기본 블록에서 relu 대신 정확한 gelu를 쓴 것",
            "gelu.story": #"[transformer-block.md](transformer-block.md)의 예에 `activation: "gelu"`를 준 것이다. relu는 $U$의 음수 성분을 0으로 자르지만, gelu는 그 일부를 남기고 작은 양수 성분도 줄인다(수치는 은닉층의 캡션에 있다)."#,
        ])
}
