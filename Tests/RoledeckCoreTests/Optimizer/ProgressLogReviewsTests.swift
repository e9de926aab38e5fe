import Foundation
import Testing

@testable import RoledeckCore

@Suite("The progress log as the optimizer reads it")
struct ProgressLogReviewsTests {
    @Test func undoneReviewsLaterReviewsAndCardsWithoutTheirStartAreLeftOut() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roledeck-optimizer-log-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ProgressStore.open(folder: folder)
        let zone = try #require(TimeZone(identifier: "Asia/Seoul"))
        let days = DayConvention.anki(timeZone: zone)
        let scheduler = Scheduler(dayConvention: days)
        var rng = SeededGenerator(seed: 1)
        func at(_ text: String) -> Date { ISOTimestamp.parse(text + "+09:00") ?? .distantPast }
        var states: [String: FSRSCard] = [:]
        func review(_ card: String, _ time: String, _ rating: Rating) throws {
            let before = states[card]
            let after = scheduler.review(before ?? .new(due: at(time)), rating: rating, at: at(time), rng: &rng).card
            try store.append(
                .review(cardID: CardID(rawValue: card), at: at(time), rating: rating, before: before, after: after))
            states[card] = after
        }
        try review("a", "2026-03-01T09:00", .good)
        try review("a", "2026-03-03T03:59", .again)  // still Mar 2's study day (04:00 rollover)
        try store.append(.event(.undo, cardID: CardID(rawValue: "a"), at: at("2026-03-03T04:00")))
        try review("a", "2026-03-03T09:00", .good)
        // Card b's log starts with a review of a card already in review: its history is missing.
        states["b"] =
            scheduler.review(.new(due: at("2026-02-01T09:00")), rating: .easy, at: at("2026-02-01T09:00"), rng: &rng)
            .card
        try review("b", "2026-03-02T09:00", .good)
        try review("a", "2026-03-20T09:00", .good)  // after now

        let loaded = try ProgressLogReviews.load(store: store, days: days, now: at("2026-03-10T12:00"))
        #expect(loaded.cardsWithoutStart == 1)
        #expect(loaded.dataset.cardCount == 1)
        #expect(loaded.dataset.ratings == [3, 3])
        #expect(loaded.dataset.elapsedDays == [0, 2])
        #expect(loaded.issues.isEmpty)
    }
}
