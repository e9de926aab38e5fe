/// Colours for the study screens, or none: decided once at the edge (a terminal, no `NO_COLOR`, no `TERM=dumb`).
///
/// Colour only ever adds emphasis: every screen reads the same without it.
public struct Palette: Equatable, Sendable {
    /// Whether ANSI colours are written.
    public var colour: Bool

    public init(colour: Bool) {
        self.colour = colour
    }

    /// No colour: pipes, tests, `NO_COLOR`.
    public static let plain = Palette(colour: false)

    /// Right answers.
    public func good(_ text: String) -> String { paint(text, "32") }
    /// Wrong answers and problems.
    public func bad(_ text: String) -> String { paint(text, "31") }
    /// Typos and notes.
    public func warn(_ text: String) -> String { paint(text, "33") }
    /// Headers and questions.
    public func strong(_ text: String) -> String { paint(text, "1") }
    /// Secondary text: explanations, hints.
    public func dim(_ text: String) -> String { paint(text, "2") }

    private func paint(_ text: String, _ code: String) -> String {
        colour && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
