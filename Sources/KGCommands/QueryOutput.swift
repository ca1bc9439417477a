import KGInterchange
import KGModel
import KGQuery

/// Renders query results for `kg query`: aligned text tables, JSON, JSON Lines and CSV.
/// Graph elements are looked up in the graph the query ran on.
struct QueryOutput {
    let graph: Graph

    /// Longest table cell, in characters; longer text is cut with `...` (JSON keeps it whole).
    static let maxCellCharacters = 120

    // MARK: - Table

    /// An aligned table with a header, a rule and a row count line.
    func table(_ table: ResultTable) -> String {
        let cells = table.rows.map { row in row.map { tableCell($0) } }
        var widths = table.columns.map(\.count)
        for row in cells { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        func line(_ values: [String]) -> String {
            var text = ""
            for (index, value) in values.enumerated() {
                if index > 0 { text += " | " }
                text += index == values.count - 1 ? value : value.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }
            return text
        }
        var lines = [line(table.columns), widths.map { String(repeating: "-", count: $0) }.joined(separator: "-+-")]
        lines += cells.map(line)
        lines.append("(\(table.rows.count) row\(table.rows.count == 1 ? "" : "s"))")
        return lines.joined(separator: "\n")
    }

    func tableCell(_ value: Value) -> String {
        var text = ValueText.cell(value, graph: graph)
        if text.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" }) {
            text = text.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
                .replacingOccurrences(of: "\t", with: " ")
        }
        if text.count > QueryOutput.maxCellCharacters { text = String(text.prefix(QueryOutput.maxCellCharacters - 3)) + "..." }
        return text
    }

    // MARK: - JSON

    /// `{"columns":[...],"rows":[[...]],"warnings":[...]}`.
    func json(_ table: ResultTable, warnings: [QueryWarning]) throws -> String {
        var rows: [JSONValue] = []
        for row in table.rows { rows.append(.array(try row.map(json))) }
        return JSONWriter.encode(.object([
            ("columns", .array(table.columns.map { .string($0) })),
            ("rows", .array(rows)),
            ("warnings", .array(warnings.map { .string($0.description) })),
        ]))
    }

    /// One row as a JSON object keyed by column (JSON Lines).
    func jsonLine(_ row: [Value], columns: [String]) throws -> String {
        JSONWriter.encode(.object(try zip(columns, row).map { ($0.0, try json($0.1)) }))
    }

    /// A value as JSON: dates `{"$date": ...}`; nodes `{"id", "labels", "props"}`; relationships
    /// `{"type", "from", "to", "props"}`; paths `{"nodes": [...], "relationships": [...]}`.
    func json(_ value: Value) throws -> JSONValue {
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .integer(i)
        case .float(let d): return d.isFinite ? .double(d) : .string(PropertyValue.format(d))
        case .string(let s): return .string(s)
        case .date(let day): return .object([("$date", .string(day.iso))])
        case .list(let items): return .array(try items.map(json))
        case .map(let map): return .object(try map.keys.sorted().map { ($0, try json(map[$0]!)) })
        case .node(let node):
            return .object([
                ("id", .string(graph.id(of: node).rawValue)),
                ("labels", .array(graph.labels(of: node).map { .string($0.name) })),
                ("props", ModelJSON.json(try graph.properties(ofNode: node))),
            ])
        case .relationship(let edge):
            return .object([
                ("type", .string(graph.typeName(graph.type(ofEdge: edge)))),
                ("from", .string(graph.id(of: graph.source(ofEdge: edge)).rawValue)),
                ("to", .string(graph.id(of: graph.target(ofEdge: edge)).rawValue)),
                ("props", ModelJSON.json(try graph.properties(ofEdge: edge))),
            ])
        case .path(let path):
            return .object([
                ("nodes", .array(try path.nodes.map { try json(.node($0)) })),
                ("relationships", .array(try path.relationships.map { try json(.relationship($0)) })),
            ])
        }
    }

    // MARK: - CSV

    /// A CSV line (RFC 4180 quoting): strings as they are, null empty, nodes by id, dates ISO, numbers
    /// as written; lists, maps and paths as JSON text.
    func csvLine(_ values: [String]) -> String {
        values.map { field in
            guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",")
    }

    func csvField(_ value: Value) throws -> String {
        switch value {
        case .null: return ""
        case .string(let s): return s
        case .node(let node): return graph.id(of: node).rawValue
        case .list, .map, .path: return JSONWriter.encode(try json(value))
        default: return ValueText.cell(value, graph: graph)
        }
    }

    // MARK: - Parameters

    /// A JSON value as a query value: `{"$date": "YYYY-MM-DD"}` is a date, other objects are maps.
    static func value(_ json: JSONValue, path: String) throws -> Value {
        switch json {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .integer(let i): return .int(i)
        case .double(let d): return .float(d)
        case .string(let s): return .string(s)
        case .array(let items): return .list(try items.enumerated().map { try value($0.element, path: "\(path)[\($0.offset)]") })
        case .object(let members):
            if members.count == 1, members[0].0 == "$date" {
                guard case .string(let text) = members[0].1, let day = try? Day(iso: text) else {
                    throw CommandError.refused("\(path): {\"$date\": ...} needs a YYYY-MM-DD string")
                }
                return .date(day)
            }
            var map: [String: Value] = [:]
            for (key, member) in members { map[key] = try value(member, path: "\(path).\(key)") }
            return .map(map)
        }
    }
}
