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
        }
    }
}
