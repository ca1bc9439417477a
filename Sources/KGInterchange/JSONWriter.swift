import KGModel

/// Writes JSON text: strings escaped per RFC 8259 (control characters as `\u00XX`, non-ASCII kept as
/// UTF-8), members in the order given, floats always with a fraction or exponent.
public struct JSONWriter {
    public private(set) var text = ""

    public init() {}

    public static func quoted(_ string: String) -> String {
        var writer = JSONWriter()
        writer.string(string)
        return writer.text
    }

    public mutating func raw(_ fragment: String) { text += fragment }

    public mutating func string(_ value: String) {
        text.append("\"")
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text.append("\"")
    }

    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: text += "null"
        case .bool(let b): text += b ? "true" : "false"
        case .integer(let i): text += String(i)
        case .double(let d): text += PropertyValue.format(d)
        case .string(let s): string(s)
        case .array(let items):
            text += "["
            for (i, item) in items.enumerated() {
                if i > 0 { text += "," }
                self.value(item)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (i, (key, item)) in members.enumerated() {
                if i > 0 { text += "," }
                string(key)
                text += ":"
                self.value(item)
            }
            text += "}"
        }
    }

    /// `value` as compact JSON text.
    public static func encode(_ value: JSONValue) -> String {
        var writer = JSONWriter()
        writer.value(value)
        return writer.text
    }
}
