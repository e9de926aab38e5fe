import Foundation
import Testing

@testable import RoledeckCore

@Suite struct NFCTests {
    /// The scalars the known-NFC ranges hold, one by one, as the check read them before it read bytes.
    static func knownByScalars(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0..<0x300, 0x2002...0x206F, 0x2190...0x21FF, 0x3000...0x303F, 0x3130...0x318F,
                0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF5E:
                true
            default:
                false
            }
        }
    }

    @Test func theByteCheckAgreesWithTheScalarsAndNFCIsFoundationsNFC() {
        // Scalars from every range the check knows, both sides of each edge, combining marks, decomposed
        // Hangul jamo and four-byte scalars, in seeded strings of every length around the 8-byte steps.
        let pool: [UInt32] = [
            0x41, 0x7A, 0x20, 0x7F, 0xE9, 0xFF, 0x2FF, 0x300, 0x301, 0x2001, 0x2002, 0x206F, 0x2070, 0x218F, 0x2190,
            0x21FF, 0x2200, 0x2FFF, 0x3000, 0x303F, 0x3040, 0x312F, 0x3130, 0x318F, 0x3190, 0x4DFF, 0x4E00, 0x9FFF,
            0xA000, 0xABFF, 0xAC00, 0xB370, 0xD7A3, 0xD7A4, 0x1100, 0x1161, 0x11A8, 0xFF00, 0xFF01, 0xFF5E, 0xFF5F,
            0x1F600, 0x10000, 0x1D400,
        ]
        var rng = SeededGenerator(seed: 21)
        for length in 0..<40 {
            for _ in 0..<150 {
                var text = String.UnicodeScalarView()
                for _ in 0..<length {
                    // Mostly ASCII, as ids and English terms are.
                    let value =
                        Int.random(in: 0..<3, using: &rng) == 0
                        ? pool[Int.random(in: 0..<pool.count, using: &rng)]
                        : UInt32(Int.random(in: 0x20..<0x7F, using: &rng))
                    if let scalar = Unicode.Scalar(value) { text.append(scalar) }
                }
                let string = String(text)
                #expect(string.isKnownNFC == Self.knownByScalars(string), "\(string.unicodeScalars.map(\.value))")
                #expect(string.nfc == string.precomposedStringWithCanonicalMapping)
            }
        }
        #expect("데이터 엔지니어 · MLOps".isKnownNFC)
        #expect(!"\u{1100}\u{1161}".isKnownNFC && "\u{1100}\u{1161}".nfc == "가")
        #expect(!"e\u{301}".isKnownNFC && "e\u{301}".nfc == "é")
    }
}
