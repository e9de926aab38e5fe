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

    @inline(__always) private func reserve(_ more: Int) {
        if count + more > capacity { grow(more) }
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

    /// The bytes written, as an array.
    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Forgets the bytes written, keeping the room.
    func removeAll() {
        count = 0
    }
}
