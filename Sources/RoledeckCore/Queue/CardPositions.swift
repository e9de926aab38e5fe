/// Card ids numbered by their place in a list, found again by their bytes.
///
/// Each slot holds an id's 64-bit hash (`ByteHash`) and its place, so a lookup compares the bytes of
/// one id, the one whose hash matches; a `Dictionary` of 100,000 ids compares each id it probes, and
/// each comparison is a trip to memory. Ids are NFC (see `CardID`), so equal ids have equal bytes.
public struct CardPositions: Sendable {
    private struct Slot: Sendable {
        var hash: UInt64
        var place: Int32
    }

    private var slots: [Slot]
    private let ids: [CardID]
    /// The places in the list whose id an earlier place already had, in order.
    let repeatedPlaces: [Int32]

    /// The places of `ids`; an id repeated keeps its first place.
    init(_ ids: [CardID]) {
        self.init(ids, hashes: ids.map(Self.hash))
    }

    /// The places of `ids`, whose hashes (`hash(_:)`, one per id) were worked out already: a large list
    /// is hashed in pieces side by side (`CardOrder`).
    init(_ ids: [CardID], hashes: [UInt64]) {
        precondition(hashes.count == ids.count, "one hash per id")
        self.ids = ids
        var repeatedPlaces: [Int32] = []
        var size = 16
        while size < ids.count * 2 { size *= 2 }
        slots = Array(repeating: Slot(hash: 0, place: -1), count: size)
        let mask = size - 1
        for (place, id) in ids.enumerated() {
            let hash = hashes[place]
            var slot = Int(truncatingIfNeeded: hash) & mask
            var repeated = false
            while slots[slot].place >= 0 {
                if slots[slot].hash == hash && UTF8Key.same(ids[Int(slots[slot].place)].rawValue, id.rawValue) {
                    repeated = true
                    break
                }
                slot = (slot + 1) & mask
            }
            if repeated {
                repeatedPlaces.append(Int32(place))
            } else {
                slots[slot] = Slot(hash: hash, place: Int32(place))
            }
        }
        self.repeatedPlaces = repeatedPlaces
    }

    /// The place of `id`, if it has one.
    public subscript(id: CardID) -> Int32? {
        let hash = Self.hash(id)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot].place >= 0 {
            if slots[slot].hash == hash && UTF8Key.same(ids[Int(slots[slot].place)].rawValue, id.rawValue) {
                return slots[slot].place
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    static func hash(_ id: CardID) -> UInt64 {
        var text = id.rawValue
        return text.withUTF8 { ByteHash.of($0) }
    }
}
