/// A replayed card: its input and the log entry written by each review.
public struct ReplayCardResult: Equatable, Sendable {
    /// What was replayed.
    public let input: ReplayCardInput
    /// One entry per review, in order; the card after review i is described by entry i.
    public let entries: [ReviewLogEntry]

    /// Creates a result.
    public init(input: ReplayCardInput, entries: [ReviewLogEntry]) {
        self.input = input
        self.entries = entries
    }
}
