/// The public id conventions for parliamentary and EU documents, parsed and printed.
///
/// ```
/// kst-32317-884   kst-36410-VI-85   kst-21501-31-751      Kamerstuk (dossier, suffix, number)
/// ah-tk-20232024-2075                                     Aanhangsel Handelingen (chamber, year, number)
/// h-tk-20222023-84-12                                     Handelingen (chamber, year, meeting, item)
/// zaak-2024Z08726                                         Tweede Kamer zaak number
/// stb-2019-123                                            Staatsblad (year, number)
/// 32014L0041   52022PC0209                                CELEX (EU acts; proposals in sector 5)
/// country-TN   faction-VVD   person-van-weel              ISO 3166 alpha-2 country, faction, person
/// meeting-jbz-2023-10-19   dossier-32317   doc-2c53b84423decd33
/// ```
public enum CanonicalID: Hashable, Sendable, CustomStringConvertible {
    case kamerstuk(dossier: String, suffix: String?, number: String)
    case aanhangsel(chamber: String, year: String, number: String)
    case handelingen(chamber: String, year: String, meeting: String, item: String)
    case zaak(String)
    /// Staatsblad (the Dutch law gazette): year and number, printed `stb-2019-123`.
    case staatsblad(year: String, number: String)
    case celex(String)
    case country(String)
    case faction(String)
    case person(String)
    case meeting(body: String, date: Day)
    case dossier(number: String, suffix: String?)
    case document(String)

    /// The printed id.
    public var description: String {
        switch self {
        case .kamerstuk(let dossier, let suffix, let number):
            return "kst-" + dossier + (suffix.map { "-" + $0 } ?? "") + "-" + number
        case .aanhangsel(let chamber, let year, let number): return "ah-\(chamber)-\(year)-\(number)"
        case .handelingen(let chamber, let year, let meeting, let item): return "h-\(chamber)-\(year)-\(meeting)-\(item)"
        case .zaak(let number): return "zaak-" + number
        case .staatsblad(let year, let number): return "stb-\(year)-\(number)"
        case .celex(let number): return number
        case .country(let iso): return "country-" + iso
        case .faction(let name): return "faction-" + name
        case .person(let slug): return "person-" + slug
        case .meeting(let body, let date): return "meeting-\(body)-\(date.iso)"
        case .dossier(let number, let suffix): return "dossier-" + number + (suffix.map { "-" + $0 } ?? "")
        case .document(let hex): return "doc-" + hex
        }
    }

    /// The id as a `NodeID`.
    public var nodeID: NodeID { NodeID(trusted: description) }

    /// The dossier a Kamerstuk belongs to.
    public var dossier: CanonicalID? {
        if case .kamerstuk(let dossier, let suffix, _) = self { return .dossier(number: dossier, suffix: suffix) }
        return nil
    }

    /// A web address where the document can be read, when there is a public one.
    public var url: String? {
        switch self {
        case .kamerstuk, .aanhangsel, .handelingen, .staatsblad:
            return "https://zoek.officielebekendmakingen.nl/\(description).html"
        case .celex(let number):
            return "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:\(number)"
        case .zaak(let number):
            return "https://www.tweedekamer.nl/kamerstukken/zaken/zaakdetails?id=\(number)"
        default:
            return nil
        }
    }

    /// Parses any canonical form; throws `ModelError.unrecognisedCanonicalID` otherwise.
    public init(parsing text: String) throws {
        guard let id = CanonicalID.parse(text) else { throw ModelError.unrecognisedCanonicalID(text) }
        self = id
    }

    /// Parses any canonical form, or nil.
    public static func parse(_ text: String) -> CanonicalID? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let head = parts.first else { return nil }
        switch head {
        case "kst":
            guard parts.count == 3 || parts.count == 4, isDigits(parts[1]), isDocumentNumber(parts[parts.count - 1])
            else { return nil }
            let suffix = parts.count == 4 ? parts[2] : nil
            if let suffix, !isDossierSuffix(suffix) { return nil }
            return .kamerstuk(dossier: parts[1], suffix: suffix, number: parts[parts.count - 1])
        case "ah":
            guard parts.count == 4, isChamber(parts[1]), isVergaderjaar(parts[2]), isDocumentNumber(parts[3])
            else { return nil }
            return .aanhangsel(chamber: parts[1], year: parts[2], number: parts[3])
        case "h":
            guard parts.count == 5, isChamber(parts[1]), isVergaderjaar(parts[2]), isDigits(parts[3]), isDigits(parts[4])
            else { return nil }
            return .handelingen(chamber: parts[1], year: parts[2], meeting: parts[3], item: parts[4])
        case "zaak":
            guard parts.count == 2, isZaakNumber(parts[1]) else { return nil }
            return .zaak(parts[1])
        case "stb":
            guard parts.count == 3, parts[1].utf8.count == 4, isDigits(parts[1]), isDigits(parts[2]) else { return nil }
            return .staatsblad(year: parts[1], number: parts[2])
        case "country":
            guard parts.count == 2, parts[1].utf8.count == 2, parts[1].utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A })
            else { return nil }
            return .country(parts[1])
        case "faction":
            let rest = parts.dropFirst().joined(separator: "-")
            guard !rest.isEmpty else { return nil }
            return .faction(rest)
        case "person":
            let rest = parts.dropFirst().joined(separator: "-")
            guard !rest.isEmpty else { return nil }
            return .person(rest)
        case "meeting":
            guard parts.count >= 5 else { return nil }
            let dateText = parts.suffix(3).joined(separator: "-")
            let body = parts.dropFirst().dropLast(3).joined(separator: "-")
            guard !body.isEmpty, let date = try? Day(iso: dateText) else { return nil }
            return .meeting(body: body, date: date)
        case "dossier":
            guard parts.count == 2 || parts.count == 3, isDigits(parts[1]) else { return nil }
            let suffix = parts.count == 3 ? parts[2] : nil
            if let suffix, !isDossierSuffix(suffix) { return nil }
            return .dossier(number: parts[1], suffix: suffix)
        case "doc":
            guard parts.count == 2, parts[1].utf8.count == 16, isLowerHex(parts[1]) else { return nil }
            return .document(parts[1])
        default:
            guard parts.count == 1, isCELEX(text) else { return nil }
            return .celex(text)
        }
    }

    /// The id of an ingested document: `doc-` and the first 16 hex digits of its sha256.
    public static func document(sha256 hex: String) -> CanonicalID {
        .document(String(hex.prefix(16)))
    }

    // MARK: - Pieces

    static func isDigits(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= 12 && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// A document number within a dossier: digits with an optional lower-case letter (`5a`), or
    /// upper-case letters for Eerste Kamer papers (`A`, `AB`).
    static func isDocumentNumber(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        guard !bytes.isEmpty, bytes.count <= 12 else { return false }
        if bytes.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) { return true }
        var index = 0
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
        guard index > 0 else { return false }
        return index == bytes.count || (index == bytes.count - 1 && bytes[index] >= 0x61 && bytes[index] <= 0x7A)
    }

    /// A dossier suffix: a Roman numeral or letters (`VI`, `XIV`, `A`) or digits (`31` in 21501-31).
    static func isDossierSuffix(_ s: String) -> Bool {
        guard !s.isEmpty, s.utf8.count <= 8 else { return false }
        return s.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    static func isChamber(_ s: String) -> Bool { s == "tk" || s == "ek" }

    /// A parliamentary year written as two consecutive years: `20232024`.
    static func isVergaderjaar(_ s: String) -> Bool {
        guard s.utf8.count == 8, isDigits(s), let first = Int(s.prefix(4)), let second = Int(s.suffix(4))
        else { return false }
        return second == first + 1
    }

    /// `2024Z08726`: a year, `Z`, five digits.
    static func isZaakNumber(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        guard bytes.count == 10, bytes[4] == 0x5A else { return false }
        return (bytes[0..<4] + bytes[5...]).allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// A CELEX number: sector digit, 4-digit year, 1-2 letter type, 4-digit number (`32014L0041`,
    /// `52022PC0209`), optionally followed by a corrigendum or part marker is not accepted here.
    public static func isCELEX(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        guard bytes.count == 10 || bytes.count == 11 else { return false }
        guard bytes[0] >= 0x31, bytes[0] <= 0x39 else { return false }
        let isDigit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        let isUpper: (UInt8) -> Bool = { $0 >= 0x41 && $0 <= 0x5A }
        guard bytes[1...4].allSatisfy(isDigit), isUpper(bytes[5]) else { return false }
        let numberStart = isUpper(bytes[6]) ? 7 : 6
        return bytes.count - numberStart == 4 && bytes[numberStart...].allSatisfy(isDigit)
    }

    static func isLowerHex(_ s: String) -> Bool {
        s.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }
}
