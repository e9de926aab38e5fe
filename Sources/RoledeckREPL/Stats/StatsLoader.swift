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
    }

    /// The statistics at `now`, narrowed to `domain` and `role` as the learner named them.
    public func load(now: Date, domain: String? = nil, role: String? = nil) throws -> Loaded {
        let decks = try library.decks()
        let catalog = try? library.catalog(at: nil)
        let filter = try StatsFilter.resolve(domain: domain, role: role, decks: decks, catalog: catalog)
        let settings = try StudySettings.load(from: library.paths.progress)
        let days = settings.days(systemTimeZone: systemTimeZone)
        let store = ProgressStore.openReadOnly(folder: library.paths.progress)
        let digest = try LogDigest.load(store: store, days: days, now: now)
        // cards.json is a checkpoint of the log; only a file from before checkpoints can say more.
        let records = try store.cardsFileIsLogCheckpoint() ? digest.rebuilder.cards : store.loadCards()
        let input = StatsInput(
            decks: decks, records: records, history: digest.history, settings: settings, days: days, filter: filter)
        return Loaded(statistics: Statistics.compute(input), mindmap: catalog?.mindmap, logIssues: digest.issues)
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
