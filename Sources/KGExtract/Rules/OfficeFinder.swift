/// Finds Dutch government offices as papers name them: "de minister van Justitie en Veiligheid",
/// "de Staatssecretaris van Justitie en Veiligheid", "de ministers van Justitie en Veiligheid en voor
/// Rechtsbescherming", "de minister en de staatssecretaris van Justitie en Veiligheid", "minister-
/// president". Offices of other countries ("de Hongaarse Minister van Binnenlandse Zaken") are left out.
/// A bare "de minister" or "de staatssecretaris" (no department) is found as the office the paper
/// addresses, to be resolved against who answers it.
struct OfficeFinder: Sendable {
    /// Departments by their words, e.g. ["justitie", "en", "veiligheid"] -> "Justitie en Veiligheid".
    let departments: [(words: [String], name: String)]
    /// Canonical office strings known to the reference data.
    let offices: Set<String>
    let countryAdjectives: Set<[UInt8]>

    init(reference: ReferenceData) {
        var departments: [String: String] = [:]
        var offices = Set<String>()
        for term in reference.ministers { offices.insert(term.office) }
        for office in reference.offices { offices.insert(office.office) }
        for office in offices {
            for prefix in ["minister van ", "minister voor ", "staatssecretaris van ", "staatssecretaris voor "] where office.hasPrefix(prefix) {
                let name = String(office.dropFirst(prefix.count))
                departments[name.lowercased()] = name
            }
        }
        self.departments = departments.values.map { name in
            let words = WordTokens(Array(name.utf8))
            return ((0..<words.count).map { String(decoding: words.lower($0), as: UTF8.self) }, name)
        }.sorted { $0.words.count > $1.words.count }
        self.offices = offices
        var adjectives = Set<[UInt8]>()
        for country in reference.countries where country.iso != "NL" {
            for adjective in country.adjectives { adjectives.insert(Bytes.lowered(adjective)) }
        }
        self.countryAdjectives = adjectives
    }

    /// Hashes of the words an office phrase starts with (`role` and the premier).
    static let officeWords: WordHashIndex = {
        var index = WordHashIndex()
        for word in ["minister-president", "premier", "minister", "ministers", "staatssecretaris", "staatsecretaris", "staatssecretarissen"] {
            index.set(WordTokens.hash(word.utf8), 0)
        }
        return index
    }()

    func find(_ words: WordTokens, _ clean: [UInt8]) -> [Mention] {
        var found: [Mention] = []
        var foreignSentenceStarts: [Int] = []
        var i = 0
        while i < words.count {
            // Most words are none of the office words: one probe rules them out.
            guard OfficeFinder.officeWords.contains(words[i].hash) else { i += 1; continue }
            if words.is(i, "minister-president") || words.is(i, "premier") {
                found.append(Mention(target: .office(offices: ["minister-president"]), range: words[i].range, rule: "office.premier", confidence: 0.9))
                i += 1
                continue
            }
            guard let role = role(words, i) else { i += 1; continue }
            if i > 0 && countryAdjectives.contains(Array(words.lower(i - 1))) { i += 1; continue }   // a foreign minister
            var roles = [role.name]
            var j = i + 1
            // "de minister en de staatssecretaris van X": both roles share the department.
            if words.is(j, "en") {
                var k = j + 1
                if words.is(k, "de") { k += 1 }
                if let second = self.role(words, k) {
                    roles.append(second.name)
                    j = k + 1
                }
            }
            var result: [String] = []
            var end = j
            var preposition = words.is(j, "voor") ? "voor" : words.is(j, "van") ? "van" : nil
            guard preposition != nil else {
                // "de minister" on its own (not "de ministers", not "de minister en de staatssecretaris van X").
                if !role.plural, words.is(i - 1, "de"), roles.count == 1 {
                    found.append(Mention(target: .addressedOffice(role: role.name), range: words[i - 1].range.lowerBound..<words[i].range.upperBound,
                                         rule: "office.addressed", confidence: 0.75))
                }
                i += 1
                continue
            }
            j += 1
            guard let first = department(words, j) else {
                // "de minister van Lokale Ontwikkeling": not a Dutch office, so the sentence is about
                // another government; offices named with it are that government's.
                if j < words.count, words[j].capitalized { foreignSentenceStarts.append(words[i].range.lowerBound) }
                i += 1
                continue
            }
            for role in roles { result.append("\(role) \(preposition!) \(first.name)") }
            j += first.words.count
            end = j
            // "de ministers van X en voor Y" / "... en van Y".
            while role.plural && words.is(j, "en") && words.isAny(j + 1, ["voor", "van"]), let next = department(words, j + 2) {
                preposition = words.is(j + 1, "voor") ? "voor" : "van"
                result.append("\(role.name) \(preposition!) \(next.name)")
                j += 2 + next.words.count
                end = j
            }
            let known = result.compactMap { canonical($0) }
            if !known.isEmpty {
                found.append(Mention(target: .office(offices: known), range: words[i].range.lowerBound..<words[end - 1].range.upperBound,
                                     rule: roles.count > 1 || result.count > 1 ? "office.coordinated" : "office.title", confidence: 0.9))
            }
            i = end
        }
        // Drop the offices that share a sentence with a foreign one.
        guard !foreignSentenceStarts.isEmpty else { return found }
        return found.filter { mention in
            !foreignSentenceStarts.contains { OfficeFinder.sameSentence(clean, mention.range.lowerBound, $0) }
        }
    }

    /// Whether two offsets of a clean text lie in one sentence (no ". " or "? " between them).
    static func sameSentence(_ clean: [UInt8], _ a: Int, _ b: Int) -> Bool {
        let (low, high) = (min(a, b), max(a, b))
        var i = low
        while i + 1 < high {
            if (clean[i] == UInt8(ascii: ".") || clean[i] == UInt8(ascii: "?")) && clean[i + 1] == 0x20 { return false }
            i += 1
        }
        return true
    }

    /// The canonical office: as written, or with "van" and "voor" swapped ("minister van
    /// Rechtsbescherming" is the minister voor Rechtsbescherming).
    private func canonical(_ office: String) -> String? {
        if offices.contains(office) { return office }
        for (a, b) in [(" van ", " voor "), (" voor ", " van ")] {
            if let range = office.range(of: a) {
                let swapped = office.replacingCharacters(in: range, with: b)
                if offices.contains(swapped) { return swapped }
            }
        }
        return nil
    }

    private func role(_ words: WordTokens, _ i: Int) -> (name: String, plural: Bool)? {
        if words.is(i, "minister") { return ("minister", false) }
        if words.is(i, "ministers") { return ("minister", true) }
        if words.is(i, "staatssecretaris") || words.is(i, "staatsecretaris") { return ("staatssecretaris", false) }
        if words.is(i, "staatssecretarissen") { return ("staatssecretaris", true) }
        return nil
    }

    private func department(_ words: WordTokens, _ i: Int) -> (words: [String], name: String)? {
        departments.first { MeetingFinder.matches($0.words, words, at: i) }
    }
}
