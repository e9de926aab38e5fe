import Foundation

/// `roledeck export json`: every card as its deck holds it, with its deck, role and Anki tags, and
/// with progress its state and the reviews that stand. Keys sorted, times ISO-8601 in UTC.
public enum CardsExportJSON {
    /// The version of this file's shape.
    public static let schemaVersion = 1

    struct File: Encodable {
        var schemaVersion: Int
        var exportedAt: String
        var cards: [Entry]
    }

    struct Entry: Encodable {
        var card: Card
        var deck: String
        var ankiDeck: String
        var roleName: String?
        var tags: [String]
        var progress: Progress?
    }

    struct Progress: Encodable {
        var state: CardPhase
        var due: String?
        var lastReview: String?
        var stability: Double?
        var difficulty: Double?
        var reps: Int
        var lapses: Int
        var suspended: Bool
        var leech: Bool
        var buriedUntil: String?
        var reviews: [Review]
    }

    struct Review: Encodable {
        var at: String
        var rating: Int
        var before: PriorState
        var due: String
        var stability: Double?
        var difficulty: Double?
        var ms: Int?
        var answer: String?
        var correct: Bool?
    }

    /// The file's text for `decks`; with `progress`, each card's state and reviews.
    public static func text(decks: [Deck], progress: AnkiExport.Progress?, now: Date) throws(ExportError) -> String {
        let cards = IntroductionOrder.sorted(decks.flatMap(\.cards))
        guard !cards.isEmpty else { throw .nothingToExport }
        var deckOf: [DomainKey: Deck] = [:]
        for deck in decks where deckOf[deck.domain.key] == nil { deckOf[deck.domain.key] = deck }
        let entries = cards.compactMap { card -> Entry? in
            guard let deck = deckOf[card.domain] else { return nil }
            let record = progress?.records[card.id]
            let note = ExportedNote(card: card, deck: deck, leech: record?.leech ?? false)
            return Entry(
                card: card, deck: deck.domain.name, ankiDeck: note.deckName,
                roleName: card.role.flatMap { key in deck.domain.roles.first { $0.key == key }?.name }, tags: note.tags,
                progress: progress.map { progress in
                    entryProgress(record, reviews: progress.reviews[card.id] ?? [])
                })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let file = File(schemaVersion: schemaVersion, exportedAt: ISOTimestamp.format(now), cards: entries)
            return String(decoding: try encoder.encode(file), as: UTF8.self) + "\n"
        } catch {
            // Only a non-finite number fails, and stored states are range-checked when read.
            throw .outOfRange(card: "(json)", field: "number", value: "\(error)")
        }
    }

    private static func entryProgress(_ record: CardRecord?, reviews: [CardReview]) -> Progress {
        let state = record?.card
        let studied = state.map { !$0.isNew } ?? false
        return Progress(
            state: CardPhase(record), due: studied ? state.map { ISOTimestamp.format($0.due) } : nil,
            lastReview: state?.lastReview.map(ISOTimestamp.format), stability: state?.stability,
            difficulty: state?.difficulty, reps: record?.reps ?? 0, lapses: record?.lapses ?? 0,
            suspended: record?.suspended ?? false, leech: record?.leech ?? false,
            buriedUntil: record?.buriedUntil.map(ISOTimestamp.format),
            reviews: reviews.map { review in
                Review(
                    at: ISOTimestamp.format(review.at), rating: review.rating.rawValue, before: review.before,
                    due: ISOTimestamp.format(review.after.due), stability: review.after.stability,
                    difficulty: review.after.difficulty, ms: review.durationMs, answer: review.answer,
                    correct: review.correct)
            })
    }
}
