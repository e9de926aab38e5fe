/// The learner's answer to a review, as in FSRS and Anki.
public enum Rating: Int, CaseIterable, Codable, Sendable, Comparable {
    /// Forgot: the card lapses or restarts its steps.
    case again = 1
    /// Recalled with serious difficulty.
    case hard = 2
    /// Recalled after some hesitation.
    case good = 3
    /// Recalled effortlessly.
    case easy = 4

    /// The capitalised name py-fsrs uses ("Again", "Hard", "Good", "Easy").
    public var name: String {
        switch self {
        case .again: "Again"
        case .hard: "Hard"
        case .good: "Good"
        case .easy: "Easy"
        }
    }

    /// The name on Anki's Korean buttons ("다시", "어려움", "좋음", "쉬움"), the one the learner sees.
    public var korean: String {
        switch self {
        case .again: "다시"
        case .hard: "어려움"
        case .good: "좋음"
        case .easy: "쉬움"
        }
    }

    /// Every rating with its digit: "1 다시, 2 어려움, 3 좋음, 4 쉬움".
    public static var koreanList: String {
        allCases.map { "\($0.rawValue) \($0.korean)" }.joined(separator: ", ")
    }

    /// Orders ratings by their numeric grade.
    public static func < (lhs: Rating, rhs: Rating) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
