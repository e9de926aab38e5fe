/// Where a card is in the FSRS life cycle.
///
/// py-fsrs 6 has no "new" state: a card that was never reviewed is in `learning` at step 0
/// and has no memory state yet (see `FSRSCard.isNew`).
public enum CardState: String, CaseIterable, Codable, Sendable {
    /// New or in the learning steps.
    case learning
    /// Graduated: scheduled in whole days.
    case review
    /// Lapsed and in the relearning steps.
    case relearning

    /// The integer py-fsrs stores for the state (1, 2, 3).
    public var code: Int {
        switch self {
        case .learning: 1
        case .review: 2
        case .relearning: 3
        }
    }

    /// The name py-fsrs prints for the state ("Learning", "Review", "Relearning").
    public var name: String { staticName.description }

    /// The same name as text fixed in the program, which costs nothing to write.
    var staticName: StaticString {
        switch self {
        case .learning: "Learning"
        case .review: "Review"
        case .relearning: "Relearning"
        }
    }
}
