import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `cards.json` and how it is replaced.
struct CheckpointFile: Sendable {
    /// The path of `cards.json`.
    let path: String
    /// The progress folder.
    let folder: String

    /// Replaces the file with `cards`, which include the first `logBytes` bytes of the log, durably;
    /// with `fold`, the rest of the log's fold at that point (see `FoldCheckpoint`).
    ///
    /// The records are checked first, and written a megabyte at a time, so a checkpoint never
    /// holds all 30 MB at once. The file it replaces is not read again: a session opens `cards.json`
    /// either as a checkpoint of exactly its log (its last lines agree, so it holds nothing the log
    /// does not) or by reading it whole; and a file of a newer version stops the store from opening.
    /// A fold that would not read back (`FoldCheckpoint.isConsistent`) is left out, not written.
    func write(_ cards: [CardID: CardRecord], logBytes: Int, fold: FoldCheckpoint? = nil) throws(StoreError) {
        if let problem = ProgressLimits.check(cards: cards, logBytes: logBytes) {
            throw .unwritable(file: path, field: problem.field, value: problem.value, expected: problem.expected)
        }
        let fold = fold.flatMap { $0.isConsistent(logBytes: logBytes) ? $0 : nil }
        try DurableFile.replace(path, folder: folder) { sink throws(StoreError) in
            try CardsFile.encode(cards, logBytes: logBytes, fold: fold, into: sink)
        }
    }

    /// A hard link to the file named `cards.json<suffix>`, then `-2`, `-3`, …: its bytes are never rewritten.
    func keepCopy(suffix: String) throws(StoreError) -> URL {
        var attempt = 1
        while true {
            let target = path + suffix + (attempt == 1 ? "" : "-\(attempt)")
            if link(path, target) == 0 {
                try DurableFile.syncFolder(folder)
                return URL(fileURLWithPath: target)
            }
            guard errno == EEXIST else { throw .io(path: target, operation: .keepCopy, code: errno) }
            attempt += 1
        }
    }
}
