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
    /// How many bytes of the log `cards.json` says it includes; nil when it does not say.
    public var checkpointBytes: Int?
    /// The log's size; nil when there is no log.
    public var logBytes: Int?
    /// Temporary files of interrupted saves that were found and removed.
    public var removedTemporaryFiles: [String] = []
    /// True when the day counts, undo window or counts that `cards.json` carries beside the states
    /// (for a start without the stats cache) are not the log's, or not for as many lines as it holds.
    public var checkpointFoldDisagrees = false

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

    /// True when the log is missing or shorter than `cards.json` says it includes: it was cut, deleted
    /// or replaced by an older copy, and rebuilding from it would roll progress back.
    public var logIsShorterThanCheckpoint: Bool {
        guard let checkpointBytes, checkpointBytes > 0 else { return false }
        return (logBytes ?? 0) < checkpointBytes
    }

    /// Cards whose stored record has more reviews than the log rebuilds: a rebuild would lose them.
    public var cardsAheadOfLog: [CardID] {
        disagreements.filter { ($0.stored?.reps ?? 0) > ($0.rebuilt?.reps ?? 0) }.map(\.cardID)
    }

    /// True when rewriting `cards.json` from the log could lose answers it holds, so doctor asks for
    /// `--force`: some card has more reviews there than the log gives, or the log is shorter than the
    /// checkpoint and the states cannot be shown to agree (they differ, or `cards.json` is unreadable).
    public func rebuildLosesProgress(cardsDamaged: Bool) -> Bool {
        !cardsAheadOfLog.isEmpty || (logIsShorterThanCheckpoint && (cardsDamaged || !disagreements.isEmpty))
    }

    /// True when nothing needs attention (unknown ids are informational and do not count).
    public var isHealthy: Bool {
        disagreements.isEmpty && damagedFiles.isEmpty && logIssues.isEmpty && unmatchedUndoLines.isEmpty
            && !checkpointFoldDisagrees
    }
}
