/// A choice card as shown once: its options in a shuffled order and which of them are right.
public struct ChoiceQuestion: Equatable, Sendable {
    public var options: [String]
    /// Indices into `options` of the right ones.
    public var correct: Set<Int>
    public var selection: Selection

    /// The right options, in the order shown.
    public var rightOptions: [String] {
        options.indices.filter(correct.contains).map { options[$0] }
    }

    /// A question with these options, as a test or a replay sets it up.
    public init(options: [String], correct: Set<Int>, selection: Selection) {
        self.options = options
        self.correct = correct
        self.selection = selection
    }

    /// Picks and shuffles the options of a choice card with the given generator.
    ///
    /// A one-answer card shows one of its answers (odd-one-out cards store several that would each be
    /// right) and wrong options from the front of the pool, where the most instructive ones are.
    /// A select-all card shows between one and all of its answers, always with at least one wrong option,
    /// and asks for every right one shown.
    public init(card: Card, optionCount: Int = 4, using rng: inout some RandomNumberGenerator) {
        let selection = card.selection ?? .one
        let pool = card.distractors ?? []
        let shownAnswers: [String]
        switch selection {
        case .one:
            shownAnswers =
                card.answers.isEmpty ? [] : [card.answers[Int.random(in: 0..<card.answers.count, using: &rng)].text]
        case .all:
            let most = max(1, min(card.answers.count, optionCount - 1))
            let count = Int.random(in: 1...most, using: &rng)
            shownAnswers = Array(card.answers.map(\.text).shuffled(using: &rng).prefix(count))
        }
        let wrongCount = min(pool.count, max(1, optionCount - shownAnswers.count))
        // Draw from the front of the pool, a little wider than needed, so repeats vary.
        let window = Array(pool.prefix(min(pool.count, wrongCount + 2)))
        let wrong = Array(window.shuffled(using: &rng).prefix(wrongCount))
        let options = (shownAnswers + wrong).shuffled(using: &rng)
        self.options = options
        self.correct = Set(options.indices.filter { shownAnswers.contains(options[$0]) })
        self.selection = selection
    }
}
