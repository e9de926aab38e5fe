/// Where a card is in its life, as a browser shows it: never studied, in the learning steps,
/// scheduled in days, or back in the steps after a lapse. The same four states the review log
/// records before each review, so one type holds both.
public typealias CardPhase = PriorState

extension PriorState {
    /// The phase of a card with `record` (nil: never studied).
    public init(_ record: CardRecord?) {
        self.init(record?.card)
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
