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
struct BinaryReader {
    /// The bytes do not hold what was expected.
    struct Invalid: Error {}

    let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var atEnd: Bool { offset == bytes.count }

    private mutating func take(_ count: Int) throws(Invalid) -> UnsafeRawBufferPointer {
        guard count >= 0, bytes.count - offset >= count else { throw Invalid() }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
    }

    mutating func u8() throws(Invalid) -> UInt8 { try take(1)[0] }

    mutating func i32() throws(Invalid) -> Int32 {
        Int32(littleEndian: try take(4).loadUnaligned(as: Int32.self))
    }

    mutating func i64() throws(Invalid) -> Int64 {
        Int64(littleEndian: try take(8).loadUnaligned(as: Int64.self))
    }

    mutating func u64() throws(Invalid) -> UInt64 {
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
        guard value >= 0, value * max(1, minimumSize) <= bytes.count - offset else { throw Invalid() }
        return value
    }

    mutating func string() throws(Invalid) -> String {
        let length = try count(minimumSize: 1)
        let raw = try take(length)
        guard let text = String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self) else { throw Invalid() }
        return text
    }
}
