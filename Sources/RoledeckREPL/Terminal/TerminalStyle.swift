/// Whether output may carry colour, and helpers that add it: each returns the text unchanged when colour is off.
public struct TerminalStyle: Equatable, Sendable {
    /// Whether the helpers add ANSI escape sequences.
    public var usesColor: Bool

    /// A style that colours, or not, as told.
    public init(usesColor: Bool) {
        self.usesColor = usesColor
    }

    /// Plain text, for pipes, files and tests.
    public static let plain = TerminalStyle(usesColor: false)

    /// Colour only on a terminal whose `TERM` is set and not `dumb`, and never when `NO_COLOR` is set and not empty
    /// (no-color.org).
    public init(isTerminal: Bool, environment: [String: String]) {
        let term = environment["TERM"] ?? ""
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        usesColor = isTerminal && !noColor && !term.isEmpty && term != "dumb"
    }

    /// Bold text.
    public func bold(_ text: String) -> String { wrap(text, on: "1", off: "22") }

    /// Faint text, for hints.
    public func dim(_ text: String) -> String { wrap(text, on: "2", off: "22") }

    /// Red text, for wrong answers and errors.
    public func red(_ text: String) -> String { wrap(text, on: "31", off: "39") }

    /// Green text, for right answers.
    public func green(_ text: String) -> String { wrap(text, on: "32", off: "39") }

    /// Yellow text, for warnings and near misses.
    public func yellow(_ text: String) -> String { wrap(text, on: "33", off: "39") }

    /// Cyan text, for names and headings.
    public func cyan(_ text: String) -> String { wrap(text, on: "36", off: "39") }

    /// Each attribute is switched off by its own code rather than a full reset, so styles nest.
    private func wrap(_ text: String, on: String, off: String) -> String {
        usesColor && !text.isEmpty ? "\u{1B}[\(on)m\(text)\u{1B}[\(off)m" : text
    }
}
