/// The scalar functions of the language, resolved by name (case-insensitive) at bind time.
enum Builtin: String, CaseIterable, Sendable {
    case id, labels, type, properties, keys, length, nodes, relationships, startNode, endNode
    case coalesce, toLower, toUpper, trim, size, date, toString, toInteger, toFloat, head, last, abs

    /// The name as documented.
    var name: String { rawValue }

    /// Accepted argument counts.
    var arity: ClosedRange<Int> {
        switch self {
        case .coalesce: return 1...64
        default: return 1...1
        }
    }

    /// The function for `name` (any case), or nil.
    static func named(_ name: String) -> Builtin? {
        let lower = name.lowercased()
        return allCases.first { $0.rawValue.lowercased() == lower }
    }
}

/// The aggregate functions. All skip nulls; `count(*)` counts rows.
enum AggregateFunction: String, Sendable {
    case count, countStar, collect, min, max, sum, avg

    static func named(_ name: String) -> AggregateFunction? {
        switch name.lowercased() {
        case "count": return .count
        case "collect": return .collect
        case "min": return .min
        case "max": return .max
        case "sum": return .sum
        case "avg": return .avg
        default: return nil
        }
    }

    var name: String { self == .countStar ? "count" : rawValue }
}

/// Names for "did you mean" suggestions.
enum Suggest {
    /// The candidate closest to `word` by edit distance (case-insensitive), if close enough: one edit
    /// for words up to 4 letters, two up to 8, three beyond; no suggestions for words under 3 letters.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        guard target.count >= 3 else { return nil }
        let allowed = target.count <= 4 ? 1 : target.count <= 8 ? 2 : 3
        var best: (String, Int)?
        for candidate in candidates where candidate != word {
            let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
            if distance <= allowed, best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        return best?.0
    }

    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
