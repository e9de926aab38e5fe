import Foundation

/// One card and where the learner stands with it at a given time: what `roledeck cards` lists.
public struct CardSummary: Equatable, Sendable {
    /// The card as its deck holds it.
    public var card: Card
    /// The name of its deck's domain.
    public var deckName: String
    /// The name of the role it is about, when it is about one.
    public var roleName: String?
    /// Its record in the progress files; nil when it was never studied, suspended or buried.
    public var record: CardRecord?
    /// The phase of the record.
    public var phase: CardPhase
    /// True while the card is buried (its burial ends after the time the summary was taken at).
    public var buried: Bool
    /// The predicted probability of recall at the time the summary was taken; nil when never studied.
    public var retrievability: Double?

    /// The summary of `card` with `record` at `now`, its retrievability by `scheduler`.
    public init(card: Card, deck: Deck, record: CardRecord?, scheduler: Scheduler, now: Date) {
        self.card = card
        deckName = deck.domain.name
        roleName = card.role.flatMap { key in deck.domain.roles.first { $0.key == key }?.name }
        self.record = record
        phase = CardPhase(record)
        buried = record?.buriedUntil.map { $0 > now } ?? false
        retrievability = record.flatMap { scheduler.retrievability(of: $0.card, at: now) }
    }

    /// When the card is next due; nil for a new card (it comes when new cards are introduced).
    public var due: Date? { phase == .new ? nil : record?.card.due }
    /// True when the learner or the leech rule took the card out of study.
    public var suspended: Bool { record?.suspended ?? false }
    /// True once the card lapsed often enough to be flagged as a leech.
    public var leech: Bool { record?.leech ?? false }
    /// How often the card was forgotten in the review phase.
    public var lapses: Int { record?.lapses ?? 0 }
    /// How many reviews the card had.
    public var reps: Int { record?.reps ?? 0 }

    /// The summaries of every card of `decks`, in the order new cards are introduced.
    public static func all(
        decks: [Deck], records: [CardID: CardRecord], scheduler: Scheduler, now: Date
    ) -> [CardSummary] {
        var deckOf: [DomainKey: Deck] = [:]
        for deck in decks where deckOf[deck.domain.key] == nil { deckOf[deck.domain.key] = deck }
        return IntroductionOrder.sorted(decks.flatMap(\.cards)).compactMap { card in
            deckOf[card.domain].map {
                CardSummary(card: card, deck: $0, record: records[card.id], scheduler: scheduler, now: now)
            }
        }
    }
}
