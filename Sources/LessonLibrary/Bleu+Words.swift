// The words of bleu. Keys are value names or names for the paragraphs; slots in «»: «n» an order,
// «grams» its n-grams named in words (“bigrams”), «c» and «r» the lengths.

import TraceCore

extension Bleu {
    static let words = Words(
        captions: [
            "weights": ("Weights of the orders", "The weight of each order's log-precision in the mean, as given."),
            "weights, uniform": ("Weights of the orders", "Uniform, $1/N = 1/«N»$ each: the default."),
            "count": ("count in the candidate",
                      "How often each of the «G» distinct «grams» occurs in the candidate: «t» in all, «where»."),
            "count, one": ("count in the candidate", "The candidate's only «gram» occurs «times»."),
            "ref_counts": ("count in each reference", "How often the same n-gram occurs in each reference, one column per reference."),
            "max_ref": ("most in one reference",
                        "The largest count in any **one** reference, not their sum: «gram» occurs «counts» times in «in» references and counts «max», not «sum»."),
            "max_ref, plain": ("most in one reference", "The largest count in any **one** reference, not their sum."),
            "max_ref, one": ("most in one reference", "With one reference, its count."),
            "clipped": ("clipped count", "Counted: «kept» of the candidate's «total» «grams». «details»"),
            "matches": ("matches", "The clipped counts added up, one sum per order: $m_{n} = \\sum_{g} \\operatorname{clip}^{(n)}(g)$."),
            "totals": ("n-grams in the candidate", "The candidate's counts added up: $c - n + 1$ for a candidate of $c = «c»$ words."),
            "delta": ("add-one smoothing", "1 for every order but the first: add-one smoothing leaves $p_{1}$ as counted."),
            "numerators, add-one": ("smoothed matches", "One more match for every order $n \\ge 2$."),
            "denominators, add-one": ("smoothed totals", "One more n-gram for every order $n \\ge 2$, so a precision of 0 becomes $1/(t_{n} + 1)$."),
            "denominators, add-one, empty": ("smoothed totals", "The candidate has no n-gram of «orders»: 1 is taken instead of 0, then 1 added for every order $n \\ge 2$."),
            "denominators, empty": ("totals, at least 1", "The candidate has no n-gram of «orders»: 1 is taken instead of 0, so the precision is 0 rather than 0/0."),
            "epsilon": ("epsilon smoothing", "0.1 where an order has no match («orders»), 0 elsewhere."),
            "numerators, epsilon": ("smoothed matches", "A zero count becomes 0.1, so its logarithm is finite."),
            "precisions, one": ("modified precision", "$p_{1} = «p»$.«unmatched»"),
            "precisions, equal": ("modified precisions", "«first» at every order.«unmatched»"),
            "precisions, falling": ("modified precisions",
                                    "From «first» at $n = 1$ down to «lowest» at «at»: the longer the n-gram, the fewer the candidate shares with the references.«unmatched»"),
            "precisions": ("modified precisions", "«first» at $n = 1$; the lowest, «lowest», at «at».«unmatched»"),
            "c": ("candidate length", "The number of words of the candidate."),
            "ref_lengths": ("reference lengths", "The number of words of each reference."),
            "r, one": ("effective reference length", "The one reference's length."),
            "r, exact": ("effective reference length", "Reference «k» has exactly $c = «c»$ words«same sentence».«tie»"),
            "r": ("effective reference length",
                  "Reference «k», «r» words, is the closest to $c = «c»$, «gap» away«same sentence».«tie»"),
            "bp, longer": ("brevity penalty",
                           "The candidate is longer than $r$ ($«c» > «r»$): no penalty. A long candidate is held back by the precisions instead: each extra word adds n-grams that must match."),
            "bp, equal": ("brevity penalty", "The candidate is as long as $r$: $e^{1 - 1} = 1$, no penalty."),
            "bp, shorter": ("brevity penalty",
                            "The candidate has «c» words where «r» are expected: $e^{1 - r/c}$ takes «off»% off the score.«example»"),
            "bp, shorter, zero score": ("brevity penalty",
                                        "The candidate has «c» words where «r» are expected: $e^{1 - r/c}$ would take «off»% off a score above 0.«example»"),
            "mean, zero": ("geometric mean of the precisions", "«why»"),
            "bleu, zero": ("BLEU", "Whatever the brevity penalty, 0 times it is 0."),
            "log_precisions": ("log-precisions", "Natural logarithms (base $e$): each at most 0; the lower the precision, the more negative."),
            "log_precisions, some": ("log-precisions", "Natural logarithms (base $e$) of the orders with a weight above 0 («orders»); an order weighted 0 takes no part."),
            "log_mean": ("weighted mean of the log-precisions", "A mean of logarithms: the log of a geometric mean."),
            "geometric_mean": ("geometric mean of the precisions",
                               "The «count» precisions multiplied, and the «count»th root taken: the lowest, $p_{«n»}$, pulls it down most, more than an average would.«by hand»"),
            "geometric_mean, weighted": ("geometric mean of the precisions",
                                         "Each precision raised to its weight and multiplied: the lowest, $p_{«n»}$, pulls it down most."),
            "geometric_mean, one": ("geometric mean of the precisions", "One order: the precision itself."),
            "bleu": ("BLEU", "No brevity penalty: the score is the geometric mean."),
            "bleu, penalized": ("BLEU", "The geometric mean, scaled down by the brevity penalty."),
        ],
        text: [
            "summary": "Sentence BLEU: clipped n-gram precisions, their geometric mean and the brevity penalty",
            "title": "BLEU: scoring a translation against references",
            "why": #"""
                A translation has no single right answer, so it cannot be marked right or wrong like an image's \#
                class (seed 004). **BLEU** (Papineni et al. 2002) scores a candidate translation by how many of its \#
                n-grams (runs of $n$ consecutive words) occur in human reference translations: words for adequacy, \#
                longer n-grams for fluency and word order. Each n-gram counts at most as often as one reference \#
                uses it (clipping), and a penalty stops a candidate from scoring well by saying little.
                """#,
            "heading equations": "The equations",
            "equations": #"""
                \begin{aligned}
                \operatorname{clip}^{(n)}(g) &= \min\Bigl(\operatorname{Count}_{\text{cand}}(g),\ \max_{k} \operatorname{Count}_{\text{ref}_{k}}(g)\Bigr) \\
                p_{n} &= \frac{m_{n}}{t_{n}} = \frac{\sum_{g} \operatorname{clip}^{(n)}(g)}{\sum_{g} \operatorname{Count}_{\text{cand}}(g)} \\
                BP &= \begin{cases} 1 & c > r \\ e^{1 - r/c} & c \le r \end{cases} \;=\; \min\bigl(1,\ e^{1 - r/c}\bigr) \\
                \text{BLEU} &= BP \cdot \exp\Bigl(\sum_{n=1}^{N} w_{n} \log p_{n}\Bigr)
                \end{aligned}
                """#,
            "convention": #"""
                $g$ runs over the candidate's distinct n-grams, $k$ over the references; $c$ is the candidate's \#
                length and $r$ the length of the reference closest to it (the shorter one on a tie). The weights \#
                $w_{n}$ are $1/N$ unless given, so the score is the geometric mean of $p_{1} \dots p_{N}$ times \#
                $BP$; $\log$ is the natural logarithm. This is BLEU for one sentence, as NLTK's `sentence_bleu` \#
                computes it. The paper defines the counts, $c$ and $r$ over a whole test corpus, adding them over \#
                all sentences before dividing, and takes $BP$ corpus-wide on purpose, so that one short sentence \#
                is not punished harshly (§2.2.2). Taking the shorter reference on a tie is NLTK's choice, not the \#
                paper's. Here $c$, $r$ and $\ell_{k}$ are lengths, $m_{n}$ and $t_{n}$ counts, $g$ an n-gram, \#
                $K$ the number of references and $N$ the largest order: not the cell state, reset gate, loss, \#
                row maximum, time step, LSTM candidate, keys or layers of other notes. «smoothing»
                """#,
            "smoothing none": #"""
                No smoothing: an order without a single match makes $p_{n} = 0$, $\log 0 = -\infty$, and BLEU 0.
                """#,
            "smoothing add-one": #"""
                Add-one smoothing (Lin and Och 2004; NLTK's method 2): for $n \ge 2$, \#
                $p_{n} = (m_{n} + 1)/(t_{n} + 1)$, so no order above the first can be 0.
                """#,
            "smoothing epsilon": #"""
                Epsilon smoothing (NLTK's method 1): an order with $m_{n} = 0$ counts 0.1 matches instead, \#
                so its precision is small but not 0.
                """#,
            "alternative add-one": "add-one smoothing, as NLTK's method 2",
            "alternative epsilon": "epsilon smoothing, as NLTK's method 1",
            "alternative none": "no smoothing",
            "legend c": "words of the candidate",
            "legend K": "number of references, $k = 1 \\dots K$",
            "legend N": "n-gram orders, 1 … N",
            "label order": "order",
            "reference k": "reference «k»",
            "label n-gram": "n-gram",
            "label reference": "reference",
            "label candidate": "candidate",
            "label words": "words",
            "sentences": "**The sentences**, one word per column, split at spaces and compared exactly (case and punctuation included):",
            "sentences, cut": "Only the first «columns» words of each sentence are shown; the counts below use every word.",
            "heading counts": "Counting n-grams",
            "counts intro": #"""
                For each order $n$, every distinct n-gram of the candidate, how often it occurs there and in each \#
                reference, the most in any one reference, and the clipped count, the smaller of the two.
                """#,
            "order": "order",
            "orders": "orders",
            "same work": "count the n-grams of these orders the same way",
            "results shown": "the matches and totals below show their results",
            "section": "n = «n»: «grams»",
            "no n-grams": "A candidate of «c» words has no «grams»: $t_{«n»} = 0$.",
            "gram 1": "unigram",
            "plural": "«name»s",
            "one per word": "one per word",
            "one per start": "one starting at each word but the last «before»",
            "one per start, one": "one starting at each word but the last",
            "once": "once",
            "times": "«t» times",
            "either": "«list» or «last»",
            "gram 2": "bigram",
            "gram 3": "trigram",
            "gram n": "«n»-gram",
            "clipped gram": "«gram» from «count» to «max»",
            "clipped, one": "Clipped: «grams», as no reference has it more often.",
            "clipped, more": "Clipped: «grams», as no reference has them more often.",
            "absent": "«count» of the «G» distinct «kind» are in no reference («grams») and count 0.",
            "absent, only": "The candidate's only «only», «grams», is in no reference: it counts 0.",
            "absent, one": "1 of the «G» distinct «kind» is in no reference («grams») and counts 0.",
            "absent, all": "None of the «G» distinct «kind» is in any reference («grams»): all count 0.",
            "r, same, one": " (reference «same» has as many)",
            "r, same": " (references «same» have as many)",
            "r, tie": " Reference «rivals», «rival length» words, is as close: on a tie the shorter length is taken.",
            "r, ties": " References «rivals», «rival length» words, are as close: on a tie the shorter length is taken.",
            "nothing clipped": "Every one occurs in some reference at least as often: nothing is clipped.",
            "unmatched": " Not one of the «grams» matched.",
            "unmatched, smoothed": " No «grams» matched: «orders» comes from the smoothing alone.",
            "smoothed precisions": "smoothed precisions",
            "precisions, smoothed": "Smoothed: $p_{n} = m_{n}'/t_{n}'$ here, in place of $m_{n}/t_{n}$ in the equations.",
            "bp, example": #"""
                 Precision alone would reward saying little: «gram», the first two words of reference «k», has \#
                $p_{1} = «p1»$ and $p_{2} = «p2»$ (the paper's example in §2.2 is “of the”, 2/2 and 1/1); scored \#
                on orders 1 and 2 alone, its BLEU would be its brevity penalty, $e^{1 - «r»/2} = «bp»$, and \#
                nothing else would hold it back (with more orders than its length, it has no n-grams of them, \#
                and scores 0 unsmoothed).
                """#,
            "geometric_mean, by hand": " By hand: the precisions multiply to $«fraction»$, and the mean is its «count»th root.",
            "heading precisions": "Modified precisions",
            "epsilon, unused": "Every order has at least one match, so epsilon smoothing changes nothing here.",
            "figure": "Modified precision by n-gram order",
            "figure, smoothed": "Smoothed precision by n-gram order",
            "figure panel": "p_n",
            "figure description": "The precision $p_{n}$ for $n = 1 … «N»$, from «first» to «last», on a scale from 0 to 1.",
            "heading brevity": "Brevity penalty",
            "heading score": "The geometric mean and the score",
            "zero, no word": #"""
                No word of the candidate is in any reference ($m_{1} = 0$): the score is 0 whatever the \#
                smoothing, as NLTK's `sentence_bleu` returns 0 before it smooths.
                """#,
            "zero, unmatched": "«orders»: none of the candidate's «grams» is in any reference.",
            "zero, too short": "«orders»: the candidate, «c» words, has no «grams» at all.",
            "zero, mean": #"""
                The geometric mean multiplies the precisions, so one factor 0 makes it 0 ($\log 0 = -\infty$) \#
                however well the other orders match.
                """#,
            "zero, instead": #"""
                Instead of 0, NLTK's `sentence_bleu` without smoothing (method 0) warns and puts the smallest \#
                positive normal double, $2.2 \times 10^{-308}$, in place of each 0, which gives $«nltk»$ here; add-one smoothing \#
                gives «add-one».
                """#,
            "order k": "order «k»",
            "orders k": "orders «k»",
            "add-one, unused": "With one order there is nothing to smooth: add-one smoothing leaves $p_{1}$ as counted.",
            "heading summary": "Summary",
            "notice score": "BLEU = «bleu».",
            "notice no word": "The candidate shares no word with the references.",
            "notice zero": "It is 0 because no «grams» matched (order «n»): one order without a match is enough, whatever the others.",
            "notice zero, short": "It is 0 because a candidate of «c» words has no «grams» (order «n»): one empty order is enough, whatever the others.",
            "notice lowest": "The lowest precision is at order «n»: here «grams» are the hardest to share with a reference.",
            "notice lowest, unmatched": "The lowest precision is at order «n»: no «grams» are shared with a reference at all, and $p_{«n»}$ is the smoothing's alone.",
            "notice clipped": "Clipping took away repeats: «grams».",
            "notice short": "With «c» words against «r» the candidate is short, and the brevity penalty lowers the score.",
            "notice short, zero": "With «c» words against «r» the candidate is short, but the brevity penalty has nothing to lower in a score of 0.",
            "notice long enough": "With «c» words against $r = «r»$ the candidate is not short: no brevity penalty.",

            // What the seed notes say, and what the numbers show.
            "slides order": #"""
                - Seed 004: “N-gram precision: whether n consecutive words occur in the reference; n-grams, not \#
                single words, because the order must match too.” Confirmed: the candidate's words in reverse \#
                order («words») keep $p_{1} = «p1»$, but $p_{2}$ falls from «p2» to «reversed».
                """#,
            "slides order, not here": #"""
                - Seed 004: “N-gram precision: whether n consecutive words occur in the reference; n-grams, not \#
                single words, because the order must match too.” Not visible here: the candidate's words in \#
                reverse order («words») keep $p_{1} = «p1»$ and do not lower $p_{2}$ («p2», reversed «reversed»).
                """#,
            "slides order, palindrome": #"""
                - Seed 004: “N-gram precision: whether n consecutive words occur in the reference; n-grams, not \#
                single words, because the order must match too.” Not visible here: the candidate reads the same \#
                backwards, so reversing its words changes no precision.
                """#,

            // The examples.
            "default.summary": "a stuttering translation against two references: clipping, an n-gram from each reference, a short candidate",
            "default.story": #"""
                A Korean sentence, 고양이가 매트 위에 있다 (“the cat is on the mat”), translated by a model that \#
                stutters: “the the cat on the mat”. Two people translated it too. Watch the extra “the” being \#
                clipped, the 4-gram “cat on the mat” that only the second reference has, and the brevity penalty \#
                for 6 words where the references have 7.
                """#,
            "no-4-gram.summary": "a translation with one wrong word and no 4-gram in common with either reference: BLEU 0 without smoothing",
            "no-4-gram.story": #"""
                “the cat sat on the mat” has one word wrong (“sat”, where 있다 means “is”), and no four \#
                consecutive words of it occur in either reference. Watch one empty order send the whole score to 0.
                """#,
            "no-4-gram-add-one.summary": "the same pair with add-one smoothing: a score above 0",
            "no-4-gram-add-one.story": #"""
                The pair without a common 4-gram, with add-one smoothing: watch every precision above the first \#
                rise, the 4-gram one from 0 to $1/4$, and the score become a number above 0.
                """#,
            "papineni-2002.summary": "the paper's “the the the the the the the”: modified unigram precision 2/7",
            "papineni-2002.story": #"""
                Papineni et al.'s Example 2: a candidate of seven “the” against “The cat is on the mat” and \#
                “There is a cat on the mat”. Plain precision would be 7/7, since “the” is in both references. \#
                Watch the clipping: “the” counts at most twice, as often as the first reference uses it, so the \#
                modified unigram precision is 2/7. The references are written in lower case, as the paper counts \#
                “The” and “the” as one word, and without the paper's final periods, which would make “mat.” a \#
                word of its own.
                """#,
            "papineni-2002-candidate-1.summary": "the paper's Example 1, Candidate 1 against three references: 17/18 and 10/17",
            "papineni-2002-candidate-1.story": #"""
                Papineni et al.'s Example 1: a Chinese sentence translated by people three ways and by systems \#
                (lower case, without the final period). Candidate 1 is the good one: watch its unigram and \#
                bigram precisions, 17/18 and 10/17 in the paper, each n-gram matched in whichever reference has it.
                """#,
            "papineni-2002-candidate-2.summary": "the paper's Example 1, Candidate 2: 8/14 and 1/13, BLEU 0",
            "papineni-2002-candidate-2.story": #"""
                Papineni et al.'s Example 1, Candidate 2: the poor translation of the same sentence. Watch its \#
                precisions, 8/14 and 1/13 in the paper, and no trigram in common with any reference.
                """#,
        ],
        korean: korean)
}
