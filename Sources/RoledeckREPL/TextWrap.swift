import RoledeckCore

/// Lines broken at spaces to fit a terminal's width, counting a Hangul syllable as two columns and an
/// ANSI colour sequence as none: a terminal that wraps by itself cuts words in half (`Tableau, P` /
/// `ower BI`). A continuation line keeps the first line's indent; a word wider than the line stands
/// on a line of its own, whole.
public enum TextWrap {
    /// `text` (one line, no line break) as lines of at most `width` columns. Continuation lines start
    /// at column `hanging` when given (a table's last column goes on under itself; at most half the
    /// width), else at the first line's indent.
    public static func lines(_ text: String, width: Int, hanging: Int? = nil) -> [String] {
        guard width > 0, columns(text) > width else { return [text] }
        let indent = String(text.prefix { $0 == " " })
        let next = hanging.map { String(repeating: " ", count: min($0, width / 2)) } ?? indent
        var lines: [String] = []
        var current = indent
        var currentWidth = indent.count
        var lineIsEmpty = true
        for word in text.dropFirst(indent.count).split(separator: " ", omittingEmptySubsequences: false) {
            let wordWidth = columns(word)
            if !lineIsEmpty && currentWidth + 1 + wordWidth > width {
                while current.hasSuffix(" ") { current.removeLast() }
                lines.append(current)
                current = next
                currentWidth = next.count
                lineIsEmpty = true
            }
            if lineIsEmpty && word.isEmpty { continue }
            if !lineIsEmpty {
                current += " "
                currentWidth += 1
            }
            current += word
            currentWidth += wordWidth
            lineIsEmpty = false
        }
        lines.append(current)
        return lines
    }

    /// The columns a text takes on screen, colour sequences (`ESC [ … m`) taking none.
    public static func columns(_ text: some StringProtocol) -> Int {
        var total = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if scalar.properties.isAlphabetic { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" {
                inEscape = true
                continue
            }
            total += DisplayWidth.width(of: scalar)
        }
        return total
    }
}
