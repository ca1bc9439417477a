// The snapshot file beside the log; see Graph/FORMAT.md §6.
import KGModel

/// Which committed log prefix a snapshot describes.
public struct SnapshotCoverage: Sendable, Equatable {
    /// The log length the snapshot covers (just past a commit frame).
    public var logLength: UInt64
    /// The sequence number of that commit.
    public var lastSequence: UInt64
    /// Offset and stored checksum of that commit frame: how a reader recognises the same log.
    public var lastCommitOffset: UInt64
    public var lastCommitChecksum: UInt32
    /// Records in the covered prefix (to number records after it).
    public var recordCount: UInt64
}

/// Writes and reads snapshots: a derived, rebuildable copy of a graph's arrays as of a commit, so
/// opening a large graph reads flat arrays instead of replaying the whole log. Every section has
/// its own CRC-32C; any mismatch, or a log that no longer holds the covered commit, makes the
/// reader refuse the snapshot (the store then replays the log, which stays the truth).
public enum SnapshotFile {
    enum Section: UInt32, CaseIterable {
        case idArena = 1, idOffsets, idSlots, names, labelBits, labelMore, nodeRefsFirst, nodeRefsMore,
             liveDegree, outOffsets, outTargets, outTypes, inOffsets, inSources, inEdges, inTypes,
             edgeRefsFirst, edgeRefsMore, transactions
    }

    static let fixedHeader = 8 + 2 + 2 + 4 + 8 + 8 + 8 + 4 + 8 + 4
    static let sectionEntry = 32

    /// Writes a snapshot of `parts` covering `coverage` to `path` (atomically, via a temporary file).
    public static func write(_ parts: GraphParts, coverage: SnapshotCoverage, to path: String, storage: StorageSystem) throws {
        var sections: [(Section, Int, [UInt8])] = []   // small sections encoded here; arrays written raw below
        var names = ByteWriter()
        names.varint(parts.labelNames.count)
        for name in parts.labelNames { names.string(name) }
        names.varint(parts.typeNames.count)
        for name in parts.typeNames { names.string(name) }
        sections.append((.names, 1, names.bytes))
        var labelMore = ByteWriter()
        labelMore.varint(parts.labelMore.count)
        for (node, labels) in parts.labelMore.sorted(by: { $0.key < $1.key }) {
            labelMore.varint(UInt64(node))
            labelMore.varint(labels.count)
            for label in labels { labelMore.varint(UInt64(label)) }
        }
        sections.append((.labelMore, 1, labelMore.bytes))
        sections.append((.nodeRefsMore, 1, encodeMore(parts.nodeRefs.more)))
        sections.append((.edgeRefsMore, 1, encodeMore(parts.edgeRefs.more)))
        var transactions = ByteWriter()
        transactions.varint(parts.transactions.count)
        for t in parts.transactions {
            transactions.varint(t.sequence)
            transactions.signedVarint(t.timeMillis)
            transactions.string(t.source)
            transactions.string(t.sourceHash)
            transactions.varint(t.firstRef)
            transactions.varint(t.endRef)
            transactions.varint(t.nodeFacts)
            transactions.varint(t.edgeFacts)
            transactions.varint(t.retractions)
            transactions.varint(t.supersededBy)
        }
        sections.append((.transactions, 1, transactions.bytes))

        // Raw array sections: (section, element size, bytes provider).
        let a = parts.adjacency
        let arrays: [(Section, Int, (inout [UInt8]) -> Void)] = [
            (.idArena, 1, { $0.append(contentsOf: parts.ids.arena) }),
            (.idOffsets, 8, { appendRaw(parts.ids.offsets, to: &$0) }),
            (.idSlots, 4, { appendRaw(parts.ids.slots, to: &$0) }),
            (.labelBits, 8, { appendRaw(parts.labelBits, to: &$0) }),
            (.nodeRefsFirst, 8, { appendRaw(parts.nodeRefs.first, to: &$0) }),
            (.liveDegree, 4, { appendRaw(parts.liveDegree, to: &$0) }),
            (.outOffsets, 4, { appendRaw(a.outOffsets, to: &$0) }),
            (.outTargets, 4, { appendRaw(a.outTargets, to: &$0) }),
            (.outTypes, 2, { appendRaw(a.outTypes, to: &$0) }),
            (.inOffsets, 4, { appendRaw(a.inOffsets, to: &$0) }),
            (.inSources, 4, { appendRaw(a.inSources, to: &$0) }),
            (.inEdges, 4, { appendRaw(a.inEdges, to: &$0) }),
            (.inTypes, 2, { appendRaw(a.inTypes, to: &$0) }),
            (.edgeRefsFirst, 8, { appendRaw(parts.edgeRefs.first, to: &$0) }),
        ]
        var bodies: [(Section, Int, [UInt8])] = sections
        for (section, size, fill) in arrays {
            var bytes: [UInt8] = []
            fill(&bytes)
            bodies.append((section, size, bytes))
        }
        bodies.sort { $0.0.rawValue < $1.0.rawValue }

        var header = ByteWriter()
        header.raw(FileFormat.snapshotMagic)
        header.u16(FileFormat.majorVersion)
        header.u16(FileFormat.minorVersion)
        header.u32(isLittleEndianHost ? 0 : 1)
        header.u64(coverage.logLength)
        header.u64(coverage.lastSequence)
        header.u64(coverage.lastCommitOffset)
        header.u32(coverage.lastCommitChecksum)
        header.u64(coverage.recordCount)
        header.u32(UInt32(bodies.count))
        var offset = UInt64(fixedHeader + bodies.count * sectionEntry + 4)
        offset = (offset + 7) & ~7
        var placed: [UInt64] = []
        for (section, size, bytes) in bodies {
            header.u32(section.rawValue)
            header.u32(UInt32(size))
            header.u64(offset)
            header.u64(UInt64(bytes.count))
            header.u32(CRC32C.mask(CRC32C.checksum(bytes)))
            header.u32(0)
            placed.append(offset)
            offset = (offset + UInt64(bytes.count) + 7) & ~7
        }
        header.u32(CRC32C.mask(CRC32C.checksum(header.bytes)))
        try storage.replace(path) { file in
            var written = UInt64(0)
            func pad(to target: UInt64) throws {
                if target > written {
                    try file.append([UInt8](repeating: 0, count: Int(target - written)))
                    written = target
                }
            }
            try file.append(header.bytes)
            written = UInt64(header.bytes.count)
            for (index, body) in bodies.enumerated() {
                try pad(to: placed[index])
                try file.append(body.2)
                written += UInt64(body.2.count)
            }
        }
    }

    /// Reads the snapshot at `path`; throws `StoreError.badSnapshot` saying why it cannot be used.
    public static func read(_ path: String, storage: StorageSystem) throws -> (GraphParts, SnapshotCoverage) {
        let file = try storage.open(path, writable: false)
        defer { file.close() }
        func bad(_ reason: String) -> StoreError { .badSnapshot(path: path, reason: reason) }
        let size = try file.size()
        let head = try file.read(at: 0, count: fixedHeader)
        guard head.count == fixedHeader, Array(head[0..<8]) == FileFormat.snapshotMagic else { throw bad("not a snapshot file") }
        var reader = head.withUnsafeBytes { ByteReader($0) }
        _ = try? reader.raw(8)
        let fields: (UInt16, UInt32, SnapshotCoverage, Int)
        do {
            let major = try reader.u16()
            _ = try reader.u16()
            let flags = try reader.u32()
            let coverage = SnapshotCoverage(
                logLength: try reader.u64(), lastSequence: try reader.u64(), lastCommitOffset: try reader.u64(),
                lastCommitChecksum: try reader.u32(), recordCount: try reader.u64())
            let count = Int(try reader.u32())
            fields = (major, flags, coverage, count)
        } catch { throw bad("header: \(error)") }
        let (major, flags, coverage, sectionCount) = fields
        guard major <= FileFormat.majorVersion else { throw bad("written by a newer format version \(major)") }
        guard flags == 0, isLittleEndianHost else { throw bad("written on a machine of another byte order") }
        guard sectionCount <= 64 else { throw bad("\(sectionCount) sections is not plausible") }
        let tableBytes = try file.read(at: UInt64(fixedHeader), count: sectionCount * sectionEntry + 4)
        guard tableBytes.count == sectionCount * sectionEntry + 4 else { throw bad("section table cut short") }
        let stored = tableBytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: sectionCount * sectionEntry, as: UInt32.self).littleEndian }
        guard CRC32C.mask(CRC32C.checksum(head + tableBytes.dropLast(4))) == stored else { throw bad("header checksum mismatch") }

        var table: [Section: (size: Int, offset: UInt64, length: UInt64, crc: UInt32)] = [:]
        var dataEnd = UInt64(fixedHeader + tableBytes.count)
        try tableBytes.withUnsafeBytes { raw in
            var r = ByteReader(raw)
            for _ in 0..<sectionCount {
                let id = try r.u32(), elementSize = Int(try r.u32()), offset = try r.u64(), length = try r.u64(), crc = try r.u32()
                _ = try r.u32()
                let (end, overflow) = offset.addingReportingOverflow(length)
                guard !overflow, end <= size else { throw bad("section \(id) lies outside the file") }
                dataEnd = max(dataEnd, end)
                if let section = Section(rawValue: id) {
                    guard elementSize > 0, length % UInt64(elementSize) == 0, length <= size, offset <= size - length else {
                        throw bad("section \(id) lies outside the file or has a bad size")
                    }
                    table[section] = (elementSize, offset, length, crc)
                }
            }
        }
        // Written whole and renamed into place: bytes after the last section mean the file was changed.
        guard size == dataEnd else { throw bad("\(size - dataEnd) bytes follow the last section") }
        func array<T: FixedWidthInteger>(_ section: Section, _: T.Type) throws -> [T] {
            guard let entry = table[section], entry.size == MemoryLayout<T>.stride else { throw bad("section \(section) missing") }
            let count = Int(entry.length) / MemoryLayout<T>.stride
            let values = try [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                let raw = UnsafeMutableRawBufferPointer(buffer)
                let got = try file.read(at: entry.offset, into: raw)
                guard got == raw.count else { throw bad("section \(section) cut short") }
                guard CRC32C.mask(CRC32C.checksum(UnsafeRawBufferPointer(raw))) == entry.crc else {
                    throw bad("section \(section) checksum mismatch")
                }
                initialized = count
            }
            return values
        }
        func blob(_ section: Section) throws -> [UInt8] { try array(section, UInt8.self) }

        do {
            guard let ids = NodeIDTable(arena: try blob(.idArena), offsets: try array(.idOffsets, UInt64.self),
                                        slots: try array(.idSlots, UInt32.self)) else { throw bad("id table arrays do not fit together") }
            let (labelNames, typeNames) = try decodeNames(try blob(.names))
            let adjacency = Adjacency(
                outOffsets: try array(.outOffsets, UInt32.self), outTargets: try array(.outTargets, UInt32.self),
                outTypes: try array(.outTypes, UInt16.self), inOffsets: try array(.inOffsets, UInt32.self),
                inSources: try array(.inSources, UInt32.self), inEdges: try array(.inEdges, UInt32.self),
                inTypes: try array(.inTypes, UInt16.self))
            guard let adjacency else { throw bad("adjacency arrays do not fit together") }
            let parts = GraphParts(
                ids: ids, labelNames: labelNames, typeNames: typeNames, labelBits: try array(.labelBits, UInt64.self),
                labelMore: try decodeLabelMore(try blob(.labelMore)),
                nodeRefs: FactRefs(first: try array(.nodeRefsFirst, UInt64.self), more: try decodeMore(try blob(.nodeRefsMore))),
                liveDegree: try array(.liveDegree, UInt32.self), adjacency: adjacency,
                edgeRefs: FactRefs(first: try array(.edgeRefsFirst, UInt64.self), more: try decodeMore(try blob(.edgeRefsMore))),
                transactions: try decodeTransactions(try blob(.transactions)))
            // Commits are numbered 1, 2, 3, ... and each record takes at least a frame header.
            guard parts.transactions.enumerated().allSatisfy({ $0.element.sequence == UInt64($0.offset + 1) }),
                  coverage.lastSequence == UInt64(parts.transactions.count) else {
                throw bad("its transactions are not the commits 1...\(coverage.lastSequence)")
            }
            guard coverage.recordCount <= coverage.logLength / UInt64(FileFormat.frameHeaderSize) else {
                throw bad("it counts \(coverage.recordCount) records in \(coverage.logLength) bytes of log")
            }
            return (parts, coverage)
        } catch let error as StoreError {
            throw error
        } catch {
            throw bad("\(error)")
        }
    }

    static var isLittleEndianHost: Bool { UInt16(1).littleEndian == 1 }

    static func appendRaw<T: FixedWidthInteger>(_ values: [T], to bytes: inout [UInt8]) {
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    static func encodeMore(_ more: [UInt32: [FactRef]]) -> [UInt8] {
        var writer = ByteWriter()
        writer.varint(more.count)
        for (index, refs) in more.sorted(by: { $0.key < $1.key }) {
            writer.varint(UInt64(index))
            writer.varint(refs.count)
            for ref in refs { writer.varint(ref) }
        }
        return writer.bytes
    }

    static func decodeMore(_ bytes: [UInt8]) throws -> [UInt32: [FactRef]] {
        try bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            var result: [UInt32: [FactRef]] = [:]
            for _ in 0..<(try reader.count(limit: raw.count, what: "entries")) {
                let index = UInt32(truncatingIfNeeded: try reader.varint())
                var refs: [FactRef] = []
                for _ in 0..<(try reader.count(limit: raw.count, what: "references")) { refs.append(try reader.varint()) }
                result[index] = refs
            }
            return result
        }
    }

    static func decodeNames(_ bytes: [UInt8]) throws -> ([String], [String]) {
        try bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            var labels: [String] = [], types: [String] = []
            for _ in 0..<(try reader.count(limit: raw.count, what: "labels")) { labels.append(try reader.string()) }
            for _ in 0..<(try reader.count(limit: raw.count, what: "types")) { types.append(try reader.string()) }
            return (labels, types)
        }
    }

    static func decodeLabelMore(_ bytes: [UInt8]) throws -> [UInt32: [UInt16]] {
        try bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            var result: [UInt32: [UInt16]] = [:]
            for _ in 0..<(try reader.count(limit: raw.count, what: "entries")) {
                let node = UInt32(truncatingIfNeeded: try reader.varint())
                var labels: [UInt16] = []
                for _ in 0..<(try reader.count(limit: raw.count, what: "labels")) {
                    labels.append(UInt16(truncatingIfNeeded: try reader.varint()))
                }
                result[node] = labels
            }
            return result
        }
    }

    static func decodeTransactions(_ bytes: [UInt8]) throws -> [TransactionInfo] {
        try bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            var result: [TransactionInfo] = []
            for _ in 0..<(try reader.count(limit: raw.count, what: "transactions")) {
                result.append(TransactionInfo(
                    sequence: try reader.varint(), timeMillis: try reader.signedVarint(), source: try reader.string(),
                    sourceHash: try reader.string(), firstRef: try reader.varint(), endRef: try reader.varint(),
                    nodeFacts: try reader.count(limit: Int.max, what: "count"), edgeFacts: try reader.count(limit: Int.max, what: "count"),
                    retractions: try reader.count(limit: Int.max, what: "count"), supersededBy: try reader.varint()))
            }
            return result
        }
    }
}
