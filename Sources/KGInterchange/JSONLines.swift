import KGModel

/// The JSON Lines interchange form of a graph, one record per line, read by `kg import` and written
/// by `kg export`:
///
/// ```
/// {"kind":"node","id":"kst-32317-884","labels":["Kamerstuk"],"props":{"number":884}}
/// {"kind":"edge","type":"cites","from":"doc-…","to":"kst-32317-884","props":{},"source":{"doc":"…","line":66,"offset":2210,"text":"…"}}
/// {"kind":"retract","node":"kst-32317-884"}
/// ```
/// Blank lines are skipped. Reading checks every line before anything is stored.
public enum JSONLines {
    /// Parses a whole JSON Lines document into a batch; throws at the first bad line, naming it.
    public static func decode(_ bytes: [UInt8], source: String, progress: ((Int) -> Void)? = nil) throws -> GraphBatch {
        var batch = GraphBatch()
        try bytes.withUnsafeBytes { raw in
            if let problem = TextCheck.firstProblem(raw) {
                throw InterchangeError.notText(source: source, offset: problem.offset, reason: problem.reason)
            }
            var lineStart = 0
            var lineNumber = 0
            while lineStart < raw.count {
                lineNumber += 1
                var lineEnd = lineStart
                while lineEnd < raw.count && raw[lineEnd] != 0x0A { lineEnd += 1 }
                var contentEnd = lineEnd
                if contentEnd > lineStart && raw[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                let line = UnsafeRawBufferPointer(rebasing: raw[lineStart..<contentEnd])
                if line.count > Limits.maxLineBytes {
                    throw InterchangeError.lineTooLong(source: source, line: lineNumber, bytes: line.count, limit: Limits.maxLineBytes)
                }
                if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    switch try decodeLine(line, source: source, line: lineNumber) {
                    case .node(let node): batch.nodes.append(node)
                    case .edge(let edge): batch.edges.append(edge)
                    case .retraction(let retraction): batch.retractions.append(retraction)
                    }
                }
                if lineNumber & 0xFFFF == 0 { progress?(lineNumber) }
                lineStart = lineEnd + 1
            }
        }
        return batch
    }

    /// Parses one line (without its newline).
    public static func decodeLine(_ line: UnsafeRawBufferPointer, source: String, line lineNumber: Int) throws -> FactRecord {
        let json: JSONValue
        do { json = try JSONParser.parse(line, knownValidUTF8: true) } catch let failure as JSONParser.Failure {
            throw InterchangeError.malformedLine(source: source, line: lineNumber, column: failure.offset + 1, reason: "invalid JSON: \(failure.reason)")
        }
        do {
            return try record(json)
        } catch let error as FieldError {
            throw InterchangeError.malformedLine(source: source, line: lineNumber, column: nil, reason: error.description)
        }
    }

    /// The record a parsed line describes.
    public static func record(_ json: JSONValue) throws -> FactRecord {
        guard case .object(let members) = json else { throw FieldError(path: "line", reason: "must be a JSON object, not \(json.typeName)") }
        let fields = Fields(members)
        if let duplicate = fields.duplicate { throw FieldError(path: duplicate, reason: "field given twice") }
        guard case .string(let kind)? = fields["kind"] else {
            throw FieldError(path: "kind", reason: "missing; expected \"node\", \"edge\" or \"retract\"")
        }
        switch kind {
        case "node":
            try allow(fields, ["kind", "id", "labels", "props", "source", "sources"])
            let id = try nodeID(fields["id"], path: "id")
            var labels: [Label] = []
            if let value = fields["labels"] {
                guard case .array(let items) = value else { throw FieldError(path: "labels", reason: "must be an array of strings") }
                for (i, item) in items.enumerated() {
                    guard case .string(let name) = item else { throw FieldError(path: "labels[\(i)]", reason: "must be a string") }
                    do { labels.append(try Label(name)) } catch { throw FieldError(path: "labels[\(i)]", reason: "\(error)") }
                }
            }
            let properties = try fields["props"].map { try ModelJSON.properties($0, path: "props") } ?? [:]
            return .node(NodeFact(id: id, labels: labels, properties: properties, provenance: try sources(fields)))
        case "edge":
            try allow(fields, ["kind", "type", "from", "to", "props", "source", "sources"])
            let from = try nodeID(fields["from"], path: "from")
            let to = try nodeID(fields["to"], path: "to")
            let type = try edgeType(fields["type"], path: "type")
            let properties = try fields["props"].map { try ModelJSON.properties($0, path: "props") } ?? [:]
            return .edge(EdgeFact(from: from, type: type, to: to, properties: properties, provenance: try sources(fields)))
        case "retract":
            try allow(fields, ["kind", "source", "node", "edge"])
            if case .string(let source)? = fields["source"] { return .retraction(.source(source)) }
            if fields["node"] != nil { return .retraction(.node(try nodeID(fields["node"], path: "node"))) }
            if case .object? = fields["edge"], let edge = fields["edge"] {
                return .retraction(.edge(EdgeKey(
                    from: try nodeID(edge["from"], path: "edge.from"), type: try edgeType(edge["type"], path: "edge.type"),
                    to: try nodeID(edge["to"], path: "edge.to"))))
            }
            throw FieldError(path: "retract", reason: "needs \"source\": string, \"node\": id, or \"edge\": {from, type, to}")
        default:
            throw FieldError(path: "kind", reason: "unknown kind \(Escaping.quoted(kind)); expected \"node\", \"edge\" or \"retract\"")
        }
    }

    static func allow(_ fields: Fields, _ allowed: Set<String>) throws {
        for key in fields.keys.sorted() where !allowed.contains(key) {
            throw FieldError(path: key, reason: "unknown field (expected one of \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    static func nodeID(_ value: JSONValue?, path: String) throws -> NodeID {
        guard let value else { throw FieldError(path: path, reason: "missing") }
        guard case .string(let text) = value else { throw FieldError(path: path, reason: "must be a string, not \(value.typeName)") }
        do { return try NodeID(text) } catch { throw FieldError(path: path, reason: "\(error)") }
    }

    static func edgeType(_ value: JSONValue?, path: String) throws -> EdgeType {
        guard let value else { throw FieldError(path: path, reason: "missing") }
        guard case .string(let text) = value else { throw FieldError(path: path, reason: "must be a string, not \(value.typeName)") }
        do { return try EdgeType(text) } catch { throw FieldError(path: path, reason: "\(error)") }
    }

    static func sources(_ fields: Fields) throws -> [Provenance] {
        if fields["source"] != nil && fields["sources"] != nil {
            throw FieldError(path: "sources", reason: "give either \"source\" or \"sources\", not both")
        }
        if let single = fields["source"] { return [try ModelJSON.provenance(single, path: "source")] }
        guard let many = fields["sources"] else { return [] }
        guard case .array(let items) = many else { throw FieldError(path: "sources", reason: "must be an array") }
        var result: [Provenance] = []
        for (i, item) in items.enumerated() { result.append(try ModelJSON.provenance(item, path: "sources[\(i)]")) }
        return result
    }

    /// One line of JSON Lines for a record (no newline).
    public static func encode(_ record: FactRecord) -> String {
        switch record {
        case .node(let node): return JSONWriter.encode(ModelJSON.json(node))
        case .edge(let edge): return JSONWriter.encode(ModelJSON.json(edge))
        case .retraction(let retraction):
            switch retraction {
            case .source(let source): return JSONWriter.encode(.object([("kind", .string("retract")), ("source", .string(source))]))
            case .node(let id): return JSONWriter.encode(.object([("kind", .string("retract")), ("node", .string(id.rawValue))]))
            case .edge(let key):
                return JSONWriter.encode(.object([("kind", .string("retract")), ("edge", .object([
                    ("from", .string(key.from.rawValue)), ("type", .string(key.type.name)), ("to", .string(key.to.rawValue)),
                ]))]))
            }
        }
    }

    /// Writes the whole graph as JSON Lines: asserted nodes in index order, then edges in adjacency
    /// order (nodes only implied by edges are left out: the edges bring them back).
    public static func export(_ graph: Graph, write: (String) throws -> Void) throws {
        for node in 0..<graph.nodeCount where graph.isAlive(node) && !graph.factRefs(ofNode: node).isEmpty {
            try write(encode(.node(try graph.node(node))) + "\n")
        }
        for edge in 0..<graph.edgeCount {
            try write(encode(.edge(try graph.edge(edge))) + "\n")
        }
    }
}

/// The members of a JSON object looked up by linear search (records have a handful of fields; a
/// dictionary per line costs more than it saves).
struct Fields {
    let members: [(String, JSONValue)]
    init(_ members: [(String, JSONValue)]) { self.members = members }

    subscript(key: String) -> JSONValue? {
        for (name, value) in members where name == key { return value }
        return nil
    }

    var keys: [String] { members.map(\.0) }

    /// The first name that occurs twice, if any.
    var duplicate: String? {
        for i in members.indices {
            for j in members.indices where j > i && members[j].0 == members[i].0 { return members[i].0 }
        }
        return nil
    }
}
