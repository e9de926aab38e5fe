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

    /// A replay fed one input line at a time, which writes one output line per card (or error) as it
    /// goes: any length of input in the memory of one line.
    public struct Stream: Sendable {
        private var decoder = ReplayCodec.LineDecoder()
        private let dayConvention: DayConvention
        private var scheduler: Scheduler?
        private var writer = JSONWriter(pythonStyleCapacity: 1 << 16)
        /// The input errors so far (the caller picks the exit code).
        public private(set) var errors: [ReplayError] = []

        /// A replay counting days as `dayConvention` does (py-fsrs's unless told).
        public init(dayConvention: DayConvention = .pyFSRS) {
            self.dayConvention = dayConvention
        }

        /// Replays input line `number` (its bytes, without the newline) and appends its output line,
        /// if it has one, to what `drain` hands over.
        public mutating func process(_ line: UnsafeBufferPointer<UInt8>, number: Int) {
            guard let decoded = decoder.decode(line, line: number) else { return }
            switch decoded {
            case .success(let input):
                if scheduler?.parameters != input.parameters {
                    scheduler = Scheduler(parameters: input.parameters, dayConvention: dayConvention)
                }
                let scheduler = scheduler ?? Scheduler(parameters: input.parameters, dayConvention: dayConvention)
                ReplayCodec.encode(Replay.replay(input, scheduler: scheduler), into: &writer)
            case .failure(let error):
                errors.append(error)
                ReplayCodec.encode(error, into: &writer)
            }
            writer.newlineBetweenDocuments()
        }

        /// How many bytes of output are waiting.
        public var pendingBytes: Int { writer.bytes.count }

        /// The output lines written since the last call, each ending with a newline.
        public mutating func drain() -> [UInt8] {
            writer.drain()
        }
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
