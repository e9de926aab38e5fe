import Foundation

/// A string as a dictionary key compared and hashed by its UTF-8 bytes.
///
/// `String`'s own hashing normalises Unicode on the fly, which makes Hangul card ids several
/// times slower to look up than ASCII; ids are already NFC (`CardID` normalises them), so their
/// bytes identify them. Only for in-memory lookups: nothing hashed here is stored.
struct UTF8Key: Hashable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    init(_ id: CardID) {
        text = id.rawValue
    }

    static func == (lhs: UTF8Key, rhs: UTF8Key) -> Bool {
        same(lhs.text, rhs.text)
    }

    /// Byte equality, with a memcmp over contiguous storage (every native string has it).
    static func same(_ lhs: String, _ rhs: String) -> Bool {
        let left = lhs.utf8
        let right = rhs.utf8
        guard left.count == right.count else { return false }
        let fast = left.withContiguousStorageIfAvailable { a in
            right.withContiguousStorageIfAvailable { b in
                guard let first = a.baseAddress, let second = b.baseAddress else { return true }
                return memcmp(first, second, a.count) == 0
            }
        }
        return fast.flatMap { $0 } ?? left.elementsEqual(right)
    }

    func hash(into hasher: inout Hasher) {
        // Ids differ mostly at their ends ("cloze/데이터-엔지니어/…"): the length, the first 8 and the
        // last 16 bytes tell them apart almost always, and equality settles the rest.
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            hasher.combine(raw.count)
            if raw.count >= 16 {
                hasher.combine(raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
                hasher.combine(raw.loadUnaligned(fromByteOffset: raw.count - 16, as: UInt64.self))
                hasher.combine(raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self))
            } else {
                hasher.combine(bytes: raw)
            }
        }
        if done == nil {
            for byte in text.utf8 { hasher.combine(byte) }
        }
    }
}
