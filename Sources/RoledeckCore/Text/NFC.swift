import Foundation

extension String {
    /// The text in Unicode Normalization Form C, the form roledeck stores and compares.
    public var nfc: String {
        isKnownNFC ? self : precomposedStringWithCanonicalMapping
    }

    /// True when every scalar is one that is NFC on its own and never composes with a neighbour
    /// (ASCII and Latin-1, precomposed Hangul syllables, CJK ideographs, common punctuation), which
    /// covers catalog text and ids without asking Foundation; anything else goes through Foundation.
    ///
    /// Read from the UTF-8 bytes, ASCII eight bytes at a time: every string of the decks and ids
    /// passes here when they are loaded (at 100,000 cards, a tenth of a warm start's instructions
    /// went to walking the scalars one by one).
    var isKnownNFC: Bool {
        var text = self
        return text.withUTF8(Self.isKnownNFC)
    }

    /// `isKnownNFC` of valid UTF-8 bytes.
    static func isKnownNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count,
                raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
                continue
            }
            let lead = UInt32(base[index])
            let scalar: UInt32
            switch lead {
            case 0..<0x80:
                index += 1
                continue
            case 0xC0..<0xE0:
                guard index + 1 < count else { return false }
                scalar = (lead & 0x1F) << 6 | UInt32(base[index + 1] & 0x3F)
                index += 2
            case 0xE0..<0xF0:
                guard index + 2 < count else { return false }
                scalar = (lead & 0x0F) << 12 | UInt32(base[index + 1] & 0x3F) << 6 | UInt32(base[index + 2] & 0x3F)
                index += 3
            default:
                // Four-byte scalars (emoji, historic scripts) and anything else: Foundation decides.
                return false
            }
            switch scalar {
            case 0..<0x300, 0x2002...0x206F, 0x2190...0x21FF, 0x3000...0x303F, 0x3130...0x318F,
                0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF5E:
                continue
            default:
                return false
            }
        }
        return true
    }
}
