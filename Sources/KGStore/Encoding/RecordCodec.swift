// Record payload encodings; see Graph/FORMAT.md §3-4.
import KGModel

/// Encodes and decodes record payloads: node and edge facts, retractions and commits.
///
/// Decoding validates everything (UTF-8, id and name rules, nesting depth, counts against the bytes
/// left) and throws `DecodeError` on anything malformed; it never traps on hostile input.
public enum RecordCodec {
    // Property value tags.
    static let tagString: UInt8 = 1, tagInt: UInt8 = 2, tagFloat: UInt8 = 3, tagFalse: UInt8 = 4,
               tagTrue: UInt8 = 5, tagDate: UInt8 = 6, tagList: UInt8 = 7
    // Provenance flags.
    static let provSHA256: UInt8 = 1, provRule: UInt8 = 2, provConfidence: UInt8 = 4
    // Retraction tags.
    static let retractSource: UInt8 = 1, retractNode: UInt8 = 2, retractEdge: UInt8 = 3

    // MARK: Encoding

    /// The kind and payload of `record`.
    public static func encode(_ record: FactRecord, into writer: inout ByteWriter) -> RecordKind {
        switch record {
        case .node(let fact):
            writer.string(fact.id.rawValue)
            writer.varint(fact.labels.count)
            for label in fact.labels { writer.string(label.name) }
            encode(fact.properties, into: &writer)
            encode(fact.provenance, into: &writer)
            return .node
        case .edge(let fact):
            writer.string(fact.from.rawValue)
            writer.string(fact.type.name)
            writer.string(fact.to.rawValue)
            encode(fact.properties, into: &writer)
            encode(fact.provenance, into: &writer)
            return .edge
        case .retraction(let retraction):
            switch retraction {
            case .source(let source):
                writer.u8(retractSource)
                writer.string(source)
            case .node(let id):
                writer.u8(retractNode)
                writer.string(id.rawValue)
            case .edge(let key):
                writer.u8(retractEdge)
                writer.string(key.from.rawValue)
                writer.string(key.type.name)
                writer.string(key.to.rawValue)
            }
            return .retraction
        }
    }

    public static func encode(_ commit: CommitRecord, into writer: inout ByteWriter) {
        writer.varint(commit.sequence)
        writer.signedVarint(commit.timeMillis)
        writer.string(commit.source)
        writer.string(commit.sourceHash)
        writer.varint(commit.transactionStart)
        writer.varint(commit.nodeFacts)
        writer.varint(commit.edgeFacts)
        writer.varint(commit.retractions)
    }

    static func encode(_ properties: Properties, into writer: inout ByteWriter) {
        writer.varint(properties.count)
        for (key, value) in properties.sorted(by: { $0.key < $1.key }) {
            writer.string(key)
            encode(value, into: &writer)
        }
    }

    static func encode(_ value: PropertyValue, into writer: inout ByteWriter) {
        switch value {
        case .string(let s): writer.u8(tagString); writer.string(s)
        case .int(let i): writer.u8(tagInt); writer.signedVarint(i)
        case .float(let d): writer.u8(tagFloat); writer.u64(d.bitPattern)
        case .bool(let b): writer.u8(b ? tagTrue : tagFalse)
        case .date(let day): writer.u8(tagDate); writer.signedVarint(Int64(day.daysSinceEpoch))
        case .list(let items):
            writer.u8(tagList)
            writer.varint(items.count)
            for item in items { encode(item, into: &writer) }
        }
    }

    static func encode(_ provenance: [Provenance], into writer: inout ByteWriter) {
        writer.varint(provenance.count)
        for source in provenance {
            var flags: UInt8 = 0
            if source.rule != nil { flags |= provRule }
            if source.confidence != nil { flags |= provConfidence }
            // A lower-case hex sha256 is stored as its 32 bytes, any other source key as text.
            let flagsAt = writer.bytes.count
            writer.u8(flags | provSHA256)
            if !writer.sha256Digest(source.document) {
                writer.bytes[flagsAt] = flags
                writer.string(source.document)
            }
            writer.varint(source.line)
            writer.varint(source.offset)
            writer.string(source.text)
            if let rule = source.rule { writer.string(rule) }
            if let confidence = source.confidence { writer.u64(confidence.bitPattern) }
        }
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Decoding

    /// Decodes a fact record (node, edge or retraction) of `kind` from a whole payload.
    public static func decodeFact(kind: RecordKind, payload: UnsafeRawBufferPointer) throws -> FactRecord {
        var reader = ByteReader(payload)
        let record: FactRecord
        switch kind {
        case .node:
            let id = try nodeID(&reader)
            let labelCount = try reader.count(limit: reader.remaining, what: "label count")
            var labels: [Label] = []
            labels.reserveCapacity(labelCount)
            for _ in 0..<labelCount { labels.append(try label(&reader)) }
            let properties = try decodeProperties(&reader)
            let provenance = try decodeProvenance(&reader)
            record = .node(NodeFact(id: id, labels: labels, properties: properties, provenance: provenance))
        case .edge:
            let from = try nodeID(&reader)
            let type = try edgeType(&reader)
            let to = try nodeID(&reader)
            let properties = try decodeProperties(&reader)
            let provenance = try decodeProvenance(&reader)
            record = .edge(EdgeFact(from: from, type: type, to: to, properties: properties, provenance: provenance))
        case .retraction:
            let start = reader.position
            switch try reader.u8() {
            case retractSource: record = .retraction(.source(try reader.string()))
            case retractNode: record = .retraction(.node(try nodeID(&reader)))
            case retractEdge:
                let from = try nodeID(&reader)
                let type = try edgeType(&reader)
                let to = try nodeID(&reader)
                record = .retraction(.edge(EdgeKey(from: from, type: type, to: to)))
            case let tag: throw DecodeError.malformed(at: start, what: "unknown retraction tag \(tag)")
            }
        case .commit:
            throw DecodeError.malformed(at: 0, what: "a commit record is not a fact")
        }
        guard reader.isAtEnd else { throw DecodeError.malformed(at: reader.position, what: "\(reader.remaining) bytes after the record") }
        return record
    }

    public static func decodeCommit(payload: UnsafeRawBufferPointer) throws -> CommitRecord {
        var reader = ByteReader(payload)
        let commit = CommitRecord(
            sequence: try reader.varint(), timeMillis: try reader.signedVarint(), source: try reader.string(),
            sourceHash: try reader.string(), transactionStart: try reader.varint(),
            nodeFacts: try reader.count(limit: Int(Int32.max) * 16, what: "node count"),
            edgeFacts: try reader.count(limit: Int(Int32.max) * 16, what: "edge count"),
            retractions: try reader.count(limit: Int(Int32.max) * 16, what: "retraction count"))
        guard reader.isAtEnd else { throw DecodeError.malformed(at: reader.position, what: "\(reader.remaining) bytes after the commit") }
        return commit
    }

    static func nodeID(_ reader: inout ByteReader) throws -> NodeID {
        let start = reader.position
        let text = try reader.string(limit: Limits.maxIDBytes)
        do { return try NodeID(text) } catch { throw DecodeError.malformed(at: start, what: "\(error)") }
    }

    static func label(_ reader: inout ByteReader) throws -> Label {
        let start = reader.position
        let text = try reader.string(limit: Limits.maxNameBytes)
        do { return try Label(text) } catch { throw DecodeError.malformed(at: start, what: "\(error)") }
    }

    static func edgeType(_ reader: inout ByteReader) throws -> EdgeType {
        let start = reader.position
        let text = try reader.string(limit: Limits.maxNameBytes)
        do { return try EdgeType(text) } catch { throw DecodeError.malformed(at: start, what: "\(error)") }
    }

    static func decodeProperties(_ reader: inout ByteReader) throws -> Properties {
        let count = try reader.count(limit: reader.remaining, what: "property count")
        var properties: Properties = [:]
        properties.reserveCapacity(count)
        for _ in 0..<count {
            let key = try reader.string()
            properties[key] = try decodeValue(&reader, depth: 0)
        }
        return properties
    }

    static func decodeValue(_ reader: inout ByteReader, depth: Int) throws -> PropertyValue {
        let start = reader.position
        switch try reader.u8() {
        case tagString: return .string(try reader.string())
        case tagInt: return .int(try reader.signedVarint())
        case tagFloat: return .float(try reader.f64())
        case tagFalse: return .bool(false)
        case tagTrue: return .bool(true)
        case tagDate:
            let days = try reader.signedVarint()
            guard abs(days) < 4_000_000 else { throw DecodeError.malformed(at: start, what: "date out of range") }
            return .date(Day(daysSinceEpoch: Int(days)))
        case tagList:
            guard depth < Limits.maxValueDepth else {
                throw DecodeError.malformed(at: start, what: "list nested deeper than \(Limits.maxValueDepth)")
            }
            let count = try reader.count(limit: reader.remaining, what: "list length")
            var items: [PropertyValue] = []
            items.reserveCapacity(count)
            for _ in 0..<count { items.append(try decodeValue(&reader, depth: depth + 1)) }
            return .list(items)
        case let tag:
            throw DecodeError.malformed(at: start, what: "unknown value tag \(tag)")
        }
    }

    static func decodeProvenance(_ reader: inout ByteReader) throws -> [Provenance] {
        let count = try reader.count(limit: reader.remaining, what: "provenance count")
        var result: [Provenance] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            let flags = try reader.u8()
            let document = flags & provSHA256 != 0 ? hex(try reader.raw(32)) : try reader.string()
            let line = try reader.count(limit: Int(Int32.max), what: "line")
            let offset = try reader.count(limit: Int.max, what: "offset")
            let text = try reader.string()
            let rule = flags & provRule != 0 ? try reader.string() : nil
            let confidence = flags & provConfidence != 0 ? try reader.f64() : nil
            result.append(Provenance(document: document, line: line, offset: offset, text: text, rule: rule, confidence: confidence))
        }
        return result
    }
}
