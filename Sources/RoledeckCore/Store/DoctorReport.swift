/// What `doctor` found in a progress folder; a value, so the caller decides how to print it.
public struct DoctorReport: Equatable, Sendable {
    /// Cards whose stored record differs from the rebuilt one, sorted by id.
    public var disagreements: [CardDisagreement]
    /// Files that could not be read at all (`damaged` or `newerSchema`).
    public var damagedFiles: [StoreError]
    /// Unreadable lines of the review log, a torn last line included.
    public var logIssues: [LogLineIssue]
    /// Line numbers of undo lines with no review left to cancel.
    public var unmatchedUndoLines: [Int]
    /// Ids in `cards.json` or the log that no known deck has, sorted; they are kept, not deleted.
    public var unknownCardIDs: [CardID]
    /// The card states the log rebuilds: what a recovery would write.
    public var rebuilt: [CardID: CardRecord]
    /// How many review lines the log holds.
    public var reviewCount = 0
    /// How many cards `cards.json` holds; nil when it could not be read or does not exist.
    public var storedCount: Int?
    /// False when there is no `cards.json` yet.
    public var cardsFileExists = false

    /// Creates a report.
    public init(
        disagreements: [CardDisagreement] = [], damagedFiles: [StoreError] = [], logIssues: [LogLineIssue] = [],
        unmatchedUndoLines: [Int] = [], unknownCardIDs: [CardID] = [], rebuilt: [CardID: CardRecord] = [:]
    ) {
        self.disagreements = disagreements
        self.damagedFiles = damagedFiles
        self.logIssues = logIssues
        self.unmatchedUndoLines = unmatchedUndoLines
        self.unknownCardIDs = unknownCardIDs
        self.rebuilt = rebuilt
    }

    /// True when nothing needs attention (unknown ids are informational and do not count).
    public var isHealthy: Bool {
        disagreements.isEmpty && damagedFiles.isEmpty && logIssues.isEmpty && unmatchedUndoLines.isEmpty
    }
}
