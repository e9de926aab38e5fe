import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads `reviews.jsonl` a few megabytes at a time, in pieces of whole lines, for
/// `ProgressStore.scanLog`, which has most of them decoded on a thread of its own (`Lane`) while it
/// applies the lines of the piece before, in file order.
///
/// One buffer is read into; the start of a line cut by the end of a read moves to the front for
/// the next one. Each piece knows the number of its first line, so it can be decoded on its own and
/// its lines still be reported by their real numbers. `nextPiece()` is called from one thread only.
final class LogBatchReader {
    /// The whole lines of one read (and, at the end, a last line without its newline).
    struct Piece: Sendable {
        var bytes: [UInt8]
        /// How many lines of the file come before the piece's first line.
        var linesBefore: Int
    }

    /// The decoded lines of one piece.
    struct Batch: Sendable {
        var records: [LogRecord] = []
        var lines: [Int] = []
        var issues: [LogLineIssue] = []
    }

    private let fd: Int32
    private let stop: Int
    private var buffer: [UInt8]
    private var filled = 0
    private var position: Int
    private var lineCount: Int
    private let linesBefore: Int
    /// Where the last whole line read so far ends.
    private(set) var wholeLinesEnd: Int
    /// How many whole lines (ending in a newline) were read so far.
    private(set) var wholeLines = 0

    /// A reader of the bytes `start..<stop`, whose first line is line `linesBefore + 1` of the file.
    init(fd: Int32, from start: Int, upTo stop: Int, linesBefore: Int = 0, chunkSize: Int) {
        lineCount = linesBefore
        self.linesBefore = linesBefore
        self.fd = fd
        self.stop = stop
        buffer = [UInt8](repeating: 0, count: max(chunkSize, 1024))
        position = start
        wholeLinesEnd = start
    }

    /// The next piece; nil when everything up to `stop` was read.
    func nextPiece(path: String) throws(StoreError) -> Piece? {
        while position < stop {
            if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
            let wanted = min(buffer.count - filled, stop - position)
            let offset = filled
            let count = buffer.withUnsafeMutableBytes { raw in
                pread(fd, raw.baseAddress.map { $0 + offset }, wanted, off_t(position))
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, operation: .read, code: errno)
            }
            if count == 0 { break }
            filled += count
            position += count
            if let piece = takeLines(atEnd: position >= stop) { return piece }
        }
        // Whatever is left at the end: a last line without its newline (a torn write) is read too.
        return filled > 0 ? takeLines(atEnd: true) : nil
    }

    /// The whole lines at the front of the buffer (all of it `atEnd`) as a piece, if there are any.
    private func takeLines(atEnd: Bool) -> Piece? {
        let (handed, complete, lines) = buffer.withUnsafeBufferPointer { all -> (Int, Int, Int) in
            let used = UnsafeBufferPointer(rebasing: all[0..<filled])
            let complete = used.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let handed = atEnd ? filled : complete
            return (handed, complete, Self.countLines(UnsafeBufferPointer(rebasing: used[0..<handed])))
        }
        guard handed > 0 else { return nil }
        let piece = Piece(bytes: Array(buffer[0..<handed]), linesBefore: lineCount)
        lineCount += lines
        // A last line without its newline (read at the end) is not a whole line.
        wholeLines = lineCount - linesBefore - (handed > complete ? 1 : 0)
        wholeLinesEnd += complete
        buffer.withUnsafeMutableBufferPointer { all in
            if let base = all.baseAddress, filled > handed { memmove(base, base + handed, filled - handed) }
        }
        filled -= handed
        return piece
    }

    /// How many lines `bytes` hold as `ReviewLogFile.scan` counts them: one per newline, and one more
    /// for bytes after the last newline.
    static func countLines(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var count = 0
        var start = 0
        while start < bytes.count {
            count += 1
            guard let found = memchr(base + start, 0x0A, bytes.count - start) else { break }
            start = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base + 1
        }
        return count
    }

    /// Decodes pieces on a thread of its own, one after another, with the card ids it met kept
    /// from piece to piece (`CardIDTable`).
    final class Lane: @unchecked Sendable {
        private let queue = DispatchQueue(label: "roledeck.log-lane")
        /// Touched only on `queue`.
        private var ids = CardIDTable()
        private let path: String
        private let keepAnswers: Bool

        init(path: String, keepAnswers: Bool) {
            self.path = path
            self.keepAnswers = keepAnswers
        }

        /// Starts decoding `piece`; the batch is waited for with `Pending.take()`.
        func decode(_ piece: Piece) -> Pending {
            let pending = Pending()
            queue.async { [self] in
                pending.result = Result { () throws(StoreError) in try decodeNow(piece) }
                pending.done.signal()
            }
            return pending
        }

        private func decodeNow(_ piece: Piece) throws(StoreError) -> Batch {
            try LogBatchReader.decode(piece, path: path, ids: &ids, keepAnswers: keepAnswers)
        }
    }

    /// The lines of `piece`, decoded on this thread with the card ids in `ids`.
    static func decode(
        _ piece: Piece, path: String, ids: inout CardIDTable, keepAnswers: Bool
    ) throws(StoreError) -> Batch {
        var batch = Batch()
        // Room for review lines of 320 bytes or more (grown if they are shorter). Pieces of 2 MB and
        // their records stay under the size a study session has malloc map on its own (`MallocTuning`),
        // whose fresh pages would cost time at every piece.
        batch.records.reserveCapacity(piece.bytes.count / 320 + 1)
        batch.lines.reserveCapacity(piece.bytes.count / 320 + 1)
        let result = piece.bytes.withUnsafeBufferPointer { bytes in
            Result { () throws(StoreError) in
                try ReviewLogFile.scan(
                    bytes, source: path, linesBefore: piece.linesBefore, ids: &ids, keepAnswers: keepAnswers
                ) { record, line in
                    batch.records.append(record)
                    batch.lines.append(line)
                }
            }
        }
        batch.issues = try result.get().issues
        return batch
    }

    /// A batch being decoded by a `Lane`.
    final class Pending: @unchecked Sendable {
        fileprivate let done = DispatchSemaphore(value: 0)
        fileprivate var result: Result<Batch, StoreError> = .success(Batch())

        /// The batch, once decoded (or the error that stopped it).
        func take() -> Result<Batch, StoreError> {
            done.wait()
            return result
        }
    }
}
