/// A retraction withdraws earlier facts without rewriting them: the log keeps the history.
public enum Retraction: Hashable, Sendable, CustomStringConvertible {
    /// Every fact asserted by earlier transactions of this source (a re-imported, changed file).
    case source(String)
    /// Every earlier fact about this node, and every earlier edge touching it.
    case node(NodeID)
    /// Every earlier fact of this edge.
    case edge(EdgeKey)

    public var description: String {
        switch self {
        case .source(let s): return "source \(Escaping.quoted(s))"
        case .node(let id): return "node \(id)"
        case .edge(let key): return "edge \(key)"
        }
    }
}
