/// What a reply to a card comes to, before the learner rates it.
public enum Verdict: Equatable, Sendable {
    /// The reply answers nothing (an empty line, a number that is no option, a word that is neither O nor X):
    /// say how this card is answered and ask again.
    case notAnAnswer(ChoiceInput.Problem?)
    /// The reply is judged.
    case judged(Judgement)
}

/// A judged reply: how it went, the rating suggested, and what the log keeps.
public struct Judgement: Equatable, Sendable {
    public enum Outcome: Equatable, Sendable {
        case correct
        /// Some but not all of several answers: never a pass.
        case partial
        case wrong
        /// `?`: the learner does not know; the answer is shown.
        case gaveUp
        /// A flashcard's answer was shown; the learner grades it.
        case shown
    }

    public var outcome: Outcome
    /// The rating suggested: Good when right, Hard when right but slow, with typos, worded otherwise or
    /// after a hint, Again otherwise (a hint caps it at Hard).
    public var suggestion: Rating
    /// For typed cards: what was recalled, how, and what was missed.
    public var check: AnswerCheck?
    /// For choice cards: the options picked.
    public var picked: Set<Int>
    /// The reply as the log keeps it (for a choice card, the picked options' text joined by ` | `).
    public var answer: String?
    /// For a choice card, the wrong options picked, joined by ` | `.
    public var chosen: String?
    /// Whether a hint was shown before the reply.
    public var hinted: Bool

    /// Whether the reply was right; nil for a flashcard, which the learner grades.
    public var correct: Bool? {
        switch outcome {
        case .correct: true
        case .partial, .wrong, .gaveUp: false
        case .shown: nil
        }
    }
}
