import KGStore

/// A `StorageSystem` that passes everything to another one but can be told to fail: fsync errors,
/// short writes followed by ENOSPC, refused opens for writing (a read-only file).
public final class FaultyStorage: StorageSystem {
    public let base: StorageSystem
    /// When set, `sync()` on any file throws this errno.
    public var syncErrno: Int32?
    /// When set, appends fail once this many more bytes have been written (a short write, then ENOSPC).
    public var bytesUntilDiskFull: Int?
    /// When true, opening for writing fails with EROFS/EACCES.
    public var readOnlyFiles = false
    /// Faults injected so far.
    public private(set) var injected = 0

    public init(base: StorageSystem) { self.base = base }

    public func open(_ path: String, writable: Bool) throws -> StorageFile {
        if writable && readOnlyFiles {
            injected += 1
            throw StoreError.io(path: path, operation: "open", errno: 13, message: "Permission denied")
        }
        return FaultyFile(try base.open(path, writable: writable), owner: self)
    }
    public func create(_ path: String) throws -> StorageFile { FaultyFile(try base.create(path), owner: self) }
    public func exists(_ path: String) -> Bool { base.exists(path) }
    public func lock(_ path: String, holder: String) throws -> StorageLock { try base.lock(path, holder: holder) }
    public func replace(_ path: String, with write: (StorageFile) throws -> Void) throws {
        try base.replace(path) { try write(FaultyFile($0, owner: self)) }
    }
    public func remove(_ path: String) throws { try base.remove(path) }

    final class FaultyFile: StorageFile {
        let inner: StorageFile
        unowned let owner: FaultyStorage
        init(_ inner: StorageFile, owner: FaultyStorage) {
            self.inner = inner
            self.owner = owner
        }
        var path: String { inner.path }
        func size() throws -> UInt64 { try inner.size() }
        func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            try inner.read(at: offset, into: buffer)
        }
        func append(_ bytes: UnsafeRawBufferPointer) throws {
            if let budget = owner.bytesUntilDiskFull {
                if bytes.count > budget {
                    owner.injected += 1
                    let offset = try inner.size()
                    if budget > 0 { try inner.append(UnsafeRawBufferPointer(rebasing: bytes[0..<budget])) }
                    owner.bytesUntilDiskFull = 0
                    throw StoreError.writeFailed(path: path, offset: offset + UInt64(budget), errno: 28, message: "No space left on device")
                }
                owner.bytesUntilDiskFull = budget - bytes.count
            }
            try inner.append(bytes)
        }
        func sync() throws {
            if let code = owner.syncErrno {
                owner.injected += 1
                throw StoreError.syncFailed(path: path, errno: code, message: "Input/output error")
            }
            try inner.sync()
        }
        func truncate(to size: UInt64) throws { try inner.truncate(to: size) }
        func close() { inner.close() }
    }
}
