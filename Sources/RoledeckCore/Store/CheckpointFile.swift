import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `cards.json` and how it is replaced: a value, so a checkpoint can be written on another thread.
struct CheckpointFile: Sendable {
    /// The path of `cards.json`.
    let path: String
    /// The progress folder.
    let folder: String

    /// Replaces the file with `cards`, which include the first `logBytes` bytes of the log, durably.
    ///
    /// The records are checked first, and written a megabyte at a time. A current file that cannot
    /// be read (damaged) is first kept under a new name (`cards.json.damaged`, …); a file of a
    /// newer version is refused. Returns where a damaged file was kept and why, if one was.
    @discardableResult
    func write(_ cards: [CardID: CardRecord], logBytes: Int) throws(StoreError) -> SetAsideFile? {
        if let problem = ProgressLimits.check(cards: cards, logBytes: logBytes) {
            throw .unwritable(file: path, field: problem.field, value: problem.value, expected: problem.expected)
        }
        let kept = try keepIfUnreadable()
        try DurableFile.replace(path, folder: folder) { sink throws(StoreError) in
            try CardsFile.encode(cards, logBytes: logBytes, into: sink)
        }
        return kept
    }

    /// Keeps a file that cannot be read under a new name before it is replaced; refuses a newer one.
    func keepIfUnreadable() throws(StoreError) -> SetAsideFile? {
        guard let current = try DurableFile.read(path) else { return nil }
        do throws(StoreError) {
            _ = try CardsFile.decodeSnapshot(current, source: path)
            return nil
        } catch {
            if case .newerSchema = error { throw error }
            return SetAsideFile(url: try keepCopy(suffix: ".damaged"), reason: error)
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
            guard errno == EEXIST else { throw .io(path: target, operation: "keep a copy at", code: errno) }
            attempt += 1
        }
    }
}

/// A `cards.json` that could not be read, kept under another name before a checkpoint replaced it.
public struct SetAsideFile: Equatable, Sendable {
    /// Where it is now.
    public var url: URL
    /// Why it could not be read.
    public var reason: StoreError
}
