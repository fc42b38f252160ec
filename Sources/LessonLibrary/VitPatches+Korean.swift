// The Korean words of vit-patches (the keys and slots of `VitPatches.words`).

import TraceCore

extension VitPatches {
    static let korean = Words(
        captions: [
            "image": ("이미지", "채널 «C»개가 각각 «H» × «W» 픽셀이다. 표에서 채널 c는 «H»행씩 묶은 c번째 블록이다."),
            "image, one channel": ("이미지", "«H» × «W» 픽셀짜리 채널 하나다."),
            "patch_size": ("패치 크기", "패치 하나는 «P» × «P» 픽셀이다. 패치는 세로로 «down»개, 가로로 «across»개, 모두 N = «N»개다."),
            "conv_proj.weight": ("투영 행렬(`conv_proj.weight`)", #"모양은 E × C × P × P = «E» × «C» × «P» × «P»이고, 여기서는 «E»개 행으로 보인다. 행 e는 `conv_proj.weight[e].flatten()`, 곧 패치의 (채널, 행, 열) 순서로 놓인 수 «CPP»개이며, 아래 $X_p$의 열과 순서가 같다. 열 (c,i,j)는 패치의 채널 c, 행 i, 열 j다. 따로 풀어 쓴 성분은 (e, c, i, j)로 부른다."#),
            "conv_proj.bias": ("투영 바이어스", "토큰의 성분마다 수가 하나씩 있다."),
            "conv_proj.bias, zeros": ("투영 바이어스", "입력에 없으므로 0이다."),
            "class_token": ("클래스 토큰", #"학습되는 값으로, 모든 이미지에 대해 같다. ViT의 분류기는 인코더 끝에서 이 토큰의 행을 읽는다."#),
            "class_token, zeros": ("클래스 토큰", "입력에 없으므로 0이다(torchvision도 0에서 시작해 학습한다)."),
            "pos_embedding": ("위치 임베딩", "학습되는 값으로, 토큰마다 한 행씩 있다. 1행은 클래스 토큰의 것이고, n + 1행은 패치 n의 것이다."),
            "pos_embedding, zeros": ("위치 임베딩", "입력에 없으므로 0이다. 그래서 여기서는 패치의 자리를 구별해 주는 것이 없다."),
            "patches": ("패치", "행 n은 패치 n이다. 픽셀 «CPP»개를 채널 순서로, 각 채널 안에서는 행 순서로 놓았다. Conv2d 가중치와 같은 순서다. 열 (c,i,j)는 패치의 채널 c, 행 i, 열 j다.«same»"),
            "patches, one channel": ("패치", "행 n은 패치 n이다. 픽셀 «CPP»개를 행 순서로 놓았다. 열 (c,i,j)는 패치의 채널 c(하나뿐이다), 행 i, 열 j다.«same»"),
            "embeddings": ("패치 임베딩", "«conv»«largest»«same»"),
            "tokens": ("토큰", #"클래스 토큰을 맨 앞에 두고, 그다음에 패치 «N»개를 둔다. 모두 수 «E»개짜리 행 «N» + 1개다. n + 1행은 $z_p^{(n)}$, 곧 $Z_p$의 n행이다. 1행은 이미지와 상관없이 $x_{\text{class}}$다. 이 토큰은 어떤 픽셀도 읽지 않는다."#),
            "output": ("위치를 더한 토큰", #"«receives»"#),
            "output, apart": ("위치를 더한 토큰", #"두 패치(«a»번, «b»번)는 임베딩이 같았다. 이제 두 패치의 행(«ra»행, «rb»행)은 다르다(성분 «j»: «x», «y»). 오직 위치 임베딩 때문이다. «receives»"#),
            "output, same": ("위치를 더한 토큰", #"두 패치(«a»번, «b»번)는 임베딩이 같았고, 두 패치의 행(«ra»행, «rb»행)은 지금도 같다. $E_{\text{pos}}$의 «ra»행과 «rb»행이 같으므로 인코더는 두 자리를 구별할 수 없다. «receives»"#),
            "output.grad": ("출력의 그래디언트", "손실의 그래디언트 $G$ 그 자체다. 손실이 보는 것이 바로 출력이다."),
            "tokens.grad": ("토큰의 그래디언트", #"$Z_0 = Z + E_{\text{pos}}$에서 그래디언트는 그대로 넘어간다. 위에 주어진 $G$가 곧 $\frac{\partial L}{\partial Z_0}$이고, $\frac{\partial L}{\partial Z}$이기도 하다."#),
            "embeddings.grad": ("패치 임베딩의 그래디언트", #"$\frac{\partial L}{\partial Z}$의 2 … N + 1행이다. 패치 n의 임베딩이 토큰 n + 1이기 때문이다."#),
            "patches.grad": ("패치의 그래디언트", #"$Z_p = X_p W_{p}^{\top} + b$를 거슬러 올라가면 $\frac{\partial L}{\partial X_p} = \frac{\partial L}{\partial Z_p} W_{p}$이다."#),
            "patches.grad, same pixels": ("패치의 그래디언트", #"$Z_p = X_p W_{p}^{\top} + b$를 거슬러 올라가면 $\frac{\partial L}{\partial X_p} = \frac{\partial L}{\partial Z_p} W_{p}$이다. 두 패치(«a»번, «b»번)는 픽셀이 같지만 여기서는 행이 다르다. 패치의 그래디언트는 픽셀이 아니라 그 토큰에 해당하는 $G$의 행(«ra»행, «rb»행)에서 온다."#),
            "image.grad": ("이미지의 그래디언트", #"$\frac{\partial L}{\partial X_p}$의 각 성분을 그것이 복사되어 온 픽셀 자리로 되돌린다. 모든 픽셀은 정확히 한 패치에 속하므로(스트라이드 «P» = 커널 «P») 더할 것이 없다. 패치가 겹친다면(스트라이드가 커널보다 작다면) 각 몫을 더해야 한다."#),
            "conv_proj.weight.grad": ("투영 행렬의 그래디언트", #"$\left(\frac{\partial L}{\partial Z_p}\right)^{\top} X_p$, 곧 패치 «N»개에 대한 합이다. $W_{p}$ 하나가 모든 패치를 투영하기 때문이다. 순환 가중치의 그래디언트가 타임스텝에 대한 합인 것과 같다. $W_{p}$처럼 E × C·P·P로 보이며, 풀어 쓴 성분은 (e, c, i, j)로 부른다."#),
            "conv_proj.bias.grad": ("투영 바이어스의 그래디언트", #"$b$는 모든 패치의 임베딩에 더해졌다. 그래서 이 그래디언트는 $\frac{\partial L}{\partial Z_p}$의 각 열을 패치 «N»개에 걸쳐 더한 합이다."#),
            "class_token.grad": ("클래스 토큰의 그래디언트", #"$\frac{\partial L}{\partial Z}$의 1행, 곧 $G$의 1행이다. 클래스 토큰은 어떤 픽셀도 읽지 않으므로 그래디언트는 $G$에서만 온다(온전한 ViT에서는 그 위의 모든 층에서 온다)."#),
            "pos_embedding.grad": ("위치 임베딩의 그래디언트", #"$G$ 그 자체로, 각 행이 제 위치로 간다."#),
        ],
        text: [
            "summary": "ViT의 입력: 이미지를 패치로 자르고, Conv2d의 순서로 펼쳐 투영한 뒤, 클래스 토큰을 앞에 두고 위치 임베딩을 더한다",
            "title": "비전 트랜스포머: 이미지에서 토큰으로",
            "default.summary": "4 × 4 이미지, 2 × 2 패치, 수 3개짜리 토큰: 패치 2와 패치 3은 픽셀이 같다",
            "default.story": #"""
                4 × 4 픽셀짜리 채널 하나를 2 × 2 패치 네 개로 자른다. 패치 2(오른쪽 위)와 \#
                패치 3(왼쪽 아래)은 픽셀이 같다. 대각선은 1이고 나머지는 0이다. 두 패치가 같은 임베딩을 얻고, \#
                위치가 둘을 구별해 주는 것을 지켜보자.
                """#,
            "rgb.summary": "세 채널(빨강, 초록, 파랑): 패치 하나는 채널별로 놓인 수 12개다",
            "rgb.story": #"""
                4 × 4 컬러 이미지로, 채널은 빨강, 초록, 파랑이다. 패치 1은 빨강, 패치 2는 초록, \#
                패치 3은 파랑이고(각각 픽셀 하나는 절반 세기), 패치 4는 흰색이다(모든 채널의 모든 픽셀이 1). 투영 행렬의 1행은 \#
                빨강과 초록을 비교하고, 2행은 모든 채널에서 패치의 윗줄과 아랫줄을 비교한다.
                """#,
            "why": #"""
                트랜스포머는 벡터의 시퀀스를 읽는다. **비전 트랜스포머**(ViT)는 이미지에서 이 시퀀스를 만든다. \#
                이미지를 정사각형 패치로 자르고, 각 패치의 픽셀을 벡터 하나로 펼친 뒤, 모델의 너비 E로 투영한다. \#
                맨 앞에는 학습되는 **클래스 토큰**을 둔다. 이 토큰의 최종 상태로 이미지를 분류한다. 그리고 모든 토큰에 \#
                학습되는 **위치 임베딩**을 더한다. 이 노트가 계산하는 것은 논문의 $z_0$, 곧 트랜스포머 인코더의 입력이다.
                """#,
            "heading equations": "식",
            "equations": #"""
                \begin{aligned}
                (X_p)_{n,\,(c-1)P^{2} + (i-1)P + j} &= X_{c,\; rP + i,\; sP + j} && n = r \tfrac{W}{P} + s + 1,\quad 0 \le r < \tfrac{H}{P},\ 0 \le s < \tfrac{W}{P} \\
                & && 1 \le c \le C,\quad 1 \le i, j \le P \\
                Z_p &= X_p W_{p}^{\top} + b && \text{스트라이드 }P\text{인 합성곱; } n \text{행은 } z_p^{(n)\top} \\
                Z &= \begin{bmatrix} x_{\text{class}}^{\top} \\ Z_p \end{bmatrix} && \text{클래스 토큰이 맨 앞} \\
                Z_0 &= Z + E_{\text{pos}} && \text{논문의 } z_0
                \end{aligned}
                """#,
            "convention": #"""
                격자의 행 r과 열 s는 0부터 센다(패치 1은 r = s = 0). 픽셀, 채널, 행렬의 행은 1부터 센다. \#
                torchvision의 `VisionTransformer`와 같다. 거기서 `conv_proj`는 \#
                `nn.Conv2d(3, E, kernel_size=P, stride=P)`이다(`in_channels=3`으로 고정되어 있다«channels»). \#
                `class_token`은 모양 1 × 1 × E의 파라미터로 0에서 시작한다. `encoder.pos_embedding`은 \#
                모양 1 × (N + 1) × E의 파라미터로 N(0, 0.02²)에서 뽑으며, `Encoder.forward` 안에서 토큰에 더한 뒤 \#
                드롭아웃을 거친다(평가 때는 아무 일도 하지 않는다). 여기서는 클래스 토큰을 수 E개로, \#
                $E_{\text{pos}}$를 (N + 1) × E로 적는다. 입력 파일은 이 모양으로 주어도 되고 torchvision의 모양으로 주어도 된다. \#
                패치는 왼쪽 위부터 행 단위로 번호를 매긴다. 합성곱의 출력을 펼쳤을 때의 순서와 같다. \#
                논문은 $x_p^{n} \mathbf{E}$로 쓴다. 각 패치를 펼친 뒤 선형 사상 하나를 적용한다는 뜻이다. 그 행렬 $\mathbf{E}$ \#
                (이름일 뿐, 우리의 너비 E가 아니다. 너비는 논문에서 D, torchvision에서 `hidden_dim`이다)가 우리의 \#
                $W_{p}^{\top}$이다. 이것이 곧 합성곱이다. 커널과 스트라이드가 모두 $P$이면 커널은 각 패치에 한 번씩 \#
                놓여 가중치 × 픽셀을 더한다. 그래서 패치 $n$에서의 출력 $e$는 $X_p$의 $n$행과 $W_{p}$의 $e$행의 곱에 \#
                $b_e$를 더한 값이다. 이때 $W_{p}$는 E × C·P·P로 읽고, 각 패치는 $W_{p}$ 자신의 순서인 (채널, 행, 열) \#
                순서로 펼친다. einops의 `(p1 p2 c)`로 패치를 자르는 코드는 (행, 열, 채널) 순서로 펼치고 \#
                `nn.Linear`를 쓴다. 수는 같지만 가중치의 열 순서가 달라서, 순서를 바꾸지 않고는 두 쪽 사이에 \#
                가중치를 옮길 수 없다.«channel»
                """#,
            "convention channels": ". 그래서 이 «C»채널 이미지에는 그 자리에 «C»채널 Conv2d가 필요하다",
            "convention one channel": " 채널이 하나이면 두 순서가 같다.",
            "legend C": "채널 수(회색조는 1, 빨강·초록·파랑은 3)",
            "legend H": "이미지 높이(픽셀)",
            "legend W": "이미지 너비(픽셀)",
            "legend P": "패치 한 변",
            "legend N": "패치 수, (H/P)·(W/P)",
            "legend E": "토큰당 수, 곧 모델의 너비(논문의 D, torchvision의 `hidden_dim`)",
            "label patch": "패치 «n»",
            "label patch header": "패치",
            "label class": "클래스",
            "label token": "토큰",
            "label row": "«i»행",
            "label channel row": "c«c» «i»행",
            "label pixel row": "픽셀 행",
            "label pixel column": "픽셀 열",
            "label entry": "성분",
            "heading steps": "단계별 계산",
            "heading cut": "패치로 자르기",
            "heading project": "패치마다 투영하기",
            "heading tokens": "클래스 토큰과 위치",
            "heading summary": "요약",
            "heading after": "이 입력 다음에",
            "heading back through": "토큰과 투영을 거슬러",
            "heading input gradients": "입력의 그래디언트",
            "figure": "패치로 자른 이미지",
            "figure panel": "이미지 X",
            "figure channel": "채널 «c»",
            "figure description": #"각 픽셀은 값에 따라 색칠했다(양수는 빨강, 0은 흰색, 음수는 파랑). «P»픽셀마다 굵은 선을 긋고, 각 패치의 번호를 모서리에 적었다. 패치는 $X_p$의 행이며, 행 단위로 번호를 매긴다.«scale»"#,
            "figure one scale": " 모든 채널을 같은 눈금 하나로 그렸다. 색은 값을 나타낼 뿐 채널의 색이 아니다(초록 채널의 1도 빨강 채널의 1처럼 빨갛게 그린다).",
            "flattening": #"""
                **픽셀이 간 곳.** «n»번 패치는 이미지의 «rows»행과 «columns»열을 덮는다. $X_p$에서 이 패치의 행 중 \#
                $(c-1) \cdot «PP» + (i-1) \cdot «P» + j$열에는 패치의 픽셀 $(c, i, j)$가 들어간다. 곧 패치 안의 \#
                채널 $c$, 행 $i$, 열 $j$이며, $X$의 픽셀 $(c, «r0» + i, «c0» + j)$다:

                | «n»행의 열 | 패치 안의 (c, i, j) | X의 픽셀 (c, 행, 열) | 값 |
                |---:|---|---|---:|
                «table»
                """#,
            "patches, same": " 두 패치(«a»번, «b»번)는 픽셀이 같아서 두 행도 같다.",
            "embeddings conv": #"성분 (n, e)는 패치 n의 픽셀과 $W_{p}$의 e행의 곱에 $b_e$를 더한 값이다. `conv_proj`(커널과 스트라이드가 «P»인 Conv2d)가 패치 n에서 계산하는 값과 같다."#,
            "embeddings largest": #" 패치 «n»의 행이 가장 길다. 길이는 성분을 제곱해 더한 합의 제곱근으로, $\lVert z_p^{(«n»)} \rVert = «norm»$이다."#,
            "embeddings largest, tie": #" 패치 «list»의 행이 가장 길다. 길이는 성분을 제곱해 더한 합의 제곱근으로, $\lVert z_p^{(n)} \rVert = «norm»$이다."#,
            "embeddings length": #" 길이는 패치마다 다르지만, 첫 인코더 블록의 LayerNorm이 어텐션 전에 모든 토큰을 같은 퍼짐으로 다시 맞춘다. 토큰의 길이는 잔차 경로에만 남는다."#,
            "embeddings same": " 픽셀이 같은 두 패치(«a»번, «b»번)는 같은 행을 얻는다. 투영은 자리가 아니라 픽셀을 본다.",
            "receives": #"$Z_0$는 첫 인코더 블록이 받는 입력이다. 1행은 클래스 토큰의 것이고, n + 1행은 패치 n의 것이다. 그 블록은 LayerNorm으로 시작한다(pre-norm)."#,
            "where group": "패치 «list»",
            "notice": #"""
                «H» × «W» 픽셀 이미지가 수 «E»개짜리 토큰 «N» + 1개가 되었다. 공유된 $W_{p}$ 하나(스트라이드가 커널과 같은 \#
                합성곱)로 투영한 패치들과 클래스 토큰이다. 여기부터 인코더는 이들을 단어 «N» + 1개짜리 문장처럼 \#
                다룬다. «where»
                """#,
            "where, all": #"각 패치가 어디 있었는지 말해 주는 것은 $E_{\text{pos}}$뿐이며, 여기서는 패치에 해당하는 행 «N»개가 모두 다르다."#,
            "where, shared": #"각 패치가 어디 있었는지 말해 주는 것은 $E_{\text{pos}}$뿐인데, 여기서는 모든 자리를 구별하지는 못한다. 같은 행을 공유하는 패치 묶음은 «groups»이다(묶음마다 제 행이 있다)."#,
            "where, none": #"$E_{\text{pos}}$를 생략했으므로 각 패치가 어디 있었는지 말해 주는 것이 없다."#,
            "where, one": #"패치가 하나뿐이라 구별할 자리가 없다."#,
            "after": #"""
                **다음에 오는 것.** $Z_0$ 다음에는 인코더 블록의 스택이 온다. 블록은 모두 pre-norm이다(`norm_first`가 true이고 \#
                `activation`이 "gelu"인 `lesson transformer-block`. torchvision의 LayerNorm은 eps = 10⁻⁶을 쓴다). 블록 하나는 LayerNorm, \#
                멀티 헤드 셀프 어텐션, 잔차 합, 그다음 LayerNorm, GELU를 쓰는 MLP, 잔차 합으로 이루어진다. ViT는 트랜스포머의 \#
                인코더만 쓴다. 디코더도, 인코더-디코더 어텐션도, 마스크도 없어서 모든 토큰이 모든 토큰에 어텐션한다. \#
                마지막 블록 뒤에 마지막 LayerNorm이 오고, 1행(`x[:, 0]`, 클래스 토큰의 행)만 `heads`로 간다. \#
                `heads`는 기본적으로 클래스마다 출력이 하나인 Linear 층 하나다.

                **왜 클래스 토큰인가.** 클래스 토큰은 어떤 픽셀도 읽지 않으므로 최종 행이 어느 한 패치의 것도 아니다. \#
                어텐션으로 패치 «N»개 모두에서 정보를 모은다. BERT의 [CLS] 토큰이 문장에서 모으는 것과 같다. \#
                ViT 논문은 그 대신 패치들의 최종 행의 평균을 써도(전역 평균 풀링) 똑같이 잘 된다고 보고한다.

                **실제 크기에서.** ViT-B/16은 224 × 224 이미지를 P = 16으로 받는다. 그러면 패치는 N = 196개, 패치마다 \#
                수는 3·16·16 = 768개, E = 768, 토큰은 197개다(여기서는 수 «CPP»개짜리 패치 «N»개, E = «E»). \#
                $E_{\text{pos}}$의 N + 1행이 이미지 크기를 고정한다. 다른 크기를 쓰려면 위치 임베딩을 보간해야 한다. \#
                논문의 위치 임베딩은 1차원으로, 행 단위 순서의 자리마다 학습되는 행이 하나씩 있다. 논문은 2차원을 \#
                고려한 임베딩에서 이득을 찾지 못했다. 이미지 배치에서는 $W_p$, $b$, 클래스 토큰, $E_{\text{pos}}$의 \#
                그래디언트를 배치에 걸쳐서도 더한다.
                """#,
            "backward why": #"""
                학습에는 모든 가중치, 곧 $W_{p}$, $b$, 클래스 토큰, $E_{\text{pos}}$에 대한 손실 $L$의 그래디언트가 \#
                필요하다. 여기서 함께 계산하는 이미지의 그래디언트는 학습에 필요하지 않다. 이 그래디언트는 손실이 \#
                어느 픽셀에 가장 민감한지를 말해 준다(세일리언시 맵, 적대적 예제). 역전파는 연쇄 법칙으로 \#
                그래디언트를 구한다. 출력에서 입력 쪽으로, 순전파의 역순으로 계산한다. 각 값의 그래디언트는 \#
                그 값이 쓰인 모든 곳에서 되돌려 보낸 몫을 더한 것이다.
                """#,
            "pos_embedding.grad, said": #"""
                **위치 임베딩의 그래디언트** $\frac{\partial L}{\partial E_{\text{pos}}}$는 위에 주어진 $G$ 그 자체다. \#
                $E_{\text{pos}}$는 각 행이 제 위치에서 토큰에 더해졌으므로, $G$의 n + 1행은 패치 n의 위치를, \#
                1행은 클래스 토큰의 위치를 학습시킨다.
                """#,

            "backward equations": #"""
                \frac{\partial L}{\partial Z} = \frac{\partial L}{\partial Z_0} = G, \quad
                \frac{\partial L}{\partial E_{\text{pos}}} = G, \quad
                \frac{\partial L}{\partial Z_p} = \left(\frac{\partial L}{\partial Z}\right)_{2:N+1,:}, \quad
                \frac{\partial L}{\partial X_p} = \frac{\partial L}{\partial Z_p} W_{p}, \quad
                \frac{\partial L}{\partial W_{p}} = \left(\frac{\partial L}{\partial Z_p}\right)^{\top} X_p, \quad
                \frac{\partial L}{\partial x_{\text{class}}} = \left(\frac{\partial L}{\partial Z}\right)_{1,:}
                % 역전파의 식: 기호는 영어 노트와 같다
                """#,
            // What the seed notes say, and what the numbers show.
            "slides regions": #"""
                - 시드 000: “문장의 시퀀스 대신, 이미지를 작은 영역들로 나누고 그 영역들을 마치 하나의 입력인 것 처럼 \#
                다루는 방식으로 Transformer를 활용한다.” 맞다. «P» × «P» 픽셀짜리 패치 «N»개(패치마다 수 «CPP»개)가 $Z$의 2–«last»행이 된다(행마다 수 «E»개). \#
                문장의 단어가 임베딩의 행이 되는 것과 같다. 1행은 클래스 토큰으로, 어떤 영역도 담지 않는다.
                """#,
            "slides encoder": #"""
                - 시드 000: “이미지 분류를 할 때 Transformer의 encoder를 활용하기도 한다. (ViT)” 맞다. 그것도 인코더만 쓴다. \#
                디코더도, 인코더-디코더 어텐션도, 마스크도 없다. 시드가 드는 다른 이미지 모델 DALL-E는 \#
                반대다. 이미지를 이산 토큰으로 바꾸고 디코더로 한 번에 하나씩 생성한다. ViT는 패치를 선형으로 \#
                투영하고 인코더로 분류한다.
                """#,
            "slides position": #"""
                - 시드 000: “A B C D를 넣거나, B A C D를 넣거나 해도 인코딩 되는 값은 달라지지 않는다.” 정확히 그렇지는 않다. \#
                위치가 없으면 셀프 어텐션의 출력은 입력과 함께 순서만 바뀐다(B A C D의 출력은 A B C D의 출력에서 \#
                앞의 둘을 바꾼 것이다). 전혀 바뀌지 않는 것은 패치를 섞었을 때의 클래스 토큰의 출력이다. \#
                이 수치는 그중 투영 쪽을 보여 준다. 두 패치(«a»번, «b»번)는 픽셀이 같아 $Z_p$의 행도 같다. \#
                «ra»행과 «rb»행에 더한 위치 임베딩만이 둘을 다르게 만든다.
                """#,
            "slides position, zero": #"""
                - 시드 000: “A B C D를 넣거나, B A C D를 넣거나 해도 인코딩 되는 값은 달라지지 않는다.” 정확히 그렇지는 않다. \#
                위치가 없으면 셀프 어텐션의 출력은 입력과 함께 순서만 바뀐다. 전혀 바뀌지 않는 것은 패치를 \#
                섞었을 때의 클래스 토큰의 출력이다. 여기서는 $E_{\text{pos}}$의 «ra»행과 «rb»행이 같아서 \#
                두 패치(«a»번, «b»번, 같은 픽셀)가 같은 토큰으로 남는다. 두 자리를 구별해 주는 것이 없다.
                """#,
            "slides learned": #"""
                - 시드 000: “이 과정은 대개 pre-defined 되어 있다. 일종의 offset을 추가하는 방식이다.” 오프셋은 맞지만, \#
                미리 정해져 있다는 것은 ViT에는 맞지 않는다. $E_{\text{pos}}$는 다른 가중치와 함께 학습되는 가중치이고, \#
                이 행들은 사인파가 아니다. Vaswani 등(트랜스포머 논문으로, ViT는 이를 쓰지 않는다)의 사인파라면 \#
                2행(위치 1)의 값은 («row»)이어야 한다.«odd»
                """#,
            "slides learned, odd": " E = «E», 곧 홀수라서 마지막 열은 짝이 되는 코사인이 없는 사인이다.",
            "slides learned, sinusoids": #"""
                - 시드 000: “이 과정은 대개 pre-defined 되어 있다. 일종의 offset을 추가하는 방식이다.” 여기서는 \#
                $E_{\text{pos}}$에 위치 0 … «last»에 대한 Vaswani 등의 사인파가 들어 있다. 시드가 말하는 대로 고정된 \#
                표다. ViT는 대신 무작위 수에서 시작해 자기 위치 임베딩을 학습한다.
                """#,
        ])
}
