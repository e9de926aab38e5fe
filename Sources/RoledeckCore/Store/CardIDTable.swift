import Foundation

/// Card ids met while reading a log, found again by their bytes: a million lines name a hundred
/// thousand cards, and each id is made (and checked for NFC) once instead of once a line.
struct CardIDTable {
    private var slots: [(hash: UInt64, id: CardID)?] = Array(repeating: nil, count: 1 << 10)
    private var count = 0

    /// The id spelled by `bytes`, made the first time it is met.
    mutating func id(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONCursor.Mismatch) -> CardID {
        let hash = ByteHash.of(bytes)
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
