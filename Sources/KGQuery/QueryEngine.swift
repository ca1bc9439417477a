import KGModel
import KGQuerySyntax

/// Runs queries in the Cypher/GQL subset of Queries/README.md over one in-memory graph:
/// text -> tokens -> AST (KGQuerySyntax) -> bound query -> logical plan -> result table.
///
/// ```swift
/// let engine = QueryEngine(graph: graph)
/// let result = try engine.run("MATCH (m:Motion)<-[:refers_to]-(q) RETURN m.id, count(q) AS n ORDER BY n DESC",
///                             parameters: [:])
/// ```
/// Errors are `SyntaxError` (parsing) or `QueryError` (binding, running; timeouts). The engine keeps
/// working memory for graph searches between queries; not thread-safe (one engine per thread).
public final class QueryEngine {
    /// The graph queried.
    public let graph: Graph
    /// The searches the executor uses, for direct calls.
    public let kernels: TraversalKernels

    /// An engine over `graph` (which must not change while a query runs).
    public init(graph: Graph) {
        self.graph = graph
        self.kernels = TraversalKernels(graph: graph)
    }

    /// Parses, binds and plans `text`. A query of more than `LargeStack.shallowTokens` tokens is parsed,
    /// bound and planned on a thread with a large stack (those stages recurse as deep as it nests).
    public func prepare(_ text: String, parameters: [String: Value] = [:]) throws -> PreparedQuery {
        let tokens = try Lexer.tokenize(text)
        if tokens.count > LargeStack.shallowTokens {
            return try LargeStack.run { try self.prepare(text, tokens: tokens, parameters: parameters) }
        }
        return try prepare(text, tokens: tokens, parameters: parameters)
    }

    private func prepare(_ text: String, tokens: [Token], parameters: [String: Value]) throws -> PreparedQuery {
        let query = try Parser.parse(tokens: tokens, source: text)
        kernels.refresh()
        let names = parameters.keys.sorted()
        let bound = try Binder.bind(query, graph: graph, parameterNames: names)
        let plan = Planner.plan(bound, graph: graph)
        return PreparedQuery(text: text, plan: plan, parameters: names.map { parameters[$0]! }, warnings: bound.warnings, tokenCount: tokens.count)
    }

    /// The logical plan of `text` as `--explain` prints it.
    public func explain(_ text: String, parameters: [String: Value] = [:]) throws -> String {
        try prepare(text, parameters: parameters).plan.description
    }

    /// Runs `text` and collects the result. `timeout` in seconds (nil: none).
    public func run(_ text: String, parameters: [String: Value] = [:], timeout: Double? = nil) throws -> QueryResult {
        var rows: [[Value]] = []
        let outcome = try stream(text, parameters: parameters, timeout: timeout) { row in
            rows.append(row)
            if rows.count > QueryLimits.maxMaterializedRows { throw QueryError.tooManyRows(limit: QueryLimits.maxMaterializedRows) }
            return true
        }
        return QueryResult(table: ResultTable(columns: outcome.columns, rows: rows), warnings: outcome.warnings)
    }

    /// Runs `text`, handing each result row to `consume` as it is produced (return false to stop).
    public func stream(_ text: String, parameters: [String: Value] = [:], timeout: Double? = nil,
                       consume: @escaping ([Value]) throws -> Bool) throws -> QueryOutcome {
        let prepared = try prepare(text, parameters: parameters)
        return try execute(prepared, timeout: timeout, consume: consume)
    }

    /// Runs a prepared query. A query of more than `LargeStack.shallowTokens` tokens runs on a thread of
    /// its own with a stack of `LargeStack.size` while the caller waits, so that its recursion (nested
    /// expressions, and one operator frame per pattern step and filter) fits whatever thread calls the
    /// engine (a Swift concurrency worker has 512 KiB); `consume` then runs on that thread.
    public func execute(_ prepared: PreparedQuery, timeout: Double? = nil, collectBindings: Bool = false,
                        consume: @escaping ([Value]) throws -> Bool) throws -> QueryOutcome {
        if prepared.tokenCount > LargeStack.shallowTokens {
            return try LargeStack.run { try self.executeHere(prepared, timeout: timeout, collectBindings: collectBindings, consume: consume) }
        }
        return try executeHere(prepared, timeout: timeout, collectBindings: collectBindings, consume: consume)
    }

    private func executeHere(_ prepared: PreparedQuery, timeout: Double?, collectBindings: Bool,
                             consume: @escaping ([Value]) throws -> Bool) throws -> QueryOutcome {
        kernels.refresh()
        kernels.budget.start(timeout: timeout)
        let plan = prepared.plan
        let context = ExecutionContext(graph: graph, kernels: kernels, parameters: prepared.parameters,
                                       propertyKeyCount: plan.propertyKeys.count)
        var rowCount = 0
        let bindings = collectBindings ? BoundSubgraph() : nil
        try Executor.run(plan, context: context, bindings: bindings) { row in
            rowCount += 1
            return try consume(row)
        }
        var warnings = prepared.warnings + context.warnings
        for (index, key) in plan.propertyKeys.enumerated() where context.keyReads[index] > 0 && context.keyHits[index] == 0 {
            let reads = context.keyReads[index]
            warnings.append(QueryWarning("property `\(key.name)` is not set on any of the \(reads) node\(reads == 1 ? "" : "s") and relationships read (it was null each time)",
                                         at: key.span))
        }
        if let bindings {
            // Values the results return (a node, a path) belong to the drawing too.
            return QueryOutcome(columns: plan.columnNames, rowCount: rowCount, warnings: warnings, bindings: bindings)
        }
        return QueryOutcome(columns: plan.columnNames, rowCount: rowCount, warnings: warnings)
    }
}

/// A query parsed, bound and planned, ready to run (with its parameter values).
public struct PreparedQuery {
    /// The query text.
    public let text: String
    /// The plan `--explain` prints.
    public let plan: LogicalPlan
    let parameters: [Value]
    /// Warnings from binding (unknown labels, types, capped ranges).
    public let warnings: [QueryWarning]
    /// Tokens in the query text: an upper bound on how deep anything in it can nest or chain.
    let tokenCount: Int
}

/// What a streamed run reports at the end.
public struct QueryOutcome: Sendable {
    /// Result column names.
    public var columns: [String]
    /// Rows handed to the consumer.
    public var rowCount: Int
    /// Warnings from binding and from the run.
    public var warnings: [QueryWarning]
    /// With `collectBindings`: every node and relationship the matches bound.
    public var bindings: BoundSubgraph?

    public init(columns: [String], rowCount: Int, warnings: [QueryWarning], bindings: BoundSubgraph? = nil) {
        self.columns = columns
        self.rowCount = rowCount
        self.warnings = warnings
        self.bindings = bindings
    }
}
