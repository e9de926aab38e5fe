import Foundation

/// Values read from spans of one JSON document, found again by the span's bytes.
///
/// Equal bytes always decode to equal values, so a value read once is handed out again for every
/// later span with the same bytes, without reading (or allocating) it again: a deck of 100,000 cards
/// repeats its prompts, explanations, answer lists and options many times over. Spans are offsets
/// into the document, which must stay where it is while the table is used.
struct JSONSpanTable<Value> {
    private struct Slot {
        var hash: UInt64
        var start: Int
        var count: Int
        var value: Value
    }

    private var slots: [Slot?] = Array(repeating: nil, count: 1 << 8)
    private var used = 0

    /// The value stored for the bytes `span` of `document`, if any; `hash` is `ByteHash` of them.
    func value(for span: Range<Int>, hash: UInt64, in document: UnsafeBufferPointer<UInt8>) -> Value? {
        guard let base = document.baseAddress else { return nil }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while let stored = slots[slot] {
            if stored.hash == hash && stored.count == span.count
                && memcmp(base + stored.start, base + span.lowerBound, span.count) == 0
            {
                return stored.value
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Stores `value` for the bytes `span` (not stored yet), whose `ByteHash` is `hash`.
    mutating func insert(_ value: Value, for span: Range<Int>, hash: UInt64) {
        if (used + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != nil { slot = (slot + 1) & mask }
        slots[slot] = Slot(hash: hash, start: span.lowerBound, count: span.count, value: value)
        used += 1
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: nil, count: old.count * 2)
        let mask = slots.count - 1
        for case let stored? in old {
            var slot = Int(truncatingIfNeeded: stored.hash) & mask
            while slots[slot] != nil { slot = (slot + 1) & mask }
            slots[slot] = stored
        }
    }
}
