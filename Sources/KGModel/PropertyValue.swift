/// A property value: string, integer, float, boolean, ISO day, or a list of these.
public enum PropertyValue: Hashable, Sendable, CustomStringConvertible {
    case string(String)
    case int(Int64)
    case float(Double)
    case bool(Bool)
    case date(Day)
    case list([PropertyValue])

    /// Nesting depth: 0 for a scalar, 1 for a flat list, and so on.
    public var depth: Int {
        if case .list(let items) = self { return 1 + (items.map(\.depth).max() ?? 0) }
        return 0
    }

    /// The value as readable text: strings bare, dates ISO, lists in brackets.
    public var description: String {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .float(let d): return PropertyValue.format(d)
        case .bool(let b): return b ? "true" : "false"
        case .date(let day): return day.iso
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        }
    }

    /// Shortest text that reads back as the same Double and always shows it is a float (`1.0`, not `1`).
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        let text = "\(value)"
        if text.contains(".") || text.contains("e") || text.contains("E") { return text }
        return text + ".0"
    }
}

/// Properties of a node or edge: a name -> value map, printed in sorted key order.
public typealias Properties = [String: PropertyValue]
