/// What the review log says about each study day: the counts the daily limits use, and the streak.
///
/// Built by applying log lines in order. A review counts as a new card when the card was new
/// before it, and as a review when the card was in Review (learning and relearning steps count
/// against neither limit, as in Anki). An undo takes back the latest review of that card
/// not yet taken back, and its count.
public struct StudyDays: Equatable, Sendable {
    /// How reviews are put into days.
    public let days: DayConvention
    /// What was studied on each day (by day number) that has reviews left after undo.
    public private(set) var studiedByDay: [Int: StudiedToday] = [:]
    /// How many reviews (of any kind, undone ones excepted) each day has.
    public private(set) var reviewsByDay: [Int: Int] = [:]
    private var latest: [CardID: [Entry]] = [:]

    private struct Entry: Equatable, Sendable {
        var day: Int
        var before: PriorState
    }

    /// An empty history.
    public init(days: DayConvention) {
        self.days = days
    }

    /// The history of the given lines, in order.
    public init(days: DayConvention, records: some Sequence<LogRecord>) {
        self.init(days: days)
        for record in records { apply(record) }
    }

    /// The days of a compacted history (such as the stats cache gives), undone reviews left out.
    ///
    /// Later undo lines can only take back reviews applied to this value, which is what a study
    /// session's undo does: it takes back its own answers.
    public init(days: DayConvention, history: ReviewHistory) {
        self.init(days: days)
        for event in history.reviews where !event.undone {
            count(Entry(day: Int(event.day), before: event.before), by: 1)
        }
    }

    /// Applies one log line; lines that are not reviews or undos leave the counts alone.
    public mutating func apply(_ record: LogRecord) {
        switch record.kind {
        case .review:
            guard let before = record.before else { return }
            let entry = Entry(day: days.dayNumber(of: record.at), before: before)
            latest[record.cardID, default: []].append(entry)
            count(entry, by: 1)
        case .undo:
            guard let entry = latest[record.cardID]?.popLast() else { return }
            count(entry, by: -1)
        case .suspend, .unsuspend, .bury, .leech:
            break
        }
    }

    private mutating func count(_ entry: Entry, by step: Int) {
        var studied = studiedByDay[entry.day] ?? StudiedToday()
        switch entry.before {
        case .new: studied.newCards += step
        case .review: studied.reviews += step
        case .learning, .relearning: break
        }
        studiedByDay[entry.day] = studied
        let total = (reviewsByDay[entry.day] ?? 0) + step
        reviewsByDay[entry.day] = total > 0 ? total : nil
    }

    /// What counts against the limits on day `day`.
    public func studied(onDay day: Int) -> StudiedToday {
        studiedByDay[day] ?? StudiedToday()
    }

    /// Days in a row with at least one review, ending on `today`, or on the day before when nothing
    /// was studied today yet (the streak is not broken until the day is over).
    public func streak(through today: Int) -> Int {
        var day = reviewsByDay[today] != nil ? today : today - 1
        var length = 0
        while reviewsByDay[day] != nil {
            length += 1
            day -= 1
        }
        return length
    }
}
