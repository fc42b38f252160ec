// Reading input files and writing outputs with POSIX calls, so every failure has the system's
// exact reason, and a write is all or nothing: a temporary file in the same folder, renamed
// over the target only once it is complete.

import TraceCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum Files {
    /// The largest input file read: far above any lesson's size limits, far below the memory.
    static let maxInputBytes = 64 * 1_048_576

    /// The whole content of `path`; a folder, a missing or unreadable file is exit 66.
    static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw LessonError(.noInput, "cannot read \(escaped(path)): \(reason())") }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw LessonError(.noInput, "cannot read \(escaped(path)): it is a directory, not a file")
        }
        if (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) > maxInputBytes {
            throw LessonError(.data, "\(escaped(path)): the file is \(Int(info.st_size) / 1_048_576) MiB, more than the limit of \(maxInputBytes / 1_048_576) MiB for an input")
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw LessonError(.noInput, "cannot read \(escaped(path)): \(reason())")
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: buffer[0..<n])
            // A pipe or device has no size to check first.
            if bytes.count > maxInputBytes {
                throw LessonError(.data, "\(escaped(path)): more than the limit of \(maxInputBytes / 1_048_576) MiB for an input")
            }
        }
    }

    /// Writes `text` to `path` completely or not at all; failures are exit 73.
    static func writeAtomically(_ text: String, to path: String) throws {
        func fail(_ why: String) -> LessonError { LessonError(.cantCreate, "cannot write \(escaped(path)): \(why)") }
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { throw fail("it is a directory") }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var temporary = ""
        var fd: Int32 = -1
        for attempt in 0..<100 {
            temporary = "\(folder).\(name).\(getpid()).\(attempt).tmp"
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw fail(reason()) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let why = reason()
                close(fd)
                unlink(temporary)
                throw fail(why)
            }
            written += n
        }
        guard close(fd) == 0, rename(temporary, path) == 0 else {
            let why = reason()
            unlink(temporary)
            throw fail(why)
        }
    }

    /// Creates a folder (and its parents) if it is not there.
    static func makeFolder(_ path: String) throws {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw LessonError(.cantCreate, "cannot write into \(escaped(path)): it is a file, not a folder")
            }
            return
        }
        if let slash = path.dropLast().lastIndex(of: "/"), slash != path.startIndex {
            try makeFolder(String(path[..<slash]))
        }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw LessonError(.cantCreate, "cannot create the folder \(escaped(path)): \(reason())")
        }
    }

    /// The names in a folder, sorted; empty when it cannot be read.
    static func list(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Whether a regular file exists at `path`, and its bytes.
    static func contents(_ path: String) -> [UInt8]? { try? read(path) }

    private static func reason() -> String { String(cString: strerror(errno)).lowercased() }
}

// `Files.read` shadows the system's read inside the enum; out here the name is the system call's,
// from Glibc or Darwin, whichever was imported above.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
