import KGModel
@testable import KGText
import Testing

/// What each of the 11 corpus files must give. Values were read from the XML by hand (and the extref
/// lists checked with `grep -o '<extref[^>]*>'`); see /work/scratch/xml-analysis.md §1 and §3.
struct CorpusExpectation: Sendable, CustomStringConvertible {
    let file: String
    let identifier: String
    let source: PublicationMetadata.IdentifierSource
    let dossier: String
    let suffix: String?
    let number: String
    let vergaderjaar: String
    let chamber: Chamber
    let date: String?
    let title: String
    let extrefs: [String]
    let footnotes: Int
    /// Passages the text must contain, exactly (read in the file, in the rendered shape).
    let passages: [String]

    var description: String { file }

    static let all: [CorpusExpectation] = [
        .init(file: "kst_24138_3.xml", identifier: "kst-24138-3", source: .metadataRecord, dossier: "24138", suffix: nil,
              number: "3", vergaderjaar: "1994-1995", chamber: .tweedeKamer, date: nil, title: "MEMORIE VAN TOELICHTING",
              extrefs: [], footnotes: 1,
              passages: ["Tweede Kamer der Staten-Generaal\n\n2\n\nVergaderjaar 1994-1995\n\n24 138\n\n",
                         "\n\nNr. 3\n\n## MEMORIE VAN TOELICHTING\n\n## Inhoudsopgave\n\nI. | ALGEMEEN | 1\n1. | De bestuursvorm openbaar onderwijs | 1\n",
                         "(Kamerstukken II 1992/93, 23 134)",
                         "## 6. Advies Onderwijsraad en overige adviezen<sup>1</sup>\n\n",
                         "T. Netelenbos\n\nDe Minister van Landbouw, Natuurbeheer en Visserij,\n\nJ. J. van Aartsen\n\n---\n\n"
                             + "<sup>1</sup> Ter inzage gelegd bij de afdeling Parlementaire Documentatie.\n"]),
        .init(file: "kst_24447_6.xml", identifier: "kst-24447-6", source: .metadataRecord, dossier: "24447", suffix: nil,
              number: "6", vergaderjaar: "1995-1996", chamber: .statenGeneraal, date: nil,
              title: "MEMORIE VAN TOELICHTING ZOALS GEWIJZIGD NAAR AANLEIDING VAN HET ADVIES VAN DE RAAD VAN STATE",
              extrefs: [], footnotes: 0,
              passages: ["\n\nparagraaf 3 Uiteenzetting en toelichting van de gekozen oplossing;\n\n",
                         "\n\nVan Ardenne-van der Hoeven\n\nReitsma\n\nBiesheuvel\n"]),
        .init(file: "kst_24507_3.xml", identifier: "kst-24507-3", source: .metadataRecord, dossier: "24507", suffix: nil,
              number: "3", vergaderjaar: "1995-1996", chamber: .tweedeKamer, date: nil, title: "MEMORIE VAN TOELICHTING",
              extrefs: [], footnotes: 0,
              passages: ["Kamerstukken II 1993/94, 23 400, XI, nr. 25, alsmede de memorie van toelichting"]),
        .init(file: "kst_25823_3.xml", identifier: "kst-25823-3", source: .metadataRecord, dossier: "25823", suffix: nil,
              number: "3", vergaderjaar: "1997-1998", chamber: .tweedeKamer, date: nil, title: "MEMORIE VAN TOELICHTING",
              extrefs: [], footnotes: 0,
              passages: ["\n\nZoals reeds aangekondigd in het Plan van aanpak duurzaam bouwen (kamerstukken II, 1995/1996, nr. 24 280), zou"]),
        .init(file: "kst_28844_269.xml", identifier: "kst-28844-269", source: .metadataRecord, dossier: "28844", suffix: nil,
              number: "269", vergaderjaar: "2022-2023", chamber: .tweedeKamer, date: nil,
              title: "BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES",
              extrefs: ["kst-28844-266", "kst-28844-261", "h-tk-20222023-84-12", "kst-36101-15", "kst-28844-261",
                        "https://www.rijksoverheid.nl/archief"],
              footnotes: 15,
              passages: ["\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 7 juli 2023\n\n## Inleiding\n\n",
                         "integriteit openbaar bestuur op 9 mei 2023<sup>1</sup> heb ik uw Kamer vóór het aanstaande zomerreces",
                         "\n\n---\n\n<sup>1</sup> Kamerstuk 28 844, nr. 266.\n\n",
                         "(Handelingen II 2022/23, nr. 84, item 12)",
                         "Home > regering > Agenda", "Interest Groups & Advocacy", "online archief (https://www.rijksoverheid.nl/archief).",
                         "De Minister van Binnenlandse Zaken en Koninkrijksrelaties,\n\nH.G.J. Bruins Slot\n"]),
        .init(file: "kst_31911_3.xml", identifier: "kst-31911-3", source: .metadataRecord, dossier: "31911", suffix: nil,
              number: "3", vergaderjaar: "2008-2009", chamber: .tweedeKamer, date: nil, title: "MEMORIE VAN TOELICHTING",
              extrefs: [], footnotes: 0,
              passages: ["het kamerlid Vietsch (Kamerstukken II 2006/07, 29 942, nr. 28) om",
                         "(2008/48/EG, PbEU L 133)", "\n\nBlanksma-van den Heuvel\n\nSpekman\n"]),
        .init(file: "kst_34468_3.xml", identifier: "kst-34468-3", source: .metadataRecord, dossier: "34468", suffix: nil,
              number: "3", vergaderjaar: "2015-2016", chamber: .tweedeKamer, date: nil, title: "MEMORIE VAN TOELICHTING",
              extrefs: ["kst-32271-3", "kst-32271-13", "kst-32271-15", "kst-32271-3", "kst-33797-C", "kst-32271-3",
                        "kst-33797-C", "stb-2014-205", "https://wetgevingskalender.overheid.nl/regeling/WGK003650",
                        "stb-2015-145", "stb-2015-146", "kst-33966-62", "kst-33966-7", "kst-33966-15", "kst-33966-3"],
              footnotes: 15,
              passages: ["bij amendement (Kamerstukken II 2014/15, 33 966, nr. 62) beoogd deze bepaling",
                         "\n\n- i worden verricht ten behoeve van andere toegelaten instellingen, en\n\n- ii noodzakelijkerwijs",
                         "<sup>5</sup> Kamerstukken I, 2013/14, 33 797, nr. C, p. 12, al. 3.", "koopwoningen<sup>2</sup>, met"]),
        .init(file: "kst_35470_xiv_4.xml", identifier: "kst-35470-XIV-4", source: .metadataRecord, dossier: "35470",
              suffix: "XIV", number: "4", vergaderjaar: "2019-2020", chamber: .tweedeKamer, date: "2020-05-20",
              title: "MEMORIE VAN TOELICHTING",
              extrefs: ["https://zoek.officielebekendmakingen.nl/kst-35300-XIV-67.html",
                        "https://zoek.officielebekendmakingen.nl/kst-35300-XIV-67.html"],
              footnotes: 0,
              passages: ["\n\n35 470 XIV\n\n", "\n\nOntvangen 20 mei 2020\n\n## A ARTIKELGEWIJZE TOELICHTING BIJ HET WETSVOORSTEL\n\n",
                         "\n\n## Wetsartikelen 1 tot en met 3\n\nDe begrotingsstaten die onderdeel zijn van de rijksbegroting,",
                         "\n\n- 1. de departementale begrotingsstaat van het Ministerie van Landbouw, Natuur en Voedselkwaliteit;\n\n",
                         "in de veegbrief (Kamerstuk 35300, XIV, nr. 67).", "ten opzichte van de 2e suppletoire begroting 2019",
                         "De Minister van Landbouw, Natuur en Voedselkwaliteit,\n\nC.J. Schouten\n"]),
        .init(file: "kst_35786_7.xml", identifier: "kst-35786-7", source: .metadataRecord, dossier: "35786", suffix: nil,
              number: "7", vergaderjaar: "2021-2022", chamber: .tweedeKamer, date: "2022-03-30",
              title: "MOTIE VAN HET LID VAN DER GRAAF C.S.", extrefs: [], footnotes: 0, passages: [PublicationCorpusTests.motie]),
        .init(file: "kst_36750_3.xml", identifier: "kst-36750-3", source: .dcIdentifier, dossier: "36750", suffix: nil,
              number: "3", vergaderjaar: "2024-2025", chamber: .tweedeKamer, date: "2025-05-21", title: "MEMORIE VAN TOELICHTING",
              extrefs: ["https://www.globalmethanepledge.org/", "kst-36277-3", "kst-36600-XIV-2", "kst-36600-M-2", "kst-36274-3",
                        "kst-36274-3", "kst-36274-3", "kst-36277-3", "kst-36274-3", "kst-34682-114", "kst-36471-97",
                        "kst-36277-59", "kst-36274-3"],
              footnotes: 19,
              passages: ["\n\n## I. ALGEMEEN\n\n## 1. Inleiding\n\nIn Nederland moet volgens de nationale Klimaatwet",
                         "6 megaton CO2-equivalenten.<sup>2</sup> Van deze 6 megaton",
                         "\n\n<sup>3</sup> Kamerstukken II 2022/23, 36 277, nr. 3.\n\n", "methaandoel", "ingetrokken",
                         "\n\n<sup>10</sup> Kamerstukken II 2024/25, 36 600 M, nr. 2.\n\n",
                         "\n\nVedder\n\nGrinwis\n\nBromet\n"]),
        .init(file: "kst_37020_x_1.xml", identifier: "kst-37020-X-1", source: .metadataRecord, dossier: "37020", suffix: "X",
              number: "1", vergaderjaar: "2026-2027", chamber: .tweedeKamer, date: "2026-09-15", title: "VOORSTEL VAN WET",
              extrefs: [], footnotes: 0,
              passages: ["\n\n## Artikel 1\n\nDe bĳ deze wet behorende departementale begrotingsstaat voor het jaar 2027 wordt vastgesteld.\n\n",
                         "\n\nArt. | Omschrijving | Vastgestelde begroting\nVerplichtingen | Uitgaven | Ontvangsten\n",
                         "\n1 | Inzet | 2.727.644 | 2.856.815 | 97.087\n", "\n\nGegeven\n\nDe Minister van Defensie,\n\nD. Yeşilgöz-Zegerius\n\n"]),
    ]
}

@Suite struct PublicationCorpusTests {
    /// The whole text of the smallest file (the golden from xml-analysis.md §6.6, in the Markdown shape).
    static let motie = """
        Vergaderjaar 2021-2022

        Tweede Kamer der Staten-Generaal

        2

        Kamerstukken

        35 786

        Verandering van de Grondwet, strekkende tot het opnemen van een algemene bepaling

        Nr. 7

        ## MOTIE VAN HET LID VAN DER GRAAF C.S.

        Voorgesteld 30 maart 2022

        De Kamer,

        gehoord de beraadslaging,

        overwegende dat de staatscommissie Grondwet in 2010 constateerde dat verschillende belangrijke mensenrechten niet in onze Grondwet zijn opgenomen;

        overwegende dat de symbolische functie van de Grondwet versterkt kan worden door bepaalde fundamentele internationale mensenrechten, waaraan Nederland nu reeds is gebonden, ook in onze eigen nationale Grondwet op te nemen;

        verzoekt de regering te bezien of en op welke wijze fundamentele mensenrechten die daar nu niet expliciet in zijn opgenomen, kunnen worden toegevoegd aan de Grondwet,

        en gaat over tot de orde van de dag.

        Van der Graaf

        Maatoug

        Arib

        """

    @Test(arguments: CorpusExpectation.all)
    func identityAndMetadata(_ expected: CorpusExpectation) throws {
        let publication = try PublicationXML.read(try Corpus.xml(expected.file))
        let metadata = publication.metadata
        #expect(metadata.identifier == expected.identifier)
        #expect(metadata.identifierSource == expected.source)
        #expect(metadata.canonicalID?.description == expected.identifier)
        #expect(metadata.dossierNumber == expected.dossier)
        #expect(metadata.dossierSuffix == expected.suffix)
        #expect(metadata.documentNumber == expected.number)
        #expect(metadata.vergaderjaar == expected.vergaderjaar)
        #expect(metadata.chamber == expected.chamber)
        #expect(metadata.date?.iso == expected.date)
        #expect(metadata.title == expected.title)
        #expect(metadata.dialect == (expected.file < "kst_28" || expected.file == "kst_31911_3.xml" ? .kamerwrk : .officielePublicatie))
        #expect(publication.warnings == [])
    }

    @Test func theFullMetadataOfTheFileWithTheRichestMetadataBlock() throws {
        let metadata = try PublicationXML.read(try Corpus.xml("kst_36750_3.xml")).metadata
        #expect(metadata.issued?.iso == "2025-05-21")
        #expect(metadata.available?.iso == "2025-05-22")
        #expect(metadata.documentDate == nil)
        #expect(metadata.indieners == ["L. Bromet", "P.A. Grinwis", "E.C. Vedder"])
        #expect(metadata.signers.map(\.name) == ["Vedder", "Grinwis", "Bromet"])
        #expect(metadata.dossierTitle?.hasPrefix("Voorstel van wet van de leden Vedder, Grinwis en Bromet tot wijziging") == true)
        #expect(metadata.meta.count == 25)
        #expect(metadata.metaValues("DC.type") == ["Overig", "Kamerstuk", "officiële publicatie"])
        #expect(metadata.metaValues("DCTERMS.alternative") == [""])
    }

    @Test func signersAndIndieners() throws {
        let brief = try PublicationXML.read(try Corpus.xml("kst_28844_269.xml")).metadata
        #expect(brief.signers == [.init(function: "De Minister van Binnenlandse Zaken en Koninkrijksrelaties,", name: "H.G.J. Bruins Slot")])
        #expect(brief.indieners == ["H.G.J. Bruins Slot"])
        let jaarverslag = try PublicationXML.read(try Corpus.xml("kst_35470_xiv_4.xml")).metadata
        #expect(jaarverslag.signers == [.init(function: "De Minister van Landbouw, Natuur en Voedselkwaliteit,", name: "C.J. Schouten")])
        let old = try PublicationXML.read(try Corpus.xml("kst_24138_3.xml")).metadata
        #expect(old.signers.map(\.name) == ["T. Netelenbos", "J. J. van Aartsen"])
        #expect(old.signers.map(\.function) == ["De Staatssecretaris van Onderwijs, Cultuur en Wetenschappen,",
                                                 "De Minister van Landbouw, Natuurbeheer en Visserij,"])
        #expect(old.dossierTitle?.hasPrefix("Wijziging van de Wet op het basisonderwijs, de Interimwet op het speciaal onderwijs en") == true)
    }

    @Test(arguments: CorpusExpectation.all)
    func textExtrefsAndFootnotes(_ expected: CorpusExpectation) throws {
        let publication = try PublicationXML.read(try Corpus.xml(expected.file))
        let text = publication.sourceText
        for passage in expected.passages {
            #expect(text.text.contains(passage), "\(expected.file) lacks \(passage.debugDescription)")
        }
        #expect(publication.extrefs.map(\.target) == expected.extrefs)
        #expect(publication.footnotes.count == expected.footnotes)
        #expect(publication.footnotes.map(\.label) == (0..<expected.footnotes).map { String($0 + 1) })
        // Every footnote has a marker, a line below its paragraph, and they map into its element.
        for footnote in publication.footnotes {
            guard let marker = footnote.markerRange else {
                Issue.record("\(expected.file): footnote \(footnote.label) has no marker")
                continue
            }
            #expect(text.slice(marker) == "<sup>\(footnote.label)</sup>")
            #expect(marker.upperBound <= footnote.lineRange.lowerBound)
            #expect(text.slice(footnote.lineRange).hasPrefix("<sup>\(footnote.label)</sup> "))
            let line = text.sourceSpan(footnote.textRange)
            #expect(footnote.sourceRange.contains(line.offset) && line.offset + line.length <= footnote.sourceRange.upperBound)
        }
        // Extrefs cover the text of their element, and map back inside it.
        let bytes = text.source
        for extref in publication.extrefs {
            #expect(!extref.textRange.isEmpty)
            let span = text.sourceSpan(extref.textRange)
            #expect(span.offset >= extref.sourceRange.lowerBound && span.offset + span.length <= extref.sourceRange.upperBound)
            let element = String(decoding: bytes[extref.sourceRange], as: UTF8.self)
            #expect(element.hasPrefix("<extref") && element.hasSuffix("</extref>"))
            #expect(element.contains(text.slice(extref.textRange).replacingAll("&", with: "&amp;")), "\(element)")
        }
    }

    @Test func extrefTextsAndTheirFootnotes() throws {
        let brief = try PublicationXML.read(try Corpus.xml("kst_28844_269.xml"))
        let text = brief.sourceText
        #expect(brief.extrefs.map { text.slice($0.textRange) } == [
            "28 844, nr. 266", "28 844, nr. 261", "84, item 12", "36 101, nr. 15", "28 844, nr. 261", "https://www.rijksoverheid.nl/archief",
        ])
        #expect(brief.extrefs.map(\.footnote) == ["1", "2", nil, "6", "13", nil])
        #expect(brief.extrefs.map(\.kind) == ["document", "document", "document", "document", "document", "URL"])
        #expect(brief.extrefs.map(\.sourceRange.lowerBound) == [1593, 2271, 2558, 7158, 14081, 15890])
        let wrapped = try PublicationXML.read(try Corpus.xml("kst_34468_3.xml"))
        #expect(wrapped.extrefs.map { wrapped.sourceText.slice($0.textRange) }[11] == "33 966, nr. 62")
        #expect(wrapped.extrefs[7].footnote == nil && wrapped.sourceText.slice(wrapped.extrefs[7].textRange) == "Stb. 2014, 205")
        let url = try PublicationXML.read(try Corpus.xml("kst_35470_xiv_4.xml"))
        #expect(url.extrefs.map { url.sourceText.slice($0.textRange) } == ["Kamerstuk 35300, XIV, nr. 67)", "Kamerstuk 35300, XIV, nr. 67)"])
        #expect(url.extrefs.map(\.canonicalTarget) == ["kst-35300-XIV-67", "kst-35300-XIV-67"])
        #expect(brief.extrefs.map(\.canonicalTarget) == ["kst-28844-266", "kst-28844-261", "h-tk-20222023-84-12", "kst-36101-15",
                                                        "kst-28844-261", nil])
    }

    /// Every text byte copied verbatim equals the source byte it maps to; the map is well formed.
    @Test(arguments: Corpus.xmlFiles)
    func verbatimBytesEqualTheirSourceBytes(_ file: String) throws {
        let text = try PublicationXML.read(try Corpus.xml(file)).sourceText
        #expect(text.checkInvariants() == [])
        var verbatim = 0
        for offset in 0..<text.count where text.isVerbatim(textByte: offset) {
            verbatim += 1
            if text.utf8[offset] != text.source[text.sourceOffset(ofTextByte: offset)] {
                Issue.record("\(file): text byte \(offset) differs from source byte \(text.sourceOffset(ofTextByte: offset))")
                break
            }
        }
        #expect(verbatim * 100 / max(1, text.count) >= 80, "\(file): only \(verbatim) of \(text.count) bytes verbatim")
        // Compact: far fewer runs than bytes.
        #expect(text.runs.count * 5 < text.count)
    }

    /// Text lines map to the source lines they came from, also across the old dialect's hard wraps.
    @Test(arguments: [
        ("kst_24138_3.xml", "Kamerstukken II 1992/93, 23 134", 254, "Kamerstukken II\n1992/93, 23 134"),
        ("kst_24507_3.xml", "Kamerstukken II 1993/94, 23 400, XI, nr. 25", 185, "Kamerstukken II 1993/94, 23 400,\nXI, nr. 25"),
        ("kst_25823_3.xml", "kamerstukken II, 1995/1996, nr. 24 280", 27, "kamerstukken\nII, 1995/1996, nr. 24 280"),
        ("kst_28844_269.xml", "Home > regering > Agenda", 51, "Home &gt; regering &gt; Agenda"),
        ("kst_28844_269.xml", "Interest Groups & Advocacy", 34, "Interest Groups &amp; Advocacy"),
        ("kst_36750_3.xml", "methaandoel", 95, "methaan<?xpp afbm?>doel"),
        ("kst_36750_3.xml", "natuur in aanmerking komen", 120, "natuur in aanmer<?xpp afbm?>king komen"),
        ("kst_36750_3.xml", "CO2-equivalenten in 2030 worden", 75, "CO<inf>2</inf>-equivalenten in 2030 worden"),
        ("kst_37020_x_1.xml", "De bĳ deze wet", 39, "De bĳ deze wet"),
        ("kst_35786_7.xml", "## MOTIE VAN HET LID VAN DER GRAAF C.S.", 21, "<titel>MOTIE VAN HET LID VAN DER GRAAF C.S."),
        ("kst_24138_3.xml", "<sup>1</sup> Ter inzage", 908, "<voetnoot id=\"v11.1\" nr=\"1\">\n    <al>Ter inzage"),
        ("kst_24138_3.xml", "adviezen<sup>1</sup>", 668, "adviezen<voetref refid=\"v11.1\" nr=\"1\">"),
    ] as [(String, String, Int, String)])
    func passagesMapToTheirSourceLines(file: String, passage: String, line: Int, source: String) throws {
        let text = try PublicationXML.read(try Corpus.xml(file)).sourceText
        guard let range = text.byteRange(of: passage) else {
            Issue.record("\(file): no \(passage.debugDescription) in the text")
            return
        }
        let span = text.sourceSpan(range)
        #expect(span.line == line, "\(file): \(passage.debugDescription)")
        #expect(span.exactSourceText == source, "\(file): \(passage.debugDescription)")
        #expect(text.provenance(document: "x", textRange: range).text == passage)
    }

    @Test func everyTextLineOfAVerbatimParagraphMapsToOneSourceLine() throws {
        // The motie has one <al> per line in the source: each text paragraph maps to exactly its line.
        let text = try PublicationXML.read(try Corpus.xml("kst_35786_7.xml")).sourceText
        let sourceLines = String(decoding: text.source, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        var offset = 0
        for line in text.text.split(separator: "\n", omittingEmptySubsequences: false) {
            let length = line.utf8.count
            defer { offset += length + 1 }
            guard length > 0 else { continue }
            let span = text.sourceSpan(offset..<(offset + length))
            #expect(!span.exactSourceText.contains("\n"), "\(line)")
            let firstWord = line.split(separator: " ").first { $0 != "##" }.map(String.init) ?? ""
            #expect(sourceLines[span.line - 1].contains(firstWord), "\(line)")
        }
    }
}

extension SourceText {
    /// The byte range of the first occurrence of `needle` in the text.
    func byteRange(of needle: String) -> Range<Int>? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, pattern.count <= utf8.count else { return nil }
        for start in 0...(utf8.count - pattern.count) where utf8[start] == pattern[0] {
            if utf8[start..<(start + pattern.count)].elementsEqual(pattern) { return start..<(start + pattern.count) }
        }
        return nil
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
