/// A small two-way table of names (labels or edge types) and their dense 16-bit ids, in first-seen order.
public struct SymbolTable: Sendable, Equatable {
    /// Names by id.
    public private(set) var names: [String] = []
    private var ids: [String: UInt16] = [:]

    public init() {}

    /// Builds a table holding `names` in this order.
    public init(names: [String]) {
        for name in names { _ = intern(name) }
    }

    /// The id of `name`, or nil when the table has never seen it.
    public func id(of name: String) -> UInt16? { ids[name] }

    /// The id of `name`, adding it when new. At most 65,535 names.
    public mutating func intern(_ name: String) -> UInt16 {
        if let id = ids[name] { return id }
        precondition(names.count < Int(UInt16.max), "symbol table full")
        let id = UInt16(names.count)
        names.append(name)
        ids[name] = id
        return id
    }

    public var count: Int { names.count }
    public subscript(id: UInt16) -> String { names[Int(id)] }
}
