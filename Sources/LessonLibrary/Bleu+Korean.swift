// The Korean words of bleu (Bleu+Words.swift): the same keys and slots. An n-gram's name has no
// plural in Korean («grams» is 바이그램 whether one or many); seed 004 is quoted in its own words.

import TraceCore

extension Bleu {
    static let korean = Words(
        captions: [
            "weights": ("차수별 가중치", "평균에서 각 차수의 로그 정밀도에 주는 가중치이다. 입력에 주어진 값이다."),
            "weights, uniform": ("차수별 가중치", "모든 차수의 가중치가 같다($1/N = 1/«N»$). 기본값이다."),
            "count": ("후보에서의 횟수",
                      "후보의 서로 다른 «grams» «G»개가 각각 몇 번 나오는지 센 값이다. 모두 합하면 «t»개이며, «where»."),
            "count, one": ("후보에서의 횟수", "후보에 하나뿐인 «gram»은 «times» 나온다."),
            "ref_counts": ("참조별 횟수", "같은 n-그램이 각 참조에 몇 번 나오는지 센 값이다. 참조마다 열이 하나이다."),
            "max_ref": ("한 참조에서의 최대 횟수",
                        "**한** 참조 안에서의 가장 큰 횟수이며, 참조들의 합이 아니다. 예를 들어 n-그램 «gram»의 경우, 참조 «in»개에 각각 «counts»번 나오지만 세는 값은 «max»이다(합이라면 «sum»)."),
            "max_ref, plain": ("한 참조에서의 최대 횟수", "**한** 참조 안에서의 가장 큰 횟수이며, 참조들의 합이 아니다."),
            "max_ref, one": ("한 참조에서의 최대 횟수", "참조가 하나이므로 그 참조에서의 횟수이다."),
            "clipped": ("클리핑된 횟수", "후보의 «grams» «total»개 가운데 인정되는 것은 «kept»개이다. «details»"),
            "matches": ("일치 수", "클리핑된 횟수를 차수마다 더한 것으로, $m_{n} = \\sum_{g} \\operatorname{clip}^{(n)}(g)$이다."),
            "totals": ("후보의 n-그램 수", "후보에서의 횟수를 더한 것이다. 단어 $c = «c»$개인 후보에서는 $c - n + 1$이다."),
            "delta": ("add-one 스무딩", "첫 차수를 뺀 모든 차수에서 1이다. add-one 스무딩은 $p_{1}$을 센 그대로 둔다."),
            "numerators, add-one": ("스무딩한 일치 수", "$n \\ge 2$인 모든 차수에 일치를 하나씩 더한다."),
            "denominators, add-one": ("스무딩한 총수", "$n \\ge 2$인 모든 차수에 n-그램을 하나씩 더한다. 그래서 정밀도 0은 $1/(t_{n} + 1)$이 된다."),
            "denominators, add-one, empty": ("스무딩한 총수", "후보에는 «orders»의 n-그램이 없다. 0 대신 1을 쓰고, 그다음 $n \\ge 2$인 모든 차수에 1을 더한다."),
            "denominators, empty": ("총수, 최소 1", "후보에는 «orders»의 n-그램이 없다. 0 대신 1을 쓰므로 정밀도는 0/0이 아니라 0이다."),
            "epsilon": ("엡실론 스무딩", "일치가 없는 차수(«orders»)에는 0.1, 나머지에는 0이다."),
            "numerators, epsilon": ("스무딩한 일치 수", "0인 횟수를 0.1로 바꾼다. 그래서 로그가 유한하다."),
            "precisions, one": ("수정된 정밀도", "$p_{1} = «p»$.«unmatched»"),
            "precisions, equal": ("수정된 정밀도", "모든 차수에서 «first»이다.«unmatched»"),
            "precisions, falling": ("수정된 정밀도",
                                    "$n = 1$의 «first»에서 «at»의 «lowest»까지 내려간다. n-그램이 길수록 후보가 참조와 공유하는 것이 적다.«unmatched»"),
            "precisions": ("수정된 정밀도", "$n = 1$에서 «first»이고, 가장 낮은 값은 «at»의 «lowest»이다.«unmatched»"),
            "c": ("후보 길이", "후보의 단어 수이다."),
            "ref_lengths": ("참조 길이", "각 참조의 단어 수이다."),
            "r, one": ("유효 참조 길이", "하나뿐인 참조의 길이이다."),
            "r, exact": ("유효 참조 길이", "참조 «k»의 단어 수가 정확히 $c = «c»$개이다«same sentence».«tie»"),
            "r": ("유효 참조 길이",
                  "$c = «c»$에 가장 가까운 것은 참조 «k»(단어 «r»개)이며, 차이는 «gap»이다«same sentence».«tie»"),
            "bp, longer": ("짧은 번역 페널티",
                           "후보가 $r$보다 길다($«c» > «r»$). 페널티는 없다. 긴 후보는 그 대신 정밀도에서 손해를 본다. 단어가 하나 늘 때마다 일치해야 할 n-그램도 늘기 때문이다."),
            "bp, equal": ("짧은 번역 페널티", "후보의 길이가 $r$과 같다. $e^{1 - 1} = 1$이므로 페널티가 없다."),
            "bp, shorter": ("짧은 번역 페널티",
                            "후보는 단어 «c»개인데 기대되는 길이는 «r»개이다. $e^{1 - r/c}$가 점수를 «off»% 깎는다.«example»"),
            "bp, shorter, zero score": ("짧은 번역 페널티",
                                        "후보는 단어 «c»개인데 기대되는 길이는 «r»개이다. 점수가 0보다 컸다면 $e^{1 - r/c}$가 «off»% 깎았을 것이다.«example»"),
            "mean, zero": ("정밀도의 기하평균", "«why»"),
            "bleu, zero": ("BLEU", "짧은 번역 페널티가 얼마이든, 0에 곱하면 0이다."),
            "log_precisions": ("로그 정밀도", "자연로그(밑 $e$)이다. 모두 0 이하이고, 정밀도가 낮을수록 더 큰 음수이다."),
            "log_precisions, some": ("로그 정밀도", "가중치가 0보다 큰 차수(«orders»)의 자연로그(밑 $e$)이다. 가중치가 0인 차수는 계산에 끼지 않는다."),
            "log_mean": ("로그 정밀도의 가중평균", "로그의 평균, 곧 기하평균의 로그이다."),
            "geometric_mean": ("정밀도의 기하평균",
                               "정밀도 «count»개를 곱하고 «count»제곱근을 취한다. 가장 낮은 $p_{«n»}$ 값이 평균을 가장 많이 끌어내리며, 산술평균일 때보다 더 많이 끌어내린다.«by hand»"),
            "geometric_mean, weighted": ("정밀도의 기하평균",
                                         "각 정밀도를 자기 가중치만큼 거듭제곱해 곱한다. 가장 낮은 $p_{«n»}$ 값이 가장 많이 끌어내린다."),
            "geometric_mean, one": ("정밀도의 기하평균", "차수가 하나이므로 정밀도 그 자체이다."),
            "bleu": ("BLEU", "짧은 번역 페널티가 없으므로 점수는 기하평균 그대로이다."),
            "bleu, penalized": ("BLEU", "기하평균에 짧은 번역 페널티를 곱해 줄인 값이다."),
        ],
        text: [
            "summary": "문장 BLEU: 클리핑한 n-그램 정밀도, 그 기하평균, 짧은 번역 페널티",
            "title": "BLEU: 참조 번역에 비추어 번역 채점하기",
            "why": #"""
                번역에는 정답이 하나만 있지 않아서, 이미지의 클래스처럼 맞다 틀리다로 채점할 수 없다(시드 004: “문장은 \#
                주관적이니까, 이미지 분류 문제처럼 1 또는, 0으로 평가할 수는 없음”). **BLEU**(Papineni 등 2002)는 후보 \#
                번역의 n-그램, 곧 연속한 단어 $n$개의 묶음이 사람이 만든 참조 번역에 얼마나 나오는지로 점수를 매긴다. 단어 하나는 \#
                내용이 맞는지를, 더 긴 n-그램은 문장의 자연스러움과 어순을 본다. 각 n-그램은 한 참조가 쓰는 횟수까지만 \#
                센다. 이것이 클리핑이고, 이렇게 센 정밀도가 수정된 정밀도이다. 그리고 짧게 말해서 높은 점수를 받으려는 후보는 페널티로 막는다.
                """#,
            "heading equations": "식",
            "equations": #"""
                \begin{aligned}
                \operatorname{clip}^{(n)}(g) &= \min\Bigl(\operatorname{Count}_{\text{cand}}(g),\ \max_{k} \operatorname{Count}_{\text{ref}_{k}}(g)\Bigr) && \text{클리핑된 횟수} \\
                p_{n} &= \frac{m_{n}}{t_{n}} = \frac{\sum_{g} \operatorname{clip}^{(n)}(g)}{\sum_{g} \operatorname{Count}_{\text{cand}}(g)} && \text{수정된 정밀도} \\
                BP &= \begin{cases} 1 & c > r \\ e^{1 - r/c} & c \le r \end{cases} \;=\; \min\bigl(1,\ e^{1 - r/c}\bigr) && \text{짧은 번역 페널티} \\
                \text{BLEU} &= BP \cdot \exp\Bigl(\sum_{n=1}^{N} w_{n} \log p_{n}\Bigr) && \text{점수}
                \end{aligned}
                """#,
            "convention": #"""
                $g$는 후보의 서로 다른 n-그램을, $k$는 참조를 하나씩 가리킨다. $c$는 후보의 길이이고, $r$은 후보와 \#
                길이가 가장 가까운 참조의 길이이다(차이가 같으면 더 짧은 쪽). 가중치 $w_{n}$은 따로 주지 않으면 $1/N$이므로, \#
                점수는 $p_{1} \dots p_{N}$의 기하평균에 $BP$를 곱한 것이다. $\log$는 자연로그이다. 여기서 계산하는 것은 \#
                NLTK의 `sentence_bleu`처럼 한 문장의 BLEU이다. 논문은 횟수와 길이 $c$, $r$ 모두 테스트 코퍼스 전체에 대해 \#
                정의한다. 모든 문장에 걸쳐 더한 뒤에 나누며, $BP$도 일부러 코퍼스 전체로 계산해 짧은 문장 하나가 가혹하게 \#
                벌받지 않게 한다(§2.2.2). 차이가 같을 때 더 짧은 참조를 택하는 것은 논문이 아니라 NLTK의 선택이다. 여기서 \#
                $c$, $r$, $\ell_{k}$는 길이, $m_{n}$과 $t_{n}$은 횟수, $g$는 n-그램, $K$는 참조의 수, $N$은 가장 큰 \#
                차수이다. 다른 노트의 셀 상태, 리셋 게이트, 손실, 행 최댓값, 타임스텝, LSTM 후보 값, 키, 층과는 관계없다. «smoothing»
                """#,
            "smoothing none": #"""
                스무딩은 하지 않는다. 일치가 하나도 없는 차수가 있으면 $p_{n} = 0$, $\log 0 = -\infty$가 되어 BLEU는 0이다.
                """#,
            "smoothing add-one": #"""
                add-one 스무딩(Lin, Och 2004; NLTK의 method 2)을 쓴다. $n \ge 2$이면 \#
                $p_{n} = (m_{n} + 1)/(t_{n} + 1)$이므로, 첫 차수보다 높은 차수는 0이 될 수 없다.
                """#,
            "smoothing epsilon": #"""
                엡실론 스무딩(NLTK의 method 1)을 쓴다. $m_{n} = 0$인 차수는 일치를 0.1개로 센다. 그래서 그 정밀도는 \#
                작지만 0은 아니다.
                """#,
            "alternative add-one": "NLTK의 method 2와 같은 add-one 스무딩",
            "alternative epsilon": "NLTK의 method 1과 같은 엡실론 스무딩",
            "alternative none": "스무딩 없음",
            "legend c": "후보의 단어 수",
            "legend K": "참조의 수, $k = 1 \\dots K$",
            "legend N": "n-그램 차수, 1 … N",
            "label order": "차수",
            "reference k": "참조 «k»",
            "label n-gram": "n-그램",
            "label reference": "참조",
            "label candidate": "후보",
            "label words": "단어 수",
            "sentences": "**문장**을 한 열에 한 단어씩 적었다. 단어는 공백에서 나누며, 대소문자와 문장 부호까지 그대로 비교한다.",
            "sentences, cut": "각 문장의 처음 «columns»개 단어만 보인다. 아래의 횟수는 모든 단어로 센다.",
            "heading counts": "n-그램 세기",
            "counts intro": #"""
                각 차수 $n$마다 후보의 서로 다른 n-그램 하나하나에 대해 적는다. 후보와 각 참조에 나오는 횟수, 한 참조에서의 \#
                최대 횟수, 그리고 둘 가운데 작은 값인 클리핑된 횟수이다.
                """#,
            "order": "차수",
            "orders": "차수",
            "same work": "같은 방식으로 n-그램을 센다",
            "results shown": "그 결과는 아래의 일치 수와 총수에 있다",
            "no n-grams": "단어 «c»개인 후보에는 «grams»이 없으므로 $t_{«n»} = 0$이다.",
            "gram 1": "유니그램",
            "plural": "«name»",
            "one per word": "단어마다 하나씩이다",
            "one per start": "마지막 «before»개 단어를 뺀 각 단어에서 하나씩 시작한다",
            "one per start, one": "마지막 단어를 뺀 각 단어에서 하나씩 시작한다",
            "once": "한 번",
            "times": "«t»번",
            "either": "«list» 또는 «last»",
            "gram 2": "바이그램",
            "gram 3": "트라이그램",
            "gram n": "«n»-그램",
            "clipped gram": "«gram»(«count»번에서 «max»번으로)",
            "clipped, one": "클리핑된 n-그램은 «grams»이다. 어느 참조에도 그보다 많이 나오지 않기 때문이다.",
            "clipped, more": "클리핑된 n-그램은 «grams»이다. 어느 참조에도 그보다 많이 나오지 않기 때문이다.",
            "absent": "서로 다른 «kind» «G»개 가운데 «count»개는 어느 참조에도 없어서(«grams») 0으로 센다.",
            "absent, only": "후보에 하나뿐인 «only»(«grams»)은 어느 참조에도 없어서 0으로 센다.",
            "absent, one": "서로 다른 «kind» «G»개 가운데 1개는 어느 참조에도 없어서(«grams») 0으로 센다.",
            "absent, all": "서로 다른 «kind» «G»개 가운데 참조에 나오는 것이 하나도 없다(«grams»). 모두 0으로 센다.",
            "r, same, one": "(참조 «same»도 길이가 같다)",
            "r, same": "(참조 «same»도 길이가 같다)",
            "r, tie": " 참조 «rivals»(단어 «rival length»개)도 똑같이 가깝다. 이때는 더 짧은 길이를 택한다.",
            "r, ties": " 참조 «rivals»(단어 «rival length»개)도 똑같이 가깝다. 이때는 더 짧은 길이를 택한다.",
            "nothing clipped": "모두 어떤 참조에든 적어도 그만큼 나온다. 클리핑되는 것이 없다.",
            "unmatched": " «grams» 가운데 일치한 것이 하나도 없다.",
            "unmatched, smoothed": " 일치한 «grams»이 없다. «orders» 값은 스무딩만으로 생긴 것이다.",
            "smoothed precisions": "스무딩한 정밀도",
            "precisions, smoothed": "스무딩한 값이다. 여기서는 식의 $m_{n}/t_{n}$ 대신 $p_{n} = m_{n}'/t_{n}'$이다.",
            "bp, example": #"""
                 정밀도만 보면 짧게 말하는 후보가 이득을 본다. 예를 들어 참조 «k»의 처음 두 단어만 쓴 후보 «gram»의 정밀도는 \#
                $p_{1} = «p1»$, $p_{2} = «p2»$이다(논문 §2.2의 예는 “of the”로, 2/2와 1/1). 차수 1과 2로만 채점하면 \#
                이 후보의 BLEU는 짧은 번역 페널티 $e^{1 - «r»/2} = «bp»$ 그 자체이고, 그 밖에는 점수를 깎는 것이 \#
                없다(길이보다 높은 차수까지 보면 그 차수의 n-그램이 없으므로, 스무딩 없이는 0점이다).
                """#,
            "geometric_mean, by hand": " 손으로 확인해 보면, 정밀도의 곱은 $«fraction»$이고 평균은 그 «count»제곱근이다.",
            "heading precisions": "수정된 정밀도",
            "epsilon, unused": "모든 차수에 일치가 하나 이상 있으므로, 여기서는 엡실론 스무딩이 아무것도 바꾸지 않는다.",
            "figure": "n-그램 차수별 수정된 정밀도",
            "figure, smoothed": "n-그램 차수별 스무딩한 정밀도",
            "figure description": "$n = 1 … «N»$의 정밀도 $p_{n}$은 «first»에서 «last»까지이며, 세로축은 0부터 1까지이다.",
            "heading brevity": "짧은 번역 페널티",
            "heading score": "기하평균과 점수",
            "zero, no word": #"""
                후보의 어떤 단어도 참조에 없다($m_{1} = 0$). 그래서 스무딩과 상관없이 점수는 0이다. NLTK의 \#
                `sentence_bleu`도 스무딩하기 전에 0을 돌려준다.
                """#,
            "zero, unmatched": "«orders»이다. 후보의 «grams» 가운데 어느 것도 참조에 없기 때문이다.",
            "zero, too short": "«orders»이다. 단어 «c»개인 후보에는 «grams»이 아예 없기 때문이다.",
            "zero, mean": #"""
                기하평균은 정밀도들을 곱하므로, 인수 하나가 0이면 다른 차수가 아무리 잘 맞아도 0이 된다($\log 0 = -\infty$).
                """#,
            "zero, instead": #"""
                NLTK의 `sentence_bleu`는 스무딩 없이(method 0) 0을 내는 대신 경고를 띄우고, 각 0 자리에 가장 작은 양의 \#
                정규 double $2.2 \times 10^{-308}$을 넣는다. 그러면 여기서 나오는 값은 $«nltk»$이다. add-one 스무딩을 \#
                쓰면 «add-one»이다.
                """#,
            "order k": "차수 «k»",
            "orders k": "차수 «k»",
            "add-one, unused": "차수가 하나뿐이라 스무딩할 것이 없다. add-one 스무딩은 $p_{1}$을 센 그대로 둔다.",
            "heading summary": "요약",
            "notice score": "BLEU 점수는 «bleu»이다.",
            "notice no word": "후보가 참조와 공유하는 단어가 하나도 없다.",
            "notice zero": "0인 까닭은 일치한 «grams»이 하나도 없기 때문이다(차수 «n»). 다른 차수가 어떻든, 일치가 없는 차수 하나로 점수는 0이 된다.",
            "notice zero, short": "0인 까닭은 단어 «c»개인 후보에 «grams»이 없기 때문이다(차수 «n»). 다른 차수가 어떻든, 빈 차수 하나로 점수는 0이 된다.",
            "notice lowest": "가장 낮은 정밀도는 차수 «n»에 있다. 이 후보에서는 «grams»을 참조와 공유하기가 가장 어렵다.",
            "notice lowest, unmatched": "가장 낮은 정밀도는 차수 «n»에 있다. 참조와 공유하는 «grams»이 하나도 없어서, $p_{«n»}$ 값은 순전히 스무딩에서 나온다.",
            "notice clipped": "클리핑이 반복을 걷어 냈다: «grams».",
            "notice short": "후보는 단어 «c»개로, 참조 길이 «r»보다 짧다. 그래서 짧은 번역 페널티가 점수를 낮춘다.",
            "notice short, zero": "후보는 단어 «c»개로, 참조 길이 «r»보다 짧다. 하지만 점수가 0이라 짧은 번역 페널티가 낮출 것이 없다.",
            "notice long enough": "후보는 단어 «c»개이고 $r = «r»$이므로 짧지 않다. 짧은 번역 페널티는 없다.",

            // What the seed notes say, and what the numbers show.
            "slides order": #"""
                - 시드 004: “N-gram precision을 이용: 연속한 n 개 단어가 정답 문장에 존재하는지. Unigram이 아니라, N-gram을 \#
                쓰는 이유는 순서까지도 맞추어야하기 때문임.” 수치로도 확인된다. 후보의 단어를 거꾸로 늘어놓으면(«words») \#
                $p_{1} = «p1»$ 그대로이지만, $p_{2}$는 «p2»에서 «reversed»까지 떨어진다.
                """#,
            "slides order, not here": #"""
                - 시드 004: “N-gram precision을 이용: 연속한 n 개 단어가 정답 문장에 존재하는지. Unigram이 아니라, N-gram을 \#
                쓰는 이유는 순서까지도 맞추어야하기 때문임.” 여기서는 드러나지 않는다. 후보의 단어를 거꾸로 늘어놓아도(«words») \#
                $p_{1} = «p1»$ 그대로이고, $p_{2}$도 낮아지지 않는다(원래 «p2», 거꾸로 «reversed»).
                """#,
            "slides order, palindrome": #"""
                - 시드 004: “N-gram precision을 이용: 연속한 n 개 단어가 정답 문장에 존재하는지. Unigram이 아니라, N-gram을 \#
                쓰는 이유는 순서까지도 맞추어야하기 때문임.” 여기서는 드러나지 않는다. 후보가 거꾸로 읽어도 같은 문장이라, \#
                단어를 뒤집어도 정밀도가 바뀌지 않는다.
                """#,

            // The examples.
            "default.summary": "말을 더듬는 번역과 참조 두 개: 클리핑, 참조마다 다른 n-그램, 짧은 후보",
            "default.story": #"""
                한국어 문장 ‘고양이가 매트 위에 있다’(“the cat is on the mat”)를 말을 더듬는 모델이 “the the cat on the mat”로 \#
                번역했다. 사람 두 명도 이 문장을 번역했다. 남는 “the”가 클리핑되는 것, 두 번째 참조에만 있는 4-그램 \#
                “cat on the mat”, 그리고 참조는 7단어인데 후보는 6단어라서 붙는 짧은 번역 페널티를 살펴보자.
                """#,
            "no-4-gram.summary": "틀린 단어가 하나 있고 어느 참조와도 같은 4-그램이 없는 번역: 스무딩 없이는 BLEU 0",
            "no-4-gram.story": #"""
                “the cat sat on the mat”에는 틀린 단어가 하나 있고(‘있다’는 “is”인데 “sat”이라고 썼다), 이 문장의 연속한 \#
                네 단어는 어느 참조에도 나오지 않는다. 빈 차수 하나가 점수 전체를 0으로 만드는 것을 살펴보자.
                """#,
            "no-4-gram-add-one.summary": "같은 문장 쌍에 add-one 스무딩: 0보다 큰 점수",
            "no-4-gram-add-one.story": #"""
                같은 4-그램이 없는 앞의 문장 쌍에 add-one 스무딩을 쓴다. 첫 차수보다 높은 정밀도가 모두 올라가고 \#
                4-그램의 정밀도는 0에서 $1/4$이 되며, 점수가 0보다 큰 수가 되는 것을 살펴보자.
                """#,
            "papineni-2002.summary": "논문의 “the the the the the the the”: 수정된 유니그램 정밀도 2/7",
            "papineni-2002.story": #"""
                Papineni 등의 예 2는 “the” 일곱 개로 된 후보를 “The cat is on the mat”, “There is a cat on the mat”과 \#
                비교한다. “the”는 두 참조에 모두 있으므로, 보통의 정밀도라면 7/7이다. 클리핑을 살펴보자. “the”는 첫 번째 \#
                참조가 쓰는 만큼, 곧 많아야 두 번만 세므로 수정된 유니그램 정밀도는 2/7이다. 논문은 “The”와 “the”를 한 \#
                단어로 세므로 참조를 소문자로 적었다. 논문 문장 끝의 마침표도 뺐다. 마침표가 있으면 “mat.”이 따로 한 단어가 \#
                된다.
                """#,
            "papineni-2002-candidate-1.summary": "논문의 예 1, 후보 1과 참조 세 개: 17/18과 10/17",
            "papineni-2002-candidate-1.story": #"""
                Papineni 등의 예 1에서는 중국어 문장 하나를 사람이 세 가지로 번역했고, 시스템들도 번역했다(소문자로, 끝의 \#
                마침표 없이 적었다). 후보 1은 잘된 번역이다. 유니그램 정밀도와 바이그램 정밀도(논문에서 17/18과 10/17)를 \#
                살펴보자. 각 n-그램은 그것이 나오는 참조라면 어느 참조와도 맞춘다.
                """#,
            "papineni-2002-candidate-2.summary": "논문의 예 1, 후보 2: 8/14와 1/13, BLEU 0",
            "papineni-2002-candidate-2.story": #"""
                Papineni 등의 예 1에서 후보 2는 같은 문장을 서투르게 번역한 것이다. 정밀도(논문에서 8/14와 1/13)와, 어느 \#
                참조와도 같은 트라이그램이 하나도 없다는 점을 살펴보자.
                """#,
        ])
}
