/// A card whose record in `cards.json` differs from the one the review log rebuilds.
public struct CardDisagreement: Equatable, Sendable {
    /// The card's id.
    public let cardID: CardID
    /// The record in `cards.json`; nil when the card is missing there.
    public let stored: CardRecord?
    /// The record rebuilt from the log; nil when the log never mentions the card.
    public let rebuilt: CardRecord?

    /// Creates a disagreement.
    public init(cardID: CardID, stored: CardRecord?, rebuilt: CardRecord?) {
        self.cardID = cardID
        self.stored = stored
        self.rebuilt = rebuilt
    }
}
