import Foundation

/// Reads one line of `reviews.jsonl` the slow, thorough way: checks its `schemaVersion`, then
/// decodes the record with `JSONDecoder`, whose errors say what is wrong and where.
enum LogLineDecoder {
    /// The record on `bytes`, line `line` of `source`.
    static func decode(_ bytes: Data, source: String, line: Int) throws(StoreError) -> LogRecord {
        let probe = try StoreJSON.decode(
            CardsFile.VersionProbe.self, from: bytes, source: source, lineOffset: line - 1)
        let version = probe.schemaVersion ?? 0
        if version > ReviewLogFile.currentSchemaVersion {
            throw .newerSchema(file: source, found: version, supported: ReviewLogFile.currentSchemaVersion)
        }
        guard version == ReviewLogFile.currentSchemaVersion else {
            throw .damaged(
                file: source, position: FilePosition(line: line, column: 1), field: "schemaVersion",
                reason: "알 수 없는 버전 \(version)")
        }
        return try StoreJSON.decode(LogRecord.self, from: bytes, source: source, lineOffset: line - 1)
    }
}
