import Foundation
import Testing

@testable import RoledeckCore

/// The quick deck reader must give exactly what `JSONDecoder` gives, or step aside.
@Suite struct DeckDecodingTests {
    @Test func everyShippedDeckReadsTheSameAsWithJSONDecoder() throws {
        let decks = DeckGenerator(catalog: try Fixture.shipped()).decks()
        #expect(!decks.isEmpty)
        for deck in decks {
            let data = DeckFile.encode(deck)
            let quick = try DeckDecoding.deck(data)
            let slow = try JSONDecoder().decode(Deck.self, from: data)
            #expect(quick == slow, "\(deck.fileName)")
            #expect(quick == deck, "\(deck.fileName)")
            #expect(try DeckFile.decode(data, path: deck.fileName) == deck)
        }
    }

    @Test func unusualSpellingsAreReadOrLeftToTheThoroughPath() throws {
        let deck = DeckGenerator(catalog: try Fixture.shipped()).decks()[0]
        let text = String(decoding: DeckFile.encode(deck), as: UTF8.self)
        // Unknown keys are skipped, as JSONDecoder skips them; nulls stand for absent optionals.
        let extra = text.replacingOccurrences(
            of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 1, \"x\": [1, {}]"
        )
        .replacingOccurrences(of: "\"selection\" : \"one\"", with: "\"selection\" : null")
        let quick = try DeckDecoding.deck(Data(extra.utf8))
        #expect(quick == (try JSONDecoder().decode(Deck.self, from: Data(extra.utf8))))
        // A newer version, a wrong type, a missing field: the quick reader steps aside, the errors come from the other.
        for broken in [
            text.replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 2"),
            text.replacingOccurrences(of: "\"number\" : 1", with: "\"number\" : \"1\""),
            text.replacingOccurrences(of: "\"prompt\" :", with: "\"prompt_\" :"),
        ] {
            #expect(throws: JSONCursor.Mismatch.self) { try DeckDecoding.deck(Data(broken.utf8)) }
            #expect(throws: DeckError.self) { try DeckFile.decode(Data(broken.utf8), path: "d.json") }
        }
    }

    @Test func damagedCopiesAreReadAsJSONDecoderReadsThemOrLeftToIt() throws {
        let deck = DeckGenerator(catalog: try Fixture.shipped()).decks()[0]
        let base = Array(DeckFile.encode(deck))
        let replacements: [UInt8] = [
            UInt8(ascii: "\""), UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: "1"), 0x20, 0xFF,
            UInt8(ascii: "\\"), UInt8(ascii: "a"), UInt8(ascii: "n"),
        ]
        var rng = SeededGenerator(seed: 7)
        var (read, refused) = (0, 0)
        for round in 0..<600 {
            var bytes = base
            for _ in 0..<(1 + round % 3) {
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                bytes[at] = replacements[Int.random(in: 0..<replacements.count, using: &rng)]
            }
            let data = Data(bytes)
            guard let quick = try? DeckDecoding.deck(data) else {
                refused += 1
                continue
            }
            // Whatever the quick reader accepts, the thorough one reads the same way.
            #expect(quick == (try? JSONDecoder().decode(Deck.self, from: data)), "round \(round)")
            read += 1
        }
        #expect(read > 0 && refused > 0)
    }
}
