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

    /// Orders ratings by their numeric grade.
    public static func < (lhs: Rating, rhs: Rating) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
