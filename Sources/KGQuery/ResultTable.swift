/// The result of a query: column names and rows of values. Graph elements stay as indices into the
/// graph the query ran on (`Value.node`, `.relationship`, `.path`), so a consumer can render them or
/// draw the subgraph the rows bind.
public struct ResultTable: Sendable {
    /// Column names: aliases, else the expressions as written.
    public var columns: [String]
    /// Rows, each with one value per column.
    public var rows: [[Value]]

    /// A table of `rows` under `columns`.
    public init(columns: [String], rows: [[Value]]) {
        self.columns = columns
        self.rows = rows
    }

    /// The values of column `name`, top to bottom.
    public func column(_ name: String) -> [Value]? {
        guard let index = columns.firstIndex(of: name) else { return nil }
        return rows.map { $0[index] }
    }
}

/// What running a query gives: the table and the warnings (binding and run time).
public struct QueryResult: Sendable {
    /// The rows.
    public var table: ResultTable
    /// Warnings from binding and from the run.
    public var warnings: [QueryWarning]
}
