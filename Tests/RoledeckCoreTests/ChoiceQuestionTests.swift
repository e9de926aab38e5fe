import RoledeckCore
import Testing

@Suite("Choice options are shuffled at presentation time")
struct ChoiceQuestionTests {
    let cards: [Card]

    init() throws {
        cards = DeckGenerator(catalog: try Fixture.shipped()).decks().flatMap(\.cards).filter {
            $0.kind.format == .choice
        }
    }

    @Test func sameSeedSameOrderOtherSeedOtherOrder() throws {
        let card = try #require(cards.first { $0.id.rawValue == "stack-role/apache-spark" })
        var first = TestRandom(seed: 1)
        var second = TestRandom(seed: 1)
        #expect(ChoiceQuestion(card: card, using: &first) == ChoiceQuestion(card: card, using: &second))
        var orders: Set<[String]> = []
        for seed in 0..<20 {
            var rng = TestRandom(seed: UInt64(seed))
            orders.insert(ChoiceQuestion(card: card, using: &rng).options)
        }
        #expect(orders.count > 1)
    }

    @Test func everyPresentationHasADefensibleAnswerSet() {
        var rng = TestRandom(seed: 42)
        for card in cards {
            for _ in 0..<5 {
                let question = ChoiceQuestion(card: card, using: &rng)
                let answers = Set(card.answers.map(\.text))
                #expect(Set(question.options).count == question.options.count, "\(card.id) repeats an option")
                #expect(
                    question.correct == Set(question.options.indices.filter { answers.contains(question.options[$0]) }))
                #expect(question.correct.count < question.options.count, "\(card.id) shows no wrong option")
                if card.selection == .one { #expect(question.correct.count == 1, "\(card.id)") }
                #expect(question.options.count >= 2 && question.options.count <= 4)
            }
        }
    }
}
