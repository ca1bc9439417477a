@testable import KGExtract
import Testing

/// Titles of covering letters without a subject line, read from the report their opening offers.
@Suite struct DocumentTitleTests {
    @Test func theOfferedReportBecomesTheTitle() throws {
        let sentence = "Hierbij bieden wij uw Kamer, mede namens de minister, het verslag aan van de bijeenkomst van de Raad Justitie en Binnenlandse Zaken (JBZ-Raad) op 13 en 14 juni 2024 in Luxemburg."
        let offered = try #require(GraphEmitter.offeredReport(in: Array(sentence.utf8)))
        #expect(offered.title == "Verslag van de bijeenkomst van de Raad Justitie en Binnenlandse Zaken (JBZ-Raad) op 13 en 14 juni 2024")
        let bytes = Array(sentence.utf8)
        #expect(String(decoding: bytes[offered.range], as: UTF8.self) == "verslag aan van de bijeenkomst van de Raad Justitie en Binnenlandse Zaken (JBZ-Raad) op 13 en 14 juni 2024")
    }

    @Test func aSentenceOfferingNoReportGivesNoTitle() {
        #expect(GraphEmitter.offeredReport(in: Array("Hierbij bied ik u de antwoorden aan op de vragen van 12 maart 2024.".utf8)) == nil)
        // A report without a year after it is not cut at some other number.
        #expect(GraphEmitter.offeredReport(in: Array("Hierbij zend ik u het verslag van de Raad, zie nr. 12345.".utf8)) == nil)
        #expect(GraphEmitter.offeredReport(in: Array("het verslag".utf8)) == nil)
    }
}
