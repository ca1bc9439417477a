// Salvage; see Graph/FORMAT.md §7.

/// What salvage kept and dropped.
public struct SalvageReport: Sendable, Equatable {
    public var transactionsKept: Int
    public var bytesKept: UInt64
    public var bytesDropped: UInt64
    /// Where the damage was, if any (salvage of a healthy file copies its committed prefix).
    public var damageOffset: UInt64?
}

/// Copies every transaction committed before the first damage into a new graph file. Never
/// modifies the original; refuses to overwrite an existing output.
public enum LogSalvager {
    public static func salvage(from path: String, to output: String, storage: StorageSystem = POSIXStorage()) throws -> SalvageReport {
        let report = try LogVerifier.verify(path: path, storage: storage)
        let keepEnd = report.damage?.intactEnd ?? report.committedEnd
        let kept = report.damage?.intactTransactions ?? report.transactions
        let source = try storage.open(path, writable: false)
        defer { source.close() }
        let target = try storage.create(output)
        defer { target.close() }
        do {
            // A fresh header (the original's may be the damage), then the intact records as they are:
            // offsets stay the same, so commit records stay valid.
            try target.append(Frame.header(major: report.formatVersion.0 == 0 ? FileFormat.majorVersion : report.formatVersion.0,
                                           minor: report.formatVersion.1))
            var offset = UInt64(FileFormat.headerSize)
            while offset < keepEnd {
                let count = Int(min(UInt64(4 << 20), keepEnd - offset))
                let bytes = try source.read(at: offset, count: count)
                guard bytes.count == count else {
                    throw StoreError.corruptRecord(path: path, offset: offset, record: -1, reason: "file shrank during salvage")
                }
                try target.append(bytes)
                offset += UInt64(count)
            }
            try target.sync()
        } catch {
            target.close()
            try? storage.remove(output)
            throw error
        }
        return SalvageReport(transactionsKept: kept, bytesKept: max(keepEnd, UInt64(FileFormat.headerSize)),
                             bytesDropped: report.fileSize - max(keepEnd, UInt64(FileFormat.headerSize)),
                             damageOffset: report.damage?.offset)
    }
}
