/// Checks typed answers the way a patient teacher does.
///
/// An item is right when its folded form (see `AnswerText`) equals an answer or one of its aliases
/// (`NLP 엔지니어`, `ROS`), or when it is within the typo allowance of one, counted on jamo.
/// A typo is never forgiven when it makes the item as close to another answer or to a distractor:
/// then the learner may well mean that one.
public struct AnswerChecker: Sendable {
    private struct Spelling: Sendable {
        var answer: Int
        var folded: String
        var jamo: [Unicode.Scalar]
    }

    private let spellings: [Spelling]
    private let rivals: [(folded: String, jamo: [Unicode.Scalar])]
    private let answerCount: Int
    private let many: Bool

    /// A checker for `card`'s answers; several answers are expected when the card's format is `typedMany`.
    public init(card: Card) {
        self.init(
            answers: card.answers, distractors: card.distractors ?? [], expectsAll: card.kind.format == .typedMany)
    }

    /// A checker for the given answers; `expectsAll` asks for every answer rather than any one.
    public init(answers: [Answer], distractors: [String] = [], expectsAll: Bool) {
        spellings = answers.enumerated().flatMap { index, answer in
            answer.accepted.map { text in
                let folded = AnswerText.folded(text)
                return Spelling(answer: index, folded: folded, jamo: AnswerText.jamo(folded))
            }
        }
        rivals = distractors.map { text in
            let folded = AnswerText.folded(text)
            return (folded, AnswerText.jamo(folded))
        }
        answerCount = answers.count
        many = expectsAll
    }

    /// The verdict on `reply`: a several-answer reply is split into items at commas (see `AnswerText.items`).
    public func check(_ reply: String) -> AnswerCheck {
        let items = many ? AnswerText.items(reply) : [reply.trimmingSpaces].filter { !$0.isEmpty }
        var recalled: [AnswerCheck.Recall] = []
        var unmatched: [String] = []
        for item in items {
            let taken = Set(recalled.map(\.answer))
            guard let match = match(item, preferringOtherThan: taken) else {
                unmatched.append(item)
                continue
            }
            // A second spelling of an answer already given adds nothing and costs nothing.
            if taken.contains(match.answer) { continue }
            recalled.append(match)
            if !many { break }
        }
        let got = Set(recalled.map(\.answer))
        let missing = (0..<answerCount).filter { !got.contains($0) }
        return AnswerCheck(
            recalled: recalled, missing: many || got.isEmpty ? missing : [], unmatched: unmatched,
            expected: many ? answerCount : min(1, answerCount))
    }

    /// The answer `item` stands for: an exact match, else the nearest within the typo allowance
    /// when no other answer and no distractor is as near. Answers already taken are matched last.
    public func match(_ item: String, preferringOtherThan taken: Set<Int> = []) -> AnswerCheck.Recall? {
        let folded = AnswerText.folded(item)
        guard !folded.isEmpty else { return nil }
        let exact = spellings.filter { $0.folded == folded }
        if let first = exact.first(where: { !taken.contains($0.answer) }) ?? exact.first {
            return AnswerCheck.Recall(answer: first.answer, given: item, typos: 0)
        }
        if rivals.contains(where: { $0.folded == folded }) { return nil }
        let jamo = AnswerText.jamo(folded)
        var best: (answer: Int, distance: Int)?
        var tie = false
        for spelling in spellings {
            let distance = EditDistance.between(jamo, spelling.jamo)
            guard distance <= AnswerText.typoAllowance(for: spelling.folded) else { continue }
            if let current = best {
                if distance < current.distance {
                    (best, tie) = ((spelling.answer, distance), false)
                } else if distance == current.distance && spelling.answer != current.answer {
                    tie = true
                }
            } else {
                best = (spelling.answer, distance)
            }
        }
        guard let best, !tie else { return nil }
        if rivals.contains(where: { EditDistance.between(jamo, $0.jamo) <= best.distance }) { return nil }
        return AnswerCheck.Recall(answer: best.answer, given: item, typos: best.distance)
    }
}
