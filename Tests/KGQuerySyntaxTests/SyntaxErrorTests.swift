@testable import KGQuerySyntax
import Testing

/// Syntax errors: exact messages with line:column and the caret under the offending token; hostile
/// input gives errors, never a crash.
@Suite struct SyntaxErrorTests {
    func error(_ text: String) -> SyntaxError? {
        do {
            _ = try Parser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    func rendered(_ text: String) -> String { error(text)?.render(source: text) ?? "(parsed)" }

    static let cases: [(String, String)] = [
        ("MATCH (a)-[:cites]->(b) RETRUN b",
         "syntax error at 1:25: unexpected 'RETRUN', expected a clause (MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN)\nMATCH (a)-[:cites]->(b) RETRUN b\n                        ^^^^^^"),
        ("MATCH (a)\nWHERE a.x = \nRETURN a",
         "syntax error at 3:1: unexpected 'RETURN', expected an expression\nRETURN a\n^^^^^^"),
        ("MATCH (a",
         "syntax error at 1:9: unexpected end of input, expected ':' and a label, '{' or ')' in the node pattern\nMATCH (a\n        ^"),
        ("MATCH (a)-[:x]>(b) RETURN a",
         "syntax error at 1:15: unexpected '>', expected '-' to continue the relationship pattern\nMATCH (a)-[:x]>(b) RETURN a\n              ^"),
        ("MATCH (a)<-[:x]->(b) RETURN a",
         "syntax error at 1:10: a relationship pattern cannot point both ways; write -[...]- to match either direction\nMATCH (a)<-[:x]->(b) RETURN a\n         ^^^^^^^^"),
        ("MATCH (a)-[*4..2]->(b) RETURN a",
         "syntax error at 1:12: the hop range *4..2 is empty (the lower bound is above the upper bound)\nMATCH (a)-[*4..2]->(b) RETURN a\n           ^^^^^"),
        ("MATCH (a)", "syntax error at 1:10: unexpected end of input, expected a clause (MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN); a query ends with RETURN\nMATCH (a)\n         ^"),
        ("RETURN 1 MATCH (a)", "syntax error at 1:10: unexpected 'MATCH', expected the end of the query after RETURN\nRETURN 1 MATCH (a)\n         ^^^^^"),
        ("RETURN 'abc", "syntax error at 1:8: unterminated string literal (no closing quote)\nRETURN 'abc\n       ^"),
        ("RETURN `abc", "syntax error at 1:8: unterminated quoted name (no closing backtick)\nRETURN `abc\n       ^"),
        ("RETURN 1 /* never closed", "syntax error at 1:10: unterminated comment (no closing */)\nRETURN 1 /* never closed\n         ^^"),
        ("RETURN 'a\\qb'", "syntax error at 1:10: unknown escape \\q in a string literal\nRETURN 'a\\qb'\n         ^^"),
        ("RETURN 99999999999999999999", "syntax error at 1:8: invalid number '99999999999999999999': too large for a 64-bit integer\nRETURN 99999999999999999999\n       ^^^^^^^^^^^^^^^^^^^^"),
        ("RETURN 12abc", "syntax error at 1:8: invalid number '12abc': letters directly after digits\nRETURN 12abc\n       ^^^^^"),
        ("RETURN a @ b", "syntax error at 1:10: unexpected character '@'\nRETURN a @ b\n         ^"),
        ("\tRETURN a +", "syntax error at 1:12: unexpected end of input, expected an expression\n\tRETURN a +\n\t          ^"),
        ("MATCH (n) RETURN n.", "syntax error at 1:20: unexpected end of input, expected a property name after '.'\nMATCH (n) RETURN n.\n                   ^"),
        ("RETURN [1, 2", "syntax error at 1:13: unexpected end of input, expected ',' or ']' in the list\nRETURN [1, 2\n            ^"),
        ("RETURN {a 1}", "syntax error at 1:11: unexpected '1', expected ':' after the property name 'a'\nRETURN {a 1}\n          ^"),
        ("MATCH (match) RETURN 1", "syntax error at 1:8: unexpected 'match', expected a variable, ':' and a label, '{' or ')' in the node pattern\nMATCH (match) RETURN 1\n       ^^^^^"),
        ("RETURN x AS", "syntax error at 1:12: unexpected end of input, expected a name after AS\nRETURN x AS\n           ^"),
        ("RETURN a IS 1", "syntax error at 1:13: unexpected '1', expected NULL or NOT NULL after IS\nRETURN a IS 1\n            ^"),
        ("", "syntax error at 1:1: unexpected end of input, expected a clause (MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN)\n\n^"),
        ("RETURN", "syntax error at 1:7: unexpected end of input, expected an expression to project\nRETURN\n      ^"),
        ("MATCH (a)-[*..]->(b) RETURN a", "syntax error at 1:15: unexpected ']', expected an upper bound after '*..'\nMATCH (a)-[*..]->(b) RETURN a\n              ^"),
    ]

    @Test(arguments: cases)
    func messagesNameLineColumnAndCaret(_ query: String, _ expected: String) {
        #expect(rendered(query) == expected)
    }

    @Test func errorCarriesTheOffendingTokenAndExpectation() {
        let found = error("MATCH (a) RETURN a LIMIT")
        #expect(found == .unexpectedToken(found: "end of input", expected: "an expression",
                                          at: SourceSpan(line: 1, column: 25, offset: 24, length: 0)))
    }

    // MARK: - Hostile input

    @Test func tenThousandNestedParenthesesIsAnError() {
        let text = "RETURN " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        guard case .nestingTooDeep(let limit, let at) = error(text) else { Issue.record("no nesting error"); return }
        #expect(limit == SyntaxLimits.maxNestingDepth)
        #expect(at.line == 1)
    }

    @Test func deepNestingOfEveryKindIsAnError() {
        let n = 10_000
        let texts = [
            "RETURN " + String(repeating: "[", count: n) + String(repeating: "]", count: n),
            "RETURN " + String(repeating: "{a: ", count: n) + "1" + String(repeating: "}", count: n),
            "RETURN " + String(repeating: "NOT ", count: n) + "true",
            "RETURN " + String(repeating: "- ", count: n) + "x",
            "RETURN " + String(repeating: "f(", count: n) + String(repeating: ")", count: n),
            "MATCH (a) WHERE " + String(repeating: "exists((a)-[]->({p: ", count: n) + "1" + String(repeating: "}))", count: n) + " RETURN a",
        ]
        for text in texts {
            guard case .nestingTooDeep = error(text) else { Issue.record("no nesting error for \(text.prefix(20))"); continue }
        }
    }

    @Test func tallFlatExpressionsAreAnError() {
        let sum = "RETURN 1" + String(repeating: " + 1", count: 5_000)
        guard case .nestingTooDeep(let limit, let at) = error(sum) else { Issue.record("no error for a long sum"); return }
        #expect(limit == SyntaxLimits.maxExpressionHeight)
        #expect(at.column == 8, "the span starts at the sum's first operand")
        let chain = "RETURN n" + String(repeating: ".a", count: 5_000)
        guard case .nestingTooDeep = error(chain) else { Issue.record("no error for a long property chain"); return }
    }

    @Test func nestingJustBelowTheLimitParses() throws {
        let depth = SyntaxLimits.maxNestingDepth - 2
        let text = "RETURN " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        #expect(try Parser.parse(text).description == "RETURN 1")
        let sum = "RETURN 1" + String(repeating: " + 1", count: SyntaxLimits.maxExpressionHeight - 2)
        #expect(try Parser.parse(sum).clauses.count == 1)
    }

    @Test func aOneMegabyteStringLiteralIsAnError() {
        let text = "RETURN '" + String(repeating: "x", count: 1_000_000) + "'"
        #expect(error(text) == .literalTooLong(limit: SyntaxLimits.maxLiteralBytes,
                                               at: SourceSpan(line: 1, column: 8, offset: 7, length: 1)))
        let big = "RETURN '" + String(repeating: "x", count: 2_000_000) + "'"
        #expect(error(big) == .queryTooLong(size: 2_000_009, limit: SyntaxLimits.maxQueryBytes, unit: "bytes"))
        #expect(error(big)?.render(source: big) == "syntax error: query text has 2000009 bytes, more than the limit of 1048576")
    }

    @Test func unterminatedInputsAtEveryCutAreErrors() {
        let query = "MATCH p = (m:Motion {id: 'kst-1'})<-[:cites|refers_to*1..2]-(x) WHERE x.t =~ \"a.*\" AND NOT exists((x)-->()) RETURN m.id, count(DISTINCT x) AS c ORDER BY c DESC LIMIT 5"
        let scalars = Array(query.unicodeScalars)
        for cut in 0..<scalars.count {
            var prefix = String.UnicodeScalarView()
            prefix.append(contentsOf: scalars[0..<cut])
            let text = String(prefix)
            // Every proper prefix either parses (it may end at a RETURN item) or fails cleanly.
            if let failure = error(text) {
                #expect(failure.span.offset <= text.utf8.count)
                #expect(!failure.render(source: text).isEmpty)
            }
        }
        #expect(error(query) == nil)
    }

    @Test func randomGarbageNeverCrashes() {
        var state: UInt64 = 12345
        let alphabet = Array("()[]{}<>-=:|*.,;$'\"`\\/ \n\tMATCHRETURNWHEREaz09_éü+%^!~@#".unicodeScalars)
        for _ in 0..<2_000 {
            var text = String.UnicodeScalarView()
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(state >> 58)
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            let source = String(text)
            if let failure = error(source) { _ = failure.render(source: source) }
        }
    }
}
