import Foundation
import Testing

@testable import RoledeckCore

@Suite("Review histories for the optimizer")
struct ReviewDatasetTests {
    @Test func laterDayReviewsAfterTheFirstAreScorableInTheOrderTheyHappened() {
        // Card 7: days 0, 0 (same day), 2, 5 (Again), 6; card 9: days 1, 4.
        let dataset = ReviewDataset([
            .init(card: 7, day: 0, rating: .good), .init(card: 7, day: 0, rating: .good),
            .init(card: 9, day: 1, rating: .hard), .init(card: 7, day: 2, rating: .good),
            .init(card: 9, day: 4, rating: .good), .init(card: 7, day: 5, rating: .again),
            .init(card: 7, day: 6, rating: .good),
        ])
        #expect(dataset.cardCount == 2)
        #expect(dataset.cardStarts == [0, 5, 7])
        #expect(dataset.ratings == [3, 3, 3, 1, 3, 2, 3])
        #expect(dataset.elapsedDays == [0, 0, 2, 3, 1, 0, 3])
        // Card 7's day-2 review, card 9's day-4 review, then card 7's day-5 and day-6 reviews.
        #expect(dataset.scorable.map(\.review) == [2, 6, 3, 4])
        #expect(dataset.scorable.map(\.sequence) == [2, 2, 3, 4])
        #expect(dataset.scorable.map(\.lapses) == [0, 0, 0, 1])
    }

    @Test func aReviewDatedBeforeTheOneBeforeCountsAsTheSameDay() {
        let dataset = ReviewDataset([.init(card: 1, day: 5, rating: .good), .init(card: 1, day: 3, rating: .good)])
        #expect(dataset.elapsedDays == [0, 0])
        #expect(dataset.scorable.isEmpty)
    }

    @Test func revlogDaysFollowTheTimeZoneAndTheRollover() throws {
        let text = """
            card_id,review_rating,review_time,review_duration
            1,3,2024-03-01T05:00:00+00:00,1000
            1,3,2024-03-01T11:00:00+00:00,1000
            1,3,2024-03-02T09:59:00+00:00,1000
            1,3,2024-03-02T10:00:00+00:00,1000
            """
        let contents = try RevlogCSV.parse(Data(text.utf8), path: "h.csv")
        // In UTC−6 with a 04:00 rollover the days start at 10:00 UTC: 05:00 UTC is the evening of
        // Feb 29's study day, 11:00 and the next morning's 09:59 are Mar 1's, 10:00 is Mar 2's.
        let local = contents.dataset(days: .anki(rolloverHour: 4, timeZone: OptimizerFixture.utcMinus6))
        #expect(local.elapsedDays == [0, 1, 0, 1])
        // In UTC with a midnight rollover: Mar 1, Mar 1, Mar 2, Mar 2.
        let utc = contents.dataset(days: .anki(rolloverHour: 0, timeZone: OptimizerFixture.utc))
        #expect(utc.elapsedDays == [0, 0, 1, 0])
    }

    @Test func revlogColumnsMayComeInAnyOrderAndEqualTimesKeepCardOrder() throws {
        let text = "review_time,card_id,review_rating\n2024-03-01T05:00:00Z,b,3\n2024-03-01T05:00:00Z,a,1\n"
        let contents = try RevlogCSV.parse(Data(text.utf8), path: "h.csv")
        #expect(contents.cardCount == 2)
        #expect(contents.dataset(days: .pyFSRS).ratings == [3, 1])
    }

    @Test(arguments: [
        (
            "card,review_rating,review_time\n1,3,2024-01-01T00:00:00Z\n",
            OptimizerError.missingColumn(
                path: "h.csv", column: "card_id", header: "card,review_rating,review_time")
        ),
        (
            "card_id,review_rating,review_time\n1,5,2024-01-01T00:00:00Z\n",
            .invalidField(
                path: "h.csv", line: 2, column: "review_rating", value: "5",
                expected: "1 다시, 2 어려움, 3 좋음, 4 쉬움 중 하나")
        ),
        (
            "card_id,review_rating,review_time\n1,3,2024-01-01T00:00:00Z\n\n1,3,yesterday\n",
            .invalidField(
                path: "h.csv", line: 4, column: "review_time", value: "yesterday",
                expected: "2024-03-29T20:32:32+00:00 같은 1970–9999년의 ISO-8601 시각")
        ),
        (
            "card_id,review_rating,review_time,review_duration\n1,3,2024-01-01T00:00:00Z,-5\n",
            .invalidField(
                path: "h.csv", line: 2, column: "review_duration", value: "-5",
                expected: "0 이상의 정수 밀리초")
        ),
        (
            "card_id,review_rating,review_time\n,3,2024-01-01T00:00:00Z\n",
            .invalidField(
                path: "h.csv", line: 2, column: "card_id", value: "", expected: "카드 id")
        ),
        ("card_id,review_rating,review_time\n1,3\n", .missingField(path: "h.csv", line: 2, column: "review_time")),
        ("card_id,review_rating,review_time\n", .noReviews(path: "h.csv")),
    ])
    func revlogErrorsNameTheFileAndLine(text: String, expected: OptimizerError) {
        #expect(throws: expected) { try RevlogCSV.parse(Data(text.utf8), path: "h.csv") }
    }

    @Test func anUnreadableRevlogIsAnErrorNamingTheFile() {
        #expect(throws: OptimizerError.self) {
            try RevlogCSV.load(from: URL(fileURLWithPath: "/nonexistent/history.csv"))
        }
    }
}
