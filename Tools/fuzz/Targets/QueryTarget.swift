// Fuzz target (c): arbitrary text as a query (the language of Queries/README.md).
import KGModel
import KGQuery
import KGQuerySyntax
import KGStore

/// Arbitrary bytes (decoded as UTF-8, invalid sequences replaced) as a query: parse it; a syntax error
/// must point inside the text (byte range within it, line and column agreeing with the byte offset) and
/// render with its excerpt. A query that parses must dump, bind and plan against an empty graph, and
/// run on the small sample graph within 2 seconds or stop with a `QueryError`; a bind error must point
/// inside the text too.
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
        let empty = QueryEngine(graph: Graph(loader: MemoryFactLog()))
        do {
            _ = try empty.explain(text)
            // Bound and planned: run it on the small sample graph, with a time limit.
            if let engine = sample {
                let result = try engine.run(text, timeout: 2)
                _ = result.table.rows.count
            }
        } catch let error as QueryError {
            if let span = error.span {
                try checkSpan(span, in: text, error: "\(error)")
                _ = error.render(source: text)
            }
        } catch {
            throw FuzzFailure(target: name, invariant: "untyped error", detail: "binding or running a parsed query: \(type(of: error)): \(error)")
        }
    }

    /// An engine over the sample graph of `FuzzSeeds` (six nodes, a superseded source, retractions),
    /// kept for the whole process; nil if it cannot be built.
    nonisolated(unsafe) static let sample: QueryEngine? = {
        let storage = MemoryStorage()
        guard (try? FuzzSeeds.writeSampleGraph(to: "/fuzz/query.kg", storage: storage, snapshot: false)) != nil,
              let store = try? GraphStore.open(at: "/fuzz/query.kg", storage: storage) else { return nil }
        sampleStore = store
        return QueryEngine(graph: store.graph)
    }()
    /// The store behind `sample` (its facts load from the store's file).
    nonisolated(unsafe) static var sampleStore: GraphStore?

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
