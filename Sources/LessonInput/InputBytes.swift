// Reading an input's bytes within the documented size limit from a source that has no size to
// check first (standard input, a pipe): refused as soon as it is over, without reading the rest.

import TraceCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    return try readInput("<stdin>") {
        while true {
            let count = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count >= 0 { return Array(buffer[0..<count]) }
            if errno != EINTR {
                throw LessonError(.noInput, "cannot read <stdin>: \(String(cString: strerror(errno)).lowercased())")
            }
        }
    }
}
