import KGModel
@testable import KGText
import Testing

/// The Markdown shape from small hand-written documents: one rule per test.
@Suite struct PublicationRenderingTests {
    static func render(_ body: String, root: String = "officiele-publicatie") throws -> ConvertedPublication {
        let publication = try PublicationXML.read(Array("<\(root)>\(body)</\(root)>".utf8))
        #expect(publication.sourceText.checkInvariants() == [])
        return publication
    }

    static func text(_ body: String, root: String = "officiele-publicatie") throws -> String {
        try render(body, root: root).sourceText.text
    }

    @Test func paragraphsAreSeparatedByBlankLinesAndWhitespaceCollapses() throws {
        #expect(try Self.text("<al>  een\n   twee </al>\n<al>drie</al>") == "een twee\n\ndrie\n")
    }

    @Test func processingInstructionsAndCommentsVanishWithoutASpace() throws {
        #expect(try Self.text("<al>methaan<?xpp afbm?>doel, aanmer<!-- x -->king</al>") == "methaandoel, aanmerking\n")
        let publication = try Self.render("<al>methaan<?xpp afbm?>doel</al>")
        let text = publication.sourceText
        #expect(text.sourceSpan(0..<11).exactSourceText == "methaan<?xpp afbm?>doel")
    }

    @Test func entitiesDecodeAndMapToTheirWholeReference() throws {
        let publication = try Self.render("<al>Home &gt; regering &amp; &#x263A;</al>")
        let text = publication.sourceText
        #expect(text.text == "Home > regering & ☺\n")
        let gt = text.text.utf8.firstIndex(of: 0x3E).map { text.text.utf8.distance(from: text.text.utf8.startIndex, to: $0) } ?? -1
        #expect(text.sourceSpan(gt..<(gt + 1)).exactSourceText == "&gt;")
        #expect(!text.isVerbatim(textByte: gt))
        #expect(text.isVerbatim(textByte: 0))
    }

    @Test func emptyElementsAndEmptyPairsMakeNoBlock() throws {
        #expect(try Self.text("<witreg/><witreg></witreg><al></al><al>   </al><al>x</al><al/>") == "x\n")
    }

    @Test func headingsListsAndCompactHeadingNumbers() throws {
        let text = try Self.text("""
            <divisie><kop><nr>4</nr><titel>Perenwoorden</titel></kop><tussenkop>Sub</tussenkop>
            <lijst><li><li.nr>a.</li.nr><al>eerste</al></li><li><li.nr>b.</li.nr>
            <al>tweede</al></li></lijst><artikel><kop><label>Artikel</label><nr>1</nr></kop></artikel></divisie>
            """)
        #expect(text == "## 4 Perenwoorden\n\n## Sub\n\n- a. eerste\n\n- b. tweede\n\n## Artikel 1\n")
    }

    @Test func inlineMarkupStaysGlued() throws {
        #expect(try Self.text("<al>CO<inf>2</inf>-equivalenten, de 2<sup>e</sup> suppletoire, <nadruk>Stb. </nadruk><extref doc=\"stb-2015-145\">2015, 145</extref>.</al>")
            == "CO2-equivalenten, de 2e suppletoire, Stb. 2015, 145.\n")
    }

    @Test func footnotesBecomeMarkersAndLinesBelowTheParagraph() throws {
        let publication = try Self.render("""
            <al>op 9 mei 2023<noot id="n1" type="voet"><noot.nr>1</noot.nr><noot.al>Kamerstuk <extref doc="kst-28844-266" \
            soort="document">28 844, nr. 266</extref>.</noot.al></noot> heb ik<noot id="n2"><noot.nr> 2 </noot.nr>\
            <noot.al>Twee.</noot.al><noot.al>Delen.</noot.al></noot>, met</al><al>Volgende.</al>
            """)
        let text = publication.sourceText
        #expect(text.text == """
            op 9 mei 2023<sup>1</sup> heb ik<sup>2</sup>, met

            ---

            <sup>1</sup> Kamerstuk 28 844, nr. 266.

            <sup>2</sup> Twee. Delen.

            Volgende.

            """)
        #expect(publication.footnotes.map(\.label) == ["1", "2"])
        let first = publication.footnotes[0]
        #expect(first.markerRange.map(text.slice) == "<sup>1</sup>")
        #expect(first.markerRange.map { text.sourceSpan($0).exactSourceText } == "<noot.nr>1</noot.nr>")
        #expect(text.slice(first.lineRange) == "<sup>1</sup> Kamerstuk 28 844, nr. 266.")
        #expect(text.slice(first.textRange) == "Kamerstuk 28 844, nr. 266.")
        #expect(publication.extrefs.count == 1)
        let extref = publication.extrefs[0]
        #expect(text.slice(extref.textRange) == "28 844, nr. 266")
        #expect(extref.footnote == "1")
        #expect(extref.target == "kst-28844-266" && extref.kind == "document")
        #expect(text.sourceSpan(extref.textRange).exactSourceText == "28 844, nr. 266")
    }

    @Test func oldDialectFootnoteReferenceAndDefinitionAfterTheBody() throws {
        let publication = try Self.render("""
            <body><stuk><tuskop>6. Adviezen<voetref refid="v1" nr="1"></voetref></tuskop><al>Tekst.</al></stuk></body>
            <voetnoot id="v1" nr="1"><al>Ter inzage.</al></voetnoot>
            """, root: "kamerwrk")
        let text = publication.sourceText
        #expect(text.text == "## 6. Adviezen<sup>1</sup>\n\nTekst.\n\n---\n\n<sup>1</sup> Ter inzage.\n")
        #expect(publication.footnotes.count == 1)
        #expect(publication.footnotes[0].markerRange.map(text.slice) == "<sup>1</sup>")
        #expect(publication.footnotes[0].markerRange.map { text.sourceSpan($0).exactSourceText }
            == "<voetref refid=\"v1\" nr=\"1\">")
    }

    @Test func tablesAreRowsOfCellsAndTheirFootnotesFollowTheTable() throws {
        let text = try Self.text("""
            <table><title>Staat</title><tgroup><thead><row><entry><al>Art.</al></entry><entry/><entry><al>Bedrag</al></entry></row></thead>
            <tbody><row><entry>1</entry><entry><al>Inzet</al><al>en meer</al></entry><entry>2.727<noot><noot.nr>1</noot.nr><noot.al>Raming.</noot.al></noot></entry></row>
            <row><entry/><entry></entry></row></tbody></tgroup></table><al>Na.</al>
            """)
        #expect(text == "Staat\n\nArt. | Bedrag\n1 | Inzet en meer | 2.727<sup>1</sup>\n\n---\n\n<sup>1</sup> Raming.\n\nNa.\n")
    }

    @Test func oldDialectMastheadLabelAndNumber() throws {
        let text = try Self.text("""
            <kop><titel>Tweede Kamer der Staten-Generaal</titel><subtitel>2</subtitel></kop>
            <frontm><versie dtd="0.10"></versie><ordernr>5K0977</ordernr><vergjaar>1994-1995</vergjaar>
            <onderw><nummer>24 138</nummer><naam>Wijziging</naam></onderw></frontm>
            <body><stuk><ltrlabel>Nr. </ltrlabel>
            <nummer>3</nummer><titel>MEMORIE </titel><al>x</al></stuk></body>
            """, root: "kamerwrk")
        #expect(text == "Tweede Kamer der Staten-Generaal\n\n2\n\n24 138\n\nWijziging\n\nNr. 3\n\n## MEMORIE\n\nx\n")
    }

    @Test func textAroundAnInnerBlockStaysInOrder() throws {
        #expect(try Self.text("<al>intro <lijst><li><al>punt</al></li></lijst> rest</al>") == "intro\n\n- punt\n\nrest\n")
    }

    @Test func cdataIsLiteralText() throws {
        #expect(try Self.text("<al>a <![CDATA[<b>&amp;</b>]]> c</al>") == "a <b>&amp;</b> c\n")
    }

    @Test func unknownEntitiesAreKeptAndWarned() throws {
        let publication = try Self.render("<al>a &nbsp; b</al>")
        #expect(publication.sourceText.text == "a &nbsp; b\n")
        #expect(publication.warnings.map(\.description) == ["byte 28: unknown or malformed entity reference kept as written"])
    }

    @Test func anUnknownRootIsRenderedGenericallyWithAWarning() throws {
        let publication = try Self.render("<p>Tekst</p>", root: "handelingen")
        #expect(publication.sourceText.text == "Tekst\n")
        #expect(publication.metadata.dialect == .unknown)
        #expect(publication.metadata.identifier == nil)
        #expect(publication.warnings.contains { $0.message.hasPrefix("unknown root element <handelingen>") })
    }

    @Test func identitySourcesThatDisagreeAreWarnedAbout() throws {
        let publication = try PublicationXML.read(Array("""
            <officiele-publicatie><metadata>
            <meta name="DC.identifier" content="kst-36750-3"/>
            <meta name="OVERHEIDop.externMetadataRecord" content="https://zoek.officielebekendmakingen.nl/kst-36750-4/metadata.xml"/>
            </metadata><kamerstuk><dossier><dossiernummer><dossiernr>36 750</dossiernr></dossiernummer></dossier>
            <stuk><stuknr>Nr. <ondernummer kamer="2">3</ondernummer></stuknr></stuk></kamerstuk></officiele-publicatie>
            """.utf8))
        #expect(publication.metadata.identifier == "kst-36750-3")
        #expect(publication.metadata.identifierSource == .dcIdentifier)
        #expect(publication.warnings.map(\.message) == [
            "identity sources disagree: DC.identifier says kst-36750-3, OVERHEIDop.externMetadataRecord says kst-36750-4; using kst-36750-3",
        ])
    }

    @Test func theFileNameIsNeverTheIdentity() throws {
        // Structure alone: the suffix is upper-cased, spaces leave the dossier number.
        let publication = try PublicationXML.read(Array("""
            <officiele-publicatie><kamerstuk><dossier><dossiernummer><dossiernr>35 470</dossiernr>\
            <begrotingshoofdstuk>xiv</begrotingshoofdstuk></dossiernummer></dossier>
            <stuk><stuknr>Nr. <ondernummer>4</ondernummer></stuknr></stuk></kamerstuk></officiele-publicatie>
            """.utf8))
        #expect(publication.metadata.identifier == "kst-35470-XIV-4")
        #expect(publication.metadata.identifierSource == .structure)
        #expect(publication.metadata.canonicalID == .kamerstuk(dossier: "35470", suffix: "XIV", number: "4"))
    }
}

@Suite struct SourceTextTests {
    @Test func identityMapsEveryByteToItself() {
        let bytes = Array("één\ntwee\n\ndrie".utf8)
        let text = SourceText(identity: bytes)
        #expect(text.runs.count == 1)
        #expect(text.checkInvariants() == [])
        for offset in 0..<bytes.count {
            #expect(text.sourceOffset(ofTextByte: offset) == offset)
            #expect(text.isVerbatim(textByte: offset))
        }
        #expect(text.lineNumber(ofSourceOffset: 0) == 1)
        #expect(text.lineNumber(ofSourceOffset: 5) == 1)  // the newline ends line 1
        #expect(text.lineNumber(ofSourceOffset: 6) == 2)
        #expect(text.lineNumber(ofSourceOffset: 11) == 3)
        #expect(text.lineNumber(ofSourceOffset: 12) == 4)
        let span = text.sourceSpan(6..<10)
        #expect(span.offset == 6 && span.length == 4 && span.line == 2 && span.exactSourceText == "twee")
    }

    @Test func outOfRangeOffsetsAreClampedNotTrapped() {
        let text = SourceText(identity: Array("abc".utf8))
        #expect(text.sourceOffset(ofTextByte: -5) == 0)
        #expect(text.sourceOffset(ofTextByte: 3) == 3)
        #expect(text.sourceOffset(ofTextByte: 99) == 3)
        #expect(text.sourceSpan(2..<99).exactSourceText == "c")
        #expect(text.sourceSpan(-3..<1).exactSourceText == "a")
        #expect(text.sourceSpan(7..<9).length == 0)
        #expect(text.lineNumber(ofSourceOffset: -1) == 1)
        #expect(text.lineNumber(ofSourceOffset: 1000) == 1)
        let empty = SourceText(identity: [])
        #expect(empty.sourceOffset(ofTextByte: 0) == 0)
        #expect(empty.sourceSpan(0..<1).length == 0)
        #expect(empty.checkInvariants() == [])
    }

    @Test func provenanceCarriesTheReadTextAndTheSourcePosition() throws {
        let publication = try PublicationXML.read(Array("<kamerwrk>\n<al>Kamerstukken\nII</al></kamerwrk>".utf8))
        let text = publication.sourceText
        #expect(text.text == "Kamerstukken II\n")
        let provenance = text.provenance(document: "abc", textRange: 0..<15, rule: "r", confidence: 1)
        #expect(provenance.text == "Kamerstukken II")
        #expect(provenance.line == 2)
        #expect(provenance.offset == 15)
        #expect(text.sourceSpan(0..<15).exactSourceText == "Kamerstukken\nII")
        #expect(text.lineNumber(ofSourceOffset: text.sourceOffset(ofTextByte: 13)) == 3)
    }
}
