import Foundation

extension Replay {
    /// A replay fed input lines as they come, which writes one output line per card (or error) in
    /// input order: any length of input in the memory of a batch.
    ///
    /// A batch of lines is cut into pieces replayed side by side, each into its own output, and the
    /// outputs are handed over as they are, without being copied together. A settings line changes
    /// the cards after it, so each piece starts from the settings in force at the start of the batch
    /// and notes whether it read a settings line; the pieces after the first one that did are
    /// replayed again from the settings it ended with. Input with settings lines only at its top (the
    /// usual kind) is replayed once.
    public struct Stream: Sendable {
        /// How many pieces a batch is cut into: more than the cores, so that a slow piece does not
        /// leave a core idle.
        static let piecesPerBatch = 8

        private var decoder = ReplayCodec.LineDecoder()
        private let dayConvention: DayConvention
        /// Output not yet handed over, in input order.
        private var pending: [Output] = []
        /// Outputs handed over, kept with their room for the next batch.
        private var spare: [Output] = []
        /// The input errors so far (the caller picks the exit code).
        public private(set) var errors: [ReplayError] = []

        /// True once a line of roledeck's own review log was met: that is no replay input, so nothing
        /// from it on is replayed or written, and the caller says so once.
        public var readsProgressLog: Bool { errors.last?.isProgressLogLine == true }

        /// A replay counting days as `dayConvention` does (py-fsrs's unless told).
        public init(dayConvention: DayConvention = .pyFSRS) {
            self.dayConvention = dayConvention
        }

        /// Replays input line `number` (its bytes, without the newline) and appends its output line,
        /// if it has one, to what `drain` hands over.
        public mutating func process(_ line: UnsafeBufferPointer<UInt8>, number: Int) {
            guard !readsProgressLog else { return }
            var output = pending.popLast() ?? takeOutput()
            defer { pending.append(output) }
            guard let decoded = decoder.decode(line, line: number) else { return }
            if case .failure(let error) = decoded {
                errors.append(error)
                if error.isProgressLogLine { return }
            }
            output.write(decoded, dayConvention: dayConvention)
        }

        /// Replays several input lines (numbered from `firstNumber`), their output in input order.
        public mutating func process(_ lines: [[UInt8]], firstNumber: Int) {
            var start = 0
            while start < lines.count, !readsProgressLog {
                let pieces = cut(lines[start...])
                let work = Pieces(pieces.map { Piece(lines: $0, decoder: decoder, output: takeOutput()) })
                let convention = dayConvention
                let first = firstNumber
                DispatchQueue.concurrentPerform(iterations: pieces.count) { index in
                    var piece = work.take(index)
                    piece.run(firstNumber: first, dayConvention: convention)
                    work.put(index, piece)
                }
                // Taken in order up to the first piece that read a settings line (or roledeck's log):
                // the pieces after it started from settings that no longer hold.
                var accepted = true
                for index in 0..<pieces.count {
                    var piece = work.take(index)
                    guard accepted else {
                        piece.output.writer.reset()
                        spare.append(piece.output)
                        continue
                    }
                    pending.append(piece.output)
                    errors += piece.errors
                    decoder = piece.decoder
                    start = piece.lines.endIndex
                    if piece.readSettings || piece.stopped { accepted = false }
                }
            }
        }

        /// How many bytes of output are waiting.
        public var pendingBytes: Int { pending.reduce(0) { $0 + $1.writer.count } }

        /// Hands over the output lines written since the last call, each ending with a newline, a
        /// piece at a time and without copying them.
        public mutating func drain(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
            defer {
                for var output in pending {
                    output.writer.reset()
                    spare.append(output)
                }
                pending.removeAll(keepingCapacity: true)
            }
            for output in pending where output.writer.count > 0 {
                try output.writer.withBytes(body)
            }
        }

        /// The output lines written since the last call, each ending with a newline.
        public mutating func drain() -> [UInt8] {
            var bytes: [UInt8] = []
            drain { bytes.append(contentsOf: $0) }
            return bytes
        }

        private mutating func takeOutput() -> Output {
            spare.popLast() ?? Output()
        }

        /// `lines` cut into up to `piecesPerBatch` runs of about the same number of bytes.
        private func cut(_ lines: ArraySlice<[UInt8]>) -> [ArraySlice<[UInt8]>] {
            let total = lines.reduce(0) { $0 + $1.count + 1 }
            let count = min(Self.piecesPerBatch, lines.count)
            var pieces: [ArraySlice<[UInt8]>] = []
            var start = lines.startIndex
            var bytes = 0
            for index in lines.indices {
                bytes += lines[index].count + 1
                // Piece k ends once the bytes so far reach k/count of the whole.
                if bytes * count >= total * (pieces.count + 1), pieces.count < count - 1 {
                    pieces.append(lines[start...index])
                    start = index + 1
                }
            }
            if start < lines.endIndex { pieces.append(lines[start...]) }
            return pieces
        }
    }
}

extension Replay.Stream {
    /// One thread's output: the lines it wrote, and the scheduler of the last card with its text.
    struct Output: Sendable {
        var writer = JSONWriter(pythonStyleCapacity: 1 << 16)
        var schedulerText = ReplayCodec.SchedulerText()
        var scheduler: Scheduler?

        /// Writes one output line: the card replayed, or the error.
        mutating func write(_ item: Result<ReplayCardInput, ReplayError>, dayConvention: DayConvention) {
            switch item {
            case .success(let input):
                let current: Scheduler
                if let scheduler, scheduler.parameters == input.parameters {
                    current = scheduler
                } else {
                    current = Scheduler(parameters: input.parameters, dayConvention: dayConvention)
                    scheduler = current
                }
                ReplayCodec.encode(Replay.replay(input, scheduler: current), into: &writer, scheduler: &schedulerText)
            case .failure(let error):
                ReplayCodec.encode(error, into: &writer)
            }
            writer.newlineBetweenDocuments()
        }
    }

    /// A run of lines replayed on one thread, from the settings in force where the batch starts.
    struct Piece: Sendable {
        let lines: ArraySlice<[UInt8]>
        var decoder: ReplayCodec.LineDecoder
        var output: Output
        var errors: [ReplayError] = []
        /// True when a settings line was read: the pieces after this one must start from its settings.
        var readSettings = false
        /// True when a line of roledeck's own log ended the piece early.
        var stopped = false

        init(lines: ArraySlice<[UInt8]>, decoder: ReplayCodec.LineDecoder, output: Output) {
            self.lines = lines
            self.decoder = decoder
            self.output = output
        }

        mutating func run(firstNumber: Int, dayConvention: DayConvention) {
            let settingsBefore = decoder.settingsLines
            for index in lines.indices {
                let decoded = lines[index].withUnsafeBufferPointer { decoder.decode($0, line: firstNumber + index) }
                guard let decoded else { continue }
                if case .failure(let error) = decoded {
                    errors.append(error)
                    if error.isProgressLogLine {
                        stopped = true
                        break
                    }
                }
                output.write(decoded, dayConvention: dayConvention)
            }
            readSettings = decoder.settingsLines != settingsBefore
        }
    }

    /// The pieces of a batch, each taken and put back by the one thread that replays it.
    final class Pieces: @unchecked Sendable {
        private var items: [Piece?]
        private let lock = NSLock()

        init(_ pieces: [Piece]) {
            items = pieces
        }

        func take(_ index: Int) -> Piece {
            lock.lock()
            defer { lock.unlock() }
            guard let piece = items[index] else { preconditionFailure("piece \(index) taken twice") }
            items[index] = nil
            return piece
        }

        func put(_ index: Int, _ piece: Piece) {
            lock.lock()
            items[index] = piece
            lock.unlock()
        }
    }
}
