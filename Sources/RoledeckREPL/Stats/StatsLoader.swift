import Foundation
import RoledeckCore

/// Reads what the statistics need from the decks and the progress folder, for `roledeck stats`
/// and the REPL's `stats` command; the files are only read (the store's lock is not taken, so
/// it works while a study session runs).
public struct StatsLoader {
    /// The decks and the catalog.
    public let library: DeckLibrary
    /// The system time zone, read at the edge; the settings' time zone wins when set.
    public let systemTimeZone: TimeZone

    /// A loader for `library`'s decks and progress folder.
    public init(library: DeckLibrary, systemTimeZone: TimeZone) {
        self.library = library
        self.systemTimeZone = systemTimeZone
    }

    /// What was read, and the log lines that could not be.
    public struct Loaded: Sendable {
        /// The statistics.
        public var statistics: Statistics
        /// The catalog's mindmap, for `--mermaid`.
        public var mindmap: Mindmap?
        /// Lines of `reviews.jsonl` that could not be read; they are skipped.
        public var logIssues: [LogLineIssue]
        /// Set when the log is shorter than `cards.json` says: the states shown are `cards.json`'s.
        public var logShortfall: StoreError?
        /// True when the log's digest came from `.stats-cache`.
        public var fromCache = false
    }

    /// The statistics at `now`, narrowed to `domain` and `role` as the learner named them.
    public func load(now: Date, domain: String? = nil, role: String? = nil) throws -> Loaded {
        let decks = try library.decks()
        let catalog = try? library.catalog(at: nil)
        let filter = try StatsFilter.resolve(domain: domain, role: role, decks: decks, catalog: catalog)
        let settings = try StudySettings.load(from: library.paths.progress)
        let days = settings.days(systemTimeZone: systemTimeZone)
        let store = ProgressStore.openReadOnly(folder: library.paths.progress)
        return try Self.load(
            decks: decks, store: store, settings: settings, days: days, filter: filter, now: now,
            mindmap: catalog?.mindmap)
    }

    /// The statistics of `store`'s progress over `decks`, read as `roledeck stats` reads them.
    public static func load(
        decks: [Deck], store: ProgressStore, settings: StudySettings, days: DayConvention, filter: StatsFilter,
        now: Date, mindmap: Mindmap? = nil
    ) throws(StoreError) -> Loaded {
        let digest = try LogDigest.load(store: store, days: days, now: now)
        // The states a session would study with: the fold's, or cards.json's when it holds more. A look
        // back (`--now` before the log's last lines) takes the log as it stood then.
        let shortfall = try store.logShortfall()
        let records: [CardID: CardRecord]
        if shortfall != nil {
            records = try store.loadCards()
        } else if digest.isLookBack {
            records = digest.cards
        } else {
            records = try store.cardStates(for: digest).cards
        }
        let input = StatsInput(
            decks: decks, records: records, history: digest.history, settings: settings, days: days, filter: filter)
        var loaded = Loaded(
            statistics: Statistics.compute(input), mindmap: mindmap, logIssues: digest.issues, logShortfall: shortfall)
        loaded.fromCache = digest.fromCache
        return loaded
    }

    /// The statistics as the JSON of `roledeck stats --json`: pretty-printed, keys sorted.
    public static func json(_ statistics: Statistics) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(statistics), as: UTF8.self) + "\n"
        } catch {
            // Only non-finite numbers fail to encode; every ratio here has a non-zero divisor.
            preconditionFailure("statistics failed to encode: \(error)")
        }
    }
}
