import Foundation
import Testing

@testable import RoledeckCore

/// py-fsrs's learning-step rules, including the edge cases after a settings change.
@Suite("Learning steps")
struct StepTests {
    let start = TestClock.date("2024-01-01T09:00:00Z")

    func scheduler(learning: [TimeInterval] = [60, 600], relearning: [TimeInterval] = [600]) throws
        -> Scheduler
    {
        Scheduler(
            parameters: try SchedulerParameters(
                learningSteps: learning, relearningSteps: relearning, enableFuzzing: false))
    }

    func review(
        _ scheduler: Scheduler, _ card: FSRSCard, _ rating: Rating, after seconds: TimeInterval = 0
    )
        -> FSRSCard
    {
        var rng = SeededGenerator(seed: 0)
        return scheduler.review(card, rating: rating, at: start.addingTimeInterval(seconds), rng: &rng)
            .card
    }

    @Test("a new card is Learning at step 0 without memory")
    func newCard() {
        let card = FSRSCard.new(due: start)
        #expect(card.state == .learning && card.step == 0 && card.isNew)
    }

    @Test("Hard on step 0 waits the mean of the first two steps, or 1.5x a single step")
    func hardOnFirstStep() throws {
        let two = review(try scheduler(), .new(due: start), .hard)
        #expect(two.due == start.addingTimeInterval(330) && two.step == 0)
        let one = review(try scheduler(learning: [600]), .new(due: start), .hard)
        #expect(one.due == start.addingTimeInterval(900) && one.step == 0)
        let odd = review(try scheduler(learning: [1, 2]), .new(due: start), .hard)
        #expect(odd.due == start.addingTimeInterval(1.5))
    }

    @Test("Good advances, then graduates past the last step; Easy graduates at once")
    func goodAndEasy() throws {
        let s = try scheduler()
        let first = review(s, .new(due: start), .good)
        #expect(
            first.state == .learning && first.step == 1 && first.due == start.addingTimeInterval(600))
        let second = review(s, first, .good, after: 700)
        #expect(second.state == .review && second.step == nil)
        let easy = review(s, .new(due: start), .easy)
        #expect(easy.state == .review && easy.step == nil)
    }

    @Test("no learning steps: every first answer goes straight to Review")
    func noLearningSteps() throws {
        let card = review(try scheduler(learning: []), .new(due: start), .again)
        #expect(card.state == .review && card.step == nil)
    }

    @Test("a step past the end after settings changed: Again restarts, others graduate")
    func stepBeyondSteps() throws {
        let s = try scheduler(learning: [60])
        let stale = FSRSCard(
            state: .learning, step: 2, stability: 1, difficulty: 5, due: start, lastReview: start)
        let again = review(s, stale, .again, after: 120)
        #expect(again.state == .learning && again.step == 0)
        #expect(again.due == start.addingTimeInterval(180))
        for rating in [Rating.hard, .good, .easy] {
            let card = review(s, stale, rating, after: 120)
            #expect(card.state == .review && card.step == nil, "\(rating)")
        }
    }

    @Test("Again in Review relearns; without relearning steps it stays in Review")
    func lapses() throws {
        let card = FSRSCard(state: .review, stability: 20, difficulty: 5, due: start, lastReview: start)
        let relearn = review(try scheduler(), card, .again, after: 20 * 86_400)
        #expect(relearn.state == .relearning && relearn.step == 0)
        #expect(relearn.due == start.addingTimeInterval(20 * 86_400 + 600))
        let stay = review(try scheduler(relearning: []), card, .again, after: 20 * 86_400)
        #expect(stay.state == .review && stay.step == nil)
        #expect(stay.due.timeIntervalSince(start) >= 21 * 86_400)
    }

    @Test("same-day reviews use the short-term formula; Good never lowers stability")
    func sameDay() throws {
        let s = try scheduler()
        let card = FSRSCard(state: .review, stability: 30, difficulty: 5, due: start, lastReview: start)
        let again = review(s, card, .again, after: 3600)
        let good = review(s, card, .good, after: 3600)
        let w = SchedulerParameters.defaultWeights
        let expected = 30 * pow(M_E, w[17] * (-2 + w[18])) * pow(30, -w[19])
        #expect(isClose(again.stability, expected))
        #expect((good.stability ?? 0) >= 30)
    }
}
