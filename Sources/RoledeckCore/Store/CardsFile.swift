import Foundation

/// The text core of `cards.json`: pure encode and decode, with migration from older versions.
///
/// Version 1, the current shape (pretty-printed, sorted keys):
///
///     {
///       "cards" : {
///         "<card id>" : { "buriedUntil" : …?, "card" : { FSRSCard }, "lapses" : 0,
///                         "leech" : true?, "reps" : 1, "suspended" : true? }
///       },
///       "fold" : { FoldCheckpoint }?,
///       "logBytes" : 5120,
///       "logLines" : 12?,
///       "schemaVersion" : 1,
///       "totals" : { "cards" : 1, "lapses" : 0, "reps" : 1 }
///     }
///
/// `logBytes` is how much of `reviews.jsonl` the states include: the log is the durable record
/// of every answer and this file a checkpoint of it, so lines past that point are folded in on load.
/// `totals` sums the records up, so a session can tell from the file's last lines whether it holds
/// anything the log does not (see `CardTotals`). `fold` and `logLines` carry the rest of the log's
/// fold at `logBytes` (day counts, undo window), so a session can start without reading the whole
/// log (see `FoldCheckpoint`). Readers that do not know a member ignore it, so neither of the
/// later members changed the version.
///
/// Version 0 (no `schemaVersion`, or `0`) kept `cards` as an array of records that carried
/// their own `id` and had no `leech` field; it migrates through `migrate(_:)`.
public enum CardsFile {
    /// The version this build writes and the newest it reads.
    public static let currentSchemaVersion = 1
    /// The file's name inside the progress folder.
    public static let fileName = "cards.json"

    /// The bytes of `cards.json` for `cards`, which include the first `logBytes` bytes of the log.
    public static func encode(_ cards: [CardID: CardRecord], logBytes: Int? = nil) -> Data {
        encode(cards, logBytes: logBytes, fold: nil)
    }

    /// The bytes of `cards.json` for `cards` and the rest of `fold` (the fold of the log's first
    /// `logBytes` bytes).
    static func encode(_ cards: [CardID: CardRecord], logBytes: Int?, fold: FoldCheckpoint?) -> Data {
        var data = FastEncoding.cardsDocument(
            cards, logBytes: logBytes, schemaVersion: currentSchemaVersion, fold: fold)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Writes the bytes of `cards.json` to `sink` a megabyte at a time.
    static func encode(
        _ cards: [CardID: CardRecord], logBytes: Int?, fold: FoldCheckpoint?, into sink: FileSink
    ) throws(StoreError) {
        try FastEncoding.cardsDocument(cards, logBytes: logBytes, schemaVersion: currentSchemaVersion, fold: fold) {
            bytes throws(StoreError) in try sink.write(bytes)
        }
        try sink.write([UInt8(ascii: "\n")])
    }

    /// The card records in `data`; older versions are migrated, newer ones refused.
    public static func decode(_ data: Data, source: String = fileName) throws(StoreError) -> [CardID: CardRecord] {
        try decodeSnapshot(data, source: source).cards
    }

    /// The card records in `data` and how much of the log they include (nil: a file from before checkpoints).
    public static func decodeSnapshot(_ data: Data, source: String = fileName) throws(StoreError) -> CardsSnapshot {
        let snapshot = try decodeUnchecked(data, source: source)
        if let problem = ProgressLimits.check(cards: snapshot.cards, logBytes: snapshot.logBytes) {
            throw .damaged(file: source, position: nil, field: problem.field, reason: problem.reason)
        }
        return snapshot
    }

    private static func decodeUnchecked(_ data: Data, source: String) throws(StoreError) -> CardsSnapshot {
        if let quick = try? FastDecoding.cardsDocument(data) { return quick }
        // The slow path reads no fold: one the quick path could not read is left out (it is derived).
        let version = try schemaVersion(of: data, source: source)
        switch version {
        case 0:
            return CardsSnapshot(cards: migrate(try StoreJSON.decode(DocumentV0.self, from: data, source: source)))
        case currentSchemaVersion:
            let document = try StoreJSON.decode(Document.self, from: data, source: source)
            return CardsSnapshot(cards: document.cards, logBytes: document.logBytes)
        default:
            if version > currentSchemaVersion {
                throw .newerSchema(file: source, found: version, supported: currentSchemaVersion)
            }
            throw .damaged(
                file: source, position: nil, field: "schemaVersion", reason: "알 수 없는 버전 \(version)")
        }
    }

    /// The `schemaVersion` of `data`; 0 when the field is missing (version 0 had none).
    public static func schemaVersion(of data: Data, source: String = fileName) throws(StoreError) -> Int {
        try StoreJSON.decode(VersionProbe.self, from: data, source: source).schemaVersion ?? 0
    }

    /// Version 0 → 1: the array becomes a map keyed by id (a later duplicate wins, as it was
    /// written last), and `leech` starts false; the next lapse re-evaluates it.
    public static func migrate(_ old: DocumentV0) -> [CardID: CardRecord] {
        var cards: [CardID: CardRecord] = [:]
        for record in old.cards {
            cards[record.id] = CardRecord(
                card: record.card, lapses: record.lapses, reps: record.reps,
                suspended: record.suspended, buriedUntil: record.buriedUntil, leech: false)
        }
        return cards
    }

    struct Document: Codable {
        var schemaVersion: Int
        var logBytes: Int?
        var cards: [CardID: CardRecord]
        var totals: CardTotals?
    }

    struct VersionProbe: Decodable {
        var schemaVersion: Int?
    }

    /// The version 0 shape of `cards.json`.
    public struct DocumentV0: Codable, Equatable, Sendable {
        /// The records, each naming its card.
        public var cards: [RecordV0]

        /// Creates a version 0 document.
        public init(cards: [RecordV0]) {
            self.cards = cards
        }
    }

    /// A version 0 record: no `leech`, and the id inside the record.
    public struct RecordV0: Codable, Equatable, Sendable {
        /// The card id.
        public var id: CardID
        /// The scheduler's state.
        public var card: FSRSCard
        /// Lapses so far.
        public var lapses: Int
        /// Reviews so far.
        public var reps: Int
        /// Taken out of study.
        public var suspended: Bool
        /// Hidden until this time.
        public var buriedUntil: Date?

        /// Creates a version 0 record.
        public init(id: CardID, card: FSRSCard, lapses: Int, reps: Int, suspended: Bool, buriedUntil: Date?) {
            self.id = id
            self.card = card
            self.lapses = lapses
            self.reps = reps
            self.suspended = suspended
            self.buriedUntil = buriedUntil
        }
    }
}

/// What `cards.json` holds: the card states, how much of the log they include, and the rest of the
/// log's fold at that point when the file carries it.
public struct CardsSnapshot: Sendable {
    /// Every studied card's record.
    public var cards: [CardID: CardRecord]
    /// How many bytes of the log the states include; nil for a file from before checkpoints.
    public var logBytes: Int?
    /// The day counts, undo window and counts of the same fold (see `FoldCheckpoint`); nil when the
    /// file has none, or one that does not hold together.
    var fold: FoldCheckpoint?

    init(cards: [CardID: CardRecord], logBytes: Int? = nil, fold: FoldCheckpoint? = nil) {
        self.cards = cards
        self.logBytes = logBytes
        self.fold = fold
    }
}
