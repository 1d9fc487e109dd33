#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Creating files that only the owner may read (keys, stored mail).
enum PrivateFile {
    /// Outcome of `createExclusive`.
    enum Outcome: Equatable {
        case created
        case alreadyExists
        case failed(errno: Int32)
    }

    /// Creates `path` with `O_EXCL` and the given mode (0600 by default; the mode is
    /// also set with `fchmod`, so the umask cannot widen or narrow it), writes `bytes`
    /// and fsyncs. On a write failure the partial file is removed.
    static func createExclusive(at path: String, bytes: [UInt8], mode: mode_t = 0o600) -> Outcome {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        if fd < 0 {
            return errno == EEXIST ? .alreadyExists : .failed(errno: errno)
        }
        var ok = fchmod(fd, mode) == 0
        var offset = 0
        while ok && offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return write(fd, base + offset, raw.count - offset)
            }
            if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else { ok = false }
        }
        ok = ok && fsync(fd) == 0
        let code = errno
        if close(fd) != 0 { ok = false }
        guard ok else {
            unlink(path)
            return .failed(errno: code)
        }
        return .created
    }

    /// Renames `from` to `to` (atomic on one file system); returns errno or 0.
    static func rename(_ from: String, _ to: String) -> Int32 {
        #if canImport(Glibc)
        return Glibc.rename(from, to) == 0 ? 0 : errno
        #else
        return Darwin.rename(from, to) == 0 ? 0 : errno
        #endif
    }

    /// `strerror` as a Swift string.
    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
