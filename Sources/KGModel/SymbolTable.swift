/// A small two-way table of names (labels or edge types) and their dense 16-bit ids, in first-seen order.
public struct SymbolTable: Sendable, Equatable {
    /// Names by id.
    public private(set) var names: [String] = []
    private var ids: [String: UInt16] = [:]

    /// Most names a table holds (ids are 16-bit).
    public static let capacity = Int(UInt16.max)

    public init() {}

    /// Builds a table holding `names` in this order; throws when there are more than `capacity`.
    public init(names: [String], kind: String) throws {
        for name in names { _ = try intern(name, kind: kind) }
    }

    /// The id of `name`, or nil when the table has never seen it.
    public func id(of name: String) -> UInt16? { ids[name] }

    /// The id of `name`, adding it when new. At most `capacity` names; `kind` names them in the error.
    public mutating func intern(_ name: String, kind: String) throws -> UInt16 {
        if let id = ids[name] { return id }
        guard names.count < SymbolTable.capacity else { throw GraphError.tooManyNames(kind: kind, limit: SymbolTable.capacity) }
        let id = UInt16(names.count)
        names.append(name)
        ids[name] = id
        return id
    }

    public var count: Int { names.count }
    public subscript(id: UInt16) -> String { names[Int(id)] }
}
