// The Korean words of attention-qkv: the same keys and slots as AttentionQKV+Words.swift. The seed
// notes' statements are quoted in their own Korean (seeds 000, 001, 003, 004).

import TraceCore

extension AttentionQKV {
    static let koreanWords = Words(
        captions: [
            "output.grad": ("출력의 그래디언트", "손실의 그래디언트 $G$ 그대로다. 손실이 직접 보는 값이 출력이기 때문이다."),
            "weights.grad": ("어텐션 가중치의 그래디언트", "(i, j) 성분: 밸류 행 j가 출력 행 i에서 $L$이 원하는 방향과 얼마나 잘 맞는지를 나타낸다."),
            "sum.grad": ("행 합의 그래디언트", #"각 가중치는 $E_{ij}/z_{i}$이므로, $z_{i}$가 커지면 행 i의 가중치가 모두 작아진다."#),
            "exp.grad": ("지수값의 그래디언트", #"두 경로로 온다. 가중치 $E_{ij}/z_{i}$를 거치는 직접 경로와 행 합 $z_{i}$를 거치는 경로다."#),
            "exp.grad, causal": ("지수값의 그래디언트", #"두 경로로 온다. 가중치 $E_{ij}/z_{i}$를 거치는 직접 경로와 행 합 $z_{i}$를 거치는 경로다. 마스크된 지수값은 0이므로 아무것도 되돌려 보내지 않는다."#),
            "max.grad": ("행 최댓값의 그래디언트", #"반올림 오차를 빼면 0이다. $m_{i}$를 키우면 그 행의 모든 $E_{ij}$와 $z_{i}$가 같은 비율로 바뀌므로 어떤 가중치도 움직이지 않는다."#),
            "scaled.grad": ("스케일링된 스코어의 그래디언트", #"exp를 거치는 경로($\exp' = E$)와 행 최댓값을 거치는 경로로 온다. 행 최댓값 쪽의 0은 그 행에서 가장 큰 성분으로 간다."#),
            "scaled.grad, causal": ("스케일링된 스코어의 그래디언트", #"exp를 거치는 경로($\exp' = E$)와 행 최댓값을 거치는 경로로 온다. 행 최댓값 쪽의 0은 그 행에서 가장 큰 성분으로 간다. 마스크된 스코어의 그래디언트는 0이다. 그 스코어를 바꿔도 손실은 변하지 않는다."#),
            "scores.grad": ("스코어의 그래디언트", #"스코어를 나눴던 것처럼 $\sqrt{d_{k}}$로 나눈다."#),
            "scores.grad, unscaled": ("스코어의 그래디언트", #"$\frac{\partial L}{\partial \hat{S}}$와 같다. 스코어를 나누지 않았기 때문이다."#),
            "V.grad": ("밸류의 그래디언트", "밸류 행 j에는 쿼리들의 출력 그래디언트가 모인다. 각 쿼리가 토큰 j에 준 어텐션 가중치만큼 가중된다."),
            "K.grad": ("키의 그래디언트", "키 j의 그래디언트는 쿼리들의 가중합이다. 각 쿼리의 가중치는 그 쿼리와 키 j의 스코어가 커질 때 $L$이 얼마나 커지는지다. (학습은 $L$을 줄이려고 그래디언트의 반대 방향으로 움직인다.)"),
            "Q.grad": ("쿼리의 그래디언트", "쿼리 i의 그래디언트는 키들의 가중합이다. 각 키의 가중치는 쿼리 i와 그 키의 스코어가 커질 때 $L$이 얼마나 커지는지다."),
            "x.grad": ("임베딩의 그래디언트", "$X$에서 $Q$, $K$, $V$가 모두 나왔으므로 세 항의 합이다."),
            "w_q.grad": ("쿼리 가중치의 그래디언트", "토큰에 대해 더한다. 하나의 $W_{Q}$가 모든 쿼리를 만들었기 때문이다."),
            "w_k.grad": ("키 가중치의 그래디언트", "키도 마찬가지다."),
            "w_v.grad": ("밸류 가중치의 그래디언트", "밸류도 마찬가지다."),
            "x": ("토큰 임베딩", ""),
            "w_q": ("쿼리 가중치", ""),
            "w_k": ("키 가중치", ""),
            "w_v": ("밸류 가중치", ""),
            "Q": ("쿼리", #"$Q$의 $i$행 $q_{i}$는 토큰 $i$가 찾는 정보다."#),
            "K": ("키", #"$K$의 $j$행 $k_{j}$는 토큰 $j$가 내놓는 정보다."#),
            "V": ("밸류", #"$V$의 $j$행 $v_{j}$는 토큰 $j$가 넘겨주는 내용이다."#),
            "scores": ("어텐션 스코어", ""),
            "scale": ("스케일링 인자", ""),
            "M": ("인과 마스크", "키 j가 쿼리 i보다 뒤에 오는 자리는 −∞다. 그 가중치는 0이 된다."),
            "scaled": ("스케일링된 스코어", ""),
            "scaled, one": ("스케일링된 스코어", #"$\sqrt{d_{k}} = 1$이므로 스코어는 그대로다."#),
            "scaled, causal": ("스케일링하고 마스크한 스코어", "미래의 키는 −∞다."),
            "scaled, unscaled": ("스케일링하지 않은 스코어", #"$\sqrt{d_{k}}$로 나누지 않는다. $\hat{S}$는 $S$ 그대로다."#),
            "scaled, unscaled, causal": ("마스크만 한 스코어", #"$\sqrt{d_{k}}$로 나누지 않고 마스크만 씌운다. 미래의 키는 −∞다."#),
            "max": ("행 최댓값", #"지수를 취하기 전에 각 행에서 $m_{i}$를 빼서 오버플로를 막는다. $E_{ij}/z_{i}$의 분자와 분모에서 $e^{-m_{i}}$가 약분되므로 $A$는 달라지지 않는다."#),
            "exp": ("지수값", "각 행에서 가장 큰 값이 1이 된다."),
            "exp, causal": ("지수값", "각 행에서 가장 큰 값은 1, 마스크된 값은 0이 된다."),
            "sum": ("행 합", "소프트맥스의 분모다. $E$처럼 행 최댓값을 빼고 계산한 값이다."),
            "weights": ("어텐션 가중치", "각 쿼리의 어텐션 가중치를 보자. «rows»."),
            "output": ("출력", ""),
        ],
        text: [
            "heading back through": "어텐션을 거꾸로 지나기",
            "heading input gradients": "입력의 그래디언트",
            "softmax compact": #"""
                소프트맥스를 지나는 세 단계는 규칙 하나로 줄일 수 있다. $\hat S_{ij}$를 바꾸면 $A_{ij}$는 \#
                $A_{ij}(1 - A_{ij})$만큼, 같은 행의 다른 $A_{ik}$는 $-A_{ik} A_{ij}$만큼 움직인다. 따라서 \#
                $\frac{\partial L}{\partial \hat S_{ij}} = A_{ij} \left(\frac{\partial L}{\partial A_{ij}} - \sum_{k} A_{ik} \frac{\partial L}{\partial A_{ik}}\right)$이다. \#
                곧 가중치 자신의 그래디언트에서 그 행의 평균을 빼고 가중치를 곱한 값이다. (1, 1) 성분에서는 \#
                $\sum_{k} A_{1k} \frac{\partial L}{\partial A_{1k}} = «dot shown»$이므로 \#
                «a» · («da» − «dot») = «result»이다. 위에서 단계별로 구한 값도 «found»이다.
                """#,
            "summary": "스케일드 닷-프로덕트 어텐션, 헤드 하나: 쿼리, 키, 밸류, 소프트맥스, 가중합",
            "title": "스케일드 닷-프로덕트 어텐션 (헤드 하나)",
            "title, causal": "스케일드 닷-프로덕트 어텐션 (헤드 하나, 인과 마스크)",
            "title, unscaled": "닷-프로덕트 어텐션 (헤드 하나, 스케일링 없음)",
            "title, unscaled, causal": "닷-프로덕트 어텐션 (헤드 하나, 스케일링 없음, 인과 마스크)",
            "default.summary": "“The cat sat”: “sat”은 주로 “cat”을 본다",
            "default.story": "예문은 “The cat sat”이다. “sat”의 쿼리가 “cat”의 키와 가장 잘 맞도록 가중치를 정했다.",
            "causal.summary": "같은 문장에 인과 마스크를 씌운다: 어떤 토큰도 뒤를 보지 않는다",
            "causal.story": #"""
                같은 토큰에 디코더처럼 인과 마스크를 씌운다(시드 노트 000, 004). 각 토큰은 자기 자신과 앞의 \#
                토큰만 본다. 학습 때는 티처 포싱으로 목표 문장 전체가 한꺼번에 들어가므로 뒤쪽 토큰, 곧 정답이 \#
                이미 입력에 있어서 가려야 한다. 문장을 생성할 때는 뒤쪽 토큰이 아직 없다.
                """#,
            "illustrated-transformer.summary": "“The Illustrated Transformer”의 숫자: 112와 96, ÷ 8 → 14와 12, 소프트맥스 0.88과 0.12",
            "illustrated-transformer.story": #"""
                시드 노트 000이 인용한 Jay Alammar의 “The Illustrated Transformer”(2018)는 $d_{k} = 64$에서 \#
                “Thinking”의 쿼리를 “Thinking Machines”의 두 키와 비교한다. 스코어 112와 96을 \#
                $\sqrt{64} = 8$로 나누면 14와 12, 소프트맥스를 거치면 0.88과 0.12다. 글에는 벡터가 나오지 않으므로 \#
                정확히 이 스코어가 나오도록 벡터를 정했다. $X$는 2 × 2 단위행렬이라 $W_{Q}$, $W_{K}$, $W_{V}$의 \#
                행이 곧 쿼리, 키, 밸류다($q_{1}$은 1이 64개, $k_{1}$은 1.75가 64개, $k_{2}$는 1.5가 64개). \#
                $q_{2}$(성분 0.5)와 밸류($v_{1}$은 모두 1, $v_{2}$는 모두 0이라 출력에 가중치가 그대로 보인다)는 \#
                출처의 값이 아니라 여기서 정한 것이다.
                """#,
            "alternative, unscaled": "√d_k로 나누지 않은 스코어, 곧 단순한 닷-프로덕트 어텐션",
            "alternative, scaled": "√d_k로 나눈 스코어, 곧 논문의 스케일드 닷-프로덕트 어텐션",
            "why": #"""
                **어텐션**은 각 토큰의 **쿼리**를 모든 토큰의 **키**와 비교한다. 쿼리와 키가 잘 맞을수록 그 키를 \#
                가진 토큰의 **밸류**를 더 많이 가져온다.
                """#,
            "heading equations": "수식",
            "equations": #"""
                \begin{aligned}
                Q &= X W_{Q}, \quad K = X W_{K}, \quad V = X W_{V} \\
                S &= Q K^{\top} && \text{스코어: } S_{ij} = q_{i} \cdot k_{j} \\
                \hat{S} &= «scaled» && \text{«step»} \\
                A_{ij} &= \frac{\exp(\hat{S}_{ij})}{\sum_{j'} \exp(\hat{S}_{ij'})} && \text{가중치: 행마다 소프트맥스} \\
                O &= A V && \text{출력: } o_{i} = \textstyle\sum_{j} A_{ij} v_{j}
                \end{aligned}
                """#,
            "scaling, unscaled": #"""
                **스케일링하지 않음:** 이 노트는 많은 튜토리얼처럼 스코어를 나누지 않는 단순한 닷-프로덕트 \#
                어텐션이므로 $\hat{S} = S$이다. 논문은 $\sqrt{d_{k}}$로 나눈다. 성분들이 서로 독립이고 평균이 0, \#
                분산이 1이면, $d_{k}$개 곱의 합인 내적 $q \cdot k$의 분산은 $d_{k}$이다. $\sqrt{d_{k}}$로 나누면 분산이 \#
                다시 1이 되므로 소프트맥스가 포화되지 않는다.
                """#,
            "Ŝ step": "스케일링된 스코어",
            "Ŝ step, causal": "스케일링하고 마스크한 스코어",
            "Ŝ step, unscaled": "스케일링하지 않은 스코어",
            "Ŝ step, unscaled, causal": "마스크만 한 스코어",
            "scaling": #"""
                **왜 $\sqrt{d_{k}}$로 나누는가:** 성분들이 서로 독립이고 평균이 0, 분산이 1이면, $d_{k}$개 곱의 합인 \#
                내적 $q \cdot k$의 분산은 $d_{k}$이다. $\sqrt{d_{k}}$로 나누면 분산이 다시 1이 되므로 소프트맥스가 \#
                포화되지 않는다.
                """#,
            "convention": #"""
                **표기 규칙:** 논문처럼 $Q = X W_{Q}$로 쓰고, 가중치는 입력 × 출력 모양이다. 멀티 헤드 어텐션 노트는 \#
                PyTorch의 $X W^{\top}$ 형태를 따른다.
                """#,
            "legend n": "토큰 수",
            "legend d_model": "토큰 하나의 차원",
            "legend d_k": "쿼리와 키의 차원",
            "legend d_v": "밸류의 차원",
            "heading steps": "단계별 계산",
            "heading projections": "쿼리, 키, 밸류",
            "heading scores": "어텐션 스코어",
            "figure scaled": "스케일링된 스코어 Ŝ",
            "panel scaled, unscaled": "Ŝ = Q Kᵀ (스케일링 없음)",
            "panel scaled, unscaled, causal": "Ŝ = Q Kᵀ + M (스케일링 없음)",
            "figure scaled, unscaled": "스케일링하지 않은 스코어 Ŝ",
            "figure scaled, description": "빨강은 양수, 파랑은 음수다.",
            "figure scaled, description, causal": "빨강은 양수, 파랑은 음수, 회색은 마스크된 자리(−∞)다.",
            "heading softmax": "소프트맥스",
            "figure weights": "어텐션 가중치 A",
            "panel weights": "행마다 A = softmax(Ŝ)",
            "figure weights, description": "0은 진한 보라, 1은 노랑이다.",
            "heading output": "출력",
            "heading summary": "정리",
            "notice": #"""
                토큰 순서를 섞어도 각 토큰의 출력 행은 값이 그대로이고, 토큰을 따라 자리만 옮겨진다(시드 000: “A B C D를 \#
                넣거나, B A C D를 넣거나 해도 인코딩 되는 값은 달라지지 않는다.”). 어텐션은 순서를 보지 않으므로 \#
                트랜스포머는 포지셔널 인코딩을 더한다.
                """#,
            "notice, causal": #"""
                순서가 들어오는 곳은 마스크뿐이다. 마스크가 없으면 토큰 순서를 섞어도 각 토큰의 출력 행은 값이 \#
                그대로이고, 토큰을 따라 자리만 옮겨진다.
                """#,
            // What the weights say, row by row: «query» and «key» are tokens, «weight» a weight.
            "token number": "토큰 «i»",
            "itself": "자기 자신",
            "row one key": "«query»의 가중치는 모두 «key»에 간다(1)",
            "row even": "«query»의 가중치는 고르게 나뉜다(각 «weight»)",
            "row tie": "«query»의 가장 큰 가중치는 «key», «second»에 똑같이 간다(각 «weight»)",
            "row peaked": "«query»의 가중치는 «key»에 몰려 있다. 가장 큰 가중치(«key», «weight»)가 그다음(«second», «second weight»)의 두 배를 넘는다",
            "row spread": "«query»의 가중치는 퍼져 있다. 가장 큰 가중치(«key», «weight»)가 그다음(«second», «second weight»)의 두 배에 못 미친다",
            "rows joined": ". ",
            "blank row": "«tokens»의 쿼리는 0이므로 «alike»",
            "blank rows": "«tokens»의 쿼리는 0이므로 «alike»",
            "blank rows weight": "모든 키의 가중치가 똑같이 «weight»이다",
            "blank rows, causal": "볼 수 있는 키에 가중치가 똑같이 나뉜다",

            // What the seed notes say, and what the numbers show: one bullet per seed statement.
            "confirmed": "확인된다",
            "refuted": "맞지 않는다",
            "not always": "항상 그렇지는 않다",
            "slides widths": #"""
                - 시드 000: “Q와 K 벡터의 차원이 같아야 한다. … V벡터는 크게 상관없다. 그리고 최종적으로 나오는 \#
                벡터의 차원은 V 벡터와 동일하게 된다.” 확인된다. $d_{k} = «d_k»$, $d_{v} = «d_v»$이고 $O$는 «n» × «d_v»이다.
                """#,
            "slides kv, widths": #"""
                - 시드 000: “K와 V의 내적으로 Score 벡터를 계산한다.” 맞지 않는다. 여기서는 $d_{k} \ne d_{v}$이므로(위 항목) \#
                $k \cdot v$를 계산할 수조차 없다. 시드가 다른 곳에서 말하듯 어텐션 스코어는 $q_{i} \cdot k_{j}$이다.
                """#,
            "slides kv, entry": #"""
                - 시드 000: “K와 V의 내적으로 Score 벡터를 계산한다.” 맞지 않는다. $q_{«i»} \cdot k_{«i»} = «qk»$이지만 \#
                $k_{«i»} \cdot v_{«i»} = «kv»$이다. 시드가 다른 곳에서 말하듯 어텐션 스코어는 $q_{i} \cdot k_{j}$이다.
                """#,
            "slides plain, confirmed": #"""
                - 시드 001: “주어진 3개의 벡터간의 내적으로 유사도를 구해냅니다. … 자기 자신과의 유사도가 훨씬 크게 \#
                도출되는건 아시죠?” 확인된다. $«X» «X»^{\top}$«rows» 어느 행에서나 자기 토큰과의 내적이 가장 크다.
                """#,
            "slides plain": #"""
                - 시드 001: “주어진 3개의 벡터간의 내적으로 유사도를 구해냅니다. … 자기 자신과의 유사도가 훨씬 크게 \#
                도출되는건 아시죠?” «verdict». $«X» «X»^{\top}$«rows» «query» · «other» «compares» «query» · «query» = «self»이다. \#
                자기 자신과의 내적만큼 큰 값은 길이가 자기와 같거나 더 긴 토큰만 낼 수 있다\#
                ($x_{i} \cdot x_{j} \le |x_{i}| |x_{j}|$이고, «other» · «other» = «other self»이다). 시드 001은 이 문제를 쿼리와 키로 해결한다.
                """#,
            "gram rows": "의 행은 «rows»이고,",
            "gram row": "의 «i»행은 «row»이고,",
            "slides self, confirmed": #"""
                - 시드 000: “이후 얻은 score들을 softmax 하여 … 당연히 자기 자신과의 관계가 제일 높음” 확인된다. \#
                모든 토큰이 자기 자신에게 가장 큰 가중치를 준다(«weights»). 여기서는 $W_{Q}$와 $W_{K}$가 그렇게 만든다.
                """#,
            "slides self": #"""
                - 시드 000: “이후 얻은 score들을 softmax 하여 … 당연히 자기 자신과의 관계가 제일 높음” «verdict». \#
                «said». 어텐션 가중치는 $W_{Q}$와 $W_{K}$가 정하며, $A$의 대각선이 가장 커야 할 이유는 없다.
                """#,
            "slides self fails, one": "«tokens» 행은 자기 자신보다 다른 토큰에 더 큰 가중치를 준다(자기 자신에게 준 가중치는 «weights»)",
            "slides self fails, more": "«tokens» 행 모두 자기 자신보다 다른 토큰에 더 큰 가중치를 준다(자기 자신에게 준 가중치는 각각 «weights»)",
            "slides self holds, one": "«tokens» 행은 자기 자신에게 가장 큰 가중치를 준다(«weights»)",
            "slides self holds, more": "«tokens» 행 모두 자기 자신에게 가장 큰 가중치를 준다(각각 «weights»)",
            "chosen query": "«token»(쿼리는 출처가 아니라 여기서 정함)",
            "but": ". 하지만 ",
            "slides softmax": #"""
                - 시드 004: “$c_{4} = \langle s_{4}, h_{1} \rangle h_{1} + \langle s_{4}, h_{2} \rangle h_{2} + \langle s_{4}, h_{3} \rangle h_{3}$” 불완전함: 소프트맥스가 없고(시드는 \#
                나중에 추가한다) 투영도 스케일링도 없다. 스코어를 그대로 가중치로 쓰면 «query»의 스코어 «scores»(여기서는 \#
                투영을 거친 값)의 합은 1이 아니라 «sum»이다. 소프트맥스를 거치면 «softmax»이다.
                """#,
            "slides softmax, one": #"""
                - 시드 004: “$c_{4} = \langle s_{4}, h_{1} \rangle h_{1} + \langle s_{4}, h_{2} \rangle h_{2} + \langle s_{4}, h_{3} \rangle h_{3}$” 불완전함: 소프트맥스가 없고(시드는 \#
                나중에 추가한다) 투영도 스케일링도 없다. «query»의 스코어가 그대로 가중치가 된다: «scores»(여기서는 \#
                투영을 거친 값, 합이 우연히 1). 소프트맥스를 거치면 «softmax»이다.
                """#,
            "slides scale": #"""
                - 시드 001: “나누지 않으면 소프트맥스의 분포가 큰 값에 강력히 몰릴 수 있다.” 확인된다. 나누지 않으면 \#
                «query»의 가장 큰 가중치가 «unscaled»(위 항목)이고, $\sqrt{d_{k}}$(= «scale»)로 나누면 «scaled»이다.
                """#,
            "slides average": #"""
                - 시드 003: “찾고자하는 단어의 Query를 가지고 모든 문장의 Key를 내적하여 가장 유사한 값을 찾아낸다.” \#
                일부만 맞음: $A$의 «i»행에서 가장 큰 가중치는 «key»에 가지만, 이 행의 출력은 «key»의 밸류 «value»도, \#
                «seen» 합 «sum»도 아닌 $o_{«i»}$ = «output»이다. 이 값은 «i»행의 가중치로 구한 밸류들의 가중 평균이다.
                """#,
            "all values": "모든 밸류의",
            "values seen": "볼 수 있는 밸류의",
            "slides mask, confirmed": #"""
                - 시드 000: “decoder의 self-attention에서는 학습을 위해 masking 과정도 필요하다. 이전 단어들에만 \#
                dependent 하고, 뒤의 단어들에 대해서는 independet 하게 하는 작업이다.” 확인된다. $A$의 대각선 위쪽 \#
                가중치는 모두 0이다(단어는 자기 자신도 본다). 그래서 «first»의 출력은 자기 밸류 «value» 그대로다.
                """#,
            "slides thinking": #"""
                - 시드 000: “결과적으로 Thinking과 자기자신의 interaction(유사도)는 0.88이 되고, Machine과의 \#
                interaction은 0.12가 나온다.” «verdict». «s1», «s2»의 소프트맥스는 «a1», «a2»이다.
                """#,
        ])
}
