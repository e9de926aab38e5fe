import Foundation

extension String {
    /// The text in Unicode Normalization Form C, the form roledeck stores and compares.
    public var nfc: String {
        isKnownNFC ? self : precomposedStringWithCanonicalMapping
    }

    /// True when every scalar is one that is NFC on its own and never composes with a neighbour
    /// (ASCII and Latin-1, precomposed Hangul syllables, CJK ideographs, common punctuation), which
    /// covers catalog text and ids without asking Foundation; anything else goes through Foundation.
    private var isKnownNFC: Bool {
        unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0..<0x300, 0x2002...0x206F, 0x2190...0x21FF, 0x3000...0x303F, 0x3130...0x318F,
                0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF5E:
                true
            default:
                false
            }
        }
    }
}
