// Reading an input's bytes within the documented size limit from a source that has no size to
// check first (standard input, a pipe): refused as soon as it is over, without reading the rest.

import Foundation
import TraceCore

/// The largest input read, a file or standard input (README "Limits").
public let maxInputBytes = 64 * 1_048_576

/// Every byte `nextChunk` gives until it gives an empty chunk; more than `limit` bytes is an input
/// error naming `name` (exit 65), thrown once the limit is passed, so memory stays within it.
public func readInput(_ name: String, limit: Int = maxInputBytes, nextChunk: () throws -> [UInt8]) throws -> [UInt8] {
    var bytes: [UInt8] = []
    while true {
        let chunk = try nextChunk()
        if chunk.isEmpty { return bytes }
        guard chunk.count <= limit - bytes.count else {
            throw LessonError.data(name, "more than the limit of \(limit / 1_048_576) MiB for an input")
        }
        bytes += chunk
    }
}

/// Standard input, whole, within `maxInputBytes` (named "<stdin>"); a failed read is exit 66.
public func readStandardInput() throws -> [UInt8] {
    try readInput("<stdin>") {
        do {
            return [UInt8](try FileHandle.standardInput.read(upToCount: 1 << 16) ?? Data())
        } catch {
            throw LessonError(.noInput, "cannot read <stdin>: \(escaped(error.localizedDescription))")
        }
    }
}
