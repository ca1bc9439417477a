/// A tab-separated table as the reference files write it: `#` comment lines, a header row, one
/// record per line, `|` between several values in one field. Columns are found by header name.
struct TSVTable {
    let name: String
    let header: [String]
    let rows: [(line: Int, fields: [String])]

    /// Parses `text`; throws `ExtractError.badReferenceFile` naming the file and line.
    init(name: String, text: String) throws {
        self.name = name
        var header: [String]?
        var rows: [(Int, [String])] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
            if header == nil {
                header = fields
                continue
            }
            guard fields.count <= header!.count else {
                throw ExtractError.badReferenceFile(file: name, line: index + 1,
                                                    reason: "\(fields.count) fields, but the header has \(header!.count) columns")
            }
            rows.append((index + 1, fields + Array(repeating: "", count: header!.count - fields.count)))
        }
        guard let header else { throw ExtractError.badReferenceFile(file: name, line: 0, reason: "no header row") }
        self.header = header
        self.rows = rows
    }

    /// The index of column `column`; throws when the header lacks it.
    func column(_ column: String) throws -> Int {
        guard let index = header.firstIndex(of: column) else {
            throw ExtractError.badReferenceFile(file: name, line: 0, reason: "missing column \"\(column)\" (header: \(header.joined(separator: ", ")))")
        }
        return index
    }

    /// The index of an optional column.
    func optionalColumn(_ column: String) -> Int? { header.firstIndex(of: column) }

    static func values(_ field: String) -> [String] {
        field.split(separator: "|").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
