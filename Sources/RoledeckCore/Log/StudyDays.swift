/// What each study day holds: the counts the daily limits use, and the days the streak is made of.
///
/// `LogFold` counts each review as it applies it, and takes the count back when an undo takes the
/// review back. A review counts as a new card when the card was new before it, and as a review
/// when the card was in Review (learning and relearning steps count against neither limit, as in
/// Anki).
public struct StudyDays: Equatable, Sendable {
    /// How reviews are put into days.
    public let days: DayConvention
    /// What was studied on each day (by day number) that has reviews left after undo.
    public private(set) var studiedByDay: [Int: StudiedToday] = [:]
    /// How many reviews (of any kind, undone ones excepted) each day has.
    public private(set) var reviewsByDay: [Int: Int] = [:]

    /// No days yet.
    public init(days: DayConvention) {
        self.days = days
    }

    /// The counts of `reviews` left after undo, added up a day at a time (a history restored from the
    /// stats cache: a million reviews, mostly in day order).
    init(days: DayConvention, counting reviews: [ReviewEvent]) {
        self.init(days: days)
        var day: Int32?
        var studied = StudiedToday()
        var total = 0
        func flush(_ counts: inout StudyDays) {
            guard let day, total > 0 else { return }
            let key = Int(day)
            var sum = counts.studiedByDay[key] ?? StudiedToday()
            sum.newCards += studied.newCards
            sum.reviews += studied.reviews
            counts.studiedByDay[key] = sum == StudiedToday() ? nil : sum
            counts.reviewsByDay[key, default: 0] += total
        }
        for review in reviews where !review.undone {
            if review.day != day {
                flush(&self)
                day = review.day
                studied = StudiedToday()
                total = 0
            }
            total += 1
            switch review.before {
            case .new: studied.newCards += 1
            case .review: studied.reviews += 1
            case .learning, .relearning: break
            }
        }
        flush(&self)
    }

    /// Day counts as the stats cache and `cards.json` store them: each day with reviews, what it holds, in order.
    init(days: DayConvention, counts: [FoldCheckpoint.DayCount]) {
        self.init(days: days)
        for count in counts where count.total > 0 {
            reviewsByDay[count.day] = count.total
            let studied = StudiedToday(newCards: count.newCards, reviews: count.reviews)
            if studied != StudiedToday() { studiedByDay[count.day] = studied }
        }
    }

    /// Counts a review (`step` 1) or takes it back (`step` -1).
    mutating func count(_ review: ReviewEvent, by step: Int) {
        let day = Int(review.day)
        var studied = studiedByDay[day] ?? StudiedToday()
        switch review.before {
        case .new: studied.newCards += step
        case .review: studied.reviews += step
        case .learning, .relearning: break
        }
        studiedByDay[day] = studied == StudiedToday() ? nil : studied
        let total = (reviewsByDay[day] ?? 0) + step
        reviewsByDay[day] = total > 0 ? total : nil
    }

    /// What counts against the limits on day `day`.
    public func studied(onDay day: Int) -> StudiedToday {
        studiedByDay[day] ?? StudiedToday()
    }

    /// The streak as of `today` (see `Streak`).
    public func streak(through today: Int) -> Streak {
        Streak(studyDays: reviewsByDay.keys.sorted(), today: today)
    }
}
