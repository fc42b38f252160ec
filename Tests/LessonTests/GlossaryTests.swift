// The Korean glossary and the English it adds at a term's first use in a note's prose.

import Testing
@testable import TraceCore
@testable import TraceRender

@Suite struct GlossaryTests {
    @Test func aTermGetsItsEnglishAtItsFirstUseInProseOnly() {
        let note = """
        # 은닉 상태

        | 은닉 상태 | $h$ |
        |---|---|
        첫 값은 `은닉 상태` 아니고 $\\text{은닉 상태}$도 아니다.
        ```math
        \\text{은닉 상태}
        ```
        여기서 처음 쓰는 은닉 상태는 둘째 은닉 상태와 같다.
        """
        let introduced = introducingTerms(note)
        #expect(introduced.components(separatedBy: "은닉 상태(hidden state)").count == 2)
        #expect(introduced.contains("여기서 처음 쓰는 은닉 상태(hidden state)는 둘째 은닉 상태와 같다."))
        #expect(introduced.hasPrefix("# 은닉 상태\n\n| 은닉 상태 | $h$ |"))
    }

    @Test func theLongestTermWinsAndNoTermIsIntroducedTwice() {
        let introduced = introducingTerms("셀프 어텐션은 어텐션의 한 가지다.\n어텐션은 다시 나온다.")
        #expect(introduced == "셀프 어텐션(self-attention)은 어텐션(attention)의 한 가지다.\n어텐션은 다시 나온다.")
    }

    @Test func aTermInsideALongerOneIsNotItsFirstUse() {
        let introduced = introducingTerms("망각 게이트가 닫힌다.\n다시 망각 게이트가 열린다.\n게이트 셋이 있다.")
        #expect(introduced == "망각 게이트(forget gate)가 닫힌다.\n다시 망각 게이트가 열린다.\n게이트(gate) 셋이 있다.")
    }

    @Test func aTermWithItsEnglishAlreadyIsLeftAlone() {
        #expect(introducingTerms("망각 게이트(forget gate)가 닫힌다.") == "망각 게이트(forget gate)가 닫힌다.")
        // A quotation is left as it was written: the English goes to the first use outside it.
        #expect(introducingTerms("시드는 “은닉 상태를 넘긴다”고 쓴다. 은닉 상태는 벡터다.") == "시드는 “은닉 상태를 넘긴다”고 쓴다. 은닉 상태(hidden state)는 벡터다.")
    }

    @Test func theEnglishGoesAfterTheEmphasisTheTermCloses() {
        // `**레이어 정규화(layer normalization)**는` would not close the bold in CommonMark.
        #expect(introducingTerms("**레이어 정규화**는 행마다 한다.") == "**레이어 정규화**(layer normalization)는 행마다 한다.")
        #expect(introducingTerms("*분산*(variance)은 평균에서 잰다.") == "*분산*(variance)은 평균(mean)에서 잰다.")
    }

    @Test func aOneSyllableTermIsAWholeWord() {
        // 키 (key) with a particle, not 키우다 or the end of 스키.
        #expect(introducingTerms("값을 키운다. 스키 키가 있다.") == "값을 키운다. 스키 키(key)가 있다.")
    }

    @Test func everyTermIsListedOnceWithItsEnglish() {
        let koreans = glossary.map(\.korean)
        #expect(Set(koreans).count == koreans.count, "a term is listed twice")
        for term in glossary {
            #expect(!term.english.isEmpty && !term.seeds.isEmpty, "\(term.korean)")
            #expect(term.korean.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }, "\(term.korean) is not Korean")
        }
    }
}
