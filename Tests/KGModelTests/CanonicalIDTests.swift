import KGModel
import Testing

@Suite struct CanonicalIDTests {
    @Test(arguments: [
        ("kst-32317-884", CanonicalID.kamerstuk(dossier: "32317", suffix: nil, number: "884")),
        ("kst-36410-VI-85", .kamerstuk(dossier: "36410", suffix: "VI", number: "85")),
        ("kst-21501-31-751", .kamerstuk(dossier: "21501", suffix: "31", number: "751")),
        ("kst-33797-C", .kamerstuk(dossier: "33797", suffix: nil, number: "C")),
        ("kst-36600-M-2", .kamerstuk(dossier: "36600", suffix: "M", number: "2")),
        ("ah-tk-20232024-2075", .aanhangsel(chamber: "tk", year: "20232024", number: "2075")),
        ("h-tk-20222023-84-12", .handelingen(chamber: "tk", year: "20222023", meeting: "84", item: "12")),
        ("zaak-2024Z08726", .zaak("2024Z08726")),
        ("stb-2019-123", .staatsblad(year: "2019", number: "123")),
        ("32014L0041", .celex("32014L0041")),
        ("52022PC0209", .celex("52022PC0209")),
        ("country-TN", .country("TN")),
        ("faction-VVD", .faction("VVD")),
        ("faction-GL-PVDA", .faction("GL-PVDA")),
        ("meeting-jbz-2023-10-19", .meeting(body: "jbz", date: Day(year: 2023, month: 10, day: 19)!)),
        ("meeting-informal-jbz-2024-07-22", .meeting(body: "informal-jbz", date: Day(year: 2024, month: 7, day: 22)!)),
        ("dossier-32317", .dossier(number: "32317", suffix: nil)),
        ("dossier-36410-VI", .dossier(number: "36410", suffix: "VI")),
        ("doc-2c53b84423decd33", .document("2c53b84423decd33")),
    ])
    func parsesAndPrintsBack(text: String, expected: CanonicalID) throws {
        let parsed = try CanonicalID(parsing: text)
        #expect(parsed == expected)
        #expect(parsed.description == text)
    }

    @Test(arguments: [
        "", "kst", "kst-", "kst-32317", "kst-abc-1", "kst-32317-vi-85", "kst-32317-884-1-2", "ah-tk-20232025-1",
        "ah-xx-20232024-1", "zaak-2024X08726", "zaak-2024Z0872", "stb-19-123", "stb-2019", "stb-2019-12a", "country-tn", "country-TUN", "meeting-jbz-2023-02-30",
        "doc-2C53B84423DECD33", "doc-2c53", "32014L041", "3201XL0041", "hello",
    ])
    func rejectsMalformed(text: String) {
        #expect(CanonicalID.parse(text) == nil)
        #expect(throws: ModelError.unrecognisedCanonicalID(text)) { try CanonicalID(parsing: text) }
    }

    @Test func kamerstukBelongsToItsDossierAndHasAURL() throws {
        let id = try CanonicalID(parsing: "kst-36410-VI-85")
        #expect(id.dossier == .dossier(number: "36410", suffix: "VI"))
        #expect(id.url == "https://zoek.officielebekendmakingen.nl/kst-36410-VI-85.html")
        #expect(CanonicalID.celex("32014L0041").url == "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32014L0041")
        #expect(CanonicalID.country("TN").url == nil)
    }

    @Test func documentIDUsesFirst16HexDigits() {
        let id = CanonicalID.document(sha256: "2c53b84423decd33" + String(repeating: "0", count: 48))
        #expect(id.description == "doc-2c53b84423decd33")
    }
}
