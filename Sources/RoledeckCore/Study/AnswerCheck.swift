/// The verdict on a typed answer: which answers were recalled (and how), which were missed.
public struct AnswerCheck: Equatable, Sendable {
    /// One answer the learner recalled.
    public struct Recall: Equatable, Sendable {
        /// Index into the card's `answers`.
        public var answer: Int
        /// The item as the learner typed it.
        public var given: String
        /// How it matched.
        public var kind: AnswerMatcher.Kind

        public init(answer: Int, given: String, kind: AnswerMatcher.Kind) {
            self.answer = answer
            self.given = given
            self.kind = kind
        }

        /// How many jamo or letters were off; 0 unless typos were forgiven.
        public var typos: Int {
            if case .typos(let count) = kind { return count }
            return 0
        }
    }

    /// The answers recalled, in the order they were given.
    public var recalled: [Recall]
    /// Indices of the answers that were asked for and not recalled (for a one-answer card, every answer
    /// when the reply was wrong, since any of them would have done).
    public var missing: [Int]
    /// Items that matched no answer.
    public var unmatched: [String]
    /// How many answers were asked for: 1 for a one-answer card, all of them for a several-answer card.
    public var expected: Int

    public init(recalled: [Recall], missing: [Int], unmatched: [String], expected: Int) {
        self.recalled = recalled
        self.missing = missing
        self.unmatched = unmatched
        self.expected = expected
    }

    /// Every answer asked for was recalled and nothing wrong was added.
    public var isCorrect: Bool { recalled.count >= expected && unmatched.isEmpty }

    /// Some but not all of several answers were recalled.
    public var isPartial: Bool { !isCorrect && !recalled.isEmpty }

    /// Some answer was accepted only with typos forgiven.
    public var hasTypos: Bool { recalled.contains { $0.typos > 0 } }

    /// The share of the asked answers that were recalled, 0...1.
    public var score: Double { expected == 0 ? 1 : min(1, Double(recalled.count) / Double(expected)) }
}
