import KGModel

/// What a publication XML file says about itself: identity, dossier, chamber, dates, titles, signers.
/// Spec: Graph/TEXT.md §Identity. Values are trimmed, with whitespace runs collapsed.
public struct PublicationMetadata: Hashable, Sendable {
    /// The two XML dialects of officielebekendmakingen.nl (and anything else, read generically).
    public enum Dialect: String, Hashable, Sendable {
        /// `<kamerwrk>`: the old Kamerstukken format (1995-2009 in this corpus).
        case kamerwrk
        /// `<officiele-publicatie>`: the op-xsd schema.
        case officielePublicatie = "officiele-publicatie"
        /// Another root element: rendered as text, no identity.
        case unknown
    }

    /// Where `identifier` was taken from.
    public enum IdentifierSource: String, Hashable, Sendable {
        /// `<meta name="DC.identifier">`.
        case dcIdentifier = "DC.identifier"
        /// The `OVERHEIDop.externMetadataRecord` URL (`.../kst-36750-3/metadata.xml`).
        case metadataRecord = "OVERHEIDop.externMetadataRecord"
        /// Built from the dossier number, begrotingshoofdstuk and ondernummer in the document.
        case structure = "structure"
    }

    /// A `<meta name scheme content>` element.
    public struct MetaField: Hashable, Sendable {
        /// The `name` attribute (`DC.identifier`, `OVERHEIDop.indiener`).
        public let name: String
        /// The `scheme` attribute, nil when absent (it may also be empty).
        public let scheme: String?
        /// The `content` attribute, entity-decoded, as written.
        public let content: String
    }

    /// A signature: the office (`De Minister van Defensie,`) when stated, and the name.
    public struct Signer: Hashable, Sendable {
        /// The office as printed, with its comma (`De Minister van Defensie,`), when stated.
        public let function: String?
        /// The name as printed (`H.G.J. Bruins Slot`, `Vedder`).
        public let name: String

        public init(function: String?, name: String) {
            self.function = function
            self.name = name
        }
    }

    /// The dialect, from the root element.
    public var dialect: Dialect = .unknown
    /// The root element's name.
    public var rootElement = ""
    /// The publication's id (`kst-36750-3`, `kst-35470-XIV-4`), never derived from the file name.
    public var identifier: String?
    /// Where `identifier` came from.
    public var identifierSource: IdentifierSource?
    /// `identifier` parsed, when it is a canonical id (`.kamerstuk(...)`).
    public var canonicalID: CanonicalID?
    /// The dossier number, digits only (`36750`).
    public var dossierNumber: String?
    /// The dossier suffix (begrotingshoofdstuk), upper case (`XIV`, `X`, `M`).
    public var dossierSuffix: String?
    /// The number of the paper in its dossier (ondernummer): digits, or letters for Eerste Kamer papers.
    public var documentNumber: String?
    /// The parliamentary year, `YYYY-YYYY` (dashes normalised: the source may use – or ‒).
    public var vergaderjaar: String?
    /// The chamber that published it.
    public var chamber: Chamber?
    /// `DCTERMS.issued`.
    public var issued: Day?
    /// `DCTERMS.available`.
    public var available: Day?
    /// `<datum isodatum>` in the paper's `datumtekst` (received, proposed).
    public var documentDate: Day?
    /// The paper's title (`MEMORIE VAN TOELICHTING`).
    public var title: String?
    /// The dossier's title.
    public var dossierTitle: String?
    /// The submitters: `OVERHEIDop.indiener` metadata when present, else the signers' names.
    public var indieners: [String] = []
    /// The signature blocks, in order.
    public var signers: [Signer] = []
    /// Every `<meta>` element, in order (names repeat: a multimap).
    public var meta: [MetaField] = []

    /// The best date: `documentDate`, else `issued`, else `available`.
    public var date: Day? { documentDate ?? issued ?? available }

    /// The contents of every `<meta>` called `name`, in order.
    public func metaValues(_ name: String) -> [String] {
        meta.filter { $0.name == name }.map(\.content)
    }
}

/// A chamber of the States General.
public enum Chamber: String, Hashable, Sendable {
    /// The House of Representatives (`kamer="2"`).
    case tweedeKamer = "Tweede Kamer"
    /// The Senate (`kamer="1"`).
    case eersteKamer = "Eerste Kamer"
    /// Both chambers (`kamer="sg"`: a paper of the States General as a whole).
    case statenGeneraal = "Staten-Generaal"
}
