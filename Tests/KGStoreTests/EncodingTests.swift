import KGModel
@testable import KGStore
import KGTestSupport
import Testing

@Suite struct EncodingTests {
    // LevelDB's crc32c_test.cc vectors.
    @Test func crc32cMatchesKnownVectors() {
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8a91_36aa)
        #expect(CRC32C.checksum([UInt8](repeating: 0xff, count: 32)) == 0x62a8_ab43)
        #expect(CRC32C.checksum((0..<32).map { UInt8($0) }) == 0x46dd_794e)
        #expect(CRC32C.checksum((0..<32).reversed().map { UInt8($0) }) == 0x113f_db5c)
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xe306_9283)
    }

    @Test func crcContinuesAcrossChunks() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let whole = CRC32C.checksum(bytes)
        let first = bytes.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<333])) }
        let both = bytes.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[333...]), continuing: first) }
        #expect(both == whole)
    }

    @Test func maskIsReversibleAndChangesTheValue() {
        for crc: UInt32 in [0, 1, 0x8a91_36aa, .max] {
            #expect(CRC32C.unmask(CRC32C.mask(crc)) == crc)
            #expect(CRC32C.mask(crc) != crc)
        }
    }

    @Test(arguments: [UInt64(0), 1, 127, 128, 300, 16383, 16384, .max])
    func varintRoundTrips(value: UInt64) throws {
        var writer = ByteWriter()
        writer.varint(value)
        let decoded = try writer.bytes.withUnsafeBytes { raw -> UInt64 in
            var reader = ByteReader(raw)
            return try reader.varint()
        }
        #expect(decoded == value)
    }

    @Test(arguments: [Int64(0), -1, 1, -64, 64, .min, .max])
    func signedVarintRoundTrips(value: Int64) throws {
        var writer = ByteWriter()
        writer.signedVarint(value)
        let decoded = try writer.bytes.withUnsafeBytes { raw -> Int64 in
            var reader = ByteReader(raw)
            return try reader.signedVarint()
        }
        #expect(decoded == value)
    }

    @Test func everyRecordKindRoundTrips() throws {
        let records: [FactRecord] = Samples.batch().nodes.map { .node($0) } + Samples.batch().edges.map { .edge($0) } + [
            .retraction(.source("some/file.jsonl")), .retraction(.node(Samples.id("kst-1-2"))),
            .retraction(.edge(EdgeKey(from: Samples.id("a"), type: .cites, to: Samples.id("b")))),
            .node(NodeFact(id: Samples.id("x"), properties: ["nested": .list([.list([.date(Day(daysSinceEpoch: -5))]), .float(.pi)])],
                           provenance: [Provenance(document: "not-a-sha", line: 0, offset: 0, text: "")])),
        ]
        for record in records {
            var writer = ByteWriter()
            let kind = RecordCodec.encode(record, into: &writer)
            let decoded = try writer.bytes.withUnsafeBytes { try RecordCodec.decodeFact(kind: kind, payload: $0) }
            #expect(decoded == record)
        }
    }

    @Test func truncatedPayloadsThrowInsteadOfTrapping() throws {
        var writer = ByteWriter()
        let kind = RecordCodec.encode(.node(Samples.batch().nodes[3]), into: &writer)
        for cut in 0..<writer.bytes.count {
            let prefix = Array(writer.bytes[0..<cut])
            #expect(throws: DecodeError.self) { try prefix.withUnsafeBytes { try RecordCodec.decodeFact(kind: kind, payload: $0) } }
        }
    }

    @Test func randomPayloadsNeverTrap() {
        var random = SeededRandom(seed: 99)
        for _ in 0..<3000 {
            let count = Int(random.next() % 64)
            let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            for kind in [RecordKind.node, .edge, .retraction] {
                _ = try? bytes.withUnsafeBytes { try RecordCodec.decodeFact(kind: kind, payload: $0) }
            }
            _ = try? bytes.withUnsafeBytes { try RecordCodec.decodeCommit(payload: $0) }
        }
    }

    @Test func headerHasMagicVersionAndChecksum() throws {
        let header = Frame.header()
        #expect(header.count == FileFormat.headerSize)
        #expect(Array(header[0..<8]) == FileFormat.logMagic)
        #expect(try Frame.checkHeader(header, path: "x") == (1, 0))
        var damaged = header
        damaged[12] ^= 1
        #expect(throws: StoreError.corruptHeader(path: "x")) { try Frame.checkHeader(damaged, path: "x") }
        #expect(throws: StoreError.unsupportedVersion(path: "x", major: 2, minor: 0)) {
            try Frame.checkHeader(Frame.header(major: 2, minor: 0), path: "x")
        }
        #expect(throws: StoreError.notAGraphFile(path: "x", reason: "the file is empty")) { try Frame.checkHeader([], path: "x") }
    }
}
