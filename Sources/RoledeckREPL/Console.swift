/// Where the study screens go: a sink for text and the palette it is painted with.
///
/// The executable writes each piece straight to standard output (unbuffered, so a line that
/// acknowledges an answer is out before the next prompt); tests collect the text.
public struct Console {
    /// Writes text exactly as given; callers end lines themselves.
    public var write: (String) -> Void
    public var palette: Palette

    public init(palette: Palette = .plain, write: @escaping (String) -> Void) {
        self.palette = palette
        self.write = write
    }

    /// Writes `text` and a line break.
    public func line(_ text: String = "") {
        write(text + "\n")
    }

    /// Writes each line with a line break.
    public func lines(_ texts: [String]) {
        write(texts.map { $0 + "\n" }.joined())
    }
}
