/// Where a card is in its life, as a browser shows it: never studied, in the learning steps,
/// scheduled in days, or back in the steps after a lapse.
public enum CardPhase: String, Codable, Sendable, CaseIterable {
    case new
    case learning
    case review
    case relearning

    /// The phase of a card with `record` (nil: never studied).
    public init(_ record: CardRecord?) {
        guard let card = record?.card, !card.isNew else {
            self = .new
            return
        }
        switch card.state {
        case .learning: self = .learning
        case .review: self = .review
        case .relearning: self = .relearning
        }
    }

    /// The Korean name listings use.
    public var label: String {
        switch self {
        case .new: "새 카드"
        case .learning: "학습 중"
        case .review: "복습"
        case .relearning: "재학습"
        }
    }
}
