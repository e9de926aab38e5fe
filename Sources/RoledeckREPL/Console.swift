/// Where the study screens go: a sink for text and the palette it is painted with.
///
/// The executable writes each piece straight to standard output (unbuffered, so a line that
/// acknowledges an answer is out before the next prompt); tests collect the text.
///
/// `line` and `lines` break each line at spaces to `width` columns (`TextWrap`); `write` writes as given.
public struct Console {
    /// Writes text exactly as given; callers end lines themselves.
    public var write: (String) -> Void
    public var palette: Palette
    /// The terminal's width in columns; nil (output piped, or tests) leaves lines as they are.
    public var width: Int?

    public init(palette: Palette = .plain, width: Int? = nil, write: @escaping (String) -> Void) {
        self.palette = palette
        self.width = width
        self.write = write
    }

    /// Writes `text` and a line break, each of its lines wrapped to `width`.
    public func line(_ text: String = "") {
        write(wrapped(text) + "\n")
    }

    /// Writes each line with a line break, wrapped to `width`.
    public func lines(_ texts: [String]) {
        write(texts.map { wrapped($0) + "\n" }.joined())
    }

    private func wrapped(_ text: String) -> String {
        guard let width else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { TextWrap.lines(String($0), width: width) }.joined(separator: "\n")
    }
}
