import Foundation

/// A `LineReader` that answers from a fixed list of lines and remembers what it was asked, for tests.
///
/// Lines are cleaned like those a person types (NFC, no control characters), so a study loop sees the same text
/// in tests as in use.
public struct ScriptedLineReader: LineReader {
    /// The lines not yet read, first one next.
    public private(set) var remaining: [String]
    /// Every prompt shown so far, including the one answered by the end of input.
    public private(set) var prompts: [String] = []
    /// The kind of every line asked for, in the order of `prompts`.
    public private(set) var kinds: [LineKind] = []

    /// A reader that returns `lines` in order, then nil.
    public init(_ lines: [String]) {
        remaining = lines
    }

    public mutating func readLine(prompt: String, kind: LineKind) -> String? {
        prompts.append(prompt)
        kinds.append(kind)
        guard !remaining.isEmpty else { return nil }
        return InputLine.clean(remaining.removeFirst())
    }

    /// A script has no clock: a timed read takes the next line like any other.
    public mutating func readLine(prompt: String, timeout seconds: TimeInterval) -> TimedLine {
        readLine(prompt: prompt, kind: .answer).map(TimedLine.line) ?? .end
    }
}
