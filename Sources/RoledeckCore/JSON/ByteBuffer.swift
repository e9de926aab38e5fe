/// Bytes written a few at a time, for `JSONWriter`: a plain growing buffer, without the checks an
/// Array makes on every append (a million replay results are hundreds of millions of appends).
///
/// Owned by one writer at a time; it is not shared between threads while written.
final class ByteBuffer: @unchecked Sendable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes are written.
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// Makes room for `more` bytes, so that as many `appendReserved` calls need no check.
    @inline(__always) func reserve(_ more: Int) {
        if count + more > capacity { grow(more) }
    }

    /// Appends a byte in room made by `reserve`.
    @inline(__always) func appendReserved(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    /// The two digits of every number below 100, one after another ("00", "01", … "99").
    private static let digitPairs: StaticString = """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """

    /// Appends `value` (0…99) as two digits, in room made by `reserve`.
    @inline(__always) func appendReservedPair(_ value: Int) {
        let pair = Self.digitPairs.utf8Start + 2 * value
        base[count] = pair[0]
        base[count + 1] = pair[1]
        count += 2
    }

    /// Writes `value`'s decimal digits (and a minus sign) in one go, without a String in between.
    func appendDecimal(_ value: Int) {
        reserve(21)
        if value < 0 { appendReserved(UInt8(ascii: "-")) }
        // The magnitude as unsigned, so Int.min has one too.
        var rest = value.magnitude
        if rest < 10 {
            appendReserved(0x30 + UInt8(truncatingIfNeeded: rest))
            return
        }
        if rest < 100 {
            appendReservedPair(Int(rest))
            return
        }
        // Digits two at a time from the right, into the 20 bytes a UInt64 needs at most.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { raw in
            let pairs = Self.digitPairs.utf8Start
            var at = 24
            while rest >= 100 {
                let (quotient, remainder) = rest.quotientAndRemainder(dividingBy: 100)
                at -= 2
                raw[at] = pairs[2 * Int(remainder)]
                raw[at + 1] = pairs[2 * Int(remainder) + 1]
                rest = quotient
            }
            if rest >= 10 {
                at -= 2
                raw[at] = pairs[2 * Int(rest)]
                raw[at + 1] = pairs[2 * Int(rest) + 1]
            } else {
                at -= 1
                raw[at] = 0x30 + UInt8(truncatingIfNeeded: rest)
            }
            guard let start = raw.baseAddress else { return }
            append(start + at, count: 24 - at)
        }
    }

    private func grow(_ more: Int) {
        var grown = capacity * 2
        while grown < count + more { grown *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = grown
    }

    @inline(__always) func append(_ byte: UInt8) {
        if count == capacity { grow(1) }
        base[count] = byte
        count += 1
    }

    @inline(__always) func append(_ pointer: UnsafeRawPointer, count length: Int) {
        reserve(length)
        (base + count).update(from: pointer.assumingMemoryBound(to: UInt8.self), count: length)
        count += length
    }

    func append(contentsOf bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            if let start = buffer.baseAddress { append(start, count: buffer.count) }
        }
        if done == nil {
            for byte in bytes { append(byte) }
        }
    }

    /// Adds again the bytes at `start..<end`.
    func repeatBytes(from start: Int, to end: Int) {
        let length = end - start
        reserve(length)
        (base + count).update(from: base + start, count: length)
        count += length
    }

    /// Lends the bytes written, without copying them.
    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// The bytes written, as an array.
    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Forgets the bytes written, keeping the room.
    func removeAll() {
        count = 0
    }
}

/// A `ByteBuffer` as a text stream: a number writes its ASCII digits (`_writeASCII`) without a String.
struct ByteSink: TextOutputStream {
    let buffer: ByteBuffer

    mutating func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
    }

    mutating func _writeASCII(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        buffer.append(start, count: bytes.count)
    }
}
