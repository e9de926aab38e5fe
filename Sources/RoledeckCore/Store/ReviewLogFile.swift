import Foundation

/// The text core of `reviews.jsonl`: one JSON object per line, each with its `schemaVersion`.
///
/// There is no header line: every line carries `"schemaVersion": 1`, so lines stay
/// self-describing when a crash tears one or a tool greps a few out.
///
/// A line that cannot be read is reported and skipped, never thrown and never removed: the
/// log is the evidence the card states are rebuilt from, and one bad line must not lock the
/// learner out. A last line without its newline is a torn append (the process died inside
/// write(2)); it was never acknowledged, so ignoring it loses nothing. A line whose
/// `schemaVersion` is newer than this build is different: the whole file is refused.
public enum ReviewLogFile {
    /// The version this build writes and the newest it reads.
    public static let currentSchemaVersion = 1
    /// The file's name inside the progress folder.
    public static let fileName = "reviews.jsonl"

    /// One line, newline included, for `record` (sorted keys, no spaces).
    public static func encodeLine(_ record: LogRecord) -> Data {
        var data = FastEncoding.logLine(record)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// The lines of `data`; blank lines are skipped, unreadable ones reported.
    public static func decode(_ data: Data, source: String = fileName) throws(StoreError) -> ReviewLogContents {
        var records: [LogRecord] = []
        var lines: [Int] = []
        let scan = try scan(data, source: source) { record, line in
            records.append(record)
            lines.append(line)
        }
        return ReviewLogContents(
            records: records, recordLines: lines, issues: scan.issues, needsLeadingNewline: scan.needsLeadingNewline)
    }

    /// Calls `body` with each readable line and its 1-based number, in file order, without
    /// keeping them: a log of any length is read in the memory of one line.
    ///
    /// Returns the unreadable lines; throws only when a line is from a newer roledeck.
    public static func scan(
        _ data: Data, source: String = fileName, _ body: (LogRecord, Int) -> Void
    ) throws(StoreError) -> (issues: [LogLineIssue], needsLeadingNewline: Bool) {
        let result = try scan(data, source: source, linesBefore: 0, body)
        return (result.issues, result.needsLeadingNewline)
    }

    /// `scan` of one piece of a longer log, whose first line is line `linesBefore + 1`; also
    /// returns how many lines the piece held, so pieces can be read one after another.
    static func scan(
        _ data: Data, source: String, linesBefore: Int, _ body: (LogRecord, Int) -> Void
    ) throws(StoreError) -> (issues: [LogLineIssue], needsLeadingNewline: Bool, lines: Int) {
        var ids = CardIDTable()
        return try scan(data, source: source, linesBefore: linesBefore, ids: &ids, keepAnswers: true, body)
    }

    /// `scan` with card ids kept in `ids` from piece to piece, and answers left out unless `keepAnswers`.
    static func scan(
        _ data: Data, source: String, linesBefore: Int, ids: inout CardIDTable, keepAnswers: Bool,
        _ body: (LogRecord, Int) -> Void
    ) throws(StoreError) -> (issues: [LogLineIssue], needsLeadingNewline: Bool, lines: Int) {
        let result = data.withUnsafeBytes { raw in
            Result { () throws(StoreError) in
                try scan(
                    raw.bindMemory(to: UInt8.self), source: source, linesBefore: linesBefore, ids: &ids,
                    keepAnswers: keepAnswers, body)
            }
        }
        let scanned = try result.get()
        return (scanned.issues, data.last.map { $0 != 0x0A } ?? false, scanned.lines)
    }

    /// `scan` of bytes in memory, read where they lie.
    static func scan(
        _ all: UnsafeBufferPointer<UInt8>, source: String, linesBefore: Int, ids: inout CardIDTable,
        keepAnswers: Bool, _ body: (LogRecord, Int) -> Void
    ) throws(StoreError) -> (issues: [LogLineIssue], lines: Int) {
        var issues: [LogLineIssue] = []
        var lineNumber = linesBefore
        guard let base = all.baseAddress else { return ([], 0) }
        var start = 0
        while start < all.count {
            lineNumber += 1
            let found = memchr(base + start, 0x0A, all.count - start)
            let end = found.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? all.count
            let line = UnsafeBufferPointer(rebasing: all[start..<end])
            start = end + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            do throws(StoreError) {
                let record: LogRecord
                if let quick = try? FastDecoding.logLine(line, ids: &ids, keepAnswer: keepAnswers) {
                    record = quick
                } else {
                    record = try LogLineDecoder.decode(Data(buffer: line), source: source, line: lineNumber)
                }
                if let problem = ProgressLimits.check(record) {
                    throw StoreError.damaged(
                        file: source, position: FilePosition(line: lineNumber, column: 1), field: problem.field,
                        reason: problem.reason)
                }
                body(record, lineNumber)
            } catch {
                if case .newerSchema = error { throw error }
                issues.append(
                    LogLineIssue(line: lineNumber, error: located(error, line: lineNumber), isTornTail: found == nil))
            }
        }
        return (issues, lineNumber - linesBefore)
    }

    /// A field error has no position from Foundation; the line at least is known.
    private static func located(_ error: StoreError, line: Int) -> StoreError {
        guard case .damaged(let file, let position, let field, let reason) = error, position == nil else {
            return error
        }
        return .damaged(file: file, position: FilePosition(line: line, column: 1), field: field, reason: reason)
    }
}
