/// What `reviews.jsonl` holds: the readable lines in order, and the lines that were not.
public struct ReviewLogContents: Equatable, Sendable {
    /// The readable lines, in file order.
    public var records: [LogRecord]
    /// The 1-based line number of each record, parallel to `records`.
    public var recordLines: [Int]
    /// Lines that could not be read, including a torn last line.
    public var issues: [LogLineIssue]
    /// True when the file does not end with a newline, so the next append starts a fresh line.
    public var needsLeadingNewline: Bool

    /// An empty log.
    public static let empty = ReviewLogContents(records: [], recordLines: [], issues: [], needsLeadingNewline: false)

    /// Creates contents.
    public init(records: [LogRecord], recordLines: [Int], issues: [LogLineIssue], needsLeadingNewline: Bool) {
        self.records = records
        self.recordLines = recordLines
        self.issues = issues
        self.needsLeadingNewline = needsLeadingNewline
    }

    /// The torn last line, if a crash cut the last append short.
    public var tornTail: LogLineIssue? {
        issues.first { $0.isTornTail }
    }
}
