import KGCitations
import KGModel
import Testing

/// Aanhangsel, Handelingen, zaak, EU acts, COM proposals and Staatsblad: text -> ids, rule, band.
@Suite struct OtherFormTests {
    static let parliament: [Form] = [
        Form("Aanhangsel Handelingen II, vergaderjaar 2023-2024, nr. 2075.", ["ah-tk-20232024-2075"], "ah.aanhangsel", .high),
        Form("Aanhangsel Handelingen I, vergaderjaar 2023-2024, nr. 12", ["ah-ek-20232024-12"], "ah.aanhangsel", .high),
        Form("Aanhangsel van de Handelingen II, 2022-2023, nr. 1399.", ["ah-tk-20222023-1399"], "ah.aanhangsel", .high),
        Form("Aanhangsel Handelingen II 2023/24, nr. 2075", ["ah-tk-20232024-2075"], "ah.aanhangsel", .high),
        Form("Aanhangsel Handelingen, vergaderjaar 2023-2024, nr. 2075", ["ah-tk-20232024-2075"], "ah.aanhangsel", .medium),
        Form("Tweede Kamer, vergaderjaar 2023–2024, Aangangsels nr 2133, 2024Z08726.",
             ["ah-tk-20232024-2133", "zaak-2024Z08726"], "ah.misspelled", .medium),
        Form("Eerste Kamer, vergaderjaar 2023-2024, Aanhangsel nr. 15", ["ah-ek-20232024-15"], "ah.aanhangsel", .high),
        Form("Aanhangsel Handelingen II, nr. 2075", [], "ah.aanhangsel", .low),
        Form("Handelingen II 2022/23, nr. 84, item 12", ["h-tk-20222023-84-12"], "h.handelingen", .high),
        Form("(Handelingen II 2022/23, nr. 84, item 12)", ["h-tk-20222023-84-12"], "h.handelingen", .high),
        Form("Handelingen I 2019/20, nr. 5, item 3", ["h-ek-20192020-5-3"], "h.handelingen", .high),
        Form("Handelingen II 2022/23, nr. 84", [], "h.no-item", .low),
        Form("zie 2024Z08726.", ["zaak-2024Z08726"], "zaak.number", .high),
        Form("(zaaknummers 2023Z12345 en 2024Z08726)", ["zaak-2023Z12345", "zaak-2024Z08726"], "zaak.number", .high),
        Form("Stb. 2019, 123", ["stb-2019-123"], "stb.year-nr", .high),
        Form("(Stb. 1994, 132 en Stb. 1994, 415)", ["stb-1994-132", "stb-1994-415"], "stb.year-nr", .high),
        Form("*Stb.* 2015, 145.", ["stb-2015-145"], "stb.year-nr", .high),
        Form("Staatsblad 2014, 205", ["stb-2014-205"], "stb.year-nr", .high),
        Form("wet van 14 februari 1994 (Stb. 132)", [], "stb.nr-only", .low),
    ]

    static let eu: [Form] = [
        Form("Richtlijn 2014/41/EU", ["32014L0041"], "eu.directive", .high),
        Form("richtlijn 2011/36/EU", ["32011L0036"], "eu.directive", .high),
        Form("Richtlijn 2001/55/EG", ["32001L0055"], "eu.directive", .high),
        Form("artikel 4, lid 2, van Richtlijn \n2001/55/EG is", ["32001L0055"], "eu.directive", .high),
        Form("de Richtlijn 2004/82/EG, die", ["32004L0082"], "eu.directive", .high),
        Form("richtlijn 83/189/EEG", ["31983L0189"], "eu.directive", .high),
        Form("Richtlijn (EU) 2016/680", ["32016L0680"], "eu.directive", .high),
        Form("richtlijn inzake kredietovereenkomsten voor consumenten (2008/48/EG, PbEU\nL 133)", ["32008L0048"], "eu.directive", .medium),
        Form("(2008/48/EG, PbEU L 133)", ["32008L0048"], "eu.number-only", .medium),
        Form("Verordening (EU) 2024/1689", ["32024R1689"], "eu.regulation", .high),
        Form("de AI-verordening (EU) 2024/1689", ["32024R1689"], "eu.regulation", .high),
        Form("Verordening (EU) nr. 604/2013", ["32013R0604"], "eu.regulation", .high),
        Form("Verordening (EG) nr. 810/2009", ["32009R0810"], "eu.regulation", .high),
        Form("Verordening (EEG) nr. 1408/71", ["31971R1408"], "eu.regulation", .high),
        Form("Verordening 2016/679", ["32016R0679"], "eu.regulation", .medium),
        Form("Besluit (EU) 2023/2409", ["32023D2409"], "eu.decision", .high),
        Form("Uitvoeringsbesluit (EU) 2022/382", ["32022D0382"], "eu.decision", .high),
        Form("Kaderbesluit 2002/584/JBZ", ["32002F0584"], "eu.framework-decision", .high),
        Form("COM(2023) 755", ["52023PC0755"], "com.proposal", .high),
        Form("(COM(2023)755)", ["52023PC0755"], "com.proposal", .high),
        Form("COM (2022) 209 final", ["52022PC0209"], "com.proposal", .high),
        Form("COM(2023) 755 final, overweging 18", ["52023PC0755"], "com.proposal", .high),
        Form("COM(2023) 716, https://eur-lex.europa.eu/legal-\ncontent/EN/TXT/?uri=CELEX%3A52023PC0716.", ["52023PC0716"], "com.proposal", .high),
        Form("COM(2024) 60", ["52024PC0060"], "com.proposal", .high),
    ]

    @Test(arguments: parliament + eu)
    func scansForm(_ form: Form) {
        let citations = CitationScanner.scan(form.text)
        #expect(citations.flatMap { $0.ids.map(\.description) } == form.ids)
        #expect(!citations.isEmpty)
        for citation in citations {
            #expect(citation.rule == form.rule)
            #expect(form.band.contains(citation.confidence), "confidence \(citation.confidence) outside \(form.band)")
        }
        expectRangesMapBack(form.text, citations)
    }

    @Test func citationsWithoutAnIDSayWhatIsMissing() throws {
        let staatsblad = try #require(CitationScanner.scan("(Stb. 132)").first)
        #expect(staatsblad.kind == .staatsblad)
        #expect(staatsblad.ids.isEmpty)
        #expect(staatsblad.text == "Stb. 132")
        #expect(staatsblad.note?.contains("132 without a year") == true)
        let handelingen = try #require(CitationScanner.scan("Handelingen II 2022/23, nr. 84").first)
        #expect(handelingen.note?.contains("without an item") == true)
    }

    @Test func aanhangselTakesItsPrefixAndItsZaak() throws {
        let text = "<sup>2</sup> Tweede Kamer, vergaderjaar 2023–2024, Aangangsels nr 2133, 2024Z08726."
        let citation = try #require(CitationScanner.scan(text).first)
        #expect(citation.text == "Tweede Kamer, vergaderjaar 2023–2024, Aangangsels nr 2133, 2024Z08726")
        #expect(citation.kind == .aanhangsel)
        #expect(citation.note?.contains("Aangangsels") == true)
        #expect(CitationScanner.scan(text).count == 1)
    }

    @Test func kindsAreReported() {
        let text = """
        Kamerstuk 32317, nr. 884; Kamerstukken II 1990/91, 22 195; Aanhangsel Handelingen II, vergaderjaar 2023-2024, nr. 2075; \
        Handelingen II 2022/23, nr. 84, item 12; 2024Z08726; Richtlijn 2014/41/EU; COM(2023) 755; Stb. 2019, 123.
        """
        #expect(CitationScanner.scan(text).map(\.kind) == [.kamerstuk, .dossier, .aanhangsel, .handelingen, .zaak, .euAct, .comProposal, .staatsblad])
    }
}
