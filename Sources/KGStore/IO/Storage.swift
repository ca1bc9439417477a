/// The file operations the store needs, behind protocols so tests can run the store on an
/// in-memory backend (`MemoryStorage`) or inject faults, and production uses `POSIXStorage`.
public protocol StorageSystem: AnyObject {
    /// Opens an existing file for reading, or for reading and appending.
    func open(_ path: String, writable: Bool) throws -> StorageFile
    /// Creates a new, empty file; fails with `StoreError.fileExists` when the path exists.
    func create(_ path: String) throws -> StorageFile
    /// Whether something exists at `path`.
    func exists(_ path: String) -> Bool
    /// Takes the exclusive writer lock at `path` without waiting; `StoreError.locked` names the holder.
    func lock(_ path: String, holder: String) throws -> StorageLock
    /// Writes a whole file under a temporary name, syncs it, and renames it over `path`.
    func replace(_ path: String, with write: (StorageFile) throws -> Void) throws
    /// Removes the file at `path` if it exists.
    func remove(_ path: String) throws
}

/// An open file. Offsets are bytes from the start of the file.
public protocol StorageFile: AnyObject {
    var path: String { get }
    /// Current size in bytes.
    func size() throws -> UInt64
    /// Reads up to `buffer.count` bytes at `offset`; returns how many were read (fewer only at the end).
    func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) throws -> Int
    /// Appends `bytes` at the end of the file (all of them, or throws `StoreError.writeFailed`).
    func append(_ bytes: UnsafeRawBufferPointer) throws
    /// Makes everything written so far durable; throws `StoreError.syncFailed`.
    func sync() throws
    /// Cuts the file to `size` bytes.
    func truncate(to size: UInt64) throws
    /// Releases the file.
    func close()
}

/// A held writer lock; released by `release()` or when the process ends.
public protocol StorageLock: AnyObject {
    func release()
}

extension StorageFile {
    /// Reads up to `count` bytes at `offset`.
    public func read(at offset: UInt64, count: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        let got = try bytes.withUnsafeMutableBytes { try read(at: offset, into: $0) }
        if got < count { bytes.removeLast(count - got) }
        return bytes
    }

    /// Appends `bytes`.
    public func append(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try append($0) }
    }
}
