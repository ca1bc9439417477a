import Foundation
import KGInterchange
import KGModel
import KGQuery
import KGQuerySyntax
import KGStore

/// `kg query 'MATCH ...'`: runs a query in the language of Queries/README.md over the graph.
enum QueryCommand {
    static let formats = ["table", "json", "jsonl", "csv", "dot"]
    static let defaultTimeout = 30.0

    static var spec: CommandSpec { CommandSpec(
        name: "query", abstract: "Run a path query (a Cypher/GQL subset; see Queries/README.md).",
        usage: "'MATCH ... RETURN ...' | -f FILE.cypher [--param NAME=VALUE]... [--params FILE.json] [--format table|json|jsonl|csv|dot] [-o FILE] [--explain] [--as-of SEQ] [--timeout SECONDS]",
        discussion: """
        The query comes as the argument or from -f FILE (- for standard input). Parameters ($name in
        the query) come from --param NAME=VALUE (VALUE is read as JSON when it is JSON, else as a
        string; repeat the option for more) and --params FILE.json (an object; --param wins).
        {"$date": "2024-07-22"} is a date. --explain prints the plan without running it. Warnings
        (unknown labels, types and properties, capped ranges) go to stderr. A query running longer
        than --timeout (default 30 s) is stopped. --format dot draws the subgraph the matches bind
        (every node and relationship of the matched patterns) for GraphViz; with -o FILE.svg (or .png,
        .pdf) kg runs `dot` itself when it is installed.
        """,
        options: [
            OptionSpec("file", value: "FILE", short: "f", help: "read the query from FILE (- for stdin)"),
            OptionSpec("param", value: "NAME=VALUE", help: "a parameter (JSON value, else string); repeatable"),
            OptionSpec("params", value: "FILE", help: "parameters from a JSON object"),
            OptionSpec("format", value: "FORMAT", help: "table (default), json, jsonl, csv or dot"),
            OptionSpec("output", value: "FILE", short: "o", help: "write to FILE; .svg/.png/.pdf run GraphViz dot on the drawing"),
            OptionSpec("explain", help: "print the logical plan, do not run"),
            OptionSpec("as-of", value: "SEQ", help: "the graph as it was after commit SEQ"),
            OptionSpec("timeout", value: "SECONDS", help: "stop the query after this long (default 30)"),
        ],
        positionals: 0...1,
        run: run) }

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) throws {
        try run(arguments, invocation, forcedFormat: nil)
    }

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation, forcedFormat: String?) throws {
        let usage = invocation.usage
        let context = invocation.context
        let format = try forcedFormat ?? invocation.format(formats, usage: usage)
        let outputPath = arguments.value("output")
        if let outputPath, format != "dot", Drawing.renderedFormat(outputPath) != nil {
            throw CommandError.usage("-o \(outputPath) draws a picture: use --format dot (or `kg dot`)", usage: usage)
        }
        let text = try queryText(arguments, invocation)
        let parameters = try self.parameters(arguments, invocation)
        var timeout = defaultTimeout
        if let value = arguments.value("timeout") {
            guard let seconds = Double(value), seconds > 0, seconds.isFinite else {
                throw CommandError.usage("--timeout expects a number of seconds above 0, got '\(value)'", usage: usage)
            }
            timeout = seconds
        }
        let asOf = try invocation.asOf(usage: usage)
        let store = try invocation.openForReading(asOf: asOf)
        defer { store.close() }
        let graph = store.graph
        let engine = QueryEngine(graph: graph)
        let output = QueryOutput(graph: graph)

        func report(_ warnings: [QueryWarning]) {
            for warning in warnings { context.warn(warning.description) }
        }

        let prepared: PreparedQuery
        do {
            prepared = try engine.prepare(text, parameters: parameters)
        } catch let error as SyntaxError {
            throw CommandError.refused(error.render(source: text))
        } catch let error as QueryError {
            throw CommandError.refused(error.render(source: text))
        }
        if arguments.has("explain") {
            context.out(prepared.plan.description)
            report(prepared.warnings)
            return
        }
        do {
            switch format {
            case "dot":
                var returned: [[Value]] = []
                let outcome = try engine.execute(prepared, timeout: timeout, collectBindings: true) { row in
                    returned.append(row)
                    return returned.count < QueryLimits.maxMaterializedRows
                }
                report(outcome.warnings)
                let bindings = outcome.bindings ?? BoundSubgraph()
                var nodes = bindings.nodes, edges = bindings.relationships
                let collector = BoundSubgraph()
                for row in returned { for value in row { collector.record(value) } }
                nodes.formUnion(collector.nodes)
                edges.formUnion(collector.relationships)
                let title = text.split(separator: "\n").first { !$0.hasPrefix("//") }.map(String.init) ?? "query"
                let dot = try Drawing.dot(graph, nodes: nodes, edges: edges, title: DotTitle.short(title))
                try Drawing.write(dot, to: outputPath, context: context)
                if outputPath != nil {
                    context.note("drew \(nodes.count) nodes and \(edges.count) relationships bound by \(outcome.rowCount) result rows")
                }
            case "jsonl", "csv":
                let columns = prepared.plan.columnNames
                if format == "csv" { context.out(output.csvLine(columns)) }
                let outcome = try engine.execute(prepared, timeout: timeout) { row in
                    if format == "csv" {
                        context.out(output.csvLine(try row.map(output.csvField)))
                    } else {
                        context.out(try output.jsonLine(row, columns: columns))
                    }
                    return true
                }
                report(outcome.warnings)
            default:
                var rows: [[Value]] = []
                let outcome = try engine.execute(prepared, timeout: timeout) { row in
                    rows.append(row)
                    if rows.count > QueryLimits.maxMaterializedRows { throw QueryError.tooManyRows(limit: QueryLimits.maxMaterializedRows) }
                    return true
                }
                let table = ResultTable(columns: outcome.columns, rows: rows)
                if format == "json" {
                    context.out(try output.json(table, warnings: outcome.warnings))
                } else {
                    context.out(output.table(table))
                }
                report(outcome.warnings)
            }
        } catch let error as QueryError {
            // The planner's warnings (a capped range, an unknown label) often explain a stopped query.
            report(prepared.warnings)
            throw CommandError.refused(error.render(source: text))
        }
    }

    /// The query from the argument or -f FILE (exactly one of them).
    static func queryText(_ arguments: ParsedArguments, _ invocation: Invocation) throws -> String {
        let usage = invocation.usage
        let file = arguments.value("file")
        switch (arguments.positionals.first, file) {
        case (nil, nil):
            throw CommandError.usage("`kg query` needs a query: kg query 'MATCH (n) RETURN n LIMIT 5', or -f FILE.cypher", usage: usage)
        case (.some, .some):
            throw CommandError.usage("give the query either as the argument or with -f FILE, not both", usage: usage)
        case (let text?, nil):
            return text
        case (nil, let path?):
            let bytes = try invocation.readInput(path)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw CommandError.cannotRead(path: path, reason: "not UTF-8 text")
            }
            return text
        }
    }

    /// --params FILE.json, then each --param NAME=VALUE on top.
    static func parameters(_ arguments: ParsedArguments, _ invocation: Invocation) throws -> [String: Value] {
        var parameters: [String: Value] = [:]
        if let path = arguments.value("params") {
            let bytes = try FileAccess.read(path)
            let json: JSONValue
            do {
                json = try bytes.withUnsafeBytes { try JSONParser.parse($0) }
            } catch {
                throw CommandError.refused("\(path): not JSON: \(error)")
            }
            guard case .object(let members) = json else {
                throw CommandError.refused("\(path): --params expects a JSON object of parameters, got \(json.typeName)")
            }
            for (name, member) in members { parameters[name] = try QueryOutput.value(member, path: "\(path): \(name)") }
        }
        for assignment in arguments.all("param") {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw CommandError.usage("--param expects NAME=VALUE, got '\(assignment)'", usage: invocation.usage)
            }
            let name = String(assignment[..<equals])
            let text = String(assignment[assignment.index(after: equals)...])
            if let json = try? JSONParser.parse(text) {
                parameters[name] = try QueryOutput.value(json, path: "--param \(name)")
            } else {
                parameters[name] = .string(text)
            }
        }
        return parameters
    }
}
