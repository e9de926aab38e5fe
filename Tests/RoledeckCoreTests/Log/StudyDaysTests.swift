import Foundation
import RoledeckCore
import Testing

@Suite struct StudyDaysTests {
    let days = DayConvention.anki(rolloverHour: 4, timeZone: TimeZone(identifier: "Asia/Seoul")!)
    // 2026-03-02 12:00 in Seoul.
    let noon = Date(timeIntervalSince1970: 1_772_420_400)

    func review(_ id: String, at date: Date, before: FSRSCard?) -> LogRecord {
        .review(
            cardID: CardID(rawValue: id), at: date, rating: .good, before: before,
            after: FSRSCard(state: .review, stability: 3, difficulty: 5, due: date, lastReview: date))
    }

    @Test func countsNewAndReviewsPerDayWithUndo() {
        let reviewed = FSRSCard(state: .review, stability: 3, difficulty: 5, due: noon, lastReview: noon)
        let learning = FSRSCard(state: .learning, step: 1, stability: 3, difficulty: 5, due: noon, lastReview: noon)
        var fold = LogFold(
            [
                review("a", at: noon, before: nil),
                review("a", at: noon, before: learning),
                review("b", at: noon, before: reviewed),
                review("c", at: noon, before: reviewed),
                .event(.undo, cardID: CardID(rawValue: "c"), at: noon),
            ], days: days)
        let today = days.dayNumber(of: noon)
        #expect(fold.days.studied(onDay: today) == StudiedToday(newCards: 1, reviews: 1))
        fold.apply(.event(.undo, cardID: CardID(rawValue: "a"), at: noon), line: 6)
        // The undo takes back a's latest review (the learning step), which counted against neither limit.
        #expect(fold.days.studied(onDay: today) == StudiedToday(newCards: 1, reviews: 1))
        fold.apply(.event(.undo, cardID: CardID(rawValue: "a"), at: noon), line: 7)
        #expect(fold.days.studied(onDay: today) == StudiedToday(newCards: 0, reviews: 1))
        #expect(fold.days.studied(onDay: today + 1) == StudiedToday())
    }

    @Test func streakCountsDaysInARow() {
        let day: TimeInterval = 86_400
        let fold = LogFold(
            [
                review("a", at: noon.addingTimeInterval(-4 * day), before: nil),
                review("a", at: noon.addingTimeInterval(-2 * day), before: nil),
                review("b", at: noon.addingTimeInterval(-1 * day), before: nil),
                // 02:00 the next morning is still yesterday under a 04:00 rollover.
                review("c", at: noon.addingTimeInterval(-10 * 3600), before: nil),
            ], days: days)
        let today = days.dayNumber(of: noon)
        // Today not studied yet: the streak runs to yesterday.
        #expect(fold.days.streak(through: today) == Streak(current: 2, longest: 2, studiedToday: false))
        var more = fold
        more.apply(review("d", at: noon, before: nil), line: 5)
        #expect(more.days.streak(through: today) == Streak(current: 3, longest: 3, studiedToday: true))
        #expect(fold.days.streak(through: today + 2).current == 0)
        // The statistics count their streak with the same rule.
        #expect(Streak(studyDays: [today - 4, today - 2, today - 1], today: today).current == 2)
        #expect(Streak(studyDays: [today - 9, today - 8, today - 7, today], today: today).longest == 3)
    }

    @Test func theDayCountsAreTheHistorysReviewsLeftAfterUndo() {
        let days = DayConvention.anki(rolloverHour: 4, timeZone: TimeZone(identifier: "Asia/Seoul")!)
        let fold = LogFold(FastDecodingTests.records(count: 300), days: days)
        var perDay: [Int: Int] = [:]
        for event in fold.history.reviews where !event.undone { perDay[Int(event.day), default: 0] += 1 }
        #expect(fold.days.reviewsByDay == perDay)
    }

    @Test func aReviewInTheYear9999CountsLikeAnyOther() throws {
        // Date.distantFuture is the year 4001: a fold without a horizon must reach past it.
        let late = try #require(ISOTimestamp.parse("9999-12-31T09:00:00Z"))
        let fold = LogFold([review("a", at: late, before: nil)], days: days)
        #expect(fold.days.studied(onDay: days.dayNumber(of: late)) == StudiedToday(newCards: 1, reviews: 0))
        #expect(fold.history.futureReviews == 0)
    }
}
