/// How typed answers are compared: the forms a patient teacher treats as the same.
///
/// Folding takes NFC, lower-cases Latin letters and keeps only letters, digits, `+` and `#`, in
/// Korean as well as Latin text (`데이터 수집` and `데이터수집`, `Power BI` and `powerbi`,
/// `scikit-learn` and `Scikit Learn`; `C++` and `C#` stay apart). Typos are counted on Hangul jamo,
/// so one wrong jamo is one typo rather than a whole wrong syllable.
public enum AnswerText {
    /// The text in the form answers are compared in.
    public static func folded(_ text: String) -> String {
        NameKey(text).rawValue
    }

    /// The text with full-width Latin letters, digits and signs (an input method's full-width mode:
    /// `ＳＱＬ`) and the ideographic space made their ASCII selves.
    public static func halfWidth(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0xFF01...0xFF5E).contains($0.value) || $0.value == 0x3000 })
        else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                scalars.append(ascii)
            } else {
                scalars.append(scalar.value == 0x3000 ? " " : scalar)
            }
        }
        return String(scalars)
    }

    /// The folded text with every Hangul syllable split into its jamo: the units typos are counted in.
    public static func jamo(_ folded: String) -> [Unicode.Scalar] {
        folded.unicodeScalars.flatMap { Hangul.jamo(of: $0) }
    }

    /// The items of a several-answer reply: split at commas, semicolons and line breaks outside
    /// parentheses, so `데이터베이스(SQL, NoSQL), Python` is two items. Empty items are dropped.
    public static func items(_ text: String) -> [String] {
        var items: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            switch character {
            case "(", "（", "[": depth += 1
            case ")", "）", "]": depth = max(0, depth - 1)
            default: break
            }
            if depth == 0 && separators.contains(character) {
                items.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        items.append(current)
        return items.map(\.trimmingSpaces).filter { !$0.isEmpty }
    }

    private static let separators: Set<Character> = [",", "，", "、", ";", "\n"]

    private static func isIgnored(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "-" || scalar == "_" || scalar == "." || scalar == "·"
            || scalar == "‧" || scalar == "・"
    }
}
