// All system calls of the store live in this file (swift-system's habit).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `StorageSystem` over POSIX files: pread/write/fsync/ftruncate, flock for the writer lock,
/// rename for atomic replacement.
public final class POSIXStorage: StorageSystem {
    public init() {}

    public func open(_ path: String, writable: Bool) throws -> StorageFile {
        let fd = Glibc.open(path, (writable ? O_RDWR : O_RDONLY) | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            if code == ENOENT { throw StoreError.fileNotFound(path: path) }
            throw POSIXStorage.error(path, "open", code)
        }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            Glibc.close(fd)
            throw StoreError.io(path: path, operation: "open", errno: EISDIR, message: "is a directory")
        }
        return POSIXFile(path: path, fd: fd)
    }

    public func create(_ path: String) throws -> StorageFile {
        let fd = Glibc.open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 {
            let code = errno
            if code == EEXIST { throw StoreError.fileExists(path: path) }
            throw POSIXStorage.error(path, "create", code)
        }
        return POSIXFile(path: path, fd: fd)
    }

    public func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    public func lock(_ path: String, holder: String) throws -> StorageLock {
        let fd = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 { throw POSIXStorage.error(path, "open lock file", errno) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            // The holder writes its name just after taking the lock: give it a moment to appear.
            var buffer = [UInt8](repeating: 0, count: 512)
            var got = 0
            for attempt in 0..<20 {
                got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 512, 0) }
                if got > 0 || code != EWOULDBLOCK || attempt == 19 { break }
                usleep(1_000)
            }
            Glibc.close(fd)
            if code == EWOULDBLOCK {
                let text = got > 0 ? String(decoding: buffer[0..<got], as: UTF8.self) : "unknown process"
                throw StoreError.locked(path: path, holder: text.trimmingTrailingNewlines())
            }
            throw POSIXStorage.error(path, "flock", code)
        }
        _ = ftruncate(fd, 0)
        let line = Array((holder + "\n").utf8)
        _ = line.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        return POSIXLock(fd: fd)
    }

    public func replace(_ path: String, with write: (StorageFile) throws -> Void) throws {
        let temporary = path + ".tmp-\(getpid())"
        _ = unlink(temporary)
        let file = try create(temporary)
        do {
            try write(file)
            try file.sync()
            file.close()
        } catch {
            file.close()
            _ = unlink(temporary)
            throw error
        }
        if rename(temporary, path) != 0 {
            let code = errno
            _ = unlink(temporary)
            throw POSIXStorage.error(path, "rename", code)
        }
        POSIXStorage.syncDirectory(of: path)
    }

    public func remove(_ path: String) throws {
        if unlink(path) != 0 && errno != ENOENT { throw POSIXStorage.error(path, "unlink", errno) }
    }

    /// Makes a rename or create in `path`'s directory durable.
    static func syncDirectory(of path: String) {
        let directory: String
        if let slash = path.lastIndex(of: "/") {
            directory = slash == path.startIndex ? "/" : String(path[..<slash])
        } else {
            directory = "."
        }
        let fd = Glibc.open(directory, O_RDONLY | O_CLOEXEC)
        if fd >= 0 {
            _ = fsync(fd)
            Glibc.close(fd)
        }
    }

    static func error(_ path: String, _ operation: String, _ code: Int32) -> StoreError {
        .io(path: path, operation: operation, errno: code, message: message(code))
    }

    static func message(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }

    /// The current process id, for lock holder descriptions.
    public static var processID: Int32 { getpid() }

    /// This machine's host name.
    public static var hostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, 255) == 0 else { return "unknown host" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

final class POSIXFile: StorageFile {
    let path: String
    private var fd: Int32

    init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    deinit { close() }

    func size() throws -> UInt64 {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw POSIXStorage.error(path, "fstat", errno) }
        return UInt64(info.st_size)
    }

    func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var done = 0
        while done < buffer.count {
            let got = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
            if got < 0 {
                if errno == EINTR { continue }
                throw POSIXStorage.error(path, "read at byte offset \(offset + UInt64(done))", errno)
            }
            if got == 0 { break }
            done += got
        }
        return done
    }

    func append(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        let start = try size()
        while done < bytes.count {
            let wrote = pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(start) + off_t(done))
            if wrote < 0 {
                if errno == EINTR { continue }
                let code = errno
                throw StoreError.writeFailed(path: path, offset: start + UInt64(done), errno: code, message: POSIXStorage.message(code))
            }
            if wrote == 0 {
                throw StoreError.writeFailed(path: path, offset: start + UInt64(done), errno: ENOSPC, message: "no bytes written")
            }
            done += wrote
        }
    }

    func sync() throws {
        if fsync(fd) != 0 {
            let code = errno
            throw StoreError.syncFailed(path: path, errno: code, message: POSIXStorage.message(code))
        }
    }

    func truncate(to size: UInt64) throws {
        if ftruncate(fd, off_t(size)) != 0 { throw POSIXStorage.error(path, "truncate", errno) }
    }

    func close() {
        if fd >= 0 {
            Glibc.close(fd)
            fd = -1
        }
    }
}

final class POSIXLock: StorageLock {
    private var fd: Int32
    init(fd: Int32) { self.fd = fd }
    deinit { release() }
    func release() {
        if fd >= 0 {
            _ = flock(fd, LOCK_UN)
            Glibc.close(fd)
            fd = -1
        }
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.last == "\n" || text.last == "\r" { text.removeLast() }
        return text
    }
}
