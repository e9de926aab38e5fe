import Foundation

/// Where the study loop gets its input from: readline on a terminal, plain lines from a pipe, a script in tests.
///
/// Every reader returns lines in the same shape: without the newline, decoded as UTF-8 with invalid bytes
/// replaced by U+FFFD, in NFC, and with control characters other than tab removed. Lines are not trimmed:
/// Tab completion appends a space, so callers trim before parsing.
public protocol LineReader {
    /// The next line without its newline, or nil at the end of input.
    ///
    /// Only `.command` lines are completed with Tab and remembered in the history.
    mutating func readLine(prompt: String, kind: LineKind) -> String?

    /// An answer line, but given up after `seconds` (what was typed of it is dropped): the countdown
    /// while a learning card is on its way is one such read a second.
    mutating func readLine(prompt: String, timeout seconds: TimeInterval) -> TimedLine
}

/// What a read with a time limit got.
public enum TimedLine: Equatable, Sendable {
    case line(String)
    case timedOut
    /// The end of input.
    case end
}

extension LineReader {
    /// The next command line, or nil at the end of input.
    public mutating func readLine(prompt: String) -> String? {
        readLine(prompt: prompt, kind: .command)
    }
}
