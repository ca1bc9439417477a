import KGInterchange
import KGTestSupport
import Testing

@Suite struct JSONParserTests {
    @Test func parsesEveryValueKind() throws {
        let value = try JSONParser.parse(#" {"a": [1, -2, 3.5, 1e3, true, false, null], "b": "x\"\\\/\n\u00e9\ud83d\ude00", "c": {}} "#)
        #expect(value == .object([
            ("a", .array([.integer(1), .integer(-2), .double(3.5), .double(1000), .bool(true), .bool(false), .null])),
            ("b", .string("x\"\\/\né😀")), ("c", .object([])),
        ]))
    }

    @Test(arguments: [
        ("", "unexpected end of input, expected a value at byte 1"),
        ("{", "expected a member name in double quotes at byte 2"),
        ("[1,]", "unexpected character ']', expected a value at byte 4"),
        ("{\"a\" 1}", "expected ':' after member name at byte 6"),
        ("01", "leading zero in number at byte 1"),
        ("1.", "digit expected after '.' at byte 3"),
        ("\"abc", "unterminated string at byte 1"),
        ("\"a\u{1}\"", "control character in string (escape it) at byte 3"),
        ("\"\\x\"", "invalid escape \\'x' at byte 3"),
        ("\"\\ud800\"", "unpaired surrogate in \\u escape at byte 8"),
        ("tru", "unexpected end of input in 'true' at byte 1"),
        ("{} x", "unexpected text after the JSON value at byte 4"),
        ("99999999999999999999", "integer 99999999999999999999 does not fit in 64 bits at byte 1"),
        ("1e999", "number 1e999 is out of range at byte 1"),
    ])
    func rejectsWithAPosition(text: String, message: String) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("accepted \(text)")
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func nestingIsLimited() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(deep) }
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect((try? JSONParser.parse(ok)) != nil)
    }

    @Test func invalidUTF8InStringsIsRefused() {
        let bytes: [UInt8] = [0x22, 0xC3, 0x28, 0x22]
        #expect(throws: JSONParser.Failure.self) { try bytes.withUnsafeBytes { try JSONParser.parse($0) } }
    }

    @Test func writerEscapesAndRoundTrips() throws {
        let value = JSONValue.object([("s", .string("q\"b\\n\n\u{1}\u{2028}é")), ("f", .double(2)), ("i", .integer(-7))])
        let text = JSONWriter.encode(value)
        #expect(text == #"{"s":"q\"b\\n\n\u0001\u2028é","f":2.0,"i":-7}"#)
        #expect(try JSONParser.parse(text) == value)
    }

    @Test func randomBytesNeverTrap() {
        var random = SeededRandom(seed: 11)
        let alphabet = Array("{}[]\":,0123456789.eE+-tfnrul\\ \n\u{80}".utf8)
        for _ in 0..<5000 {
            let count = Int(random.next() % 40)
            let bytes = (0..<count).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            _ = try? bytes.withUnsafeBytes { try JSONParser.parse($0) }
        }
    }
}
