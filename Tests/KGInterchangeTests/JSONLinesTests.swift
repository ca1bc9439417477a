import KGInterchange
import KGModel
import KGTestSupport
import Testing

@Suite struct JSONLinesTests {
    let example = """
    {"kind":"node","id":"kst-32317-884","labels":["Kamerstuk"],"props":{"dossier":"32317","number":884}}
    {"kind":"edge","type":"cites","from":"doc-2c53b84423decd33","to":"kst-32317-884","props":{},"source":{"doc":"abc","line":66,"offset":2210,"text":"Kamerstuk 32317, nr. 884"}}

    {"kind":"edge","type":"about","from":"doc-2c53b84423decd33","to":"meeting-jbz-2024-07-22","sources":[{"doc":"a","line":1,"offset":0,"text":"x","rule":"r","confidence":0.5},{"doc":"b","line":2,"offset":3,"text":"y"}]}
    {"kind":"node","id":"m","props":{"date":{"$date":"2024-07-22"},"list":[1,2.5,"x",[true]]}}
    {"kind":"retract","node":"old"}
    """

    @Test func decodesTheDocumentedForm() throws {
        let batch = try JSONLines.decode(Array(example.utf8), source: "example.jsonl")
        #expect(batch.nodes.count == 2)
        #expect(batch.edges.count == 2)
        #expect(batch.retractions == [.node(Samples.id("old"))])
        #expect(batch.nodes[0].properties == ["dossier": .string("32317"), "number": .int(884)])
        #expect(batch.edges[0].provenance == [Provenance(document: "abc", line: 66, offset: 2210, text: "Kamerstuk 32317, nr. 884")])
        #expect(batch.edges[1].provenance.count == 2)
        #expect(batch.edges[1].provenance[0].confidence == 0.5)
        #expect(batch.nodes[1].properties["date"] == .date(Day(year: 2024, month: 7, day: 22)!))
        #expect(batch.nodes[1].properties["list"] == .list([.int(1), .float(2.5), .string("x"), .list([.bool(true)])]))
    }

    @Test func encodeThenDecodeGivesTheSameRecords() throws {
        let batch = try JSONLines.decode(Array(example.utf8), source: "example.jsonl")
        var text = ""
        for node in batch.nodes { text += JSONLines.encode(.node(node)) + "\n" }
        for edge in batch.edges { text += JSONLines.encode(.edge(edge)) + "\n" }
        for retraction in batch.retractions { text += JSONLines.encode(.retraction(retraction)) + "\n" }
        let again = try JSONLines.decode(Array(text.utf8), source: "again")
        #expect(again.nodes == batch.nodes)
        #expect(again.edges == batch.edges)
        #expect(again.retractions == batch.retractions)
    }

    @Test(arguments: [
        ("{\"kind\":\"node\"}", "f:1: id: missing"),
        ("{\"kind\":\"vertex\",\"id\":\"a\"}", "f:1: kind: unknown kind \"vertex\"; expected \"node\", \"edge\" or \"retract\""),
        ("{\"kind\":\"node\",\"id\":\"a\",\"lables\":[]}", "f:1: lables: unknown field (expected one of id, kind, labels, props, source, sources)"),
        ("{\"kind\":\"node\",\"id\":\"\"}", "f:1: id: invalid id \"\": an id must not be empty"),
        ("{\"kind\":\"node\",\"id\":\"a\\u0007b\"}", "f:1: id: invalid id \"a\\u{7}b\": contains the control character U+7"),
        ("{\"kind\":\"node\",\"id\":\"a\",\"labels\":[\"has space\"]}", "f:1: labels[0]: invalid label \"has space\": only letters, digits and _ are allowed, and it may not start with a digit"),
        ("{\"kind\":\"edge\",\"type\":\"cites\",\"from\":\"a\"}", "f:1: to: missing"),
        ("{\"kind\":\"node\",\"id\":\"a\",\"props\":{\"x\":null}}", "f:1: props.x: null is not a property value (leave the property out)"),
        ("{\"kind\":\"node\",\"id\":\"a\",\"props\":{\"d\":{\"$date\":\"2023-02-30\"}}}", "f:1: props.d: invalid date \"2023-02-30\": expected an ISO 8601 day such as 2023-10-19"),
        ("{\"kind\":\"edge\",\"type\":\"c\",\"from\":\"a\",\"to\":\"b\",\"source\":{\"line\":1}}", "f:1: source.doc: missing"),
        ("[1,2]", "f:1: line: must be a JSON object, not an array"),
        ("{\"kind\":\"node\",\"id\":\"a\"", "f:1:24: invalid JSON: unexpected end of input, expected ',' or '}'"),
        ("{\"kind\":\"node\",\"id\":\"a\",\"id\":\"b\"}", "f:1: id: field given twice"),
    ])
    func malformedLinesNameTheLineAndTheField(line: String, message: String) {
        do {
            _ = try JSONLines.decode(Array(line.utf8), source: "f")
            Issue.record("accepted \(line)")
        } catch {
            #expect("\(error)" == message + "; nothing was imported (fix the line and import again)")
        }
    }

    @Test func theBadLineIsNamedEvenLateInTheFile() {
        var text = ""
        for i in 0..<1000 { text += "{\"kind\":\"node\",\"id\":\"n\(i)\"}\n" }
        text += "{\"kind\":\"node\",\"id\":}\n"
        #expect(throws: InterchangeError.malformedLine(source: "big", line: 1001, column: 21, reason: "invalid JSON: unexpected character '}', expected a value")) {
            try JSONLines.decode(Array(text.utf8), source: "big")
        }
    }

    @Test func binaryAndNonUTF8InputIsRefusedWithTheOffset() {
        let latin1: [UInt8] = Array("{\"kind\":\"node\",\"id\":\"caf".utf8) + [0xE9] + Array("\"}".utf8)
        #expect(throws: InterchangeError.notText(source: "l1", offset: 24, reason: "byte 0xe9 starts no valid UTF-8 sequence (Latin-1 or Windows-1252 text? convert it to UTF-8)")) {
            try JSONLines.decode(latin1, source: "l1")
        }
        #expect(throws: InterchangeError.notText(source: "bin", offset: 2, reason: "a NUL byte, so this looks like a binary file")) {
            try JSONLines.decode([0x7B, 0x7D, 0x00, 0x01], source: "bin")
        }
    }

    @Test func emptyAndBlankInputIsAnEmptyBatch() throws {
        #expect(try JSONLines.decode([], source: "empty").isEmpty)
        #expect(try JSONLines.decode(Array("\n  \n\r\n".utf8), source: "blank").isEmpty)
    }

    @Test func crlfLineEndingsAreAccepted() throws {
        let batch = try JSONLines.decode(Array("{\"kind\":\"node\",\"id\":\"a\"}\r\n{\"kind\":\"node\",\"id\":\"b\"}\r\n".utf8), source: "crlf")
        #expect(batch.nodes.map(\.id.rawValue) == ["a", "b"])
    }
}
