import KGCitations
import KGModel
import Testing

@Suite struct ResolverTests {
    @Test func resolvesTheIDsWithRuleConfidenceAndNormalisedForm() throws {
        let resolutions = CitationResolver.resolve("(Kamerstuk \n32317, nr.854 en 852)")
        #expect(resolutions.count == 1)
        let resolution = try #require(resolutions.first)
        #expect(resolution.ids.map(\.description) == ["kst-32317-854", "kst-32317-852"])
        #expect(resolution.rule == "kst.kamerstuk-nr")
        #expect(resolution.confidence == 0.98)
        #expect(resolution.normalised == "Kamerstuk 32317, nr.854 en 852")
        #expect(resolution.description == "kst-32317-854 kst-32317-852  kamerstuk  kst.kamerstuk-nr 0.98  \"Kamerstuk 32317, nr.854 en 852\"")
    }

    @Test(arguments: [
        ("kst-32317-884", "kst-32317-884", Citation.Kind.kamerstuk),
        (" ah-tk-20232024-2075\n", "ah-tk-20232024-2075", .aanhangsel),
        ("h-tk-20222023-84-12", "h-tk-20222023-84-12", .handelingen),
        ("zaak-2024Z08726", "zaak-2024Z08726", .zaak),
        ("32014L0041", "32014L0041", .euAct),
        ("52022PC0209", "52022PC0209", .comProposal),
        ("stb-2019-123", "stb-2019-123", .staatsblad),
        ("dossier-36410-VI", "dossier-36410-VI", .dossier),
    ])
    func canonicalIDsResolveToThemselves(_ text: String, _ id: String, _ kind: Citation.Kind) throws {
        let resolution = try #require(CitationResolver.resolve(text).first)
        #expect(resolution.ids.map(\.description) == [id])
        #expect(resolution.citation.kind == kind)
        #expect(resolution.rule == "canonical")
        #expect(Array(text.utf8)[resolution.citation.range] == Array(id.utf8)[...])
    }

    @Test(arguments: [
        ("36200 VI 33", "kst-36200-VI-33", "kst.dossier-suffix"),
        ("32317-849", "kst-32317-849", "kst.hyphen"),
        ("34 843, A", "kst-34843-A", "kst.letter"), // found as it stands: no keyword needed
    ])
    func aBareNumberIsReadAsAKamerstuk(_ text: String, _ id: String, _ rule: String) throws {
        let resolution = try #require(CitationResolver.resolve(text).first)
        #expect(resolution.ids.map(\.description) == [id])
        #expect(resolution.rule == rule)
        #expect(resolution.citation.text == text)
        #expect(Array(text.utf8)[resolution.citation.range] == Array(text.utf8)[...])
    }

    @Test func impliedKeywordIsNotedAndCostsConfidence() throws {
        let resolution = try #require(CitationResolver.resolve("36200 VI 33").first)
        #expect(resolution.confidence == 0.8)
        #expect(resolution.citation.note?.hasPrefix("the keyword \"Kamerstuk\" is implied") == true)
    }

    @Test func textWithoutACitationIsAnError() {
        #expect(CitationResolver.resolve("14 944 schuldsaneringen") == [])
        #expect(throws: CitationError.noCitation("nr. 1011")) { try CitationResolver.resolveChecked("nr. 1011") }
        #expect(CitationError.noCitation("nr. 1011").description == "no citation found in \"nr. 1011\"")
    }
}
