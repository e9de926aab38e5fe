import Foundation

/// Reads plain lines from standard input, or another file descriptor, without echoing a prompt: for pipes and scripts.
///
/// Copies share one buffer, like a `FILE *`, so no line is read twice or lost between them.
public struct PlainLineReader: LineReader {
    private let source: FileLineSource

    /// A reader of the given file descriptor, standard input unless told otherwise; the descriptor is not closed.
    public init(fileDescriptor: Int32 = STDIN_FILENO) {
        source = FileLineSource(fileDescriptor: fileDescriptor)
    }

    public mutating func readLine(prompt: String, kind: LineKind) -> String? {
        source.nextLine().map(InputLine.clean)
    }

    public mutating func readLine(prompt: String, timeout seconds: TimeInterval) -> TimedLine {
        guard source.waitForInput(seconds: seconds) else { return .timedOut }
        return source.nextLine().map { .line(InputLine.clean($0)) } ?? .end
    }
}
