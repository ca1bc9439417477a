import KGModel
import Testing

@Suite struct ValueTests {
    @Test(arguments: ["1970-01-01", "2023-10-19", "2024-02-29", "2000-02-29", "1899-12-31", "0001-01-01", "9999-12-31"])
    func dayRoundTrips(text: String) throws {
        let day = try Day(iso: text)
        #expect(day.iso == text)
        let (y, m, d) = day.components
        #expect(Day(year: y, month: m, day: d) == day)
    }

    @Test func dayArithmeticMatchesKnownEpochs() {
        #expect(Day(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(Day(year: 2000, month: 3, day: 1)?.daysSinceEpoch == 11017)
        #expect(Day(year: 1969, month: 12, day: 31)?.daysSinceEpoch == -1)
    }

    @Test(arguments: ["2023-02-29", "2023-13-01", "2023-00-10", "2023-1-01", "23-01-01", "2023/01/01", "", "2023-01-32", "abcd-ef-gh"])
    func dayRejects(text: String) {
        #expect(throws: ModelError.invalidDate(text)) { try Day(iso: text) }
    }

    @Test func floatsAlwaysPrintAsFloats() {
        #expect(PropertyValue.format(1) == "1.0")
        #expect(PropertyValue.format(0.5) == "0.5")
        #expect(PropertyValue.format(1e300) == "1e+300")
        #expect(PropertyValue.float(-2).description == "-2.0")
    }

    @Test func idsRefuseControlCharactersAndEmptiness() {
        #expect(throws: ModelError.self) { try NodeID("") }
        #expect(throws: ModelError.self) { try NodeID("a\u{0}b") }
        #expect(throws: ModelError.self) { try NodeID("line\nbreak") }
        #expect(throws: ModelError.self) { try NodeID("del\u{7F}") }
        #expect(throws: ModelError.self) { try NodeID(String(repeating: "x", count: Limits.maxIDBytes + 1)) }
        #expect((try? NodeID("Ĳsselmeer — “quoted” ids are fine")) != nil)
    }

    @Test func namesAreIdentifiers() {
        #expect((try? Label("Kamerstuk")) != nil)
        #expect((try? EdgeType("refers_to")) != nil)
        #expect(throws: ModelError.self) { try Label("1abc") }
        #expect(throws: ModelError.self) { try Label("with space") }
        #expect(throws: ModelError.self) { try EdgeType("") }
        #expect(throws: ModelError.self) { try EdgeType("cites-too") }
    }

    @Test func quotedEscapesControlCharacters() {
        #expect(Escaping.quoted("a\"b\n\u{1}") == "\"a\\\"b\\n\\u{1}\"")
        #expect(Escaping.quoted(String(repeating: "x", count: 5), limit: 3) == "\"xxx…\"")
    }
}
