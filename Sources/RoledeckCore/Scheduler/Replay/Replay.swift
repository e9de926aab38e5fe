import Foundation

/// Replays review histories through the scheduler: the engine behind `roledeck replay`.
///
/// "Replay" means this and only this in roledeck: recomputing py-fsrs card states from a review
/// history given as JSON lines. (Bringing card states up to date from the review log is the log's
/// fold, `LogFold`.)
public enum Replay {
    /// Replays one card from a new card due at its first review; fuzz uses `input.seed` (or 0).
    public static func replay(
        _ input: ReplayCardInput, dayConvention: DayConvention = .pyFSRS
    ) -> ReplayCardResult {
        replay(input, scheduler: Scheduler(parameters: input.parameters, dayConvention: dayConvention))
    }

    static func replay(_ input: ReplayCardInput, scheduler: Scheduler) -> ReplayCardResult {
        var rng = SeededGenerator(seed: input.seed ?? 0)
        guard let first = input.reviews.first else {
            return ReplayCardResult(input: input, entries: [])
        }
        var card = FSRSCard.new(due: first.time)
        var entries: [ReviewLogEntry] = []
        entries.reserveCapacity(input.reviews.count)
        for review in input.reviews {
            let (next, log) = scheduler.review(card, rating: review.rating, at: review.time, rng: &rng)
            card = next
            entries.append(log)
        }
        return ReplayCardResult(input: input, entries: entries)
    }

    /// Replays all of `text`, handing each output line (card or error) to `emit`, in input
    /// order; returns the input errors (the caller picks the exit code).
    @discardableResult
    public static func run(
        _ text: String, dayConvention: DayConvention = .pyFSRS, emit: (String) -> Void
    ) -> [ReplayError] {
        var stream = Stream(dayConvention: dayConvention)
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var bytes = Array(line.utf8)
            bytes.withUnsafeMutableBufferPointer { stream.process(UnsafeBufferPointer($0), number: offset + 1) }
            let output = stream.drain()
            if !output.isEmpty { emit(String(decoding: output.dropLast(), as: UTF8.self)) }
        }
        return stream.errors
    }

    /// Replays all of `text` and returns the output lines with the input errors.
    public static func run(
        _ text: String, dayConvention: DayConvention = .pyFSRS
    ) -> (lines: [String], errors: [ReplayError]) {
        var lines: [String] = []
        let errors = run(text, dayConvention: dayConvention) { lines.append($0) }
        return (lines, errors)
    }
}
