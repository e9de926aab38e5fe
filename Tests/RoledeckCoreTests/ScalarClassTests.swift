import Testing

@testable import RoledeckCore

@Suite struct ScalarClassTests {
    /// Every scalar there is: the quick answers are Unicode's own (ids are built from them, and must
    /// never change).
    @Test func theQuickAnswersAreUnicodesForEveryScalar() {
        var checked = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let properties = scalar.properties
            if scalar.hasAlphabeticProperty != properties.isAlphabetic {
                Issue.record("alphabetic U+\(String(value, radix: 16))")
            }
            if scalar.isLetterOrNumber != (properties.isAlphabetic || properties.numericType != nil) {
                Issue.record("letter or number U+\(String(value, radix: 16))")
            }
            checked += 1
        }
        #expect(checked == 1_112_064)
    }

    /// Seeded strings of ASCII, Hangul syllables and their neighbours (jamo, the code points either side
    /// of the syllable block, combining marks, four-byte scalars).
    static func samples(seed: UInt64) -> [String] {
        let pool: [UInt32] = [
            0x2F, 0x2F, 0x61, 0x7E, 0xE9, 0x301, 0x200D, 0x1100, 0x1161, 0x11A8, 0xABFF, 0xAC00, 0xB370, 0xD7A3,
            0xD7A4, 0xD7FF, 0xE000, 0x3131, 0x302A, 0x1F600,
        ]
        var rng = SeededGenerator(seed: seed)
        var texts: [String] = []
        for length in 0..<30 {
            for _ in 0..<100 {
                var text = String.UnicodeScalarView()
                for _ in 0..<length {
                    let value =
                        Bool.random(using: &rng)
                        ? pool[Int.random(in: 0..<pool.count, using: &rng)]
                        : [0x2F, 0x63, 0xB370, 0xC774][Int.random(in: 0..<4, using: &rng)]
                    if let scalar = Unicode.Scalar(value) { text.append(scalar) }
                }
                texts.append(String(text))
            }
        }
        return texts
    }

    @Test func plainTextIsASCIIAndHangulSyllablesScalarByScalar() {
        for text in Self.samples(seed: 31) {
            let scalars = text.unicodeScalars.allSatisfy { $0.isASCII || Hangul.isSyllable($0) }
            #expect(Hangul.isPlainText(text) == scalars, "\(text.unicodeScalars.map(\.value))")
        }
    }

    /// A card's fact read from its id's bytes is the one its characters give, for ids of any text.
    @Test func theFactOfAnIdIsTheSameReadFromBytesOrCharacters() {
        let domain = DomainKey(rawValue: "데이터")
        for (index, text) in Self.samples(seed: 32).enumerated() {
            let kind = [CardKind.cloze, .stackRole, .stackCloze, .domainRoles, .duties][index % 5]
            let card = Card(
                id: CardID(rawValue: text), kind: kind, domain: domain,
                role: index % 3 == 0 ? nil : RoleKey(rawValue: "r"),
                prompt: "?", answers: [Answer("a")], explanation: "e")
            let parts = card.id.rawValue.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            let owner = card.role?.rawValue ?? domain.rawValue
            let expected: String
            if kind == .stackRole, let item = parts.last {
                expected = "item/\(item)"
            } else if parts.count >= 2, let item = parts.last {
                expected = "\(owner)/\(item)"
            } else {
                expected = "\(owner)/\(kind == .domainRoles ? "roles" : "role")"
            }
            #expect(card.factKey == expected, "\(text.unicodeScalars.map(\.value))")
        }
    }
}
