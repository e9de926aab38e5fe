/// What the study screens mean by each colour, drawn with a `TerminalStyle` (decided once at the
/// edge: a terminal, no `NO_COLOR`, no `TERM=dumb`).
///
/// Colour only ever adds emphasis: every screen reads the same without it.
public struct Palette: Equatable, Sendable {
    /// How text is drawn.
    public var style: TerminalStyle

    /// Whether ANSI colours are written.
    public var colour: Bool { style.usesColor }

    public init(style: TerminalStyle) {
        self.style = style
    }

    public init(colour: Bool) {
        self.init(style: TerminalStyle(usesColor: colour))
    }

    /// No colour: pipes, tests, `NO_COLOR`.
    public static let plain = Palette(colour: false)

    /// Right answers.
    public func good(_ text: String) -> String { style.green(text) }
    /// Wrong answers and problems.
    public func bad(_ text: String) -> String { style.red(text) }
    /// Typos and notes.
    public func warn(_ text: String) -> String { style.yellow(text) }
    /// Headers and questions.
    public func strong(_ text: String) -> String { style.bold(text) }
    /// Secondary text: explanations, hints.
    public func dim(_ text: String) -> String { style.dim(text) }
}
