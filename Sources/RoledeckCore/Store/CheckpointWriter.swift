import Foundation

/// Writes `cards.json` checkpoints on a thread of its own, so an answer never waits for 30 MB of JSON.
///
/// One checkpoint at a time: `submit` declines while one is being written (the caller tries again
/// at its next change). The states handed over are a copy (copy-on-write) of the session's, and
/// `logBytes` says how much of the log they include, so the file is a true checkpoint whenever it is
/// renamed into place; the log holds everything after it. A failure is kept for the session to report.
final class CheckpointWriter: @unchecked Sendable {
    private let queue = DispatchQueue(label: "roledeck.checkpoint")
    private let lock = NSLock()
    private var busy = false
    private var failure: StoreError?
    private let write: @Sendable ([CardID: CardRecord], Int) throws(StoreError) -> Void

    /// A writer that calls `write` with the states and how many log bytes they include.
    init(write: @escaping @Sendable ([CardID: CardRecord], Int) throws(StoreError) -> Void) {
        self.write = write
    }

    /// Starts writing a checkpoint; false when one is still being written.
    func submit(_ cards: [CardID: CardRecord], logBytes: Int) -> Bool {
        lock.lock()
        guard !busy else {
            lock.unlock()
            return false
        }
        busy = true
        lock.unlock()
        queue.async { [self] in
            var error: StoreError?
            do throws(StoreError) {
                try write(cards, logBytes)
            } catch let failed {
                error = failed
            }
            lock.lock()
            busy = false
            if failure == nil { failure = error }
            lock.unlock()
        }
        return true
    }

    /// Waits for the checkpoint being written, if any; returns the first failure and forgets it.
    func finish() -> StoreError? {
        queue.sync {}
        return takeFailure()
    }

    /// The first failure of a checkpoint written so far, forgotten once taken.
    func takeFailure() -> StoreError? {
        lock.lock()
        defer { lock.unlock() }
        let taken = failure
        failure = nil
        return taken
    }
}
