import Foundation

/// Little-endian binary writing for derived caches (never for a learner's own data, which is JSON).
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    /// Hands over the bytes written so far and starts an empty buffer.
    mutating func drain() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    mutating func u8(_ value: UInt8) { bytes.append(value) }

    mutating func i32(_ value: Int32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func i64(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func u64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func f64(_ value: Double) { u64(value.bitPattern) }

    /// NaN stands for nil: none of the optional numbers stored is ever NaN.
    mutating func f64(_ value: Double?) { f64(value ?? .nan) }

    mutating func string(_ text: String) {
        i32(Int32(text.utf8.count))
        bytes.append(contentsOf: text.utf8)
    }
}

/// Reads what `BinaryWriter` wrote; any shortfall or nonsense throws, and the cache is rebuilt.
///
/// Reads from bytes in memory, or from a file a megabyte at a time (`init?(path:)`), so a 30 MB cache
/// is never held whole while what it describes is being built.
struct BinaryReader {
    /// The bytes do not hold what was expected.
    struct Invalid: Error {}

    private var window: UnsafeRawBufferPointer
    private var offset = 0
    /// Bytes read before the window.
    private var before = 0
    private let total: Int
    private let file: ChunkedFile?

    init(_ bytes: UnsafeRawBufferPointer) {
        window = bytes
        total = bytes.count
        file = nil
    }

    /// A reader of the file at `path`; nil when it cannot be opened.
    init?(path: String) {
        guard let file = ChunkedFile(path: path) else { return nil }
        self.file = file
        total = file.size
        window = UnsafeRawBufferPointer(start: nil, count: 0)
    }

    var atEnd: Bool { before + offset == total }

    private var remaining: Int { total - before - offset }

    /// The next `count` bytes. Inlined into each reader of a value, with the refill out of line: a
    /// warm start reads a few million values here (a tenth of its instructions went to the call).
    @inline(__always) private mutating func take(_ count: Int) throws(Invalid) -> UnsafeRawBufferPointer {
        guard count >= 0, remaining >= count else { throw Invalid() }
        if window.count - offset < count { try refill(atLeast: count) }
        let start = offset
        offset += count
        return UnsafeRawBufferPointer(rebasing: window[start..<(start + count)])
    }

    /// Moves the window on in the file so that it holds `count` bytes from the current place.
    @inline(never) private mutating func refill(atLeast count: Int) throws(Invalid) {
        guard let file else { throw Invalid() }
        before += offset
        window = try file.refill(keeping: UnsafeRawBufferPointer(rebasing: window[offset...]), atLeast: count)
        offset = 0
    }

    @inline(__always) mutating func u8() throws(Invalid) -> UInt8 { try take(1)[0] }

    @inline(__always) mutating func i32() throws(Invalid) -> Int32 {
        Int32(littleEndian: try take(4).loadUnaligned(as: Int32.self))
    }

    @inline(__always) mutating func i64() throws(Invalid) -> Int64 {
        Int64(littleEndian: try take(8).loadUnaligned(as: Int64.self))
    }

    @inline(__always) mutating func u64() throws(Invalid) -> UInt64 {
        UInt64(littleEndian: try take(8).loadUnaligned(as: UInt64.self))
    }

    mutating func f64() throws(Invalid) -> Double { Double(bitPattern: try u64()) }

    mutating func optionalF64() throws(Invalid) -> Double? {
        let value = try f64()
        return value.isNaN ? nil : value
    }

    /// A count of things to follow, each at least `minimumSize` bytes: a corrupt count cannot ask for the moon.
    mutating func count(minimumSize: Int) throws(Invalid) -> Int {
        let value = Int(try i32())
        guard value >= 0, value * max(1, minimumSize) <= remaining else { throw Invalid() }
        return value
    }

    mutating func string() throws(Invalid) -> String {
        let length = try count(minimumSize: 1)
        let raw = try take(length)
        // As `JSONCursor.text`: UTF-8 validated without a generic lookup per call (100,000 card ids).
        guard let text = String._tryFromUTF8(raw.bindMemory(to: UInt8.self)) else { throw Invalid() }
        return text
    }
}

/// A file read a megabyte at a time into one buffer, for `BinaryReader`.
final class ChunkedFile {
    let size: Int
    private let fd: Int32
    private var buffer: UnsafeMutableRawBufferPointer
    private var position = 0

    init?(path: String) {
        guard let fd = try? DurableFile.open(path, flags: O_RDONLY) else { return nil }
        guard let size = try? DurableFile.size(of: fd, path: path) else {
            close(fd)
            return nil
        }
        self.fd = fd
        self.size = size
        buffer = .allocate(byteCount: 1 << 20, alignment: 8)
    }

    deinit {
        buffer.deallocate()
        close(fd)
    }

    /// The buffer with `kept` (the unread end of the last window) at its start and at least `count`
    /// bytes in all, read from the file.
    func refill(keeping kept: UnsafeRawBufferPointer, atLeast count: Int) throws(BinaryReader.Invalid)
        -> UnsafeRawBufferPointer
    {
        if count > buffer.count {
            let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: count + (1 << 20), alignment: 8)
            if let source = kept.baseAddress, let target = grown.baseAddress {
                target.copyMemory(from: source, byteCount: kept.count)
            }
            buffer.deallocate()
            buffer = grown
        } else if let source = kept.baseAddress, let target = buffer.baseAddress, kept.count > 0 {
            target.copyMemory(from: source, byteCount: kept.count)
        }
        var filled = kept.count
        while filled < count || (filled < buffer.count && position < size) {
            guard let base = buffer.baseAddress else { throw BinaryReader.Invalid() }
            let read = pread(fd, base + filled, buffer.count - filled, off_t(position))
            if read < 0 && errno == EINTR { continue }
            guard read > 0 else { break }
            filled += read
            position += read
        }
        guard filled >= count else { throw BinaryReader.Invalid() }
        return UnsafeRawBufferPointer(rebasing: buffer[0..<filled])
    }
}
