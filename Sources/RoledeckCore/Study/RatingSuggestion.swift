/// The rating roledeck suggests after a checked answer: wrong is Again, right is Good,
/// right but slow or with typos (or only partly recalled) is Hard.
public enum RatingSuggestion {
    /// Seconds after which a right answer counts as slow, by how the card is answered.
    ///
    /// Choices and true/false are read and picked; typed answers are recalled and typed, several
    /// answers take longer with each one asked for.
    public static func slowAfter(format: AnswerFormat, answerCount: Int) -> Double {
        switch format {
        case .trueFalse: 10
        case .choice: 15
        case .typed: 25
        case .typedMany: 15 + 10 * Double(max(1, answerCount))
        case .flashcard: 60
        }
    }

    /// The suggestion for an answer judged `correct`; `score` is the share recalled of a several-answer
    /// question (half or more recalled is Hard, less is Again).
    public static func suggest(correct: Bool, score: Double = 0, typos: Bool = false, slow: Bool = false) -> Rating {
        if correct { return typos || slow ? .hard : .good }
        return score >= 0.5 ? .hard : .again
    }
}
