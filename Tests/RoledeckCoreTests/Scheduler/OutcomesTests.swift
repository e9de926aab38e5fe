import Foundation
import Testing

@testable import RoledeckCore

@Suite("Outcomes")
struct OutcomesTests {
    /// Cards in every state, taken from replaying a vector card at each of its reviews.
    func sampleCards() throws -> [(card: FSRSCard, at: Date, parameters: SchedulerParameters)] {
        let file = try VectorFile.load("vectors-sample")
        var samples: [(FSRSCard, Date, SchedulerParameters)] = []
        for vector in file.cards.prefix(60) {
            let input = try #require(try ReplayCodec.decode(try vector.input.jsonLine()).first?.get())
            let scheduler = Scheduler(parameters: input.parameters)
            var rng = SeededGenerator(seed: 3)
            var card = FSRSCard.new(due: input.reviews[0].time)
            for review in input.reviews {
                samples.append((card, review.time, input.parameters))
                card = scheduler.review(card, rating: review.rating, at: review.time, rng: &rng).card
            }
        }
        return samples
    }

    @Test("outcomes(for:at:) equals review(...) for each rating when fuzz is off")
    func matchesReview() throws {
        let samples = try sampleCards()
        #expect(samples.count > 200)
        var states = Set<CardState>()
        for (card, at, parameters) in samples {
            let scheduler = Scheduler(parameters: parameters.withFuzzing(false))
            let outcomes = scheduler.outcomes(for: card, at: at)
            states.insert(card.state)
            for rating in Rating.allCases {
                var rng = SeededGenerator(seed: 9)
                let (reviewed, log) = scheduler.review(card, rating: rating, at: at, rng: &rng)
                #expect(outcomes[rating].rating == rating)
                #expect(outcomes[rating].card == reviewed)
                #expect(outcomes[rating].log == log)
                #expect(outcomes[rating].interval == reviewed.due.timeIntervalSince(at))
            }
        }
        #expect(states == Set(CardState.allCases))
    }

    @Test("with fuzz on, outcomes give the unfuzzed interval and the same memory state")
    func unfuzzedHints() throws {
        for (card, at, parameters) in try sampleCards() {
            let fuzzed = Scheduler(parameters: parameters.withFuzzing(true))
            let outcomes = fuzzed.outcomes(for: card, at: at)
            for rating in Rating.allCases {
                var rng = SeededGenerator(seed: 11)
                let (reviewed, log) = fuzzed.review(card, rating: rating, at: at, rng: &rng)
                let hint = outcomes[rating]
                #expect(hint.card.stability == reviewed.stability)
                #expect(hint.card.difficulty == reviewed.difficulty)
                #expect(hint.card.state == reviewed.state)
                if let fuzz = log.fuzz {
                    #expect(hint.log.fuzz?.days == fuzz.unfuzzedDays)
                }
            }
        }
    }

    @Test("hints are ordered: Again <= Hard <= Good <= Easy for a review card")
    func orderedHints() {
        let start = TestClock.date("2024-01-01T09:00:00Z")
        let card = FSRSCard(state: .review, stability: 10, difficulty: 5, due: start, lastReview: start)
        let outcomes = Scheduler(parameters: .default).outcomes(
            for: card, at: start.addingTimeInterval(10 * 86_400))
        let intervals = outcomes.all.map(\.interval)
        #expect(intervals == intervals.sorted())
        #expect(outcomes.again.card.state == .relearning)
    }
}
