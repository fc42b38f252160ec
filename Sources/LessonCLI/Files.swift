// Reading inputs and writing outputs with POSIX calls, so every failure has the system's exact
// reason and none is a trap. Outputs are all or nothing: every file of a run (a note and its
// figures) is written to a temporary file beside its target first, and only when all are complete
// are they renamed over their targets. A device or a pipe (`/dev/null`, a FIFO, `/dev/stdout`) is
// written through instead of replaced, and a link is followed to the file it names.

import TraceCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum Files {
    /// The largest input read, from a file or standard input: about 1.2 million numbers as PyTorch's
    /// float64 `tolist()` writes them, and no more than a run within 2 s can read (.ci/bench).
    static let maxInputBytes = 24 * 1_048_576

    /// The longest file name most file systems take (NAME_MAX), in bytes.
    static let maxNameBytes = 255

    // MARK: Reading

    /// The whole content of `path`; a folder, a missing or unreadable file is exit 66.
    static func read(_ path: String) throws -> [UInt8] {
        if descriptor(named: path) == 0 && StandardStreams.inputWasClosed {
            throw LessonError(.noInput, "cannot read \(escaped(path)): standard input is closed")
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw LessonError(.noInput, "cannot read \(escaped(path)): \(reason())") }
        defer { close(fd) }
        return try readAll(fd, named: escaped(path))
    }

    /// All of standard input, with the same limit as a file.
    static func readStandardInput() throws -> [UInt8] {
        if StandardStreams.inputWasClosed { throw LessonError(.noInput, "cannot read standard input: it is closed") }
        return try readAll(0, named: "standard input")
    }

    private static func readAll(_ fd: Int32, named name: String) throws -> [UInt8] {
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw LessonError(.noInput, "cannot read \(name): it is a directory, not a file")
        }
        if (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) > maxInputBytes {
            throw LessonError(.data, "\(name): the file is \(Int(info.st_size) / 1_048_576) MiB, more than the limit of \(maxInputBytes / 1_048_576) MiB for an input")
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw LessonError(.noInput, "cannot read \(name): \(reason())")
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: buffer[0..<n])
            // A pipe or device has no size to check first.
            if bytes.count > maxInputBytes {
                throw LessonError(.data, "\(name): more than the limit of \(maxInputBytes / 1_048_576) MiB for an input")
            }
        }
    }

    // MARK: Writing

    /// Writes every file of `files` completely, or none of them; failures are exit 73. The first
    /// file (a note) is checked first and put in place last, after the others (its figures).
    static func write(_ files: [(path: String, text: String)]) throws {
        let targets = try files.map { try Target($0.path) }
        // Every temporary file first; any failure removes those already made.
        var temporaries: [(from: String, to: String, ours: Bool)] = []
        do {
            for (file, target) in zip(files, targets) {
                guard case .replace(let resolved, let existing) = target.kind else { continue }
                let made = try temporary(file.text, beside: resolved, keeping: existing, shown: file.path)
                // A replaced file can be taken back only from a link this run may remove again: not
                // from another user's file in a sticky folder such as /tmp.
                let ours = existing.map { $0.st_uid == geteuid() || geteuid() == 0 } ?? false
                temporaries.append((made, resolved, ours))
            }
        } catch {
            for made in temporaries { unlink(made.from) }
            throw error
        }
        try moveIntoPlace(temporaries.reversed())
        // Devices and pipes last: they cannot be taken back.
        for (file, target) in zip(files, targets) {
            switch target.kind {
            case .replace: continue
            case .writeThrough:
                let fd = open(file.path, O_WRONLY | O_TRUNC)
                guard fd >= 0 else { throw LessonError(.cantCreate, "cannot write \(escaped(file.path)): \(reason())") }
                defer { close(fd) }
                try writeAll(file.text, to: fd, failing: "cannot write \(escaped(file.path))")
            case .descriptor(let fd):
                try writeAll(file.text, to: fd, failing: "cannot write \(escaped(file.path))")
            }
        }
    }

    /// Renames each temporary file over its target. If one rename fails, those already done are
    /// undone (a replaced file comes back from a hard link kept for the purpose, a new one is
    /// removed), so that a note never stands beside figures of another run. `ours` says that a
    /// target is an existing file of ours, to keep such a link of.
    static func moveIntoPlace(_ moves: [(from: String, to: String, ours: Bool)]) throws {
        var done: [(target: String, backup: String?)] = []
        for (i, move) in moves.enumerated() {
            var backup: String?
            // The last move needs none: nothing after it can fail.
            if move.ours && i < moves.count - 1 {
                let name = String(move.from.dropLast(".tmp".count)) + ".old"
                if link(move.to, name) == 0 { backup = name }
            }
            guard rename(move.from, move.to) == 0 else {
                let why = reason()
                if let backup { unlink(backup) }
                for left in moves[i...] { unlink(left.from) }
                for undo in done.reversed() {
                    if let old = undo.backup { rename(old, undo.target) } else { unlink(undo.target) }
                }
                throw LessonError(.cantCreate, "cannot write \(escaped(move.to)): \(why)")
            }
            done.append((move.to, backup))
        }
        for old in done.compactMap(\.backup) { unlink(old) }
    }

    /// The file descriptor a path names by number: 1 for /dev/stdout, 5 for /dev/fd/5 or
    /// /proc/self/fd/5, also through links to them; nil for any other path.
    static func descriptor(named path: String) -> Int32? {
        for hop in linkChain(from: path).hops {
            switch hop {
            case "/dev/stdin": return 0
            case "/dev/stdout": return 1
            case "/dev/stderr": return 2
            default:
                for prefix in ["/dev/fd/", "/proc/self/fd/"] where hop.hasPrefix(prefix) {
                    if let n = Int32(hop.dropFirst(prefix.count)) { return n }
                }
            }
        }
        return nil
    }

    /// Whether `path` is written through rather than replaced (a device, a pipe, a descriptor):
    /// nothing can go beside it.
    static func isStream(_ path: String) -> Bool {
        if descriptor(named: path) != nil { return true }
        if case .writeThrough? = (try? Target(path))?.kind { return true }
        return false
    }

    /// Writes `text` to standard output; a closed, full or broken stream is exit 73.
    static func writeStandardOutput(_ text: String) throws {
        if StandardStreams.outputWasClosed { throw LessonError(.cantCreate, "cannot write to standard output: it is closed") }
        try writeAll(text, to: 1, failing: "cannot write to standard output")
    }

    /// Where one output goes.
    private struct Target {
        enum Kind {
            /// A regular file, or none yet: a temporary file renamed over `path`, the link
            /// followed, an existing file's permissions kept.
            case replace(path: String, existing: stat?)
            /// A character device, a FIFO or a socket: written to in place.
            case writeThrough
            /// An open file descriptor named by a path (/dev/stdout): written to as it is, at
            /// its offset (a `>>` redirection appends), never replaced.
            case descriptor(Int32)
        }
        let kind: Kind

        init(_ path: String) throws {
            func fail(_ why: String) -> LessonError { LessonError(.cantCreate, "cannot write \(escaped(path)): \(why)") }
            if let fd = Files.descriptor(named: path) {
                let closed = (fd == 1 && StandardStreams.outputWasClosed) || (fd == 2 && StandardStreams.errorWasClosed)
                    || fd == 0 || fcntl(fd, F_GETFD) == -1
                if closed { throw fail(fd == 0 ? "it is standard input" : "the file descriptor \(fd) is not open for writing") }
                kind = .descriptor(fd)
                return
            }
            var info = stat()
            if stat(path, &info) == 0 {
                switch info.st_mode & S_IFMT {
                case S_IFDIR: throw fail("it is a directory")
                case S_IFREG: kind = .replace(path: try Files.resolved(path), existing: info)
                default: kind = .writeThrough
                }
                return
            }
            guard errno == ENOENT else { throw fail(reason()) }
            // Nothing there, or a link to a file not made yet: the link is kept and its file made.
            kind = .replace(path: try Files.resolved(path), existing: nil)
        }
    }

    /// `path` with its links followed (up to 40, as the system does), so a rename replaces the
    /// file a link names rather than the link.
    static func resolved(_ path: String) throws -> String {
        let chain = linkChain(from: path)
        guard chain.ends, let last = chain.hops.last else {
            throw LessonError(.cantCreate, "cannot write \(escaped(path)): too many levels of symbolic links")
        }
        return last
    }

    /// `path` and every path its links lead to, in turn; `ends` is false for a loop (more than 40).
    private static func linkChain(from path: String) -> (hops: [String], ends: Bool) {
        var hops = [path]
        while hops.count <= 40 {
            let current = hops[hops.count - 1]
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK, let target = linkTarget(current) else {
                return (hops, true)
            }
            hops.append(target.hasPrefix("/") ? target : folder(of: current) + target)
        }
        return (hops, false)
    }

    /// What the link at `path` points to, as written in it.
    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4097)
        let n = readlink(path, &buffer, 4096)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// "notes/" for "notes/gru.md", "" for "gru.md".
    private static func folder(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
    }

    /// The temporary files this process has named so far. Only the command line's one thread
    /// writes files.
    nonisolated(unsafe) private static var temporaries = 0

    /// A complete temporary copy of `text` in the folder of `path`, with the permissions (and,
    /// where allowed, the owner) of the file it will replace; its path.
    private static func temporary(_ text: String, beside path: String, keeping existing: stat?, shown: String) throws -> String {
        func fail(_ why: String) -> LessonError { LessonError(.cantCreate, "cannot write \(escaped(shown)): \(why)") }
        var name = ""
        var fd: Int32 = -1
        // A short name, so that a target name of 255 bytes still leaves room for it; numbered on
        // across the files of one run (a note of a deep stack has more than a hundred figures).
        for _ in 0..<100 {
            temporaries += 1
            name = "\(folder(of: path)).lesson-\(getpid())-\(temporaries).tmp"
            fd = open(name, O_WRONLY | O_CREAT | O_EXCL, 0o666)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw fail(reason()) }
        do {
            if let existing {
                _ = fchown(fd, existing.st_uid, existing.st_gid)
                guard fchmod(fd, existing.st_mode & 0o7777) == 0 else { throw fail(reason()) }
            }
            try writeAll(text, to: fd, failing: "cannot write \(escaped(shown))")
            guard close(fd) == 0 else { fd = -1; throw fail(reason()) }
        } catch {
            if fd >= 0 { close(fd) }
            unlink(name)
            throw error
        }
        return name
    }

    /// Every byte of `text` to `fd`, retrying short writes; exit 73 with the system's reason.
    private static func writeAll(_ text: String, to fd: Int32, failing message: String) throws {
        // A native string's bytes as they are, without a copy of a large trace.
        let done = try text.utf8.withContiguousStorageIfAvailable { try writeAll(UnsafeRawBufferPointer($0), to: fd, failing: message) }
        if done == nil { try Array(text.utf8).withUnsafeBytes { try writeAll($0, to: fd, failing: message) } }
    }

    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32, failing message: String) throws {
        var written = 0
        while written < bytes.count {
            let n = systemWrite(fd, UnsafeMutableRawPointer(mutating: bytes.baseAddress! + written), bytes.count - written)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                throw LessonError(.cantCreate, "\(message): \(n < 0 ? reason() : "nothing was written")")
            }
            written += n
        }
    }

    // MARK: Folders

    /// Creates a folder (and its parents) if it is not there; the folders it made, outermost first,
    /// so that a run that fails later can take them away again.
    @discardableResult
    static func makeFolder(_ path: String) throws -> [String] {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw LessonError(.cantCreate, "cannot write into \(escaped(path)): it is a file, not a folder")
            }
            return []
        }
        var made: [String] = []
        if let slash = path.dropLast().lastIndex(of: "/"), slash != path.startIndex {
            made = try makeFolder(String(path[..<slash]))
        }
        guard mkdir(path, 0o777) == 0 || errno == EEXIST else {
            let why = reason()
            removeFolders(made)
            throw LessonError(.cantCreate, "cannot create the folder \(escaped(path)): \(why)")
        }
        return made + [path]
    }

    /// Removes folders made by `makeFolder`, innermost first, if they are still empty.
    static func removeFolders(_ folders: [String]) {
        for folder in folders.reversed() { rmdir(folder) }
    }

    /// The names in a folder, sorted; empty when it cannot be read.
    static func list(_ path: String) -> [String] { (try? listing(path)) ?? [] }

    /// The names in a folder, sorted; a folder that cannot be read is exit 66. A name that is not
    /// UTF-8 is skipped, or with `refusingNonUTF8` an error (65) that shows it repaired.
    static func listing(_ path: String, refusingNonUTF8: Bool = false) throws -> [String] {
        guard let dir = opendir(path) else { throw LessonError(.noInput, "cannot read the folder \(escaped(path)): \(reason())") }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = try withUnsafePointer(to: entry.pointee.d_name) { pointer -> String? in
                let bytes = UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)
                if let name = String(validatingCString: bytes) { return name }
                guard refusingNonUTF8 else { return nil }
                throw LessonError(.data, "\(escaped(path))/\(escaped(String(cString: bytes))): the file's name is not valid UTF-8; rename it")
            }
            if let name, name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// What is at a path, its links followed.
    enum Kind { case file, folder, other, nothing }

    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .nothing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    /// Whether `path` itself is a symbolic link.
    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// The first `count` bytes of the regular file at `path` (fewer if it is shorter); nil when
    /// there is none or it cannot be read. A pipe or device is never opened, so this cannot block.
    static func firstBytes(_ path: String, count: Int) -> [UInt8]? {
        guard kind(path) == .file else { return nil }
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = buffer[filled...].withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            filled += n
        }
        return Array(buffer[0..<filled])
    }

    /// The bytes of the regular file at `path`; nil when there is none or it is a pipe or device
    /// (which a notes folder never holds, and which reading could block on).
    static func fileContents(_ path: String) -> [UInt8]? { kind(path) == .file ? contents(path) : nil }

    /// Whether a regular file exists at `path`, and its bytes.
    static func contents(_ path: String) -> [UInt8]? { try? read(path) }

    fileprivate static func reason() -> String { String(cString: strerror(errno)).lowercased() }
}

/// The standard streams as the program found them. A stream that was closed is opened on
/// /dev/null, so that no file the program opens later takes its number (a note written into
/// descriptor 1 would otherwise also receive what is meant for standard output); reading or
/// writing it is then an error, not silence.
enum StandardStreams {
    nonisolated(unsafe) static var inputWasClosed = false
    nonisolated(unsafe) static var outputWasClosed = false
    nonisolated(unsafe) static var errorWasClosed = false

    /// Call once, first thing.
    static func claim() {
        func closed(_ fd: Int32) -> Bool { fcntl(fd, F_GETFD) == -1 && errno == EBADF }
        inputWasClosed = closed(0)
        outputWasClosed = closed(1)
        errorWasClosed = closed(2)
        for (fd, wasClosed) in [(Int32(0), inputWasClosed), (1, outputWasClosed), (2, errorWasClosed)] where wasClosed {
            let opened = open("/dev/null", O_RDWR)
            if opened >= 0 && opened != fd { close(opened) }
        }
    }

    /// Writes to standard error; a failure there has nowhere to be reported, so it is dropped.
    static func writeError(_ text: String) {
        var bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeMutableBytes { systemWrite(2, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            written += n
        }
    }
}

// `Files.read` and `Files.write` shadow the system's calls inside the enum; out here the names are
// the system calls', from Glibc or Darwin, whichever was imported above.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}
