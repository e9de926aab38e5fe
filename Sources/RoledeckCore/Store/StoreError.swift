import Foundation

/// Everything that can go wrong reading or writing the progress folder.
public enum StoreError: Error, Equatable, Sendable, LocalizedError {
    /// Another process holds the progress lock; `pid` is the one it wrote, if readable.
    case locked(path: String, pid: Int32?)
    /// A file cannot be read as the format it should have; `position` or `field` say where.
    case damaged(file: String, position: FilePosition?, field: String?, reason: String)
    /// A file was written by a newer roledeck; it is left exactly as it is.
    case newerSchema(file: String, found: Int, supported: Int)
    /// The store was opened read-only and something tried to write.
    case readOnly(path: String)
    /// A system call failed; `code` is the errno.
    case io(path: String, operation: String, code: Int32)
    /// A value could not be saved because it could not be read back; nothing was written.
    case unwritable(file: String, field: String, value: String, expected: String)
    /// The review log holds fewer bytes than `cards.json` says it includes (or none at all): it was
    /// cut, deleted or replaced by an older copy. Nothing is written until the learner decides.
    case logShorterThanCheckpoint(log: String, logBytes: Int?, checkpointBytes: Int)
    /// An earlier save failed, so this session saves nothing more.
    case sessionStopped(reason: String)

    /// One sentence a learner can act on.
    public var errorDescription: String? {
        switch self {
        case .locked(let path, let pid):
            let holder = pid.map { "process \($0)" } ?? "another process"
            return "The progress folder is in use by \(holder) (lock file \(path)); "
                + "close the other roledeck session and try again."
        case .damaged(let file, let position, let field, let reason):
            var place = file
            if let position { place += ":\(position.line):\(position.column)" }
            if let field { place += " at \(field)" }
            let advice =
                file.hasSuffix(CardsFile.fileName)
                ? "; it was left untouched, and `roledeck doctor` rebuilds the card states from the review log."
                : "; it was left untouched."
            return "\(place): cannot read this (\(reason))\(advice)"
        case .newerSchema(let file, let found, let supported):
            return "\(file) has schema version \(found) but this roledeck reads up to version "
                + "\(supported); it was left untouched: update roledeck to use it."
        case .readOnly(let path):
            return "The progress folder \(path) was opened read-only, so nothing can be saved."
        case .io(let path, let operation, let code):
            return "Cannot \(operation) \(path): \(String(cString: strerror(code)))."
        case .unwritable(let file, let field, let value, let expected):
            return "Cannot save to \(file): \(field) would be \(value), but it must be \(expected) to be read back; "
                + "nothing was written."
        case .logShorterThanCheckpoint(let log, let logBytes, let checkpointBytes):
            let found = logBytes.map { "holds only \($0) bytes" } ?? "is missing"
            return "\(log) \(found), but cards.json includes \(checkpointBytes) bytes of it: the log is shorter than "
                + "the checkpoint (cut, deleted or replaced by an older copy). Nothing was changed. Put the log back "
                + "from a backup, or run `roledeck doctor` to see what can be done."
        case .sessionStopped(let reason):
            return "Nothing more is saved in this session after an earlier failure: \(reason)"
        }
    }
}
