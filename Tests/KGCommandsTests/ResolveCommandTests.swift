@testable import KGCommands
import Testing

/// `kg resolve`: in-process end-to-end runs with exact output.
@Suite struct ResolveCommandTests {
    @Test func printsOneLinePerCitation() {
        let result = CLIRun().run("resolve", "Zie Kamerstukken II 2023/24, 32 317, nr. 872 en Richtlijn 2014/41/EU.", withGraph: false)
        #expect(result.code == 0)
        #expect(result.err == "")
        #expect(result.out == """
        kst-32317-872  kamerstuk  kst.kamerstuk-nr 0.98  "Kamerstukken II 2023/24, 32 317, nr. 872"
        32014L0041  euAct  eu.directive 0.95  "Richtlijn 2014/41/EU"

        """)
    }

    @Test func joinsItsWordsSoQuotesAreOptional() {
        let result = CLIRun().run("resolve", "Kamerstuk", "32317,", "nr.", "884", withGraph: false)
        #expect(result.code == 0)
        #expect(result.out == "kst-32317-884  kamerstuk  kst.kamerstuk-nr 0.98  \"Kamerstuk 32317, nr. 884\"\n")
    }

    @Test func jsonCarriesJointDossiersNotesAndOffsets() {
        let joint = CLIRun().run("resolve", "(Kamerstukken 26 643 en 34 843, nr. 1069)", "--format", "json", withGraph: false)
        #expect(joint.code == 0)
        #expect(joint.out == """
        {"citations":[{"ids":["kst-26643-1069"],"kind":"kamerstuk","rule":"kst.kamerstuk-nr","confidence":0.98,\
        "text":"Kamerstukken 26 643 en 34 843, nr. 1069","normalised":"Kamerstukken 26 643 en 34 843, nr. 1069",\
        "start":1,"end":40,"jointDossiers":["34843"]}]}

        """)
        let unresolved = CLIRun().run("resolve", "Stb. 132", "--format=json", withGraph: false)
        #expect(unresolved.code == 0)
        #expect(unresolved.out.contains("\"ids\":[],\"kind\":\"staatsblad\",\"rule\":\"stb.nr-only\",\"confidence\":0.3"))
        #expect(unresolved.out.contains("\"note\":\"Staatsblad number 132 without a year"))
    }

    @Test func readsStandardInput() {
        let cli = CLIRun()
        cli.stdin = Array("<sup>2</sup> Tweede Kamer, vergaderjaar 2023–2024, Aangangsels nr 2133, 2024Z08726.\n".utf8)
        let result = cli.run("resolve", "-", withGraph: false)
        #expect(result.code == 0)
        #expect(result.out.hasPrefix("ah-tk-20232024-2133 zaak-2024Z08726  aanhangsel  ah.misspelled 0.8  "))
    }

    @Test func noCitationExitsOneAndUsageErrorsExitTwo() {
        let none = CLIRun().run("resolve", "14 944 schuldsaneringen", withGraph: false)
        #expect(none.code == 1)
        #expect(none.out == "")
        #expect(none.err == "kg: error: no citation found in \"14 944 schuldsaneringen\"\n")
        let missing = CLIRun().run("resolve", withGraph: false)
        #expect(missing.code == 2)
        #expect(missing.err.hasPrefix("kg: error: `kg resolve` expects 1 to 1024 arguments, got 0"))
        let badFormat = CLIRun().run("resolve", "kst-32317-884", "--format", "xml", withGraph: false)
        #expect(badFormat.code == 2)
    }

    @Test func isListedInHelp() {
        let help = CLIRun().run("help", withGraph: false)
        #expect(help.out.contains("resolve"))
        let own = CLIRun().run("resolve", "--help", withGraph: false)
        #expect(own.code == 0)
        #expect(own.out.hasPrefix("usage: kg resolve TEXT... [--format text|json]"))
    }
}
