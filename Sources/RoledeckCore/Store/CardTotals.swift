/// A summary of card states that `cards.json` carries at its end: a session compares it with the
/// fold of the log to know, without decoding 30 MB, whether the checkpoint holds anything the log
/// does not (a `cards.json` from before checkpoints, a log line damaged since).
public struct CardTotals: Codable, Equatable, Hashable, Sendable {
    /// How many cards have a record.
    public var cards: Int
    /// Reviews over all cards.
    public var reps: Int
    /// Lapses over all cards.
    public var lapses: Int

    /// Creates totals.
    public init(cards: Int, reps: Int, lapses: Int) {
        self.cards = cards
        self.reps = reps
        self.lapses = lapses
    }

    /// The totals of `records`.
    public init(_ records: [CardID: CardRecord]) {
        var reps = 0
        var lapses = 0
        for record in records.values {
            reps &+= record.reps
            lapses &+= record.lapses
        }
        self.init(cards: records.count, reps: reps, lapses: lapses)
    }
}

/// What the last lines of `cards.json` say about it.
public struct CheckpointHeader: Equatable, Sendable {
    /// False when there is no `cards.json`.
    public var exists: Bool
    /// How many bytes of the log it includes; nil for a file from before checkpoints (or none).
    public var logBytes: Int?
    /// Its totals; nil for a file written before they were.
    public var totals: CardTotals?
    /// How many lines the log's first `logBytes` bytes hold: present when the file carries the rest
    /// of the log's fold (`FoldCheckpoint`), so a start need not read the whole log without a cache.
    public var logLines: Int?

    /// Creates a header.
    public init(exists: Bool, logBytes: Int? = nil, totals: CardTotals? = nil) {
        self.exists = exists
        self.logBytes = logBytes
        self.totals = totals
    }
}
