@testable import KGExtract
import KGModel
import Testing

/// Which act an alias that several acts share names: by date, as the amended act, or all of them.
@Suite struct ActChoiceTests {
    static let old = ActChoice(id: "32013L0033", name: "Opvangrichtlijn", date: try! Day(iso: "2013-06-26"), relations: [])
    static let recast = ActChoice(id: "32024L1346", name: "herziene Opvangrichtlijn", date: try! Day(iso: "2024-05-14"),
                                  relations: [("repeals", "32013L0033")])

    @Test func aRepealedActIsMeantBeforeItsSuccessorWasAdoptedAndTheSuccessorFromThen() throws {
        let before = ActChoice.resolve([Self.recast, Self.old], date: try Day(iso: "2023-10-17"))
        #expect(before.chosen.map(\.id) == ["32013L0033"])
        #expect(before.rule == "regulation.alias-by-date")
        let onTheDay = ActChoice.resolve([Self.recast, Self.old], date: try Day(iso: "2024-05-14"))
        #expect(onTheDay.chosen.map(\.id) == ["32024L1346"])
        let after = ActChoice.resolve([Self.old, Self.recast], date: try Day(iso: "2024-06-21"))
        #expect(after.chosen.map(\.id) == ["32024L1346"])
    }

    @Test func withoutADocumentDateBothAreKeptAsUnresolved() {
        let result = ActChoice.resolve([Self.recast, Self.old], date: nil)
        #expect(Set(result.chosen.map(\.id)) == ["32013L0033", "32024L1346"])
        #expect(result.rule == "regulation.alias-unresolved")
    }

    @Test func anAmendingProposalSharingTheNameMeansTheAmendedAct() throws {
        let directive = ActChoice(id: "32012L0029", name: "slachtofferrechtenrichtlijn", date: try Day(iso: "2012-10-25"), relations: [])
        let proposal = ActChoice(id: "52023PC0424", name: "herziening slachtofferrechtenrichtlijn", date: try Day(iso: "2023-07-12"),
                                 relations: [("amends", "32012L0029")])
        let result = ActChoice.resolve([directive, proposal], date: try Day(iso: "2024-06-21"))
        #expect(result.chosen.map(\.id) == ["32012L0029"])
        #expect(result.rule == "regulation.alias-amended-act")
    }

    @Test func withoutADateAnAmendingProposalIsStillLeftOut() throws {
        let proposal = ActChoice(id: "52099PC0001", name: "herziene Opvangrichtlijn", date: try Day(iso: "2025-01-01"),
                                 relations: [("amends", "32024L1346")])
        let result = ActChoice.resolve([Self.recast, Self.old, proposal], date: nil)
        #expect(Set(result.chosen.map(\.id)) == ["32013L0033", "32024L1346"])
        #expect(result.rule == "regulation.alias-unresolved")
    }

    @Test func twoSuccessorsOfOneActLeaveTheNameUnresolved() throws {
        let other = ActChoice(id: "32025L0001", name: "Opvangrichtlijn", date: try Day(iso: "2025-01-01"), relations: [("repeals", "32013L0033")])
        let result = ActChoice.resolve([Self.recast, Self.old, other], date: try Day(iso: "2025-06-01"))
        #expect(Set(result.chosen.map(\.id)) == ["32013L0033", "32024L1346", "32025L0001"])
        #expect(result.rule == "regulation.alias-unresolved")
    }

    @Test func unrelatedActsSharingANameAreAllMeant() throws {
        let procedures = ActChoice(id: "32013L0032", name: "Procedurerichtlijn", date: try Day(iso: "2013-06-26"), relations: [])
        let result = ActChoice.resolve([procedures, Self.old], date: try Day(iso: "2023-10-17"))
        #expect(result.chosen.map(\.id) == ["32013L0032", "32013L0033"])
        #expect(result.rule == "regulation.alias-collective")
    }

    @Test func aliasesThatMatchTheSameWordsAreOnePhrase() {
        #expect(PhraseFinders.matchKey("Opvangrichtlijn") == PhraseFinders.matchKey("opvangrichtlijn"))
        #expect(PhraseFinders.matchKey("Asiel en Migratiepact") == PhraseFinders.matchKey("asiel en  migratiepact"))
        // A short upper-case alias matches only as written, so it is its own phrase.
        #expect(PhraseFinders.matchKey("APR") != PhraseFinders.matchKey("Apr"))
    }

    @Test func theBuiltInTablesGiveTheRecastItsDateAndRelation() {
        let recast = ReferenceData.builtin.acts.first { $0.id == "32024L1346" }
        #expect(recast?.date?.description == "2024-05-14")
        #expect(recast?.relations.contains { $0.kind == "repeals" && $0.id == "32013L0033" } == true)
    }
}
