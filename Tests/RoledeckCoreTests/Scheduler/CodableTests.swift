import Foundation
import Testing

@testable import RoledeckCore

@Suite("Persistence")
struct CodableTests {
    @Test("cards and log entries round-trip with camelCase keys")
    func roundTrip() throws {
        let start = TestClock.date("2024-05-01T12:00:00Z")
        let scheduler = Scheduler(parameters: .default)
        var rng = SeededGenerator(seed: 1)
        let (card, log) = scheduler.review(.new(due: start), rating: .easy, at: start, rng: &rng)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let cardJSON = String(decoding: try encoder.encode(card), as: UTF8.self)
        #expect(cardJSON.contains("\"lastReview\":\"2024-05-01T12:00:00Z\""))
        #expect(cardJSON.contains("\"state\":\"review\""))
        #expect(try decoder.decode(FSRSCard.self, from: Data(cardJSON.utf8)) == card)
        let logJSON = String(decoding: try encoder.encode(log), as: UTF8.self)
        for key in ["reviewedAt", "previousState", "unfuzzedDays", "minDays", "rating"] {
            #expect(logJSON.contains("\"\(key)\""), "\(key)")
        }
        #expect(try decoder.decode(ReviewLogEntry.self, from: Data(logJSON.utf8)) == log)
    }
}
