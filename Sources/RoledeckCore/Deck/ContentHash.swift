/// A 256-bit hash of a file's bytes, for telling a changed file from the one a cache was made from:
/// four lanes of `ByteHash`'s step over consecutive eight-byte words, so any edit changes it (a step
/// is one-to-one in the lane for a given word) and a large file is hashed at the speed it is read.
/// The bytes may come in pieces of any size. Only for caches: nothing a learner wrote is judged by it.
struct ContentHash: Equatable, Sendable {
    private(set) var lanes: [UInt64] = [
        0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0x27D4_EB2F_1656_67C5,
    ]
    private(set) var length = 0
    private var pending: [UInt8] = []

    init() {}

    /// The hash of `bytes` in one piece.
    init(of bytes: UnsafeRawBufferPointer) {
        add(bytes)
        finish()
    }

    /// Adds the next piece of the bytes.
    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        length += bytes.count
        if !pending.isEmpty {
            let taken = min(32 - pending.count, bytes.count)
            pending += bytes[0..<taken]
            offset = taken
            guard pending.count == 32 else { return }
            pending.withUnsafeBytes { mix($0, from: 0) }
            pending.removeAll(keepingCapacity: true)
        }
        guard let base = bytes.baseAddress else { return }
        var a = lanes[0]
        var b = lanes[1]
        var c = lanes[2]
        var d = lanes[3]
        while offset + 32 <= bytes.count {
            a = Self.step(a, base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            b = Self.step(b, base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            c = Self.step(c, base.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            d = Self.step(d, base.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
            offset += 32
        }
        lanes = [a, b, c, d]
        pending += bytes[offset...]
    }

    /// Takes in the last bytes short of a whole block, and the length.
    mutating func finish() {
        var tail = pending
        tail += [UInt8](repeating: 0, count: 32 - tail.count)
        tail.withUnsafeBytes { mix($0, from: 0) }
        pending.removeAll()
        lanes[0] = Self.step(lanes[0], UInt64(length))
    }

    private mutating func mix(_ block: UnsafeRawBufferPointer, from offset: Int) {
        for lane in 0..<4 {
            lanes[lane] = Self.step(
                lanes[lane], block.loadUnaligned(fromByteOffset: offset + lane * 8, as: UInt64.self))
        }
    }

    @inline(__always) private static func step(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (lane ^ UInt64(littleEndian: word)) &* 0xFF51_AFD7_ED55_8CCD
        return mixed ^ (mixed >> 32)
    }
}
