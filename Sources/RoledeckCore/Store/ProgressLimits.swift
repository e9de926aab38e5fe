import Foundation

/// The range of every number and time the progress files hold, checked in one place both ways: on
/// the way in, so a damaged file is an error naming the file, the field and the value (never a
/// trap further on), and on the way out, so roledeck never writes what it could not read back.
public enum ProgressLimits {
    /// The first instant a four-digit ISO-8601 year can spell: 0001-01-01T00:00:00Z, in microseconds.
    static let earliestMicroseconds: Int64 = -62_135_596_800_000_000
    /// The instant after the last one: 10000-01-01T00:00:00Z, in microseconds.
    static let endMicroseconds: Int64 = 253_402_300_800_000_000
    /// Stability in days: the scheduler never goes below its minimum; far above any real card.
    public static let stability: ClosedRange<Double> = MemoryModel.minimumStability...1e10
    /// Difficulty: the scheduler clamps it to this range.
    public static let difficulty: ClosedRange<Double> = MemoryModel.difficultyRange
    /// The index into the learning or relearning steps.
    public static let step: ClosedRange<Int> = 0...10_000
    /// Reps and lapses.
    public static let count: ClosedRange<Int> = 0...1_000_000_000
    /// How much of the log `cards.json` includes.
    public static let logBytes: ClosedRange<Int> = 0...(1 << 53)
    /// How long an answer took.
    public static let durationMs: ClosedRange<Int> = 0...Int(Int32.max)

    /// A value out of its range: the field it is in, the value as text, and what it must be.
    public struct Violation: Error, Equatable, Sendable {
        /// The field, as a dotted path (`after.difficulty`).
        public var field: String
        /// The value found.
        public var value: String
        /// What the field must hold.
        public var expected: String

        /// "-5.0: 범위 밖입니다 (1.0부터 10.0까지의 수)".
        public var reason: String { "\(value): 범위 밖입니다 (\(expected))" }
    }

    /// True when `date` is in years 1 to 9999 and so can be written and read back.
    public static func contains(_ date: Date) -> Bool {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, abs(seconds) < 1e12 else { return false }
        let micros = date.microsecondsSince1970
        return micros >= earliestMicroseconds && micros < endMicroseconds
    }

    /// What is wrong with `date` in `field`, if anything.
    static func check(_ date: Date, _ field: @autoclosure () -> String) -> Violation? {
        guard !contains(date) else { return nil }
        let seconds = date.timeIntervalSince1970
        let text = seconds.isFinite && abs(seconds) < 1e12 ? ISOTimestamp.format(date) : "1970년부터 \(seconds)초"
        return Violation(field: field(), value: text, expected: "1년에서 9999년 사이의 시각")
    }

    static func check(_ value: Double, in range: ClosedRange<Double>, _ field: @autoclosure () -> String) -> Violation?
    {
        guard !(value.isFinite && range.contains(value)) else { return nil }
        return Violation(
            field: field(), value: "\(value)", expected: "\(range.lowerBound)부터 \(range.upperBound)까지의 수")
    }

    static func check(_ value: Int, in range: ClosedRange<Int>, _ field: @autoclosure () -> String) -> Violation? {
        guard !range.contains(value) else { return nil }
        return Violation(
            field: field(), value: "\(value)",
            expected: "\(range.lowerBound)부터 \(range.upperBound)까지의 정수")
    }

    /// The first field of `card` out of range; `prefix` names where the card is.
    public static func check(_ card: FSRSCard, at prefix: @autoclosure () -> String) -> Violation? {
        if let step = card.step, let problem = check(step, in: Self.step, prefix() + ".step") { return problem }
        if let stability = card.stability, let problem = check(stability, in: Self.stability, prefix() + ".stability") {
            return problem
        }
        if let difficulty = card.difficulty,
            let problem = check(difficulty, in: Self.difficulty, prefix() + ".difficulty")
        {
            return problem
        }
        if let problem = check(card.due, prefix() + ".due") { return problem }
        if let lastReview = card.lastReview, let problem = check(lastReview, prefix() + ".lastReview") {
            return problem
        }
        return nil
    }

    /// The first field of `record` out of range; `prefix` names where the record is.
    public static func check(_ record: CardRecord, at prefix: @autoclosure () -> String) -> Violation? {
        if let problem = check(record.card, at: prefix() + ".card") { return problem }
        if let problem = check(record.reps, in: Self.count, prefix() + ".reps") { return problem }
        if let problem = check(record.lapses, in: Self.count, prefix() + ".lapses") { return problem }
        if let until = record.buriedUntil, let problem = check(until, prefix() + ".buriedUntil") { return problem }
        return nil
    }

    /// The first field of a log line out of range.
    public static func check(_ line: LogRecord) -> Violation? {
        if let problem = check(line.at, "at") { return problem }
        if let after = line.after, let problem = check(after, at: "after") { return problem }
        if let until = line.until, let problem = check(until, "until") { return problem }
        if let ms = line.durationMs, let problem = check(ms, in: Self.durationMs, "ms") { return problem }
        return nil
    }

    /// The first record or count of a `cards.json` out of range.
    public static func check(cards: [CardID: CardRecord], logBytes: Int?) -> Violation? {
        if let logBytes, let problem = check(logBytes, in: self.logBytes, "logBytes") { return problem }
        for (id, record) in cards {
            if let problem = check(record, at: "cards.\(id.rawValue)") { return problem }
        }
        return nil
    }
}
