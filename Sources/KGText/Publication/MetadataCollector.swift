import KGModel

/// Gathers the identity fields while the renderer streams through the document, then resolves them
/// into `PublicationMetadata` (Graph/TEXT.md §Identity; where each field lives is in
/// /work/scratch/xml-analysis.md §1). Works on element paths by parent, since the same name means
/// different things in different places (`nummer`, `naam`, `titel`, `kop`).
struct MetadataCollector {
    private enum Field: Hashable {
        case mastheadTitle, mastheadSubtitle, vergjaar, dossierNumber, suffix, documentNumber, title, dossierTitle
        case signerFunction, signerName
        case tekstregel(String)
    }

    private struct Capture {
        let field: Field
        let depth: Int
        var bytes: [UInt8] = []
    }

    private var captures: [Capture] = []
    private var values: [Field: [String]] = [:]
    private var meta: [PublicationMetadata.MetaField] = []
    private var rootName: String?
    private var rootKamer: String?
    private var ondernummerKamer: String?
    private var isoDates: [(String, Int)] = []
    private var signers: [PublicationMetadata.Signer] = []
    private var currentFunction: String?

    /// Whether text should be decoded for a capture at the moment.
    var isCapturing: Bool { !captures.isEmpty }

    /// An element starts at nesting `depth` (the root has depth 1) under `parent`/`grandparent`.
    mutating func start(_ tag: XMLStartTag, parent: String?, grandparent: String?, depth: Int) {
        let name = tag.name
        if depth == 1 {
            rootName = name
            rootKamer = tag.attribute("kamer")
        }
        switch name {
        case "meta":
            if let metaName = tag.attribute("name") {
                meta.append(.init(name: metaName, scheme: tag.attribute("scheme"), content: tag.attribute("content") ?? ""))
            }
        case "datum":
            if let iso = tag.attribute("isodatum") { isoDates.append((iso, tag.range.lowerBound)) }
        case "ondernummer":
            if ondernummerKamer == nil { ondernummerKamer = tag.attribute("kamer") }
        case "ondertekening", "ondtek":
            currentFunction = nil
        default:
            break
        }
        let field: Field?
        switch (parent, name) {
        case ("kop", "titel") where grandparent == "kamerwrk": field = .mastheadTitle
        case ("kop", "subtitel") where grandparent == "kamerwrk": field = .mastheadSubtitle
        case ("frontm", "vergjaar"): field = .vergjaar
        case ("onderw", "nummer"), ("dossiernummer", "dossiernr"): field = .dossierNumber
        case ("onderw", "naam"), ("dossier", "titel"): field = .dossierTitle
        case ("dossiernummer", "begrotingshoofdstuk"): field = .suffix
        case ("stuk", "nummer"), (_, "ondernummer"): field = .documentNumber
        case ("stuk", "titel"): field = .title
        case ("ondtek", "functie"), ("ondertekening", "functie"): field = .signerFunction
        case ("ondtek", "naam"), ("ondertekening", "naam"), ("ondertekening", "deze"): field = .signerName
        case (_, "tekstregel"): field = .tekstregel(tag.attribute("inhoud") ?? "")
        default: field = nil
        }
        if let field { captures.append(Capture(field: field, depth: depth)) }
    }

    /// Decoded character data inside the current element.
    mutating func text(_ decoded: [UInt8]) {
        for index in captures.indices { captures[index].bytes.append(contentsOf: decoded) }
    }

    /// An element at `depth` ends.
    mutating func end(_ name: String, depth: Int) {
        if name == "voornaam" || name == "dossiernr" || name == "nr" || name == "label" {
            text([0x20])  // `<voornaam>H.G.J.</voornaam><achternaam>` reads `H.G.J. Bruins Slot`
        }
        guard let last = captures.last, last.depth == depth else { return }
        captures.removeLast()
        let value = String(decoding: last.bytes, as: UTF8.self).collapsingSpaces
        values[last.field, default: []].append(value)
        switch last.field {
        case .signerFunction:
            currentFunction = value.isEmpty ? nil : value
        case .signerName where !value.isEmpty:
            signers.append(.init(function: currentFunction, name: value))
        default:
            break
        }
    }

    /// The metadata, and warnings about identity sources that disagree.
    func resolve(warnings: inout [PublicationWarning]) -> PublicationMetadata {
        var result = PublicationMetadata()
        result.rootElement = rootName ?? ""
        result.dialect = PublicationMetadata.Dialect(rawValue: rootName ?? "") ?? .unknown
        if result.dialect == .unknown {
            warnings.append(PublicationWarning(offset: nil, "unknown root element <\(rootName ?? "")>: "
                + "expected <kamerwrk> or <officiele-publicatie>; rendered generically, identity may be missing"))
        }
        result.meta = meta
        let first = { (field: Field) in values[field]?.first { !$0.isEmpty } }
        let metaFirst = { (name: String) in meta.first { $0.name == name && !$0.content.trimmingSpaces.isEmpty }?.content.trimmingSpaces }

        // Structure.
        let writtenDossier = first(.dossierNumber)
        let structuralDossier = writtenDossier.flatMap(PublicationIdentity.dossierDigits)
        if let writtenDossier, structuralDossier == nil {
            warnings.append(PublicationWarning(offset: nil, "dossier number \"\(writtenDossier)\" is not a number; ignored"))
        }
        let structuralSuffix = first(.suffix)?.uppercased()
        let structuralNumber = first(.documentNumber)
        let structural = PublicationIdentity.kamerstukID(dossier: structuralDossier, suffix: structuralSuffix,
                                                         number: structuralNumber)

        // Identity: DC.identifier, then the metadata record URL, then the structure.
        let dcIdentifier = metaFirst("DC.identifier").flatMap { PublicationIdentity.isIDToken($0) ? $0 : nil }
        let recordIdentifier = metaFirst("OVERHEIDop.externMetadataRecord").flatMap(PublicationIdentity.identifier(fromRecordURL:))
        var candidates: [(PublicationMetadata.IdentifierSource, String)] = []
        if let dcIdentifier { candidates.append((.dcIdentifier, dcIdentifier)) }
        if let recordIdentifier { candidates.append((.metadataRecord, recordIdentifier)) }
        if let structural { candidates.append((.structure, structural)) }
        if let chosen = candidates.first {
            result.identifier = chosen.1
            result.identifierSource = chosen.0
            for other in candidates.dropFirst() where !sameDocument(chosen.1, other.1) {
                warnings.append(PublicationWarning(offset: nil, "identity sources disagree: \(chosen.0.rawValue) says \(chosen.1), "
                    + "\(other.0.rawValue) says \(other.1); using \(chosen.1)"))
            }
        }
        result.canonicalID = result.identifier.flatMap(CanonicalID.parse)
        var idDossier: String?, idSuffix: String?, idNumber: String?
        if case .kamerstuk(let dossier, let suffix, let number)? = result.canonicalID {
            (idDossier, idSuffix, idNumber) = (dossier, suffix, number)
        }
        result.dossierNumber = structuralDossier ?? idDossier
        result.dossierSuffix = structuralSuffix ?? idSuffix
        result.documentNumber = structuralNumber ?? idNumber

        // Year, chamber, dates, titles, people.
        let yearSources = [metaFirst("OVERHEIDop.vergaderjaar"), first(.tekstregel("vergaderjaar")), first(.vergjaar)]
            + (values[.mastheadSubtitle] ?? []).map(Optional.some)
        result.vergaderjaar = yearSources.lazy.compactMap { $0.flatMap(PublicationIdentity.vergaderjaar) }.first
        let chamberSources = [first(.tekstregel("kameraanduiding")), first(.mastheadTitle), ondernummerKamer, rootKamer,
                              first(.tekstregel("kamernummer")), metaFirst("DC.creator")]
        result.chamber = chamberSources.lazy.compactMap { $0.flatMap(PublicationIdentity.chamber) }.first
        result.issued = metaFirst("DCTERMS.issued").flatMap(PublicationIdentity.day)
        result.available = metaFirst("DCTERMS.available").flatMap(PublicationIdentity.day)
        if let (iso, offset) = isoDates.first {
            result.documentDate = PublicationIdentity.day(iso)
            if result.documentDate == nil {
                warnings.append(PublicationWarning(offset: offset, "isodatum \"\(iso)\" is not a date (YYYY-MM-DD); ignored"))
            }
        }
        result.title = first(.title) ?? metaFirst("OVERHEIDop.documenttitel") ?? metaFirst("DC.title")
        result.dossierTitle = first(.dossierTitle) ?? metaFirst("OVERHEIDop.dossiertitel")
        result.signers = signers
        let indieners = meta.filter { $0.name == "OVERHEIDop.indiener" }.map { $0.content.collapsingSpaces }.filter { !$0.isEmpty }
        result.indieners = indieners.isEmpty ? signers.map(\.name) : indieners
        return result
    }

    /// Whether two ids name the same paper; a structural id without a suffix (the old dialect has none)
    /// agrees with one that has it when dossier and number agree.
    private func sameDocument(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard case .kamerstuk(let d1, let s1, let n1)? = CanonicalID.parse(a),
              case .kamerstuk(let d2, let s2, let n2)? = CanonicalID.parse(b) else { return false }
        return d1 == d2 && n1 == n2 && (s1 == nil || s2 == nil || s1 == s2)
    }
}
