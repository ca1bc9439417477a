/// The bounds the scanner keeps to, so that hostile or odd input (a thousand `en`s in a row, a
/// megabyte of spaces) costs linear time and never produces runaway output.
public enum CitationLimits {
    /// At most this many dossiers in one joint citation (`26 643 en 34 843`) and this many numbers
    /// in one list (`nrs. 854 en 852`); a longer list ends the citation at the limit.
    public static let maxListItems = 16
    /// A range `nrs. 2–3` is expanded to every number only when it spans at most this many; a longer
    /// range gives its two ends (and a note).
    public static let maxRangeExpansion = 20
    /// `en nr. 1047` continues the last Kamerstuk citation only within this many bytes after it.
    public static let continuationWindow = 600
    /// A `Kamerstukken II, 2023-2024,` prefix followed by a title reaches a `32 317, nr. 867` this
    /// many bytes further at most (rule `kst.titled`).
    public static let titleWindow = 160
    /// How far back (bytes) a bare EU number `2008/48/EG` looks for the word that says what it is.
    public static let actKeywordWindow = 120
    /// The longest document or item number, in digits.
    public static let maxNumberDigits = 6
    /// The longest run of white space, between two tokens of one citation, that still joins them.
    public static let maxGapBytes = 64
}
