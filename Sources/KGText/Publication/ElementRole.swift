/// What an element does to the rendered text: the table behind Graph/TEXT.md §Elements, for both
/// dialects. The role depends on the element's name and its parent's role (a `titel` inside a section
/// `kop` is part of the heading line; inside `stuk` it is the paper's title heading).
enum ElementRole: Equatable {
    /// Dropped with its subtree (metadata, printer codes, column specs). Its text still feeds the metadata.
    case skip
    /// Structure only: its start and end close the current block (`divisie`, `lijst`, `witreg`).
    case container
    /// A paragraph block.
    case paragraph
    /// A `## ` heading block.
    case heading
    /// A `- ` list item block.
    case listItem
    /// Old-dialect `ltrlabel` (`Nr. `): a paragraph that the following `nummer` continues (`Nr. 3`).
    case joinedLabel
    /// A table: its rows are rendered as lines of cells; footnotes inside wait until its end.
    case table
    /// A table row: one line, cells separated by ` | `.
    case row
    /// A table cell.
    case cell
    /// Inline: its text continues the current block with nothing added (`nadruk`, `inf`, unknown elements).
    case inline
    /// Inline, and a space follows unless whitespace does (`nr`, `label` in a heading, `li.nr`, `voornaam`).
    case inlineThenSpace
    /// A footnote definition (`noot` inline at its marker, or old-dialect `voetnoot` after the body).
    case footnote
    /// The footnote's number (`noot.nr`): not written as text, it becomes the `<sup>` label.
    case footnoteLabel
    /// Old-dialect footnote reference (`voetref refid nr`): the marker position.
    case footnoteReference
    /// `<extref doc soort>`: inline, its text range is recorded.
    case extref

    var isBlock: Bool {
        switch self {
        case .paragraph, .heading, .listItem, .joinedLabel, .row: return true
        default: return false
        }
    }

    static let skipped: Set<String> = ["metadata", "meta", "versie", "ordernr", "vergjaar", "colspec", "spanspec"]

    static let containers: Set<String> = [
        "kamerwrk", "officiele-publicatie", "kamerstuk", "kamerstukkop", "dossier", "stuk", "body", "frontm", "onderw",
        "algemeen", "vrije-tekst", "tekst", "divisie", "al-groep", "lijst", "artikel", "wettekst", "aanhef", "considerans",
        "voorstel-wet", "voorstel-sluiting", "slotformulering", "tekst-sluiting", "ondertekening", "ondtek", "witreg",
        "tgroup", "thead", "tbody", "tfoot", "bijlage", "nota-toelichting", "toelichting", "afdeling", "hoofdstuk",
        "paragraaf", "sub-paragraaf", "wijzig-lid", "lid", "wijzig-artikel", "wat", "artikel-groep", "vraag", "antwoord",
    ]

    static let paragraphs: Set<String> = [
        "subtitel", "tekstregel", "functie", "deze", "wie", "considerans.al", "datumtekst", "stuknr", "dossiernummer",
        "naam", "noot.al", "title", "plaats", "datum-ondertekening", "slotformulering.al", "lid.al", "onderwerp",
    ]

    /// The role of element `name` whose parent is `parent` (with role `parentRole`); `root` is the
    /// document element's name, `headingStyle` the element's `kopopmaak` attribute.
    static func of(_ name: String, parent: String?, parentRole: ElementRole?, root: String?,
                   headingStyle: String? = nil) -> ElementRole {
        if skipped.contains(name) { return .skip }
        switch name {
        case "kop":
            // Old dialect: the root's `kop` is the masthead (titel + subtitel lines), not a heading.
            return parent == "kamerwrk" && parent == root ? .container : .heading
        case "titel":
            if parentRole == .heading { return .inline }
            return parent == "stuk" ? .heading : .paragraph
        case "nr", "label":
            if parentRole == .heading { return .inlineThenSpace }
            return name == "label" ? .paragraph : .inline
        case "al":
            if parentRole == .listItem { return .inline }
            if parentRole == .cell { return .inlineThenSpace }
            return .paragraph
        case "tuskop": return .heading
        case "tussenkop":
            // `kopopmaak="rom"` is unstyled running text set apart (35470 has a whole sentence so), not a
            // heading; the old dialect's `tuskop letat="rom"` are short real headings and stay headings.
            return headingStyle == "rom" ? .paragraph : .heading
        case "li": return .listItem
        case "li.nr", "voornaam", "dossiernr": return .inlineThenSpace
        case "nummer": return parent == "stuk" ? .inline : .paragraph
        case "ltrlabel": return .joinedLabel
        case "table": return .table
        case "row": return .row
        case "entry": return .cell
        case "noot", "voetnoot": return .footnote
        case "noot.nr": return .footnoteLabel
        case "voetref": return .footnoteReference
        case "extref": return .extref
        default:
            if containers.contains(name) { return .container }
            if paragraphs.contains(name) { return .paragraph }
            return .inline
        }
    }
}
