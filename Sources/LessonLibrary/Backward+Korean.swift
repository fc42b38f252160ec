// The Korean words every backward pass shares (the keys and slots of `backwardWords`).

import TraceCore

let backwardKorean = Words(
    captions: [
        "grad_output": ("손실의 그래디언트", #"$G = \frac{\partial L}{\partial «output»}$, 손실이 보는 출력의 그래디언트다. $L = \sum G \odot «output»$, 곧 $«output»$의 각 성분에 같은 자리의 $G$ 성분을 곱해 모두 더한 값이다. 그래서 $G$의 각 성분은 출력의 그 성분이 한 단위 늘 때 L이 얼마나 느는지를 말한다. PyTorch의 `output.backward(grad_output)`와 같다."#),
    ],
    text: [
        "grad_output left out": "여기서는 $G$의 모든 성분이 1이다. 곧 L은 출력의 모든 성분의 합이다.",
        "backward why": #"""
            학습에는 모든 가중치와 입력에 대한 손실 $L$의 그래디언트가 필요하다. 역전파는 이를 연쇄 법칙으로 \#
            구한다. 출력에서 입력 쪽으로, 순전파의 역순으로 계산한다. 각 값의 그래디언트는 그 값이 쓰인 \#
            모든 곳에서 되돌려 보낸 몫을 더한 것이다.
            """#,
        "heading backward": "역전파",
        "heading loss": "손실",
        "heading check": "그래디언트 검사",
        "check": #"""
            각 배열에서 그래디언트의 크기가 가장 큰 성분을 $\pm 10^{-6}$만큼 움직이고 순전파를 다시 실행한다. \#
            손실의 중심 차분은 위에서 구한 그래디언트와 상대적으로 약 $10^{-8}$(반올림 오차) 안에서 같아야 한다. \#
            이 그래디언트 검사는 배열마다 성분 하나만 확인한다. 연쇄 법칙의 한 단계가 틀렸어도 그 성분의 그래디언트를 \#
            조금만 바꾸거나 다른 성분만 바꾼다면 통과할 수 있다.
            """#,
    ])
