import Foundation
import KGModel

/// The reference tables the extractor resolves names against: factions with their periods,
/// ministers with offices and dates, office spellings, countries with Dutch names and adjectives,
/// regions, EU acts with aliases, and other persons (members who file motions).
///
/// They live as readable TSV files in `Graph/reference/` that a user can extend (a new cabinet)
/// without recompiling; `ReferenceData.builtin` is the same data compiled in, so a lone binary works.
public struct ReferenceData: Sendable {
    /// A faction (`faction-VVD`): its name, the spellings papers use, and when it sat in which chamber.
    public struct Faction: Sendable {
        public var id: String
        public var name: String
        public var aliases: [String]
        /// (chamber, from, to) spans; nil ends are open.
        public var periods: [(chamber: String, from: Day?, to: Day?)]
    }

    /// One person in one office for one period: what "de minister van ..." means on a date.
    public struct MinisterTerm: Sendable {
        public var personID: String
        public var name: String
        public var fullName: String
        public var office: String
        public var from: Day?
        public var to: Day?
        public var aliases: [String]
        public var party: String
    }

    /// An office and the spellings that name it ("minister van JenV").
    public struct Office: Sendable {
        public var office: String
        public var aliases: [String]
    }

    /// A country by ISO 3166 alpha-2 code, with its Dutch name, adjectives and abbreviations.
    public struct Country: Sendable {
        public var iso: String
        public var name: String
        public var adjectives: [String]
        public var aliases: [String]
    }

    /// An EU act or national law: CELEX or reference id, number, title, aliases ("CSAM-verordening").
    public struct Act: Sendable {
        /// CELEX (proposals `com-YYYY-N` become sector-5 CELEX `5YYYYPCNNNN`) or a reference id.
        public var id: String
        public var kind: String
        public var number: String
        public var title: String
        public var aliases: [String]
        public var partOf: String
        /// Adoption or publication date (the `date` column), when known.
        public var date: Day? = nil
        /// Typed links to other acts (the `relations` column): `("repeals", "32013L0033")`, `("amends", ...)`.
        public var relations: [(kind: String, id: String)] = []

        /// The relation kinds `eu_acts.tsv` may use.
        public static let relationKinds: Set<String> = ["repeals", "amends", "implements", "became", "extends", "replaces"]
    }

    /// Another person the papers name (a member filing motions, a commissioner), with aliases.
    public struct Person: Sendable {
        public var personID: String
        public var name: String
        public var fullName: String
        public var role: String
        public var affiliation: String
        public var aliases: [String]
    }

    public var factions: [Faction] = []
    public var ministers: [MinisterTerm] = []
    public var offices: [Office] = []
    public var countries: [Country] = []
    public var acts: [Act] = []
    public var persons: [Person] = []
    /// Where the data came from (a directory, or "built-in").
    public var origin: String = "built-in"

    public init() {}

    /// The files and their parsers, by file name.
    static let fileNames = ["factions.tsv", "ministers.tsv", "offices.tsv", "countries.tsv", "eu_acts.tsv", "persons_other.tsv"]

    /// Loads the tables from `directory` (every file must be present and well-formed).
    public static func load(directory: String) throws -> ReferenceData {
        var texts: [String: String] = [:]
        for name in fileNames {
            let path = directory + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ExtractError.badReferenceFile(file: path, line: 0, reason: "missing or unreadable")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ExtractError.badReferenceFile(file: path, line: 0, reason: "not UTF-8")
            }
            texts[name] = text
        }
        var data = try parse(texts, prefix: directory + "/")
        data.origin = directory
        return data
    }

    /// The tables compiled into the binary (a copy of Graph/reference/, checked equal by a test).
    public static let builtin: ReferenceData = {
        do {
            return try parse(BuiltinReferenceFiles.files, prefix: "built-in ")
        } catch {
            // The built-in tables are tested; failing here means the binary was built from broken data.
            preconditionFailure("built-in reference data does not parse: \(error)")
        }
    }()

    static func parse(_ texts: [String: String], prefix: String) throws -> ReferenceData {
        var data = ReferenceData()
        func table(_ name: String) throws -> TSVTable { try TSVTable(name: prefix + name, text: texts[name] ?? "") }
        func day(_ text: String, _ table: TSVTable, _ line: Int) throws -> Day? {
            if text.isEmpty { return nil }
            do { return try Day(iso: text) } catch {
                throw ExtractError.badReferenceFile(file: table.name, line: line, reason: "\(error)")
            }
        }

        let factions = try table("factions.tsv")
        let (fid, fname, faliases, fchamber, ffrom, fto) = (try factions.column("id"), try factions.column("name"),
            try factions.column("aliases"), try factions.column("chamber"), try factions.column("from"), try factions.column("to"))
        let fperiods = factions.optionalColumn("periods")
        for (line, row) in factions.rows {
            var periods: [(String, Day?, Day?)] = []
            if let fperiods, !row[fperiods].isEmpty {
                for span in TSVTable.values(row[fperiods]) {
                    let parts = span.split(separator: ":", maxSplits: 1).map(String.init)
                    guard parts.count == 2 else { throw ExtractError.badReferenceFile(file: factions.name, line: line, reason: "period \"\(span)\" is not CHAMBER:FROM/TO") }
                    let dates = parts[1].split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                    guard dates.count == 2 else { throw ExtractError.badReferenceFile(file: factions.name, line: line, reason: "period \"\(span)\" is not CHAMBER:FROM/TO") }
                    periods.append((parts[0], try day(dates[0], factions, line), try day(dates[1], factions, line)))
                }
            } else {
                for chamber in TSVTable.values(row[fchamber]) {
                    periods.append((chamber, try day(row[ffrom], factions, line), try day(row[fto], factions, line)))
                }
            }
            data.factions.append(Faction(id: row[fid], name: row[fname], aliases: TSVTable.values(row[faliases]), periods: periods))
        }

        let ministers = try table("ministers.tsv")
        let mcols = try ["person_id", "name", "full_name", "office", "from", "to"].map { try ministers.column($0) }
        let maliases = ministers.optionalColumn("aliases"), mparty = ministers.optionalColumn("party")
        for (line, row) in ministers.rows {
            data.ministers.append(MinisterTerm(
                personID: row[mcols[0]], name: row[mcols[1]], fullName: row[mcols[2]], office: row[mcols[3]],
                from: try day(row[mcols[4]], ministers, line), to: try day(row[mcols[5]], ministers, line),
                aliases: maliases.map { TSVTable.values(row[$0]) } ?? [], party: mparty.map { row[$0] } ?? ""))
        }

        let offices = try table("offices.tsv")
        let (ooffice, oaliases) = (try offices.column("office"), try offices.column("aliases"))
        for (_, row) in offices.rows {
            data.offices.append(Office(office: row[ooffice], aliases: TSVTable.values(row[oaliases])))
        }

        let countries = try table("countries.tsv")
        let ccols = try ["iso2", "name_nl", "adjectives", "aliases"].map { try countries.column($0) }
        for (line, row) in countries.rows {
            guard row[ccols[0]].count == 2 else {
                throw ExtractError.badReferenceFile(file: countries.name, line: line, reason: "iso2 \"\(row[ccols[0]])\" is not two letters")
            }
            data.countries.append(Country(iso: row[ccols[0]], name: row[ccols[1]], adjectives: TSVTable.values(row[ccols[2]]),
                                          aliases: TSVTable.values(row[ccols[3]])))
        }

        let acts = try table("eu_acts.tsv")
        let acols = try ["id", "kind", "number", "title_nl", "aliases"].map { try acts.column($0) }
        let apart = acts.optionalColumn("part_of"), adate = acts.optionalColumn("date"), arelations = acts.optionalColumn("relations")
        // Relation targets are ids of this table as written (`com-2023-424`), made canonical by their own row's kind.
        var canonicalByRawID: [String: String] = [:]
        for (_, row) in acts.rows { canonicalByRawID[row[acols[0]]] = canonicalActID(row[acols[0]], kind: row[acols[1]]) }
        for (line, row) in acts.rows {
            var act = Act(id: canonicalActID(row[acols[0]], kind: row[acols[1]]), kind: row[acols[1]], number: row[acols[2]], title: row[acols[3]],
                          aliases: TSVTable.values(row[acols[4]]), partOf: apart.map { canonicalActID(row[$0]) } ?? "")
            if let adate { act.date = try day(row[adate], acts, line) }
            for relation in arelations.map({ TSVTable.values(row[$0]) }) ?? [] {
                let parts = relation.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw ExtractError.badReferenceFile(file: acts.name, line: line, reason: "relation \"\(relation)\" is not KIND:ID (e.g. repeals:32013L0033)")
                }
                guard Act.relationKinds.contains(parts[0]) else {
                    throw ExtractError.badReferenceFile(file: acts.name, line: line,
                                                        reason: "relation kind \"\(parts[0])\" is not one of \(Act.relationKinds.sorted().joined(separator: ", "))")
                }
                guard let target = canonicalByRawID[parts[1]] else {
                    throw ExtractError.badReferenceFile(file: acts.name, line: line, reason: "relation target \"\(parts[1])\" is not an id in this table")
                }
                act.relations.append((parts[0], target))
            }
            data.acts.append(act)
        }

        let persons = try table("persons_other.tsv")
        let pcols = try ["person_id", "name", "full_name", "role", "affiliation", "aliases"].map { try persons.column($0) }
        for (_, row) in persons.rows {
            data.persons.append(Person(personID: row[pcols[0]], name: row[pcols[1]], fullName: row[pcols[2]], role: row[pcols[3]],
                                       affiliation: row[pcols[4]], aliases: TSVTable.values(row[pcols[5]])))
        }
        return data
    }

    /// `com-2022-209` -> `52022PC0209` (a proposal), `52024DC0251` for a communication; other ids unchanged.
    static func canonicalActID(_ id: String, kind: String = "") -> String {
        let parts = id.split(separator: "-")
        guard parts.count == 3, parts[0] == "com", parts[1].count == 4, let number = Int(parts[2]), number < 10000 else { return id }
        let padded = String(repeating: "0", count: 4 - String(number).count) + String(number)
        let descriptor = kind.contains("communication") ? "DC" : "PC"
        return "5\(parts[1])\(descriptor)\(padded)"
    }
}
