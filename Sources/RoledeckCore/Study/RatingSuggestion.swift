/// The rating roledeck suggests after a judged reply: right is Good; right but slow, with typos,
/// worded otherwise or after a hint is Hard; partial, wrong or given up is Again.
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

    /// The suggestion for a reply with the given outcome. A flashcard the learner saw is Good
    /// (Hard after a hint); partial recall is never a pass.
    public static func suggest(
        outcome: Judgement.Outcome, roughly: Bool = false, slow: Bool = false, hinted: Bool = false
    ) -> Rating {
        switch outcome {
        case .partial, .wrong, .gaveUp: .again
        case .shown: hinted ? .hard : .good
        case .correct: roughly || slow || hinted ? .hard : .good
        }
    }
}
