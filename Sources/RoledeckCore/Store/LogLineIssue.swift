/// A line of `reviews.jsonl` that could not be read; it is skipped for rebuilding, never removed.
public struct LogLineIssue: Equatable, Sendable {
    /// The 1-based line number.
    public let line: Int
    /// Why, as `StoreError.damaged` naming the file and line:column or field.
    public let error: StoreError
    /// True for a last line without its newline: a write cut short by a crash.
    public let isTornTail: Bool

    /// Creates an issue.
    public init(line: Int, error: StoreError, isTornTail: Bool) {
        self.line = line
        self.error = error
        self.isTornTail = isTornTail
    }
}
