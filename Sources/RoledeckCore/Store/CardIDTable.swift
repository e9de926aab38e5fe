import Foundation

/// Card ids met while reading a log, found again by their bytes: a million lines name a hundred
/// thousand cards, and each id is made (and checked for NFC) once instead of once a line.
struct CardIDTable {
    private var slots: [(hash: UInt64, id: CardID)?] = Array(repeating: nil, count: 1 << 10)
    private var count = 0

    /// The id spelled by `bytes`, made the first time it is met.
    mutating func id(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONCursor.Mismatch) -> CardID {
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while let (stored, existing) = slots[slot] {
            if stored == hash && Self.same(existing, bytes) { return existing }
            slot = (slot + 1) & mask
        }
        let made = CardID(rawValue: try JSONCursor.text(bytes))
        // An id that normalises to other bytes is not kept under these ones.
        guard Self.same(made, bytes) else { return made }
        slots[slot] = (hash, made)
        count += 1
        if count * 2 > slots.count { grow() }
        return made
    }

    /// A hash of the bytes, eight at a time.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            offset += 8
        }
        while offset < bytes.count {
            hash = (hash ^ UInt64(bytes[offset])) &* 0x0000_0100_0000_01B3
            offset += 1
        }
        return hash ^ (hash >> 29)
    }

    private static func same(_ id: CardID, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let equal = id.rawValue.utf8.withContiguousStorageIfAvailable { stored -> Bool in
            guard stored.count == bytes.count else { return false }
            guard let left = stored.baseAddress, let right = bytes.baseAddress else { return true }
            return memcmp(left, right, bytes.count) == 0
        }
        return equal ?? id.rawValue.utf8.elementsEqual(bytes)
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: nil, count: old.count * 2)
        let mask = slots.count - 1
        for case (let hash, let id)? in old {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != nil { slot = (slot + 1) & mask }
            slots[slot] = (hash, id)
        }
    }
}
