/// Shuffles the way Rust's `rand` 0.10 shuffles a slice, so that with the same generator the batches
/// of a fit are visited in fsrs-rs's order.
///
/// It is Fisher–Yates going up: position i swaps with a uniform index in 0...i. The indices are
/// drawn several at a time: one 32-bit draw below (i+1)(i+2)…(i+k), the largest such product that
/// fits, is split into k digits. Each draw below a bound uses Canon's widening multiply with one
/// extra word when the low half is too close to the top.
enum BatchShuffle {
    /// Puts `items` in a random order drawn from `generator`.
    static func shuffle<Element>(_ items: inout [Element], using generator: inout ChaCha12Generator) {
        guard items.count > 1 else { return }
        var dice = IncreasingDice()
        for position in 0..<items.count {
            let other = dice.next(using: &generator)
            items.swapAt(position, other)
        }
    }

    /// A uniform number below `bound` (which is positive), as `rand` draws one for a `u32` range.
    static func uniform(below bound: UInt32, using generator: inout ChaCha12Generator) -> UInt32 {
        let product = UInt64(generator.nextUInt32()) * UInt64(bound)
        var result = UInt32(truncatingIfNeeded: product >> 32)
        let low = UInt32(truncatingIfNeeded: product)
        if low > 0 &- bound {
            let extra = UInt32(truncatingIfNeeded: (UInt64(generator.nextUInt32()) * UInt64(bound)) >> 32)
            if low.addingReportingOverflow(extra).overflow { result += 1 }
        }
        return result
    }

    /// Returns a uniform index in 0...n and then counts n up, starting from n = 0.
    private struct IncreasingDice {
        var n: UInt32 = 0
        var chunk: UInt32 = 0
        // With n = 0 the first index is always 0 and takes no draw.
        var remaining: UInt8 = 1

        mutating func next(using generator: inout ChaCha12Generator) -> Int {
            let nextN = n + 1
            let nextRemaining: UInt8
            if remaining > 0 {
                nextRemaining = remaining - 1
            } else {
                let (bound, count) = Self.bound(startingAt: nextN)
                chunk = BatchShuffle.uniform(below: bound, using: &generator)
                nextRemaining = count - 1
            }
            let result: UInt32
            if nextRemaining == 0 {
                result = chunk
            } else {
                result = chunk % nextN
                chunk /= nextN
            }
            remaining = nextRemaining
            n = nextN
            return Int(result)
        }

        /// The largest product m(m+1)…(m+k-1) that fits in 32 bits, and k.
        static func bound(startingAt m: UInt32) -> (UInt32, UInt8) {
            var product = m
            var current = m + 1
            while true {
                let (next, overflow) = product.multipliedReportingOverflow(by: current)
                if overflow { return (product, UInt8(current - m)) }
                product = next
                current += 1
            }
        }
    }
}
