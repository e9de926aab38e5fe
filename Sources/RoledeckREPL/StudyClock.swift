import Foundation

/// The two clocks a session reads, injected: the wall clock for scheduling (frozen with `--now`)
/// and a monotonic one for how long an answer took (a fixed script in tests).
public struct StudyClock {
    /// The time reviews are stamped with.
    public var now: () -> Date
    /// Monotonic nanoseconds; only differences are used.
    public var monotonicNanoseconds: () -> UInt64
    /// Whether the wall clock moves, so waiting for a learning card makes it come due (not under `--now`).
    public var moves: Bool

    public init(now: @escaping () -> Date, monotonicNanoseconds: @escaping () -> UInt64, moves: Bool = true) {
        self.now = now
        self.monotonicNanoseconds = monotonicNanoseconds
        self.moves = moves
    }

    /// The system's clocks, or a frozen wall clock at `frozen` (`--now`) with the real monotonic one.
    public static func system(frozenAt frozen: Date? = nil) -> StudyClock {
        StudyClock(
            now: { frozen ?? Date() },
            monotonicNanoseconds: { DispatchTime.now().uptimeNanoseconds }, moves: frozen == nil)
    }
}

/// A random generator of any kind behind one concrete type: seeded in tests, the system's in the executable.
public struct RandomSource: RandomNumberGenerator {
    private var base: any RandomNumberGenerator

    public init(_ base: some RandomNumberGenerator) {
        self.base = base
    }

    public mutating func next() -> UInt64 {
        base.next()
    }
}
