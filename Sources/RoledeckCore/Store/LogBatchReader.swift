import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads `reviews.jsonl` a few megabytes at a time and decodes each piece's lines, for
/// `ProgressStore.scanLog`, which applies one piece on its thread while this decodes the next.
///
/// One buffer is read into and decoded where it lies; the start of a line cut by the end of a read
/// moves to the front for the next one. Calls to `next()` must not overlap (the scan waits for each);
/// that is what makes sharing this object between the two threads safe.
final class LogBatchReader: @unchecked Sendable {
    /// The decoded lines of one piece.
    struct Batch: Sendable {
        var records: [LogRecord] = []
        var lines: [Int] = []
        var issues: [LogLineIssue] = []
    }

    /// Where the next batch waits between the two threads.
    final class Handoff: @unchecked Sendable {
        var result: Result<Batch?, StoreError> = .success(nil)

        func take() -> Result<Batch?, StoreError> {
            defer { result = .success(nil) }
            return result
        }
    }

    private let fd: Int32
    private let path: String
    private let stop: Int
    private let keepAnswers: Bool
    private var buffer: [UInt8]
    private var filled = 0
    private var position: Int
    private var lineCount: Int
    private let linesBefore: Int
    private var ids = CardIDTable()
    /// Where the last whole line read so far ends.
    private(set) var wholeLinesEnd: Int
    /// How many whole lines (ending in a newline) were read so far.
    private(set) var wholeLines = 0

    /// A reader of the bytes `start..<stop`, whose first line is line `linesBefore + 1` of the file.
    init(
        fd: Int32, path: String, from start: Int, upTo stop: Int, linesBefore: Int = 0, chunkSize: Int,
        keepAnswers: Bool
    ) {
        lineCount = linesBefore
        self.linesBefore = linesBefore
        self.fd = fd
        self.path = path
        self.stop = stop
        self.keepAnswers = keepAnswers
        buffer = [UInt8](repeating: 0, count: max(chunkSize, 1024))
        position = start
        wholeLinesEnd = start
    }

    /// The next piece's lines; nil when everything up to `stop` was read.
    func next() throws(StoreError) -> Batch? {
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
            if let batch = try decodeWholeLines(atEnd: position >= stop) { return batch }
        }
        // Whatever is left at the end: a last line without its newline (a torn write) is read too.
        return filled > 0 ? try decodeWholeLines(atEnd: true) : nil
    }

    private func decodeWholeLines(atEnd: Bool) throws(StoreError) -> Batch? {
        var batch = Batch()
        let result = buffer.withUnsafeBufferPointer { all in
            Result { () throws(StoreError) -> Int in
                let used = UnsafeBufferPointer(rebasing: all[0..<filled])
                let complete = used.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                let handed = atEnd ? filled : complete
                guard handed > 0 else { return 0 }
                let scanned = try ReviewLogFile.scan(
                    UnsafeBufferPointer(rebasing: used[0..<handed]), source: path, linesBefore: lineCount, ids: &ids,
                    keepAnswers: keepAnswers
                ) { record, line in
                    batch.records.append(record)
                    batch.lines.append(line)
                }
                batch.issues = scanned.issues
                lineCount += scanned.lines
                // A last line without its newline (read at the end) is not a whole line.
                wholeLines = lineCount - linesBefore - (handed > complete ? 1 : 0)
                wholeLinesEnd += complete
                return handed
            }
        }
        let handed = try result.get()
        guard handed > 0 else { return nil }
        buffer.withUnsafeMutableBufferPointer { all in
            if let base = all.baseAddress, filled > handed { memmove(base, base + handed, filled - handed) }
        }
        filled -= handed
        return batch
    }
}
