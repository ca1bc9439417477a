import Foundation
@testable import KGExtract
import KGModel
import KGTestSupport
import Testing

/// What a person who has read the five papers finds in the graph (each expectation checked against
/// the text; line numbers in comments are the papers' own).
@Suite(.serialized) struct CorpusGraphTests {
    let corpus = CorpusGraph.shared

    @Test func documentsHaveTheirDatesChambersSubjectsAndSignatories() {
        let d000 = corpus.documentIDs["000"]!, d001 = corpus.documentIDs["001"]!, d003 = corpus.documentIDs["003"]!, d004 = corpus.documentIDs["004"]!
        #expect(d000 == "doc-357e2ace64c8bdf8")
        #expect(corpus.properties(d000)["date"] == .date(Day(year: 2024, month: 7, day: 18)!))
        #expect(corpus.properties(d000)["chamber"] == .string("Eerste Kamer"))
        #expect(corpus.properties(d000)["title"] == .string("Beantwoording gestelde vragen tijdens schriftelijk overleg over de informele JBZ-Raad van 22 en 23 juli 2024"))
        #expect(corpus.properties(d001)["date"] == .date(Day(year: 2023, month: 10, day: 17)!))
        #expect(corpus.properties(d001)["title"] == .string("Beantwoording gestelde vragen tijdens schriftelijk overleg over de JBZ-Raad van 19 en 20 oktober 2023"))
        #expect(corpus.properties(d003)["chamber"] == .string("Tweede Kamer"))
        #expect(corpus.properties(d003)["date"] == .date(Day(year: 2024, month: 6, day: 21)!))
        #expect(corpus.targets(d000, "signed_by") == ["person-van-weel", "person-struycken"])
        #expect(corpus.targets(d001, "signed_by") == ["person-yesilgoz-zegerius", "person-weerwind", "person-van-der-burg"])
        #expect(corpus.targets(d003, "signed_by") == ["person-yesilgoz-zegerius", "person-weerwind", "person-van-der-burg"])
        #expect(corpus.targets(d004, "signed_by") == ["person-yesilgoz-zegerius", "person-van-der-burg"])
    }

    @Test func eachDocumentIsAboutItsMeeting() {
        #expect(corpus.targets(corpus.documentIDs["000"]!, "about") == ["meeting-jbz-2024-07-22"])
        #expect(corpus.targets(corpus.documentIDs["001"]!, "about") == ["meeting-jbz-2023-10-19"])
        #expect(corpus.targets(corpus.documentIDs["002"]!, "about") == ["meeting-jbz-2023-10-19"])
        #expect(corpus.targets(corpus.documentIDs["003"]!, "about") == ["meeting-jbz-2024-06-13"])
        #expect(corpus.targets(corpus.documentIDs["004"]!, "about") == ["meeting-jbz-2024-03-04"])
        let informal = corpus.properties("meeting-jbz-2024-07-22")
        #expect(informal["informal"] == .bool(true))
        #expect(informal["endDate"] == .date(Day(year: 2024, month: 7, day: 23)!))
        // "de JBZ-Raad van 19 en 20 oktober te Luxemburg" (001:11, no year): the year comes from the letter's date.
        #expect(corpus.properties("meeting-jbz-2023-10-19")["place"] == .string("Luxemburg"))
        #expect(corpus.labels("meeting-euco-2024-06-27") == ["Meeting"])
        #expect(corpus.node("meeting-coreper-2024-06-19") != nil)   // 003:55 "COREPER ... van 19 juni jl."
    }

    @Test func aBareDeMinisterIsTheMinisterWhoAnswersTheReport() {
        // 004 is answered by the minister (Yeşilgöz-Zegerius) and the staatssecretaris (Van der Burg) of
        // JenV: "Kan de staatssecretaris nader toelichten ..." (004:96) and "Deze leden vragen de
        // minister deze ontwikkeling ... aan te kaarten" (004:266) name one person each.
        #expect(corpus.targets("question-c56116d30e5388f7", "refers_to").contains("person-van-der-burg"))
        #expect(corpus.targets("question-1b484c442a62d519", "refers_to").contains("person-yesilgoz-zegerius"))
        // 001 is answered by two ministers (JenV and voor Rechtsbescherming): "de minister" does not say
        // which, so its questions refer to one visible unresolved mention listing both.
        let ambiguous = "unresolved-d06c0d598d410674-de-minister-1"
        #expect(corpus.labels(ambiguous) == ["Mention"])
        #expect(corpus.properties(ambiguous)["candidates"] == .list([.string("person-yesilgoz-zegerius"), .string("person-weerwind")]))
        #expect(corpus.sources(ambiguous, "refers_to").count > 10)
    }

    @Test func documentsAreTheKamerstukkenOthersCite() {
        // 002 states it is 32 317 nr. 859; 003 states no number but is the report of the JBZ-Raad of
        // 13-14 June 2024 that 000 cites as Kamerstuk 32317, nr. 882.
        #expect(corpus.targets(corpus.documentIDs["002"]!, "same_as") == ["kst-32317-859"])
        #expect(corpus.targets(corpus.documentIDs["003"]!, "same_as") == ["kst-32317-882"])
        #expect(corpus.targets(corpus.documentIDs["000"]!, "same_as").isEmpty)
        #expect(corpus.targets("kst-32317-882", "part_of") == ["dossier-32317"])
        #expect(corpus.properties("kst-32317-882")["title"] == .string("Verslag JBZ-Raad 13 en 14 juni 2024"))
    }

    @Test func everyKamerstukCitationOfEachPaperIsFound() {
        func kamerstukken(_ prefix: String) -> Set<String> { corpus.cited(prefix).filter { $0.hasPrefix("kst-") } }
        #expect(kamerstukken("000") == ["kst-32317-884", "kst-32317-882", "kst-32317-881", "kst-32317-883", "kst-32317-872",
                                        "kst-28345-276", "kst-32317-830"])
        #expect(kamerstukken("002") == ["kst-32317-855", "kst-32317-853", "kst-32317-854", "kst-32317-852", "kst-26643-1069",
                                        "kst-26643-1011", "kst-22112-3455", "kst-26643-1022", "kst-26643-1043", "kst-29754-658",
                                        "kst-29754-690", "kst-22112-3598", "kst-22112-2953", "kst-26643-1047"])
        #expect(kamerstukken("003") == ["kst-32317-867", "kst-32317-869", "kst-36394-24", "kst-19637-3258", "kst-36410-VI-2",
                                        "kst-36550-VI-2", "kst-32317-874", "kst-22112-3873", "kst-36410-VI-85", "kst-21501-31-751",
                                        "kst-32317-861", "kst-32317-866", "kst-32317-872", "kst-32317-862", "kst-22112-3842"])
        let other000 = corpus.cited("000").filter { !$0.hasPrefix("kst-") }
        #expect(other000 == ["ah-tk-20232024-2133", "zaak-2024Z08726", "ah-tk-20232024-2075", "32014L0041"])
        let d001 = kamerstukken("001")
        for id in ["kst-32317-855", "kst-32317-848", "kst-32317-849", "kst-32317-847", "kst-32317-851", "kst-36200-VI-23",
                   "kst-36200-VI-33", "kst-32317-793", "kst-32317-839", "kst-22112-2190", "kst-22112-2957", "kst-29754-658"] {
            #expect(d001.contains(id), "001 cites \(id)")
        }
        #expect(corpus.cited("003").contains("52023PC0755"))   // COM(2023)755, 003:618
        #expect(corpus.cited("003").contains("32001L0055"))    // Richtlijn 2001/55/EG, 003:443
    }

    @Test func footnoteCitationsBelongToThePassageWithTheMarker() {
        // 000 report 2, footnote 4 (line 298: Aanhangsel Handelingen II, 2023-2024, nr. 2075) is marked in
        // GL-PvdA's sixth question ("bangalijsten op Telegram<sup>4</sup>", line 286).
        let citing = corpus.sources("ah-tk-20232024-2075", "cites")
        #expect(citing.count == 1)
        let question = citing.first!
        #expect(corpus.labels(question) == ["Question"])
        #expect(corpus.sources(question, "asks") == ["faction-GL-PVDA"])
        let edge = corpus.graph.edge(from: corpus.node(question)!, type: corpus.graph.typeNames.id(of: "cites")!, to: corpus.node("ah-tk-20232024-2075")!)!
        let fact = try! corpus.graph.edge(edge)
        #expect(fact.properties["via"] == .string("footnote 4"))
        #expect(fact.provenance.first?.line == 298)
        #expect(fact.provenance.first?.text == "Aanhangsel Handelingen II, vergaderjaar 2023-2024, nr. 2075")
    }

    @Test func motionsResolveToTheirNumbersAndMembers() {
        // 001:106 "de motie van het lid Van Ginneken ... (Kamerstuk 26643, nr. 1011)".
        #expect(corpus.labels("kst-26643-1011") == ["Kamerstuk", "Motion"])
        #expect(corpus.targets("kst-26643-1011", "filed_by") == ["person-van-ginneken"])
        // 001:331 the full form with its number later in the sentence; 001:342 "de motie Kuik" is the same motion.
        #expect(corpus.targets("kst-29754-658", "filed_by") == ["person-kuik"])
        let kuik = corpus.provenance("kst-29754-658").map(\.text)
        #expect(kuik.contains("de motie Kuik"))
        // 003:685 "Motie Veldkamp c.s.12" through its footnote; 004:606 the same motion again.
        #expect(corpus.labels("kst-36410-VI-85").contains("Motion"))
        #expect(Set(corpus.provenance("kst-36410-VI-85").map(\.document)).count == 2)
        // 004:184 "motie-Brekelmans en Veldkamp (Kamerstuk 36410-VI, nr. 79)": two members.
        #expect(corpus.targets("kst-36410-VI-79", "filed_by") == ["person-brekelmans", "person-veldkamp"])
        // 004:166 "de motie van het lid Eerdmans<sup>3</sup>" -> footnote 3, KST 32317, nr. 813.
        #expect(corpus.targets("kst-32317-813", "filed_by") == ["person-eerdmans"])
        // 003:20 "de moties van het Lid Koekkoek" has no number: a motion node by its member.
        #expect(corpus.targets("motion-koekkoek", "filed_by") == ["person-koekkoek"])
    }

    @Test func theSameQuestionInTwoPapersIsOneNode() {
        // 001 (the ministry's copy) and 002 (the official report) carry the same 17 questions.
        let questions001 = corpus.targets(corpus.documentIDs["001"]!, "contains").filter { corpus.labels($0) == ["Question"] }
        let questions002 = corpus.targets(corpus.documentIDs["002"]!, "contains").filter { corpus.labels($0) == ["Question"] }
        #expect(questions001.count == 57)
        #expect(questions002.count == 17)
        #expect(questions002.isSubset(of: questions001))
        let shared = questions002.first!
        #expect(Set(corpus.provenance(shared).map(\.document)).count == 2)
        let all = corpus.graph.nodes(withLabel: corpus.graph.labelNames.id(of: "Question")!)
        #expect(all.count == 23 + 57 + 58)
    }

    @Test func factionsAskAndNamesResolveAcrossSpellingsAndTime() {
        func questions(_ faction: String, _ prefix: String) -> Int {
            let inDocument = corpus.targets(corpus.documentIDs[prefix]!, "contains")
            return corpus.targets(faction, "asks").intersection(inDocument).count
        }
        #expect(questions("faction-VVD", "000") == 6)
        #expect(questions("faction-VOLT", "000") == 8)
        #expect(questions("faction-GL-PVDA", "000") == 6)
        #expect(questions("faction-NSC", "000") == 3)
        // 2023: "de leden van de PvdA- en GroenLinks-fractie" are two factions, before the joint one.
        #expect(questions("faction-PVDA", "001") == 4)
        #expect(questions("faction-GL", "001") == 4)
        #expect(questions("faction-GL-PVDA", "001") == 0)
        #expect(questions("faction-GROEP-VAN-HAGA", "001") == 1)
        #expect(questions("faction-VOLT", "004") == 34)
        // VVD asks nothing in 001's first report ("geen verdere vragen").
        #expect(questions("faction-VVD", "002") == 0)
    }

    @Test func officesResolveToThePersonInOfficeOnTheDate() {
        // "de minister van Justitie en Veiligheid": Yeşilgöz-Zegerius in October 2023, Van Weel in July 2024.
        #expect(corpus.targets(corpus.documentIDs["002"]!, "contains").contains { corpus.targets($0, "refers_to").contains("person-yesilgoz-zegerius") })
        #expect(corpus.targets(corpus.documentIDs["000"]!, "contains").contains { corpus.targets($0, "refers_to").contains("person-van-weel") })
        // 002 is unsigned: the offices its introduction names answer its questions.
        let question = corpus.targets(corpus.documentIDs["002"]!, "contains").first { corpus.labels($0) == ["Question"] }!
        #expect(Set(corpus.sources(question, "answers").filter { $0.hasPrefix("person-") })
            == Set(["person-yesilgoz-zegerius", "person-weerwind", "person-van-der-burg"]))
        // 000: the ministers named as answering, the minister van Asiel en Migratie among them.
        let q000 = corpus.targets(corpus.documentIDs["000"]!, "contains").first { corpus.labels($0) == ["Question"] }!
        #expect(corpus.sources(q000, "answers").contains("person-faber"))
    }

    @Test func countriesFromNamesAdjectivesAndAbbreviations() {
        func countries(_ prefix: String) -> Set<String> { corpus.referredTo(from: prefix) { $0.hasPrefix("country-") } }
        #expect(countries("000") == ["country-NL", "country-HU", "country-SY", "country-LB", "country-JO", "country-TR", "country-TN",
                                     "country-EG", "country-MR", "country-SN", "country-GM", "country-MA", "country-RW", "country-GB",
                                     "country-BE", "country-DE", "country-IT"])
        // 004: "het Verenigd Koninkrijk (VK)" and "het Britse parlement".
        #expect(countries("004").contains("country-GB"))
        #expect(countries("004").contains("country-RW"))
    }

    @Test func actsSharingANameResolveByDateOrAsAll() {
        func acts(_ prefix: String) -> Set<String> { corpus.referredTo(from: prefix) { $0.hasPrefix("3") } }
        // 001 (2023-10-17): "de Opvangrichtlijn" is Directive 2013/33/EU; "Opvang- en Procedurerichtlijn"
        // names both 2013 directives. The recast (adopted 2024-05-14) is not named there at all.
        #expect(acts("001").isSuperset(of: ["32013L0033", "32013L0032"]))
        #expect(!acts("001").contains("32024L1346"))
        // 003 (2024-06): "de herziene Opvangrichtlijn" is the recast, by its own alias.
        #expect(acts("003").contains("32024L1346"))
        // 000: "asiel- en migratiefondsen" are both funds.
        #expect(acts("000").isSuperset(of: ["32021R1147", "32021R1148"]))
    }

    @Test func everyFactCarriesProvenance() {
        for (prefix, result) in corpus.results {
            for node in result.batch.nodes {
                #expect(!node.provenance.isEmpty, "\(prefix): node \(node.id) has no provenance")
            }
            for edge in result.batch.edges {
                #expect(!edge.provenance.isEmpty, "\(prefix): edge \(edge.key) has no provenance")
                for source in edge.provenance {
                    let bytes = RepositoryPaths.bytes(RepositoryPaths.corpus(prefix))
                    let span = Array(source.text.utf8)
                    // The text is the exact source span at the offset.
                    #expect(source.offset + span.count <= bytes.count && Array(bytes[source.offset..<(source.offset + span.count)]) == span,
                            "\(prefix): provenance of \(edge.key) does not match the source at \(source.offset)")
                }
            }
        }
    }
}
