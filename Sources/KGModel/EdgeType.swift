/// The type of an edge such as `cites` or `contains`. The set is open: users may bring their own.
public struct EdgeType: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The type's name.
    public let name: String

    /// Validates and wraps an edge type name (letters, digits, `_`; not starting with a digit).
    public init(_ name: String) throws {
        if let reason = Name.problem(with: name) {
            throw ModelError.invalidName(name, kind: "edge type", reason: reason)
        }
        self.name = name
    }

    init(known name: String) { self.name = name }

    public var description: String { name }
    public static func < (lhs: EdgeType, rhs: EdgeType) -> Bool { lhs.name < rhs.name }

    public static let asks = EdgeType(known: "asks")
    public static let answers = EdgeType(known: "answers")
    public static let cites = EdgeType(known: "cites")
    public static let refersTo = EdgeType(known: "refers_to")
    public static let contains = EdgeType(known: "contains")
    public static let about = EdgeType(known: "about")
    public static let signedBy = EdgeType(known: "signed_by")
    public static let filedBy = EdgeType(known: "filed_by")
    public static let memberOf = EdgeType(known: "member_of")
    public static let partOf = EdgeType(known: "part_of")
    public static let sameAs = EdgeType(known: "same_as")

    /// The edge types the extractor produces; a graph may hold others.
    public static let known: [EdgeType] = [
        .asks, .answers, .cites, .refersTo, .contains, .about, .signedBy, .filedBy, .memberOf,
        .partOf, .sameAs,
    ]
}
