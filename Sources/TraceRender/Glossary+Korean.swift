// The Korean notes' terms: the Korean the notes use, the English, and how the seed notes write it
// (SPEC "Korean notes"). The renderer gives the English in parentheses at each term's first use in
// a note's prose, as seed 003 does ("은닉 상태(hidden state)"); Lessons/ko/README.md lists them.

import TraceCore

public struct Term: Sendable {
    /// As the notes write it.
    public let korean: String
    public let english: String
    /// How the seed notes write it, where they write it at all (several renderings, or English).
    public let seeds: String
}

public let glossary: [Term] = [
    // The recurrent cells
    Term(korean: "순환 신경망", english: "recurrent neural network, RNN", seeds: "RNN, Recurrent Neural Network"),
    Term(korean: "장단기 메모리", english: "long short-term memory, LSTM", seeds: "LSTM, Long Short Term Memory"),
    Term(korean: "게이트 순환 유닛", english: "gated recurrent unit, GRU", seeds: "GRU, Gated Recurrent Unit"),
    Term(korean: "은닉 상태", english: "hidden state", seeds: "hidden state, Hidden state, 은닉 상태, 히든 스테이트"),
    Term(korean: "셀 상태", english: "cell state", seeds: "cell state, Cell state"),
    Term(korean: "입력 게이트", english: "input gate", seeds: "입력 게이트, Input Gate"),
    Term(korean: "망각 게이트", english: "forget gate", seeds: "삭제 게이트, Forget Gate"),
    Term(korean: "출력 게이트", english: "output gate", seeds: "출력 게이트, Output Gate"),
    Term(korean: "후보 값", english: "candidate", seeds: "C-tilda"),
    Term(korean: "리셋 게이트", english: "reset gate", seeds: "—"),
    Term(korean: "업데이트 게이트", english: "update gate", seeds: "—"),
    Term(korean: "게이트", english: "gate", seeds: "gate, 게이트"),
    Term(korean: "타임스텝", english: "time step", seeds: "time step, 타임스텝, 시간 단계"),
    Term(korean: "활성화 전 값", english: "pre-activation", seeds: "—"),
    Term(korean: "시그모이드", english: "sigmoid", seeds: "sigmoid"),
    Term(korean: "핍홀 연결", english: "peephole connections", seeds: "—"),
    Term(korean: "비선형 함수", english: "nonlinearity", seeds: "—"),
    Term(korean: "유닛", english: "unit", seeds: "—"),
    Term(korean: "은닉층", english: "hidden layer", seeds: "—"),
    Term(korean: "장기 의존성", english: "long-term dependency", seeds: "장기 의존성, 롱텀-디펜던시"),
    Term(korean: "그래디언트 소실", english: "vanishing gradient", seeds: "Gradient Vanishing"),
    Term(korean: "양방향", english: "bidirectional", seeds: "양방향"),
    Term(korean: "순방향", english: "forward direction", seeds: "포워드"),
    Term(korean: "역방향", english: "reverse direction", seeds: "백워드"),
    Term(korean: "문맥 벡터", english: "context vector", seeds: "문맥 벡터, context vector"),
    Term(korean: "인코더", english: "encoder", seeds: "인코더, encoder, Encoder"),
    Term(korean: "디코더", english: "decoder", seeds: "디코더, decoder, Decoder"),
    Term(korean: "시퀀스-투-시퀀스", english: "sequence-to-sequence, seq2seq", seeds: "Seq2Seq(Sequence-to-Sequence), seq2seq"),
    Term(korean: "티처 포싱", english: "teacher forcing", seeds: "—"),
    // Language models and their scores
    Term(korean: "언어 모델", english: "language model, LM", seeds: "Language model, LM"),
    Term(korean: "원-핫", english: "one-hot", seeds: "—"),
    Term(korean: "샘플링", english: "sampling", seeds: "sampling"),
    Term(korean: "탐욕적", english: "greedy", seeds: "—"),
    Term(korean: "어휘", english: "vocabulary", seeds: "—"),
    Term(korean: "임베딩", english: "embedding", seeds: "임베딩, Embedding"),
    Term(korean: "원-핫 벡터", english: "one-hot vector", seeds: "—"),
    Term(korean: "토큰", english: "token", seeds: "토큰"),
    Term(korean: "로짓", english: "logits", seeds: "—"),
    Term(korean: "소프트맥스", english: "softmax", seeds: "softmax, 소프트맥스"),
    Term(korean: "교차 엔트로피", english: "cross-entropy", seeds: "교차 엔트로피 손실(Cross-Entropy Loss)"),
    Term(korean: "퍼플렉서티", english: "perplexity, PPL", seeds: "PPL(Perplexity)"),
    Term(korean: "온도", english: "temperature", seeds: "—"),
    Term(korean: "배타적 논리합", english: "exclusive or, XOR", seeds: "—"),
    Term(korean: "후보 번역", english: "candidate translation", seeds: "—"),
    Term(korean: "참조 번역", english: "reference translation", seeds: "—"),
    Term(korean: "수정된 정밀도", english: "modified precision", seeds: "—"),
    Term(korean: "짧은 번역 페널티", english: "brevity penalty", seeds: "—"),
    Term(korean: "스무딩", english: "smoothing", seeds: "—"),
    Term(korean: "n-그램", english: "n-gram", seeds: "N-gram"),
    Term(korean: "유니그램", english: "unigram", seeds: "Unigram"),
    Term(korean: "바이그램", english: "bigram", seeds: "—"),
    Term(korean: "트라이그램", english: "trigram", seeds: "—"),
    Term(korean: "정밀도", english: "precision", seeds: "precision"),
    Term(korean: "클리핑", english: "clipping", seeds: "—"),
    Term(korean: "유효 참조 길이", english: "effective reference length", seeds: "—"),
    // Attention
    Term(korean: "어텐션", english: "attention", seeds: "Attention, attention, 어텐션"),
    Term(korean: "셀프 어텐션", english: "self-attention", seeds: "Self-Attention, 셀프어텐션"),
    Term(korean: "스케일드 닷-프로덕트 어텐션", english: "scaled dot-product attention", seeds: "Scaled Dot-Product Attention"),
    Term(korean: "멀티 헤드 어텐션", english: "multi-head attention", seeds: "Multi-Head Attention (MHA), 멀티 헤드, 멀티-헤드 어텐션"),
    Term(korean: "크로스 어텐션", english: "cross-attention", seeds: "—"),
    Term(korean: "인코더-디코더 어텐션", english: "encoder–decoder attention", seeds: "Encoder to Decoder"),
    Term(korean: "쿼리", english: "query", seeds: "Query, 쿼리"),
    Term(korean: "키", english: "key", seeds: "Key, 키"),
    Term(korean: "밸류", english: "value", seeds: "Value, 밸류"),
    Term(korean: "어텐션 스코어", english: "attention scores", seeds: "Score, 어텐션 스코어"),
    Term(korean: "어텐션 가중치", english: "attention weights", seeds: "attention weights, 어텐션 가중치"),
    Term(korean: "정렬", english: "alignment", seeds: "—"),
    Term(korean: "어텐션 상태", english: "attentional state", seeds: "—"),
    Term(korean: "헤드", english: "head", seeds: "head, 헤드"),
    Term(korean: "인과 마스크", english: "causal mask", seeds: "masking, Masked"),
    Term(korean: "내적", english: "dot product", seeds: "내적(dot product)"),
    Term(korean: "투영", english: "projection", seeds: "선형 변환, 선형변환"),
    Term(korean: "포지셔널 인코딩", english: "positional encoding", seeds: "Positional Encoding, 포지셔널 인코딩, 위치 정보"),
    // The Transformer
    Term(korean: "피드포워드 네트워크", english: "feed-forward network", seeds: "Feed Forward Neural Network, 피드포워드"),
    Term(korean: "잔차 연결", english: "residual connection", seeds: "잔차 연산"),
    Term(korean: "서브층", english: "sublayer", seeds: "—"),
    Term(korean: "사후 정규화", english: "post-norm", seeds: "—"),
    Term(korean: "사전 정규화", english: "pre-norm", seeds: "—"),
    Term(korean: "레이어 정규화", english: "layer normalization", seeds: "Layer Normalization, 정규화"),
    Term(korean: "배치 정규화", english: "batch normalization", seeds: "Batch Normalization"),
    Term(korean: "인스턴스 정규화", english: "instance normalization", seeds: "—"),
    Term(korean: "그룹 정규화", english: "group normalization", seeds: "—"),
    Term(korean: "편향 분산", english: "biased variance", seeds: "—"),
    Term(korean: "불편 분산", english: "unbiased variance", seeds: "—"),
    Term(korean: "아핀 변환", english: "affine transformation", seeds: "affine transformation"),
    Term(korean: "이동 평균", english: "running average", seeds: "—"),
    Term(korean: "평균", english: "mean", seeds: "평균"),
    Term(korean: "분산", english: "variance", seeds: "분산"),
    Term(korean: "표준편차", english: "standard deviation", seeds: "—"),
    Term(korean: "패딩", english: "padding", seeds: "—"),
    Term(korean: "학습률", english: "learning rate", seeds: "learning rate"),
    Term(korean: "워밍업", english: "warm-up", seeds: "warmup"),
    Term(korean: "옵티마이저", english: "optimizer", seeds: "—"),
    Term(korean: "패치", english: "patch", seeds: "작은 영역"),
    Term(korean: "합성곱", english: "convolution", seeds: "—"),
    Term(korean: "클래스 토큰", english: "class token", seeds: "—"),
    Term(korean: "위치 임베딩", english: "position embeddings", seeds: "—"),
    // Learning
    Term(korean: "가중치", english: "weights", seeds: "Weight, weight, 가중치"),
    Term(korean: "바이어스", english: "bias", seeds: "바이어스"),
    Term(korean: "손실", english: "loss", seeds: "loss, 손실"),
    Term(korean: "그래디언트", english: "gradient", seeds: "gradient, 그래디언트"),
    Term(korean: "순전파", english: "forward pass", seeds: "—"),
    Term(korean: "역전파", english: "backward pass, backpropagation", seeds: "BP, BPTT"),
    Term(korean: "시간에 따른 역전파", english: "backpropagation through time, BPTT", seeds: "BPTT"),
    Term(korean: "경사 하강법", english: "gradient descent", seeds: "—"),
    Term(korean: "가중치 감쇠", english: "weight decay", seeds: "—"),
    Term(korean: "중심 차분", english: "central difference", seeds: "—"),
    Term(korean: "그래디언트 검사", english: "gradient check", seeds: "—"),
    Term(korean: "연쇄 법칙", english: "chain rule", seeds: "—"),
    Term(korean: "야코비안", english: "Jacobian", seeds: "—"),
]

/// `document` with the English of each glossary term in parentheses after its first use in prose
/// (not in a heading, a table, math, code or a link's address), unless the English is already there.
func introducingTerms(_ document: String) -> String {
    // Longest first, so that 셀프 어텐션 takes its letters before 어텐션 can: on every line, also
    // after it was introduced (the 게이트 of 망각 게이트 is not a first use of 게이트).
    let terms = glossary.sorted { $0.korean.unicodeScalars.count > $1.korean.unicodeScalars.count }
        .map { (english: $0.english, scalars: Array($0.korean.unicodeScalars)) }
    let startingWith = Dictionary(grouping: terms.indices, by: { terms[$0].scalars[0] })
    var introduced = [Bool](repeating: false, count: terms.count)
    var lines = document.components(separatedBy: "\n")
    var fenced = false
    for n in lines.indices where introduced.contains(false) {
        let line = lines[n]
        if line.hasPrefix("```") { fenced.toggle(); continue }
        if fenced || line.hasPrefix("#") || line.hasPrefix("|") || line.hasPrefix("- (") { continue }
        var scalars = Array(line.unicodeScalars)
        guard scalars.contains(where: isHangul) else { continue }
        let prose = proseMask(scalars)
        // Every whole-word use of a term on the line, by term (in the order of `terms`).
        var uses: [Int: [Int]] = [:]
        for start in scalars.indices where prose[start] && !(start > 0 && isHangul(scalars[start - 1])) {
            for k in startingWith[scalars[start]] ?? [] {
                let word = terms[k].scalars
                let end = start + word.count
                guard end <= scalars.count, scalars[start..<end].elementsEqual(word), (start..<end).allSatisfy({ prose[$0] }) else { continue }
                // A one-syllable term is a whole word: 키가, not 키운다.
                if word.count == 1, end < scalars.count, isHangul(scalars[end]), !particles.contains(scalars[end]) { continue }
                uses[k, default: []].append(start)
            }
        }
        var taken = [Bool](repeating: false, count: scalars.count)
        var insertions: [(at: Int, text: String)] = []
        for k in uses.keys.sorted() {
            let length = terms[k].scalars.count
            let free = uses[k]!.filter { start in (start..<(start + length)).allSatisfy { !taken[$0] } }
            for start in free { for i in start..<(start + length) { taken[i] = true } }
            guard !introduced[k], let first = free.first else { continue }
            introduced[k] = true
            // After the emphasis the term closes (**은닉 상태**(hidden state)는: a `**` between `)`
            // and a letter would not close), unless it is said already in parentheses there.
            var at = first + length
            while at < scalars.count, scalars[at] == "*" || scalars[at] == "_" { at += 1 }
            if !(at < scalars.count && scalars[at] == "(") { insertions.append((at, "(\(terms[k].english))")) }
        }
        guard !insertions.isEmpty else { continue }
        for insertion in insertions.sorted(by: { $0.at > $1.at }) {
            scalars.insert(contentsOf: insertion.text.unicodeScalars, at: insertion.at)
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        lines[n] = String(view)
    }
    return lines.joined(separator: "\n")
}

/// The particles a one-syllable term may carry (키가, 키의 …).
private let particles: Set<Unicode.Scalar> = ["는", "은", "가", "이", "를", "을", "의", "와", "과", "로", "에", "도", "만"]

private func isHangul(_ scalar: Unicode.Scalar) -> Bool { (0xAC00...0xD7A3).contains(scalar.value) }

/// Which scalars of a line are prose: not inside $…$, `…`, “…”, a link's (address) or an HTML tag.
private func proseMask(_ scalars: [Unicode.Scalar]) -> [Bool] {
    var mask = [Bool](repeating: true, count: scalars.count)
    var closing: Unicode.Scalar? = nil
    for (i, c) in scalars.enumerated() {
        if let end = closing {
            mask[i] = false
            if c == end { closing = nil }
        } else if c == "$" || c == "`" {
            mask[i] = false
            closing = c
        } else if c == "<" {
            mask[i] = false
            closing = ">"
        } else if c == "“" {
            // A quotation (a seed note's own words, a token) is left as it was written.
            mask[i] = false
            closing = "”"
        } else if c == "(", i > 0, scalars[i - 1] == "]" {
            mask[i] = false
            closing = ")"
        }
    }
    return mask
}
