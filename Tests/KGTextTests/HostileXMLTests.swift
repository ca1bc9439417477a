import KGModel
@testable import KGText
import KGTestSupport
import Testing

/// Damaged and hostile XML: the reader either converts it (with a well-formed map) or refuses it with
/// `TextSourceError.malformedXML` at an offset inside the input. It never traps and never loops.
@Suite struct HostileXMLTests {
    /// The outcome of reading `bytes`; records an issue for anything but a conversion or a typed refusal.
    static func check(_ bytes: [UInt8], _ what: @autoclosure () -> String) -> Bool {
        do {
            let publication = try PublicationXML.read(bytes)
            let text = publication.sourceText
            let problems = text.checkInvariants()
            if !problems.isEmpty { Issue.record("\(what()): map problems \(problems.prefix(3))") }
            for extref in publication.extrefs where extref.textRange.upperBound > text.count || extref.sourceRange.upperBound > bytes.count {
                Issue.record("\(what()): extref out of bounds")
            }
            for footnote in publication.footnotes where footnote.lineRange.upperBound > text.count {
                Issue.record("\(what()): footnote out of bounds")
            }
            _ = text.sourceSpan(0..<text.count)
            return true
        } catch TextSourceError.malformedXML(let offset, let reason) {
            if offset < 0 || offset > bytes.count || reason.isEmpty { Issue.record("\(what()): bad refusal \(offset) \(reason)") }
            return false
        } catch {
            Issue.record("\(what()): unexpected error \(error)")
            return false
        }
    }

    static let fragments: [[UInt8]] = [
        "<", ">", "&", "\"", "'", "/", "=", "</", "/>", "<?", "?>", "<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE x [",
        "&amp;", "&#x0;", "&#xD800;", "&unknown;", "<al>", "</al>", "<noot>", "</noot>", "<noot.nr>", "<extref doc=\"x\">",
        "</extref>", "<voetref nr=\"9\"/>", "<row>", "<entry/>", "<table>", "\u{1}", "\u{0}",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF]]

    /// A seeded random mutation of `bytes`: flip, insert a fragment, delete, duplicate, truncate or swap.
    static func mutate(_ bytes: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var out = bytes
        let rounds = 1 + Int(random.next() % 4)
        for _ in 0..<rounds where !out.isEmpty {
            let at = Int(random.next() % UInt64(out.count))
            switch random.next() % 7 {
            case 0: out[at] = UInt8(truncatingIfNeeded: random.next())
            case 1: out.insert(contentsOf: fragments[Int(random.next() % UInt64(fragments.count))], at: at)
            case 2: out.removeSubrange(at..<min(out.count, at + 1 + Int(random.next() % 64)))
            case 3:
                let end = min(out.count, at + 1 + Int(random.next() % 200))
                out.insert(contentsOf: Array(out[at..<end]), at: Int(random.next() % UInt64(out.count)))
            case 4: out.removeSubrange(at...)
            case 5:
                let other = Int(random.next() % UInt64(out.count))
                out.swapAt(at, other)
            default:
                // Mutate near markup, where the tokenizer's decisions are.
                if let lt = out[at...].firstIndex(of: 0x3C), lt + 1 < out.count {
                    out[lt + 1] = [0x2F, 0x3F, 0x21, 0x20, 0x3E, 0x22][Int(random.next() % 6)]
                }
            }
        }
        return out
    }

    @Test(arguments: Corpus.xmlFiles)
    func randomMutationsOfTheRealFilesNeverTrap(_ file: String) throws {
        let original = try Corpus.xml(file)
        var random = SeededRandom(seed: 0x4B47_5465_7874 ^ UInt64(file.utf8.count))
        var converted = 0
        for round in 0..<40 {
            let mutated = Self.mutate(original, &random)
            if Self.check(mutated, "\(file) round \(round)") { converted += 1 }
        }
        // Some mutations (inside text) still convert; most damage to markup is refused.
        #expect(converted < 40)
    }

    @Test func everyTruncationOfTheSmallestFileIsRefused() throws {
        let bytes = try Corpus.xml("kst_35786_7.xml")
        let rootEnd = bytes.count - 1  // the file ends with "</officiele-publicatie>\n"
        for cut in 0..<bytes.count {
            let accepted = Self.check(Array(bytes[..<cut]), "cut at \(cut)")
            #expect(accepted == (cut >= rootEnd), "cut at \(cut)")
        }
    }

    @Test func randomBytesAndDeepNestingAreRefused() {
        var random = SeededRandom(seed: 99)
        for round in 0..<200 {
            let bytes = (0..<(1 + Int(random.next() % 300))).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            #expect(!Self.check(bytes, "random \(round)") || bytes.contains(0x3C))
        }
        let deep = Array((String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)).utf8)
        #expect(throws: TextSourceError.malformedXML(offset: 3 * Limits.maxXMLDepth, reason: "elements nested deeper than 256 levels")) {
            try PublicationXML.read(deep)
        }
        let wide = Array(("<a " + (0..<300).map { "x\($0)=\"\"" }.joined(separator: " ") + "/>").utf8)
        #expect(!Self.check(wide, "300 attributes"))
    }

    @Test func aBillionLaughsDoesNothing() throws {
        let xml = """
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <officiele-publicatie><al>&lol2;</al></officiele-publicatie>
            """
        let publication = try PublicationXML.read(Array(xml.utf8))
        #expect(publication.sourceText.text == "&lol2;\n")
    }

    @Test func manyFootnotesAndTablesStayLinear() throws {
        let body = (0..<2000).map { "<al>p\($0)<noot><noot.nr>\($0)</noot.nr><noot.al>n</noot.al></noot></al>" }.joined()
        let publication = try PublicationXML.read(Array("<officiele-publicatie>\(body)</officiele-publicatie>".utf8))
        #expect(publication.footnotes.count == 2000)
        #expect(publication.sourceText.checkInvariants() == [])
    }
}
