// The Korean words of norms: the same keys and slots as Norms+Words.swift. Entries with no words in
// them (the labels b, t and the like, a share «norm» «share») are shared and left out.

import TraceCore

extension Norms {
    static let korean = Words(
        captions: [
            "input": ("입력", "시퀀스 B개, 시퀀스마다 타임스텝 T개이고, 한 행이 특성 D개짜리 토큰 하나다. b, t라고 적힌 행은 시퀀스 b의 타임스텝 t다."),
            "groups": ("그룹", "그룹 정규화는 특성을 그룹 $g = 1 \\dots N_{g}$로 나눈다. 그룹마다 특성이 «size»개다."),
            "eps": ("엡실론", "모든 분산에 더해, 값이 모두 같은 집합에서도 0으로 나누지 않게 한다."),
            "mean": ("«norm»: 평균", "집합마다 평균이 하나다. 한 집합은 «over», 곧 «n»칸이다."),
            "centered": ("«norm»: 편차", "각 칸에서 그 집합의 평균을 뺀다(«spread»). 이제 모든 집합의 합이 0이다."),
            "var": ("«norm»: 분산", "각 집합의 편차 제곱의 평균이다(÷ «n», 편향 분산)."),
            "std": ("«norm»: 표준편차", #"집합마다 $s = \sqrt{\sigma^{2} + \epsilon}$이다. 그 집합의 표준편차를 $\epsilon$으로 조금 키운 값이다.«tiny»"#),
            "output": ("«norm»: 출력", "각 편차를 그 집합의 $s$ 단위로 나타낸 값이다. 이제 모든 집합의 평균은 0, 분산은 «variance»이다.«constant»"),
            "output.grad": ("«tag» 출력의 그래디언트", "손실의 그래디언트 $G$ 그대로다. 각 출력이 $L$에 한 번씩 들어가므로 네 출력 모두 같다."),
            "std.grad": ("«tag» 표준편차의 그래디언트", #"집합의 모든 칸을 그 $s$로 나눴다. 그래서 그래디언트는 집합에 걸친 합 $-\sum \frac{\partial L}{\partial y} \tilde x / s^{2}$이다."#),
            "var.grad": ("«tag» 분산의 그래디언트", "제곱근을 거쳐 온다."),
            "centered.grad": ("«tag» 편차의 그래디언트", #"두 경로로 받는다. 하나는 출력 $\tilde X / s$를 거치는 경로이고, 다른 하나는 분산, 곧 집합에 걸친 $\tilde X \odot \tilde X$의 평균을 거치는 경로다. 뒤의 것의 도함수는 $2 \tilde X$다."#),
            "mean.grad": ("«tag» 평균의 그래디언트", "평균은 그 집합의 모든 칸에서 빼졌다(«spread»). 그래서 그 그래디언트는 그 칸들의 편차 그래디언트를 더해 부호를 바꾼 값이다."),
            "input.grad": ("입력의 그래디언트", #"$X$는 네 정규화를 거쳐서만 $L$에 닿는다. 각 칸은 정규화마다 자기 편차를 거치고, 자신이 만드는 데 참여한 평균도 거친다. 평균의 그래디언트는 $1/|S|$씩 나뉘어 집합의 모든 칸으로 돌아간다($\frac{\partial L}{\partial \mu_{\text{IN}}}$의 (b, d) 원소는 시퀀스 b의 모든 타임스텝의 특성 d로 돌아가고, $\frac{\partial L}{\partial \mu_{\text{GN}}}$의 (b, g) 원소는 시퀀스 b의 모든 타임스텝에서 $d \in g$인 모든 특성으로 돌아간다)."#),
        ],
        text: [
            "summary": "시퀀스 배치 하나에 대한 배치·레이어·인스턴스·그룹 정규화: 각각 어떤 칸들을 평균하는가",
            "title": "배치, 레이어, 인스턴스, 그룹 정규화",
            "why": #"""
                정규화는 값들을 옮기고 늘이거나 줄여 평균 0, 분산 1로 맞춘다. 그러면 앞에서 무엇이 오든 다음 \#
                레이어는 같은 크기의 값을 받는다. 아래의 네 정규화는 같은 시퀀스 배치에 똑같은 계산을 한다. \#
                다른 점은 평균과 분산을 어떤 칸들에 걸쳐 구하느냐뿐이다. 이 선택이 토큰의 출력이 무엇에 \#
                의존하는지를 정한다. 레이어 정규화에서는 자기 특성에만, 인스턴스 정규화와 그룹 정규화에서는 \#
                같은 문장의 다른 토큰에도, 배치 정규화에서는 패딩을 포함해 배치의 다른 문장에도 의존한다. \#
                트랜스포머는 각 서브층과 그 잔차 연결 뒤에 레이어 정규화를 쓴다. \#
                곧 $\operatorname{LayerNorm}(x + \operatorname{Sublayer}(x))$, “Add & Norm”이다(`transformer-block` 레슨에 \#
                나온다). 이 노트는 왜 배치 정규화가 아니라 레이어 정규화인지 수치로 보여 준다.
                """#,
            "heading equations": "식",
            "equations": #"""
                \mu_{S} = \frac{1}{|S|} \sum_{(b,t,d) \in S} x_{b,t,d}, \qquad
                \sigma^{2}_{S} = \frac{1}{|S|} \sum_{(b,t,d) \in S} (x_{b,t,d} - \mu_{S})^{2}, \qquad
                y_{b,t,d} = \frac{x_{b,t,d} - \mu_{S}}{\sqrt{\sigma^{2}_{S} + \epsilon}} \quad \text{(} S \ni (b,t,d) \text{인 집합 } S \text{)}
                """#,
            "convention": #"""
                집합 $S$는 정규화마다 다르다. **배치 정규화**는 특성 $d$ 하나를 모든 시퀀스 $b$와 타임스텝 $t$에 걸쳐 \#
                모은다($|S| = BT$; 학습 모드의 `nn.BatchNorm1d(D, affine=False)`). **레이어 정규화**는 토큰 $(b, t)$ \#
                하나의 특성들을 모은다($|S| = D$; $(B, T, D)$ 텐서에 그대로 적용한 `nn.LayerNorm(D, elementwise_affine=False)`). \#
                **인스턴스 정규화**는 시퀀스 $b$의 특성 $d$를 그 타임스텝들에 걸쳐 모은다($|S| = T$; `nn.InstanceNorm1d(D)`). \#
                **그룹 정규화**는 시퀀스 $b$에서 특성 $D/N_{g}$개로 된 그룹 $g$를 그 타임스텝들에 걸쳐 모은다($|S| = TD/N_{g}$; \#
                `nn.GroupNorm(N_g, D, affine=False)`). 배치, 인스턴스, 그룹 정규화는 특성을 1번 차원에 두는 \#
                $(B, D, T)$ 레이아웃을 받으므로, 앞뒤로 `x.transpose(1, 2)` 처리를 한다. 분산은 $|S|$로 나누는 편향 분산이고 \#
                $\epsilon$은 제곱근 안에 있다. PyTorch와 같다. 여기서는 두 가지를 뺐다. 하나는 모듈이 학습하는 스케일 $\gamma$와 \#
                시프트 $\beta$이고(특성마다 하나씩, 정규화 뒤에 적용한다. `layer-norm` 참고), 다른 하나는 배치 정규화의 이동 평균이다. \#
                배치 정규화는 평가 모드에서 배치의 통계 대신 이 이동 평균을 쓴다.
                """#,
            "legend B": "배치의 시퀀스 수",
            "legend T": "시퀀스당 타임스텝(토큰) 수",
            "legend D": "토큰당 특성 수",
            "legend groups": "특성 그룹 수(그룹 정규화). 각 그룹 $g$에 특성 $D/N_{g}$개",
            "label d": "특성",
            "name batch": "배치 정규화",
            "name layer": "레이어 정규화",
            "name instance": "인스턴스 정규화",
            "name group": "그룹 정규화",
            "over batch": "모든 시퀀스와 타임스텝에 걸친 한 특성",
            "over layer": "한 토큰의 모든 특성",
            "over instance": "한 시퀀스의 타임스텝들에 걸친 한 특성",
            "over group": "한 시퀀스의 타임스텝들에 걸친, 특성 «size»개짜리 그룹 하나",
            "heading batch": "배치 정규화: 각 특성을 배치 전체에 걸쳐",
            "heading layer": "레이어 정규화: 각 토큰을 그 특성들에 걸쳐",
            "heading instance": "인스턴스 정규화: 한 시퀀스의 각 특성을 타임스텝들에 걸쳐",
            "heading group": "그룹 정규화: 한 시퀀스의 각 특성 그룹을 타임스텝들에 걸쳐",
            "why batch": "특성 $D$개 각각을 시퀀스 $B$개의 타임스텝 $T$개 전체에 걸쳐 평균한다. 배치의 모든 문장에서 온 «n»칸이며, 패딩도 들어간다.",
            "why layer": "각 토큰을 자기 특성 $D$개에 걸쳐 평균한다. 그 토큰 하나에서 온 «n»칸이다.",
            "why instance": "각 시퀀스의 각 특성을 그 시퀀스의 타임스텝 $T$개에 걸쳐 평균한다. 한 문장에서 온 «n»칸이다.",
            "why group": "특성을 $D/N_{g}$개씩 $N_{g}$개 그룹으로 나누고, 각 시퀀스의 각 그룹 $g$를 그 시퀀스의 타임스텝들에 걸쳐 평균한다. 한 문장에서 온 «n»칸이다.",
            "refused batch": "여기서는 $BT = 1$이라 집합마다 수가 하나뿐이다. 학습 모드의 `nn.BatchNorm1d`는 이런 배치를 거부한다(“Expected more than 1 value per channel when training”). 수 하나의 분산은 배치에 대해 아무것도 말해 주지 않기 때문이다. 그래도 계산하면 각 수가 곧 자기 평균이므로 편차는 0이고, 출력도 0이다.",
            "refused instance": "여기서는 $T = 1$이라 집합마다 수가 하나뿐이다. `nn.InstanceNorm1d`는 이런 입력을 거부한다(“Expected more than 1 spatial element when training”). 그래도 계산하면 각 수가 곧 자기 평균이므로 편차는 0이고, 출력도 0이다.",
            "refused group": "여기서는 $TD/N_{g} = 1$이라 집합마다 수가 하나뿐이다. `nn.GroupNorm`은 이런 입력을 거부한다(“Expected more than 1 value per channel when training”). 그래도 계산하면 각 수가 곧 자기 평균이므로 편차는 0이고, 출력도 0이다.",
            "figure batch": "배치 정규화: 모든 시퀀스와 타임스텝에 걸친 특성 «j»의 평균",
            "figure layer": "레이어 정규화: 토큰 (1, 1)의 특성들에 걸친 평균",
            "figure instance": "인스턴스 정규화: 시퀀스 1에서 타임스텝들에 걸친 특성 «j»의 평균",
            "figure group": "그룹 정규화: 시퀀스 1에서 타임스텝들에 걸친 특성 1–«last»(그룹 «G»개 중 그룹 1)의 평균",
            "figure description": "입력을 시퀀스마다 블록 하나로 그렸다(행은 타임스텝, 열은 특성). 강조된 «n»칸이 «norm»의 평균 하나가 쓰는 칸, 곧 «over»이다.",
            "figure sequence": "시퀀스 «b»",
            "figure rows": "타임스텝 t",
            "figure columns": "특성 d",
            "token": "시퀀스 «b»의 타임스텝 «t»",
            "token, labelled": "“«token»”(시퀀스 «b»의 타임스텝 «t»)",
            "heading summary": "요약",
            "spread batch": "평균의 원소 d는 모든 행의 특성 d로 구했다",
            "spread layer": "평균의 원소 (b, t)는 토큰 (b, t)의 모든 특성으로 구했다",
            "spread instance": "평균의 원소 (b, d)는 시퀀스 b의 모든 타임스텝의 특성 d로 구했다",
            "spread group": "평균의 원소 (b, g)는 시퀀스 b의 모든 타임스텝에서 $d \\in g$인 모든 특성으로 구했다",
            "std, tiny": " 단, «set»에서는 다르다. 분산이 «var», 표준편차가 «sd»이므로 $s = \\sqrt{\\epsilon}$ = «s», 곧 $\\epsilon$의 제곱근만 남는다. 이것으로 나누면 값이 «inv»배로 커진다. 출력도, 이것을 거쳐 돌아오는 그래디언트도 그렇다.",
            "variance near 1": "거의 1",
            "output, constant": " 단, «set»에서는 아니다. 값이 모두 같아서 편차도, 출력도, 분산(«var»)도 모두 0이다.",
            "output, small": " 단, «set»에서는 아니다. 분산(«before»)이 $\\epsilon$에 비해 크지 않아서 정규화 뒤 분산이 «var»에 그친다.",
            "every feature": "모든 특성에서 «value»",
            "set sequence": "시퀀스 «b»",
            "padding": #"""
                «pad» 자리는 패딩이다. 시퀀스들의 길이를 맞추려고만 넣었다(여기서는 모두 0). 배치 정규화는 이것도 \#
                토큰으로 센다. 특성 1의 평균은 «rows»개 행에 걸쳐 «mean»인데, 진짜 토큰 «real»개만 보면 \#
                «real mean»이다. 그리고 패드의 배치 정규화된 특성 1은 «pad batch»이다. 다음 레이어는 이 값을 \#
                단어의 값과 구별할 수 없다. 레이어 정규화는 토큰을 하나씩 따로 다루므로, 어떤 단어의 레이어 정규화 \#
                출력도 패드에 의존하지 않는다. 패드 자신의 출력이 «pad layer», 곧 $0/\sqrt{\epsilon}$인 것은 여기서 \#
                그 특성들이 모두 같기 때문일 뿐이다. 실제 패드 위치에는 패드 임베딩에 그 위치의 인코딩이 더해져 \#
                들어가므로 단어와 비슷한 출력이 나오고, 어텐션의 패딩 마스크가 그 출력을 다른 토큰들로부터 가린다. \#
                인스턴스 정규화와 그룹 정규화는 타임스텝들에 걸쳐 평균하므로, 패드가 자기 시퀀스의 통계를 \#
                움직인다. 시퀀스 «b»에서 인스턴스 정규화의 특성 1 평균은 타임스텝 «T»개에 걸치면 «instance», \#
                진짜 타임스텝 «real steps»개만 보면 «instance real»이다.
                """#,
            "padding alone": #"""
                그리고 한 문장에 패드가 몇 개 붙는지는 그 배치에서 가장 긴 문장이 정한다. «sentence» 하나만 \#
                돌리면 패드가 없고(T = «real steps»), «first»의 특성 1은 «changes»이다«same».
                """#,
            "padding alone, change": "«norm»에서는 혼자일 때 «alone», 이 배치에서는 «with»",
            "padding alone, changes": " («norms»에서)",
            "padding alone, same": ". «norms»에서는 둘 다 «value»이다",
            "padding alone, verdict": " 그러니 인스턴스 정규화와 그룹 정규화의 출력도 패딩을 통해 배치에 의존한다. 토큰 자신에게만 의존하는 것은 레이어 정규화의 출력뿐이다.",
            "mixing": #"""
                배치 통계는 문장들을 섞는다. «token»의 배치 정규화된 특성 «j»의 값은 문장 «B»개로 된 이 배치에서는 \#
                «with», 시퀀스 1만으로 배치를 이뤄 정규화하면 «alone»이다. 레이어 정규화된 특성 «j»의 값은 \#
                이 배치에서 «layer», 혼자일 때 «layer alone»이다.«instance»
                """#,
            "mixing, instance": " 시퀀스가 하나면 배치 정규화의 집합은 인스턴스 정규화의 집합과 같다(타임스텝들에 걸친 한 특성). 그래서 «token»의 인스턴스 정규화된 특성 «j»도 «alone»이다.",
            "mixing, coincidence": " (위에서 패드의 배치 정규화된 특성 1도 «pad batch»인 것은 이 수치에서 생긴 우연이다.)",
            "decoding": #"""
                레이어 정규화를 쓰는 이유가 두 가지 더 있다. 텍스트를 생성하는 디코더는 토큰을 하나씩 처리한다. \#
                토큰 하나, «token»만으로 된 배치에 배치 정규화를 하면 집합마다 수가 하나라 분산이 0이고, \#
                출력은 «one»이다. 반면 레이어 정규화의 출력은 이 배치에서와 같은 «layer one»이다. 그리고 평가 \#
                모드의 배치 정규화는 학습 배치들의 통계를 이동 평균한 값을 쓰므로, 테스트 때 학습 때와 다른 것을 \#
                계산한다. 레이어 정규화는 두 경우 모두 같은 계산을 한다.
                """#,
            "mixing, none": "시퀀스 1만으로 배치를 만들어도 «token»의 배치 정규화된 특성은 소수 넷째 자리까지 같다. 여기서는 다른 시퀀스들의 통계가 우연히 같다.",
            "one sequence": "시퀀스가 하나면 배치 정규화의 집합은 인스턴스 정규화의 집합과 같고(타임스텝들에 걸친 한 특성), 두 출력도 일치한다.",
            "one sequence, differs": "시퀀스가 하나면 배치 정규화의 집합은 인스턴스 정규화의 집합과 같다(타임스텝들에 걸친 한 특성).",
            "slides moments, one": "«norm»의 «set»에서 평균 «mean», 분산 «var»",
            "set batch": "특성 «d»",
            "set instance": "시퀀스 «b»의 특성 «d»",
            "set group": "시퀀스 «b»의 그룹 «g»",
            "slides samples": #"""
                - 시드 001: “주어진 다수의 샘플들에 대해 평균과 분산을 사용해 분산을 1로, 평균을 0으로 만들어주는 일”. \#
                «verdict». 정규화 뒤의 값은 «moments»이다.«constant» 평균 0, 분산 1은 모듈의 스케일 $\gamma$와 \#
                시프트 $\beta$(여기서는 뺐다)를 적용하기 전에 성립하며, 이 둘이 평균과 분산을 새로 정한다. \#
                “다수의 샘플”은 배치 정규화에만 맞는다. 배치 정규화의 집합은 배치 전체의 «batch n»칸에 걸친 한 특성이다. \#
                레이어 정규화의 집합은 한 토큰의 특성 «D»개, 인스턴스 정규화는 한 시퀀스의 타임스텝 «T»개에 걸친 \#
                한 특성, 그룹 정규화는 한 시퀀스의 «group n»칸이다. 네 정규화를 가르는 것은 어떤 칸들이 한 집합을 \#
                이루느냐뿐이다.
                """#,
            "verdict, holds": #"맞다, 집합마다 그렇다(분산은 $\sigma^{2}/(\sigma^{2} + \epsilon)$이라 1보다 아주 조금 작다)"#,
            "verdict, not always": "맞다, 단 값이 모두 같은 집합은 예외다",
            "slides samples, constant": " 그러나 «norm»의 «set»에서는 정규화 뒤 분산이 «var»이다. 값이 모두 같아서 편차가 모두 0이기 때문이다.",
            "slides layer": #"""
                - 시드 001: “각각의 단어에 대한 평균과 분산을 정규화 한 후, 각 '레이어'별로 affine transformation을 \#
                통해 처리해준다. 이것이 레이어 노멀라이제이션”. 맞다. 레이어 정규화는 토큰마다 평균 하나와 분산 \#
                하나를 두고(여기서는 «count»개«tokens»), 각각 그 토큰의 특성 «D»개에 걸쳐 구한다. 그리고 \#
                `nn.LayerNorm` 모듈은 모델이 정규화하는 자리마다 하나씩 있으며(트랜스포머 인코더 레이어마다 둘, \#
                디코더 레이어마다 셋), 저마다 아핀 변환의 스케일 $\gamma$와 시프트 $\beta$를 특성마다 하나씩($D$개씩) \#
                가지고, 모든 토큰과 위치가 이를 공유한다. `layer-norm` 레슨에는 이것이 있고, 이 노트에서는 뺐다.
                """#,
            "slides layer, tokens": ": 단어 «words»개, 패드 «pads»개",
            "backward why": #"""
                네 정규화는 나란한 가지다. 각 출력은 $X$만으로 계산되고, 손실은 그것들을 더한다. \#
                $L = \sum G \odot (Y_{\text{BN}} + Y_{\text{LN}} + Y_{\text{IN}} + Y_{\text{GN}})$ \#
                (여기서는 «L»). 그래서 각 정규화는 자기 몫을 입력으로 돌려보내고, 어느 것도 다른 것에 의존하지 않으며, \#
                $\frac{\partial L}{\partial X}$는 그 몫들의 합이다. 아래에서는 역전파가 거슬러 가는 순서대로 마지막 것부터 다룬다.
                """#,
            "backward equations": #"""
                \frac{\partial L}{\partial x} = \sum_{\text{BN, LN, IN, GN}} \frac{1}{s_{S}} \left(\frac{\partial L}{\partial y} - \frac{1}{|S|} \sum_{S} \frac{\partial L}{\partial y} - y \, \frac{1}{|S|} \sum_{S} \frac{\partial L}{\partial y} \, y\right)
                \quad \text{(각 정규화에서 } S \ni x \text{인 집합 } S \text{, 그 출력 } y \text{)}
                """#,
            "heading back through": "«norm» 역전파",
            "heading input gradient": "입력의 그래디언트",
            "input.grad shares": "$\\frac{\\partial L}{\\partial X}$의 (1, 1, 1) 원소는 네 정규화의 몫을 모은 것이다. 각 몫은 편차의 그래디언트에 평균의 그래디언트의 $1/|S|$를 더한 값이다. 네 몫은 «shares»이고, 모두 더하면 «total»이다.",
            "shares sum to 0": "각 정규화의 몫은 그 정규화의 각 집합에 걸쳐 합이 0이다(그런 합 가운데 절댓값이 가장 큰 것도 «largest»에 그친다). 한 집합의 모든 칸에 같은 수를 더해도 그 집합의 출력은 바뀌지 않으므로, 손실도 그 방향으로는 바뀔 수 없다.",
            "backward mixing": "$G$는 «where»에서만 0이 아닌데도 $\\frac{\\partial L}{\\partial X}$는 «others»에도 닿는다. 특성 1의 값은 «cells»이다. 이것은 모두 배치 정규화의 몫이다. 집합이 문장을 가로지르는 정규화는 배치 정규화뿐이다. 배치 정규화를 거치면 한 문장에 걸린 손실이 순전파에서처럼 역전파에서도 다른 문장들을 학습시킨다.",
            "backward mixing, layer": " 레이어 정규화의 몫은 $G$가 0이 아닌 «tokens»에만 머문다.",
            "backward ones": "$G$가 모두 1이면 $L$은 네 출력의 합이다. 그런데 각 출력은 $X$가 무엇이든 각 집합에 걸쳐 합이 0이다. $L$이 $X$에 따라 바뀌지 않으므로, 반올림 오차를 빼면 모든 그래디언트가 0이다($\\frac{\\partial L}{\\partial X}$에서 절댓값이 가장 큰 원소가 «largest»). 균일하지 않은 `grad_output`을 주면 각 정규화의 그래디언트가 드러난다.",
            "default.summary": "둘째 문장을 세 타임스텝으로 패딩한 두 문장: 배치 정규화가 섞는 것과 레이어 정규화가 떼어 놓는 것",
            "default.story": "토큰마다 특성이 4개인 두 문장 “the cat sat”, “dogs ran”이다. 길이가 다른 문장들로 배치를 만들 때처럼, 둘째 문장 뒤에 0으로 된 타임스텝을 붙여 세 타임스텝으로 맞췄다. 특성 값이 작은 정수라서 평균을 손으로 확인할 수 있다.",
            "default.backward": "역전파에서 $G$는 “the”의 네 특성에서만 0이 아니고 나머지는 모두 0이다. 곧 문장 1의 토큰 하나에 걸린 손실이다. 그래서 문장 2에 무엇이 닿든, 그것을 나른 정규화가 무엇인지 드러난다. $G$의 네 값은 서로 다르다. 한 토큰의 특성들에 걸쳐 같은 $G$라면 레이어 정규화의 그래디언트는 0이 되기 때문이다.",
        ])
}
