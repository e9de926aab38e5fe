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
}
