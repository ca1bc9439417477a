// Fuzz target (c): arbitrary text as a query (the language of Queries/README.md).
import KGModel
import KGQuery
import KGQuerySyntax

/// Arbitrary bytes (decoded as UTF-8, invalid sequences replaced) as a query: parse it; a syntax error
/// must point inside the text (byte range within it, line and column agreeing with the byte offset) and
/// render with its excerpt. A query that parses must dump, and bind and plan against an empty graph;
/// a bind error must point inside the text too.
public enum QueryTarget {
    static let name = FuzzTarget.query.rawValue

    /// Runs the target on `input`.
    public static func run(_ input: [UInt8]) throws(FuzzFailure) {
        let text = String(decoding: input, as: UTF8.self)
        let query: Query
        do {
            query = try Parser.parse(text)
        } catch {
            if case .queryTooLong = error { return }
            try checkSpan(error.span, in: text, error: "\(error)")
            _ = error.render(source: text)
            return
        }
        _ = query.description
        let engine = QueryEngine(graph: Graph(loader: MemoryFactLog()))
        do {
            _ = try engine.explain(text)
        } catch let error as QueryError {
            if let span = error.span {
                try checkSpan(span, in: text, error: "\(error)")
                _ = error.render(source: text)
            }
        } catch {
            throw FuzzFailure(target: name, invariant: "untyped error", detail: "binding a parsed query: \(type(of: error)): \(error)")
        }
    }

    /// The span lies inside `text`, and its line and column are those of its byte offset (lines end at
    /// LF; columns count Unicode scalars from 1).
    static func checkSpan(_ span: SourceSpan, in text: String, error: String) throws(FuzzFailure) {
        let bytes = Array(text.utf8)
        guard span.offset >= 0, span.length >= 0, span.offset <= bytes.count, span.length <= bytes.count - span.offset else {
            throw FuzzFailure(target: name, invariant: "error span outside the input",
                              detail: "offset \(span.offset), length \(span.length) in \(bytes.count) bytes: \(error)")
        }
        var line = 1, column = 1
        for byte in bytes[..<span.offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        guard span.line == line, span.column == column else {
            throw FuzzFailure(target: name, invariant: "error line:column disagrees with its offset",
                              detail: "\(span.line):\(span.column) at offset \(span.offset), which is \(line):\(column): \(error)")
        }
    }
}
