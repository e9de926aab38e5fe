/// The state a card was in when it was reviewed, as Anki's review log records it (new, learn, review, relearn).
public enum PriorState: String, Codable, Sendable, CaseIterable {
    /// Never reviewed before.
    case new
    /// In the learning steps.
    case learning
    /// Graduated: a true review, the kind that counts for retention.
    case review
    /// Lapsed and in the relearning steps.
    case relearning

    /// The prior state of `record`; nil means the card was never studied.
    public init(_ card: FSRSCard?) {
        guard let card, !card.isNew else {
            self = .new
            return
        }
        switch card.state {
        case .learning: self = .learning
        case .review: self = .review
        case .relearning: self = .relearning
        }
    }
}
