// Rules and examples: Sources/KGCitations/README.md (the table of forms, rules, ids).
//
// How the scanner works
// ---------------------
// One left-to-right pass over the UTF-8 bytes (ScanPass.run). The hot loop skips every byte that
// cannot start a citation using a 128-bit table: only digits and the capitals/letters K k A H C S
// at the start of a word stop it. At a stop, the rules that byte can start are tried in a fixed
// order (a digit: zaak, EU number, dossier shape, continuation; K/k: Kamerstuk; A: Aanhangsel;
// H: Handelingen; C: COM; S: Staatsblad). A rule reads forward with small token readers (ByteText)
// over gaps of white space, NBSP, one line break and Markdown `*`, and either yields a citation
// (scanning resumes after it) or nothing (scanning resumes after the trigger token). EU act words
// (Richtlijn, Verordening, ...) are not triggers: a number such as `2014/41/EU` looks back for them.
// No regular expressions, no per-character String work; strings are built only for matches.
//
// What is a Kamerstuk and what is not
// -----------------------------------
// A Kamerstuk needs either a keyword before it ("Kamerstuk(ken)" in any case, "KST", "kst") or the
// shape "dossier[,] nr. N" (`32 317, nr. 884`, `29754 nr. 690`). So `14 944 schuldsaneringen`,
// `250 000`, `2.0`, `32317` alone and a bare `nr. 1011` are not citations; `en nr. 1047` (or
// `, nr. 1047`) is one only within CitationLimits.continuationWindow bytes after a Kamerstuk
// citation, which it continues. A dossier is five digits or two and three split by one space or
// NBSP; a document number is up to six digits (optionally with a lower-case letter) or up to three
// capitals (Eerste Kamer papers: `nr. C`, `34 843, A`).
//
// Joint dossiers: `Kamerstukken 26 643 en 34 843, nr. 1069` and `26643/34843, nr. 1069` give
// ids = [kst-26643-1069] (the first dossier, as the official publication numbers it) and
// jointDossiers = ["34843"].
//
// Confidence: 0.95-1.0 for full forms with a keyword; 0.85-0.9 for bare shapes and forms missing a
// "nr."; 0.7 for dossier-only and letter forms; 0.5-0.6 for "nr." before the dossier; 0.3-0.4 for a
// number run into a date, a Staatsblad number without a year, Handelingen without an item (the
// last two carry no id and a note saying what is missing).

/// Finds citations of parliamentary papers, EU acts and the Staatsblad in text, in one pass over its
/// bytes, and maps each to canonical ids (see the comment above and README.md beside this file).
///
/// Pure: the same bytes give the same citations. Linear time in the input (every rule reads a
/// bounded number of tokens; see `CitationLimits`).
public enum CitationScanner {
    /// Every citation in `bytes` (UTF-8), in text order, with byte ranges into `bytes`.
    public static func scan(_ bytes: UnsafeRawBufferPointer) -> [Citation] {
        var pass = ScanPass(bytes.assumingMemoryBound(to: UInt8.self))
        pass.run()
        return pass.found
    }

    /// Every citation in `bytes` (UTF-8), in text order, with byte ranges into `bytes`.
    public static func scan(_ bytes: [UInt8]) -> [Citation] {
        bytes.withUnsafeBytes { scan($0) }
    }

    /// Every citation in `text`, in text order; ranges are offsets into `text.utf8`.
    public static func scan(_ text: String) -> [Citation] {
        var text = text
        return text.withUTF8 { scan(UnsafeRawBufferPointer($0)) }
    }
}
