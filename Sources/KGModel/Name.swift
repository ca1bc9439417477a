/// Validation shared by `Label` and `EdgeType`: names of letters, digits and `_`, not starting with a digit.
enum Name {
    static func problem(with text: String) -> String? {
        if text.isEmpty { return "must not be empty" }
        if text.utf8.count > Limits.maxNameBytes { return "longer than \(Limits.maxNameBytes) bytes" }
        var first = true
        for byte in text.utf8 {
            let isLetter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
            let isDigit = byte >= 0x30 && byte <= 0x39
            if !(isLetter || (isDigit && !first)) {
                return "only letters, digits and _ are allowed, and it may not start with a digit"
            }
            first = false
        }
        return nil
    }
}
