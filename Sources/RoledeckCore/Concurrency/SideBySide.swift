import Foundation

/// Work cut into pieces run on as many threads as there are cores, each piece's result in its place.
enum SideBySide {
    /// `body` of 0..<count, side by side; the results in index order.
    static func map<Value: Sendable>(_ count: Int, _ body: @Sendable (Int) -> Value) -> [Value] {
        let results = Results<Value>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in results.set(index, body(index)) }
        return results.all
    }

    /// What the threads give, each in its place.
    private final class Results<Value: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Value?]

        init(count: Int) {
            values = Array(repeating: nil, count: count)
        }

        func set(_ index: Int, _ value: Value) {
            lock.lock()
            values[index] = value
            lock.unlock()
        }

        /// Every value (each was set: `concurrentPerform` returns once every index ran).
        var all: [Value] {
            lock.lock()
            defer { lock.unlock() }
            return values.compactMap { $0 }
        }
    }
}
