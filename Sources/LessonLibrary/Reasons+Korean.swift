// The Korean words of the likely reasons a claim fails (the keys and slots of `reasonWords`).

import TraceCore

let reasonKorean = Words(text: [
    "finding": "**한 가지 변경이 이 파일을 더 잘 설명한다:** «description». 이 변경을 적용하면 주장 «count»개 중 «without»개가 아니라 «with»개가 성립하고, 이미 성립하던 주장은 모두 그대로 성립한다.",
    "by finding": "«finding». 이 변경은 주장 파일 전체에 맞는다(적용하면 주장 «count»개 중 «with»개, 적용하지 않으면 «without»개가 성립한다). 이 변경으로 계산한 값은 «value»이다",
    "by finding, table": "위의 변경으로 계산한 값은 «value»이다",
    "under finding": "위의 변경을 적용한 경우, «reason»",
    "within float32": "(마지막 단계들의 float32 반올림 범위 안에서 주장과 같다)",
    "truncated": "반올림하지 않고 소수점 아래 «decimals»자리에서 잘라 냈다. 계산값은 «computed»이고, 반올림하면 «rounded»이다",
    "row adjusted": "반올림한 뒤 행의 합이 1이 되도록 조정했다. 소수점 아래 «decimals»자리로 반올림하면 행은 «rounded»(합 «sum»)이지만, 주장은 «claimed»이다",
    "claimed number": "`«name»`«at» = «claimed» (계산값 «computed»)",
    "from claimed": "출처가 직접 적어 둔 수로 계산한 값이다. 적어 둔 수는 «list»이고, 이 수들로 계산하면 «value»이다",
    "from claimed, cut": "출처가 직접 적어 둔 수로 계산하고 소수점 아래 «decimals»자리에서 잘라 낸 값이다. 적어 둔 수는 «list»이고, 이 수들로 계산하면 «value»이다",
    "rounded steps": "모든 중간값을 소수점 아래 «decimals»자리로 반올림한 뒤 다음 단계로 넘긴 값이다. 그렇게 계산하면 «value»이다",
    "float32": "단정밀도(float32)로 계산한다. 주어진 수와 모든 계산값을 float32로 다루며, float32로 계산한 출처(`torch.Tensor`, NumPy `float32`)와 같은 조건이다",
    "transposed field": "`«field»`의 저장 방향이 반대다(전치: out × in 대신 in × out, 또는 그 반대)",
    "transposed fields": "모든 가중치의 저장 방향이 반대다(«fields» 전치)",
    "swapped": "성분 «at»의 값이다. 행과 열이 바뀌었다(전치된 행렬)",
    "other entry": "다른 성분 «at»의 값이다. 위치가 어긋났을 수 있다",
    "other layer": "스택의 다른 층에 있는 같은 값, 곧 `«other»`의 수다",
    "sign": "부호가 반대다",
    "many slips": "**실패한 주장 «count»개에는 그럴듯한 이유가 없다:** 이 레슨이 아는 어떤 관례도, 반대로 저장된 가중치도, float32도, 반올림도 이 값들을 내지 않는다. 이만큼 많으면 단순한 오기가 아니다. 출처는 다른 것을 계산한다(다른 식이거나, 이것과 다른 입력).",
    "not a slip": "어떤 반올림이나 관례로도 나오지 않고, 이 파일에서 실패한 다른 주장 «others»개도 마찬가지다. 출처는 다른 것을 계산한다",
    "not a slip, table": "어떤 반올림이나 관례로도 나오지 않는다(위 참조)",
    "slip": "오기다. 어떤 반올림이나 관례로도 나오지 않는다",
    "slip, large input": "오기다. 어떤 반올림이나 관례로도 나오지 않는다(다른 관례, float32, 반올림한 중간값은 트레이스의 수가 «numbers»개 이하인 입력에서만 시도한다)",
])
