// A variance that overflows from finite input would divide every deviation by ∞ and print a finite,
// wrong output (PyTorch gives nan): refused with one line naming the variance, in every lesson
// that normalizes.

import Foundation
import Testing
@testable import JSONFormat
@testable import LessonCLI
@testable import LessonLibrary
@testable import TraceCore

@Suite struct OverflowTests {
    @Test func anOverflowingVarianceIsRefused() throws {
        let layerNorm = try lesson(["layer-norm", "--input", "-"], stdin: #"{"input": [[1e200, -1e200, 1e200, -1e200], [1, 2, 3, 4]]}"#)
        #expect(layerNorm.status == 65 && layerNorm.out.isEmpty && layerNorm.err.hasPrefix("error: <stdin>: var overflows at entry 1"), "\(layerNorm.err)")
        for row in ["[1, 9e307, 3]", "[1.7976931348623157e308, -1.7976931348623157e308, 5e-324]"] {
            let run = try lesson(["layer-norm", "--input", "-"], stdin: "{\"input\": [\(row), [2, 4, 6]]}")
            #expect(run.status == 65 && run.out.isEmpty && run.err.contains("var overflows at entry 1"), "\(run.err)")
        }
        // In a block, the feed-forward network's output overflows norm 2's variance (row 1 only).
        let example = try #require(TransformerBlock.examples.first).input
        guard case .object(var members) = example, let k = members.firstIndex(where: { $0.key == "linear1.weight" }),
              case .array(var rows) = members[k].value, case .array(var first) = rows[0] else { Issue.record("no linear1.weight"); return }
        first[0] = .number(1e300)
        rows[0] = .array(first)
        members[k] = JSONMember("linear1.weight", .array(rows))
        let block = try lesson(["transformer-block", "--input", "-"], stdin: JSON.object(members).rendered())
        #expect(block.status == 65 && block.out.isEmpty && block.err.contains("norm2.var overflows at entry 1"), "\(block.err)")
        // Large numbers whose squares stay finite are normalized as usual.
        let large = try lesson(["layer-norm", "--input", "-"], stdin: #"{"input": [[1e150, -1e150, 1e150, -1e150]]}"#)
        #expect(large.status == 0)
    }
}
