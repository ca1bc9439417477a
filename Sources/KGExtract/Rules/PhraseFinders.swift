import KGModel

/// Finds countries (names, adjectives such as "het Hongaarse voorzitterschap", abbreviations such as
/// "VK") and EU acts and laws by name or alias ("CSAM-verordening", "Asiel- en Migratiepact"), with the
/// reference tables as dictionaries. Regions are matched too, only so that "Latijns-Amerikaanse" is
/// not read as the adjective "Amerikaanse".
struct PhraseFinders: Sendable {
    enum Hit: Sendable {
        case country(iso: String, name: String)
        case region
        case act(id: String, name: String)
        /// An alias several acts share: resolved per document by `ActChoice.resolve`.
        case acts([ActChoice])
    }

    var places = PhraseMatcher<Hit>()
    var acts = PhraseMatcher<Hit>()

    init(reference: ReferenceData) {
        for country in reference.countries {
            let hit = Hit.country(iso: country.iso, name: country.name)
            places.add(country.name, hit)
            for adjective in country.adjectives { places.add(adjective, hit) }
            for alias in country.aliases {
                // Short upper-case abbreviations ("VK", "VS", "BEL") must match exactly: "vs" is also a word.
                let exact = alias.count <= 4 && alias == alias.uppercased()
                places.add(alias, hit, caseSensitive: exact)
            }
        }
        for region in PhraseFinders.regionPhrases { places.add(region, .region) }
        // Aliases grouped case-insensitively (in reference order), so that an alias two acts share
        // is one phrase whose meaning is chosen per document, not whichever act came first.
        var order: [String] = []
        var choicesByAlias: [String: (alias: String, choices: [ActChoice])] = [:]
        for act in reference.acts {
            let name = act.title.isEmpty ? (act.aliases.first ?? act.id) : act.title
            let choice = ActChoice(id: act.id, name: act.aliases.first ?? name, date: act.date, relations: act.relations)
            for alias in act.aliases {
                let key = PhraseFinders.matchKey(alias)
                if choicesByAlias[key] == nil { order.append(key); choicesByAlias[key] = (alias, []) }
                if !choicesByAlias[key]!.choices.contains(where: { $0.id == act.id }) { choicesByAlias[key]!.choices.append(choice) }
            }
        }
        for key in order {
            guard let (alias, choices) = choicesByAlias[key] else { continue }
            let hit = choices.count == 1 ? Hit.act(id: choices[0].id, name: choices[0].name) : Hit.acts(choices)
            acts.add(alias, hit, caseSensitive: PhraseFinders.isExactAlias(alias))
        }
    }

    /// A short upper-case act alias ("APR", "DSA") matches only as written.
    static func isExactAlias(_ alias: String) -> Bool { alias.count <= 5 && alias == alias.uppercased() }

    /// What the phrase matcher sees of an alias: its words, lower-cased as the tokeniser lowers them
    /// (punctuation between words dropped); an exact alias keeps its spelling. Aliases with one key are
    /// one phrase.
    static func matchKey(_ alias: String) -> String {
        if isExactAlias(alias) { return "=" + alias }
        let words = WordTokens(Array(alias.utf8))
        return (0..<words.count).map { String(decoding: words.lower($0), as: UTF8.self) }.joined(separator: " ")
    }

    /// Regions and compound words that contain a country adjective but are not countries.
    static let regionPhrases = ["Latijns-Amerika", "Latijns-Amerikaanse", "Latijns-Amerikaans", "Latijns Amerika", "Latijns Amerikaanse",
                                "Latijns Amerikaans", "Zuid-Amerikaanse", "Noord-Amerikaanse", "Midden-Amerika", "Zuid-Amerika", "Noord-Afrika",
                                "Noord-Afrikaanse", "West-Afrika", "West-Afrikaanse", "Midden-Oosten", "Westelijke Balkan",
                                "Zuidelijk Nabuurschap", "Sub-Sahara", "Oost-Europa", "Oost-Europese", "Europese Unie",
                                "Europese Commissie", "Europese Raad", "Europees Parlement", "Raad van Europa",
                                "Europees Hof voor de Rechten van de Mens", "Verenigde Naties", "Nederlandse Antillen"]

    func countries(_ words: WordTokens, _ clean: [UInt8]) -> [Mention] {
        places.matches(words, in: clean).compactMap { match in
            guard case .country(let iso, let name) = match.payload else { return nil }
            let range = words[match.tokens.lowerBound].range.lowerBound..<words[match.tokens.upperBound - 1].range.upperBound
            return Mention(target: .country(iso: iso, name: name), range: range, rule: "country.name", confidence: 0.9)
        }
    }

    /// Acts named by an alias, in a document dated `date`. An alias several acts share names the one
    /// the date and their relations pick, or all of them (see `ActChoice.resolve`).
    func regulations(_ words: WordTokens, _ clean: [UInt8], date: Day?) -> [Mention] {
        var found: [Mention] = []
        for match in acts.matches(words, in: clean) {
            let range = words[match.tokens.lowerBound].range.lowerBound..<words[match.tokens.upperBound - 1].range.upperBound
            switch match.payload {
            case .act(let id, let name):
                found.append(Mention(target: .regulation(id: id, name: name), range: range, rule: "regulation.alias", confidence: 0.85))
            case .acts(let choices):
                let (chosen, rule) = ActChoice.resolve(choices, date: date)
                for choice in chosen {
                    found.append(Mention(target: .regulation(id: choice.id, name: choice.name), range: range, rule: rule,
                                         confidence: rule == "regulation.alias-unresolved" ? 0.5 : 0.8))
                }
            default:
                continue
            }
        }
        return found
    }
}
