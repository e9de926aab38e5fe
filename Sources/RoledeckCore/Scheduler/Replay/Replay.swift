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
        private var schedulerText = ReplayCodec.SchedulerText()
        /// The input errors so far (the caller picks the exit code).
        public private(set) var errors: [ReplayError] = []

        /// True once a line of roledeck's own review log was met: that is no replay input, so nothing
        /// from it on is replayed or written, and the caller says so once.
        public var readsProgressLog: Bool { errors.last?.isProgressLogLine == true }

        private static func isProgressLogLine(_ result: Result<ReplayCardInput, ReplayError>) -> Bool {
            if case .failure(let error) = result { error.isProgressLogLine } else { false }
        }

        /// A replay counting days as `dayConvention` does (py-fsrs's unless told).
        public init(dayConvention: DayConvention = .pyFSRS) {
            self.dayConvention = dayConvention
        }

        /// Replays input line `number` (its bytes, without the newline) and appends its output line,
        /// if it has one, to what `drain` hands over.
        public mutating func process(_ line: UnsafeBufferPointer<UInt8>, number: Int) {
            guard !readsProgressLog, let decoded = decoder.decode(line, line: number) else { return }
            if case .failure(let error) = decoded {
                errors.append(error)
                if error.isProgressLogLine { return }
            }
            Self.write(
                decoded, into: &writer, text: &schedulerText, scheduler: &scheduler, dayConvention: dayConvention)
        }

        /// Replays several input lines (numbered from `firstNumber`), their output in input order:
        /// the lines are read one after another (settings lines change the cards after them), and
        /// the cards are replayed and written in two halves on two threads.
        public mutating func process(_ lines: [[UInt8]], firstNumber: Int) {
            guard !readsProgressLog else { return }
            var decoded: [Result<ReplayCardInput, ReplayError>] = []
            decoded.reserveCapacity(lines.count)
            for (offset, line) in lines.enumerated() {
                let result = line.withUnsafeBufferPointer { decoder.decode($0, line: firstNumber + offset) }
                if let result { decoded.append(result) }
            }
            for case .failure(let error) in decoded {
                errors.append(error)
                if error.isProgressLogLine { break }
            }
            if readsProgressLog, let stop = decoded.firstIndex(where: Self.isProgressLogLine) {
                decoded.removeSubrange(stop...)
            }
            guard decoded.count > 1 else {
                if let only = decoded.first {
                    Self.write(
                        only, into: &writer, text: &schedulerText, scheduler: &scheduler, dayConvention: dayConvention)
                }
                return
            }
            let middle = decoded.count / 2
            let halves = [decoded[..<middle], decoded[middle...]]
            let outputs = HalfOutputs(count: 2)
            let convention = dayConvention
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                var out = JSONWriter(pythonStyleCapacity: 1 << 16)
                var text = ReplayCodec.SchedulerText()
                var scheduler: Scheduler?
                for item in halves[half] {
                    Self.write(item, into: &out, text: &text, scheduler: &scheduler, dayConvention: convention)
                }
                outputs.set(half, out.bytes)
            }
            for half in 0..<2 { writer.raw(outputs.get(half)) }
        }

        /// The outputs of the two halves, each set by its own thread.
        private final class HalfOutputs: @unchecked Sendable {
            private var parts: [[UInt8]]
            private let lock = NSLock()

            init(count: Int) {
                parts = Array(repeating: [], count: count)
            }

            func set(_ index: Int, _ bytes: [UInt8]) {
                lock.lock()
                parts[index] = bytes
                lock.unlock()
            }

            func get(_ index: Int) -> [UInt8] {
                lock.lock()
                defer { lock.unlock() }
                return parts[index]
            }
        }

        /// One output line: the card replayed, or the error.
        private static func write(
            _ item: Result<ReplayCardInput, ReplayError>, into out: inout JSONWriter,
            text: inout ReplayCodec.SchedulerText, scheduler: inout Scheduler?, dayConvention: DayConvention
        ) {
            switch item {
            case .success(let input):
                if scheduler?.parameters != input.parameters {
                    scheduler = Scheduler(parameters: input.parameters, dayConvention: dayConvention)
                }
                let current = scheduler ?? Scheduler(parameters: input.parameters, dayConvention: dayConvention)
                ReplayCodec.encode(Replay.replay(input, scheduler: current), into: &out, scheduler: &text)
            case .failure(let error):
                ReplayCodec.encode(error, into: &out)
            }
            out.newlineBetweenDocuments()
        }

        /// How many bytes of output are waiting.
        public var pendingBytes: Int { writer.count }

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
