import Foundation

/// Replays review histories through the scheduler: the engine behind `roledeck replay`.
public enum Replay {
    /// Replays one card from a new card due at its first review; fuzz uses `input.seed` (or 0).
    public static func replay(
        _ input: ReplayCardInput, dayConvention: DayConvention = .pyFSRS
    ) -> ReplayCardResult {
        let scheduler = Scheduler(parameters: input.parameters, dayConvention: dayConvention)
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
        var errors: [ReplayError] = []
        for item in ReplayCodec.decode(text) {
            switch item {
            case .success(let input):
                emit(ReplayCodec.encode(replay(input, dayConvention: dayConvention)))
            case .failure(let error):
                errors.append(error)
                emit(ReplayCodec.encode(error))
            }
        }
        return errors
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
