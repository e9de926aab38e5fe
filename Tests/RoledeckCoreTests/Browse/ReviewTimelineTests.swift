import Foundation
import Testing

@testable import RoledeckCore

/// A card's review history comes from the one fold of the log: undone reviews are left out and the
/// state before a review is the fold's record just before it.
@Suite struct ReviewTimelineTests {
    static let now = Date(timeIntervalSince1970: 1_772_409_600)

    static func timeline(_ records: [LogRecord], only: Set<CardID>? = nil) throws -> ReviewTimeline {
        try ReviewTimeline.build(days: .pyFSRS, only: only) { body throws(StoreError) in
            for (index, record) in records.enumerated() { body(record, index + 1) }
            return []
        }
    }

    @Test func undoneReviewsAreLeftOutAndStatesChain() throws {
        var rng = SeededGenerator(seed: 3)
        let scheduler = Scheduler()
        let first = scheduler.review(.new(due: Self.now), rating: .good, at: Self.now, rng: &rng).card
        let later = Self.now.addingTimeInterval(600)
        let taken = scheduler.review(first, rating: .again, at: later, rng: &rng).card
        let kept = scheduler.review(first, rating: .easy, at: later.addingTimeInterval(5), rng: &rng).card
        let records: [LogRecord] = [
            .review(cardID: "a", at: Self.now, rating: .good, before: nil, after: first, answer: "답", durationMs: 900),
            .review(cardID: "b", at: Self.now, rating: .good, before: nil, after: first),
            .review(cardID: "a", at: later, rating: .again, before: first, after: taken),
            .event(.undo, cardID: "a", at: later),
            .review(cardID: "a", at: later.addingTimeInterval(5), rating: .easy, before: first, after: kept),
        ]
        let timeline = try Self.timeline(records)
        let reviews = timeline.reviews(of: "a")
        #expect(reviews.map(\.rating) == [.good, .easy])
        #expect(reviews[0].stateBefore == nil && reviews[0].before == .new && reviews[0].answer == "답")
        #expect(reviews[0].durationMs == 900)
        #expect(reviews[1].stateBefore == first && reviews[1].after == kept)
        #expect(timeline.fold.cards["a"]?.card == kept && timeline.fold.cards["a"]?.reps == 2)
        #expect(timeline.reviews(of: "b").count == 1)
        let one = try Self.timeline(records, only: ["b"])
        #expect(one.reviews(of: "a").isEmpty && one.reviews(of: "b").count == 1)
        #expect(one.fold.cards["a"]?.card == kept)
    }
}
