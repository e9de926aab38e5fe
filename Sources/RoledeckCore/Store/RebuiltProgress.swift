/// The card states replayed from the review log.
public struct RebuiltProgress: Equatable, Sendable {
    /// Each card's record after the last line that touched it, undo honoured.
    public var cards: [CardID: CardRecord]
    /// Line numbers of undo lines that had no review left to take back.
    public var unmatchedUndoLines: [Int]

    /// Creates a result.
    public init(cards: [CardID: CardRecord], unmatchedUndoLines: [Int]) {
        self.cards = cards
        self.unmatchedUndoLines = unmatchedUndoLines
    }
}
