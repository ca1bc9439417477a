import KGModel

/// Conversions between model values and JSON, shared by JSON Lines, `--format json` outputs and
/// query parameters. Dates are written `{"$date":"2023-10-19"}`, the one JSON form the model adds.
public enum ModelJSON {
    /// A property value as JSON.
    public static func json(_ value: PropertyValue) -> JSONValue {
        switch value {
        case .string(let s): return .string(s)
        case .int(let i): return .integer(i)
        case .float(let d): return .double(d)
        case .bool(let b): return .bool(b)
        case .date(let day): return .object([("$date", .string(day.iso))])
        case .list(let items): return .array(items.map(json))
        }
    }

    /// Properties as a JSON object, keys sorted.
    public static func json(_ properties: Properties) -> JSONValue {
        .object(properties.keys.sorted().map { ($0, json(properties[$0]!)) })
    }

    /// A provenance record as JSON.
    public static func json(_ provenance: Provenance) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("doc", .string(provenance.document)), ("line", .integer(Int64(provenance.line))),
            ("offset", .integer(Int64(provenance.offset))), ("text", .string(provenance.text)),
        ]
        if let rule = provenance.rule { members.append(("rule", .string(rule))) }
        if let confidence = provenance.confidence { members.append(("confidence", .double(confidence))) }
        return .object(members)
    }

    /// A property value from JSON; `path` names the field in messages.
    public static func propertyValue(_ json: JSONValue, path: String, depth: Int = 0) throws(FieldError) -> PropertyValue {
        switch json {
        case .string(let s): return .string(s)
        case .integer(let i): return .int(i)
        case .double(let d): return .float(d)
        case .bool(let b): return .bool(b)
        case .null: throw FieldError(path: path, reason: "null is not a property value (leave the property out)")
        case .array(let items):
            guard depth < Limits.maxValueDepth else { throw FieldError(path: path, reason: "lists nested deeper than \(Limits.maxValueDepth)") }
            var values: [PropertyValue] = []
            values.reserveCapacity(items.count)
            for (i, item) in items.enumerated() { values.append(try propertyValue(item, path: "\(path)[\(i)]", depth: depth + 1)) }
            return .list(values)
        case .object(let members):
            guard members.count == 1, members[0].0 == "$date", case .string(let text) = members[0].1 else {
                throw FieldError(path: path, reason: "an object property value must be {\"$date\":\"YYYY-MM-DD\"}")
            }
            do { return .date(try Day(iso: text)) } catch { throw FieldError(path: path, reason: "\(error)") }
        }
    }

    /// Properties from a JSON object.
    public static func properties(_ json: JSONValue, path: String) throws(FieldError) -> Properties {
        guard case .object(let members) = json else { throw FieldError(path: path, reason: "must be an object, not \(json.typeName)") }
        var properties: Properties = [:]
        for (key, value) in members {
            guard !key.isEmpty else { throw FieldError(path: path, reason: "property names must not be empty") }
            guard properties[key] == nil else { throw FieldError(path: "\(path).\(key)", reason: "property given twice") }
            properties[key] = try propertyValue(value, path: "\(path).\(key)")
        }
        return properties
    }

    /// A provenance record from JSON.
    public static func provenance(_ json: JSONValue, path: String) throws(FieldError) -> Provenance {
        guard case .object(let members) = json else { throw FieldError(path: path, reason: "must be an object, not \(json.typeName)") }
        var document: String?, line: Int?, offset: Int?, text: String?, rule: String?, confidence: Double?
        for (key, value) in members {
            switch (key, value) {
            case ("doc", .string(let s)): document = s
            case ("line", .integer(let i)) where i >= 0 && i <= Int32.max: line = Int(i)
            case ("offset", .integer(let i)) where i >= 0: offset = Int(i)
            case ("text", .string(let s)): text = s
            case ("rule", .string(let s)): rule = s
            case ("confidence", .double(let d)) where (0...1).contains(d): confidence = d
            case ("confidence", .integer(let i)) where i == 0 || i == 1: confidence = Double(i)
            case ("doc", _), ("text", _), ("rule", _):
                throw FieldError(path: "\(path).\(key)", reason: "must be a string, not \(value.typeName)")
            case ("line", _), ("offset", _):
                throw FieldError(path: "\(path).\(key)", reason: "must be a non-negative integer")
            case ("confidence", _):
                throw FieldError(path: "\(path).\(key)", reason: "must be a number from 0 to 1")
            default:
                throw FieldError(path: "\(path).\(key)", reason: "unknown field (expected doc, line, offset, text, rule, confidence)")
            }
        }
        guard let document, !document.isEmpty else { throw FieldError(path: "\(path).doc", reason: "missing") }
        return Provenance(document: document, line: line ?? 0, offset: offset ?? 0, text: text ?? "", rule: rule, confidence: confidence)
    }

    /// A node as JSON (the interchange form).
    public static func json(_ node: NodeFact) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("kind", .string("node")), ("id", .string(node.id.rawValue)),
            ("labels", .array(node.labels.sorted().map { .string($0.name) })), ("props", json(node.properties)),
        ]
        appendSources(node.provenance, to: &members)
        return .object(members)
    }

    /// An edge as JSON (the interchange form).
    public static func json(_ edge: EdgeFact) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("kind", .string("edge")), ("type", .string(edge.type.name)), ("from", .string(edge.from.rawValue)),
            ("to", .string(edge.to.rawValue)), ("props", json(edge.properties)),
        ]
        appendSources(edge.provenance, to: &members)
        return .object(members)
    }

    static func appendSources(_ provenance: [Provenance], to members: inout [(String, JSONValue)]) {
        if provenance.count == 1 {
            members.append(("source", json(provenance[0])))
        } else if provenance.count > 1 {
            members.append(("sources", .array(provenance.map(json))))
        }
    }
}

/// A field of a JSON record that does not fit the model: its path (`props.date`) and why.
public struct FieldError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "\(path): \(reason)" }
}
