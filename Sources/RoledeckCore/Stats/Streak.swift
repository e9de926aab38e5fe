/// Consecutive study days: the one rule for the streak the session summary and `stats` show.
public struct Streak: Equatable, Sendable, Encodable {
    /// Days in a row with at least one review, ending today, or yesterday while today has none yet
    /// (the streak is not broken until the day is over).
    public var current: Int
    /// The longest run of such days.
    public var longest: Int
    /// Whether today already has a review (else the current streak ends yesterday and is still alive).
    public var studiedToday: Bool

    /// Creates a streak.
    public init(current: Int = 0, longest: Int = 0, studiedToday: Bool = false) {
        self.current = current
        self.longest = longest
        self.studiedToday = studiedToday
    }

    /// The streak as of `today`, from the days that have reviews, in ascending order without repeats;
    /// days after `today` are ignored.
    public init(studyDays: some Sequence<Int>, today: Int) {
        var longest = 0
        var run = 0
        var previous: Int?
        var last: Int?
        for day in studyDays where day <= today {
            run = previous.map { day == $0 + 1 } == true ? run + 1 : 1
            longest = max(longest, run)
            previous = day
            last = day
        }
        let studiedToday = last == today
        let current = last.map { studiedToday || $0 == today - 1 } == true ? run : 0
        self.init(current: current, longest: longest, studiedToday: studiedToday)
    }
}
