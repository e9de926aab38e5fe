import Foundation

/// Where the study loop gets its input from: readline on a terminal, plain lines from a pipe, a script in tests.
public protocol LineReader {
    /// The next line without its newline, or nil at the end of input.
    mutating func readLine(prompt: String) -> String?
}

/// Reads plain lines from standard input without echoing a prompt, for pipes and scripts.
public struct PlainLineReader: LineReader {
    public init() {}

    public mutating func readLine(prompt: String) -> String? {
        Swift.readLine(strippingNewline: true)?.nfcIfValid
    }
}

extension String {
    var nfcIfValid: String { precomposedStringWithCanonicalMapping }
}
