/// `StorageSystem` held entirely in memory, for tests: files are byte arrays, locks a set of paths.
/// Several opens of one path share the bytes, as several file descriptors of one file do.
public final class MemoryStorage: StorageSystem {
    final class Contents {
        var bytes: [UInt8] = []
    }

    private var files: [String: Contents] = [:]
    private var locks: [String: String] = [:]

    public init() {}

    /// The bytes of the file at `path` (tests inspect and damage them).
    public subscript(path: String) -> [UInt8]? {
        get { files[path]?.bytes }
        set {
            if let newValue {
                let contents = files[path] ?? Contents()
                contents.bytes = newValue
                files[path] = contents
            } else {
                files.removeValue(forKey: path)
            }
        }
    }

    public func open(_ path: String, writable: Bool) throws -> StorageFile {
        guard let contents = files[path] else { throw StoreError.fileNotFound(path: path) }
        return MemoryFile(path: path, contents: contents)
    }

    public func create(_ path: String) throws -> StorageFile {
        guard files[path] == nil else { throw StoreError.fileExists(path: path) }
        let contents = Contents()
        files[path] = contents
        return MemoryFile(path: path, contents: contents)
    }

    public func exists(_ path: String) -> Bool { files[path] != nil }

    public func lock(_ path: String, holder: String) throws -> StorageLock {
        if let current = locks[path] { throw StoreError.locked(path: path, holder: current) }
        locks[path] = holder
        return MemoryLock { [weak self] in self?.locks.removeValue(forKey: path) }
    }

    public func replace(_ path: String, with write: (StorageFile) throws -> Void) throws {
        let contents = Contents()
        try write(MemoryFile(path: path + ".tmp", contents: contents))
        files[path] = contents
    }

    public func remove(_ path: String) throws { files.removeValue(forKey: path) }
}

final class MemoryFile: StorageFile {
    let path: String
    let contents: MemoryStorage.Contents

    init(path: String, contents: MemoryStorage.Contents) {
        self.path = path
        self.contents = contents
    }

    func size() throws -> UInt64 { UInt64(contents.bytes.count) }

    func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard offset < UInt64(contents.bytes.count) else { return 0 }
        let start = Int(offset)
        let count = min(buffer.count, contents.bytes.count - start)
        contents.bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + start, byteCount: count)
        }
        return count
    }

    func append(_ bytes: UnsafeRawBufferPointer) throws { contents.bytes.append(contentsOf: bytes) }
    func sync() throws {}
    func truncate(to size: UInt64) throws {
        if Int(size) < contents.bytes.count { contents.bytes.removeLast(contents.bytes.count - Int(size)) }
    }
    func close() {}
}

final class MemoryLock: StorageLock {
    private var onRelease: (() -> Void)?
    init(_ onRelease: @escaping () -> Void) { self.onRelease = onRelease }
    deinit { release() }
    func release() {
        onRelease?()
        onRelease = nil
    }
}
