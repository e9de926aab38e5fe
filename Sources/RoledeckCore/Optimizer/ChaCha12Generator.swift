/// ChaCha with 12 rounds as a random number generator, seeded the way Rust's `rand` seeds its
/// `StdRng` from a `u64`, so a fit shuffles its batches in the very order fsrs-rs does.
///
/// The 32-byte key is filled by a PCG32 stream started at the seed; the block counter is 64 bits
/// (words 12 and 13) and the stream number is zero. Words come out block after block, each in
/// little-endian order; `next()` joins two of them, the earlier one in the low half.
public struct ChaCha12Generator: RandomNumberGenerator, Sendable {
    private var key: [UInt32]
    private var counter: UInt64 = 0
    private var block = [UInt32](repeating: 0, count: 16)
    private var index = 16

    /// The generator `rand`'s `StdRng::seed_from_u64(seed)` is.
    public init(seed: UInt64) {
        var state = seed
        var key: [UInt32] = []
        for _ in 0..<8 {
            state = state &* 6_364_136_223_846_793_005 &+ 11_634_580_027_462_260_723
            let xorshifted = UInt32(truncatingIfNeeded: ((state >> 18) ^ state) >> 27)
            let rotation = UInt32(truncatingIfNeeded: state >> 59)
            key.append(xorshifted >> rotation | xorshifted << ((32 &- rotation) & 31))
        }
        self.key = key
    }

    /// The generator with this 32-byte key (`from_seed`), for checking against published values.
    public init(key bytes: [UInt8]) {
        precondition(bytes.count == 32, "a ChaCha key has 32 bytes")
        key = (0..<8).map { word in
            (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[word * 4 + $1]) << (8 * $1) }
        }
    }

    /// The next 32 random bits.
    public mutating func nextUInt32() -> UInt32 {
        if index == 16 { refill() }
        defer { index += 1 }
        return block[index]
    }

    /// The next 64 random bits: two words, the first one low.
    public mutating func next() -> UInt64 {
        let low = UInt64(nextUInt32())
        return low | UInt64(nextUInt32()) << 32
    }

    private mutating func refill() {
        var input: [UInt32] = [0x6170_7865, 0x3320_646E, 0x7962_2D32, 0x6B20_6574]
        input += key
        input += [UInt32(truncatingIfNeeded: counter), UInt32(truncatingIfNeeded: counter >> 32), 0, 0]
        var x = input
        for _ in 0..<6 {
            Self.quarterRound(&x, 0, 4, 8, 12)
            Self.quarterRound(&x, 1, 5, 9, 13)
            Self.quarterRound(&x, 2, 6, 10, 14)
            Self.quarterRound(&x, 3, 7, 11, 15)
            Self.quarterRound(&x, 0, 5, 10, 15)
            Self.quarterRound(&x, 1, 6, 11, 12)
            Self.quarterRound(&x, 2, 7, 8, 13)
            Self.quarterRound(&x, 3, 4, 9, 14)
        }
        for word in 0..<16 { block[word] = x[word] &+ input[word] }
        counter &+= 1
        index = 0
    }

    private static func quarterRound(_ x: inout [UInt32], _ a: Int, _ b: Int, _ c: Int, _ d: Int) {
        x[a] = x[a] &+ x[b]
        x[d] = rotate(x[d] ^ x[a], 16)
        x[c] = x[c] &+ x[d]
        x[b] = rotate(x[b] ^ x[c], 12)
        x[a] = x[a] &+ x[b]
        x[d] = rotate(x[d] ^ x[a], 8)
        x[c] = x[c] &+ x[d]
        x[b] = rotate(x[b] ^ x[c], 7)
    }

    private static func rotate(_ value: UInt32, _ bits: UInt32) -> UInt32 {
        value << bits | value >> (32 - bits)
    }
}
