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
        var history = StudyDays(
            days: days,
            records: [
                review("a", at: noon, before: nil),
                review("a", at: noon, before: learning),
                review("b", at: noon, before: reviewed),
                review("c", at: noon, before: reviewed),
                .event(.undo, cardID: CardID(rawValue: "c"), at: noon),
            ])
        let today = days.dayNumber(of: noon)
        #expect(history.studied(onDay: today) == StudiedToday(newCards: 1, reviews: 1))
        history.apply(.event(.undo, cardID: CardID(rawValue: "a"), at: noon))
        // The undo takes back a's latest review (the learning step), which counted against neither limit.
        #expect(history.studied(onDay: today) == StudiedToday(newCards: 1, reviews: 1))
        history.apply(.event(.undo, cardID: CardID(rawValue: "a"), at: noon))
        #expect(history.studied(onDay: today) == StudiedToday(newCards: 0, reviews: 1))
        #expect(history.studied(onDay: today + 1) == StudiedToday())
    }

    @Test func streakCountsDaysInARow() {
        let day: TimeInterval = 86_400
        let history = StudyDays(
            days: days,
            records: [
                review("a", at: noon.addingTimeInterval(-4 * day), before: nil),
                review("a", at: noon.addingTimeInterval(-2 * day), before: nil),
                review("b", at: noon.addingTimeInterval(-1 * day), before: nil),
                // 02:00 the next morning is still yesterday under a 04:00 rollover.
                review("c", at: noon.addingTimeInterval(-10 * 3600), before: nil),
            ])
        let today = days.dayNumber(of: noon)
        #expect(history.streak(through: today) == 2)  // today not studied yet: the streak runs to yesterday
        var more = history
        more.apply(review("d", at: noon, before: nil))
        #expect(more.streak(through: today) == 3)
        #expect(history.streak(through: today + 2) == 0)
    }

    @Test func aCompactedHistoryGivesTheSameDaysAsTheLogLines() {
        let days = DayConvention.anki(rolloverHour: 4, timeZone: TimeZone(identifier: "Asia/Seoul")!)
        let records = FastDecodingTests.records(count: 300)
        var history = ReviewHistory(now: .distantFuture, days: days)
        for (index, record) in records.enumerated() { history.apply(record, line: index + 1) }
        let fromLines = StudyDays(days: days, records: records)
        let fromHistory = StudyDays(days: days, history: history)
        #expect(
            fromHistory.studiedByDay.filter { $0.value != StudiedToday() }
                == fromLines.studiedByDay.filter { $0.value != StudiedToday() })
        #expect(fromHistory.reviewsByDay == fromLines.reviewsByDay)
    }
}
