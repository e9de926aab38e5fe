import Foundation
import Testing

@testable import RoledeckCore

/// The quick readers must give exactly what `JSONDecoder` gives, or step aside.
@Suite struct FastDecodingTests {
    /// Seeded random records in every shape the store writes.
    static func records(count: Int) -> [LogRecord] {
        var rng = SeededGenerator(seed: 42)
        let scheduler = Scheduler()
        let answers = ["Spark", "데이터 엔지니어", "say \"hi\"\n\tthen / go \\ back", "", "NLP (자연어 처리)"]
        var card = FSRSCard.new(due: StoreFixtures.now)
        var records: [LogRecord] = []
        for index in 0..<count {
            let at = card.due.addingTimeInterval(Double(Int.random(in: 0..<100_000, using: &rng)) / 7)
            let rating = Rating.allCases[Int.random(in: 0..<4, using: &rng)]
            let after = scheduler.review(card, rating: rating, at: at, rng: &rng).card
            let id = CardID(rawValue: "cloze/데이터-엔지니어/item-\(index % 7)")
            switch index % 5 {
            case 0, 1, 2:
                records.append(
                    .review(
                        cardID: id, at: at, rating: rating, before: index % 3 == 0 ? nil : card, after: after,
                        answer: index % 4 == 0 ? nil : answers[index % answers.count],
                        chosen: index % 2 == 0 ? nil : answers[(index + 1) % answers.count],
                        correct: index % 3 == 0 ? nil : rating != .again,
                        durationMs: index % 6 == 0 ? nil : Int.random(in: 0..<60_000, using: &rng)))
            case 3:
                records.append(.event(.bury, cardID: id, at: at, until: at.addingTimeInterval(86_400)))
            default:
                records.append(.event([.undo, .suspend, .unsuspend, .leech][index % 4], cardID: id, at: at))
            }
            card = after
        }
        return records
    }

    @Test func logLinesReadTheSameAsWithJSONDecoder() throws {
        for record in Self.records(count: 400) {
            let line = ReviewLogFile.encodeLine(record).dropLast()
            let slow = try StoreJSON.decode(LogRecord.self, from: Data(line), source: "t")
            let quick = try line.withUnsafeBytes { raw in try FastDecoding.logLine(raw.bindMemory(to: UInt8.self)) }
            #expect(quick == slow)
            #expect(ReviewLogFile.encodeLine(quick) == ReviewLogFile.encodeLine(record))
        }
    }

    @Test func cardsFilesReadTheSameAsWithJSONDecoder() throws {
        var cards: [CardID: CardRecord] = [:]
        for (index, record) in Self.records(count: 300).enumerated() {
            guard let after = record.after else { continue }
            cards[record.cardID] = CardRecord(
                card: after, lapses: index % 3, reps: index, suspended: index % 4 == 0,
                buriedUntil: index % 5 == 0 ? record.at : nil, leech: index % 7 == 0)
        }
        let data = CardsFile.encode(cards, logBytes: 1234)
        let quick = try FastDecoding.cardsDocument(data)
        let slow = try StoreJSON.decode(CardsFile.Document.self, from: data, source: "t")
        #expect(quick.cards == slow.cards && quick.logBytes == 1234 && slow.logBytes == 1234)
        #expect(CardsFile.encode(quick.cards, logBytes: 1234) == data)
    }

    @Test func handWrittenSpellingsAreReadOrLeftToTheSlowPath() throws {
        let spaced = """
            { "schemaVersion" : 1 , "kind" : "review", "extra": [1, {"x": null}, "y"], "card" : "a",
              "at" : "2026-11-29T04:00:00Z", "rating" : 3, "before" : "new",
              "after" : { "state" : "learning", "due" : "2026-11-29 13:10:00+09:00", "step" : null } }
            """
        let record = try Data(spaced.utf8).withUnsafeBytes { raw in
            try FastDecoding.logLine(raw.bindMemory(to: UInt8.self))
        }
        #expect(record == (try StoreJSON.decode(LogRecord.self, from: Data(spaced.utf8), source: "t")))
        #expect(record.after?.due == ISOTimestamp.parse("2026-11-29T04:10:00Z"))
        #expect(record.after?.step == nil)
        for text in [
            "{\"schemaVersion\":2,\"kind\":\"undo\",\"card\":\"a\",\"at\":\"2026-11-29T04:00:00+00:00\"}",
            "{\"schemaVersion\":1,\"kind\":\"review\",\"card\":\"a\",\"at\":\"2026-11-29T04:00:00+00:00\"}",
            "{\"schemaVersion\":1,\"kind\":\"undo\",\"card\":\"\\u00e9\",\"at\":\"2026-11-29T04:00:00+00:00\"}",
            "{\"schemaVersion\":1,\"kind\":\"undo\",\"card\":\"a\",\"at\":\"2026-11-29T04:00:00+00:00\"} x",
            "{\"schemaVersion\":1.5,\"kind\":\"undo\",\"card\":\"a\",\"at\":\"2026-11-29T04:00:00+00:00\"}",
        ] {
            #expect(throws: JSONCursor.Mismatch.self, "\(text)") {
                try Data(text.utf8).withUnsafeBytes { raw in try FastDecoding.logLine(raw.bindMemory(to: UInt8.self)) }
            }
        }
        // Left to the slow path, the \u escape is still read.
        let escaped =
            "{\"schemaVersion\":1,\"kind\":\"undo\",\"card\":\"\\u00e9\",\"at\":\"2026-11-29T04:00:00+00:00\"}\n"
        #expect(try ReviewLogFile.decode(Data(escaped.utf8)).records.first?.cardID.rawValue == "é")
    }

    @Test func theStoredTimestampShapeMatchesTheGeneralParser() {
        for text in [
            "2026-11-29T04:00:00+00:00", "2026-02-28T23:59:59.999999+00:00", "1999-12-31T00:00:00.000001+00:00",
        ] {
            let bytes = Array(text.utf8)
            let quick = bytes.withUnsafeBufferPointer { JSONCursor.storedTimestamp($0) }
            #expect(quick == ISOTimestamp.parse(text), "\(text)")
        }
        for text in ["2026-02-30T00:00:00+00:00", "2026-11-29T04:00:00+09:00", "2026-11-29T24:00:00+00:00"] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { JSONCursor.storedTimestamp($0) } == nil, "\(text)")
        }
    }
}

/// The quick writers must give `JSONEncoder`'s bytes exactly.
@Suite struct FastEncodingTests {
    @Test func logLinesAreWhatJSONEncoderWrites() {
        for record in FastDecodingTests.records(count: 400) {
            #expect(FastEncoding.logLine(record) == StoreJSON.encode(record, pretty: false))
        }
        let odd = LogRecord.review(
            cardID: "a", at: StoreFixtures.now, rating: .good, before: nil, after: .new(due: StoreFixtures.now),
            answer: "\u{1}\u{1f}\u{7f} ✓ 🙂 \r\u{8}\u{c}")
        #expect(FastEncoding.logLine(odd) == StoreJSON.encode(odd, pretty: false))
    }

    @Test func cardsFilesAreWhatJSONEncoderWrites() {
        var cards: [CardID: CardRecord] = [:]
        for (index, record) in FastDecodingTests.records(count: 300).enumerated() {
            guard let after = record.after else { continue }
            let id = CardID(rawValue: ["stack/", "Stack/", "cloze/데이터/", "cloze/Z", "a"][index % 5] + "\(index)")
            cards[id] = CardRecord(
                card: after, lapses: index % 3, reps: index, suspended: index % 4 == 0,
                buriedUntil: index % 5 == 0 ? record.at : nil, leech: index % 7 == 0)
        }
        for logBytes in [nil, 0, 123_456_789] {
            let slow = StoreJSON.encode(
                CardsFile.Document(schemaVersion: 1, logBytes: logBytes, cards: cards, totals: CardTotals(cards)),
                pretty: true)
            #expect(FastEncoding.cardsDocument(cards, logBytes: logBytes, schemaVersion: 1) == slow)
        }
        #expect(
            FastEncoding.cardsDocument([:], logBytes: nil, schemaVersion: 1)
                == StoreJSON.encode(
                    CardsFile.Document(schemaVersion: 1, logBytes: nil, cards: [:], totals: CardTotals([:])),
                    pretty: true))
    }

    @Test func doublesAreWrittenAsJSONEncoderWritesThem() {
        var rng = SeededGenerator(seed: 5)
        var values: [Double] = [0, 1, 7, 10, 36_500, 0.1, 1e-05, 1.5e-7, 123_456.789, 9_999_999_999_999.5, 0.001]
        for _ in 0..<2000 {
            values.append(Double.random(in: 0.001...40_000, using: &rng))
            values.append(Double(Int.random(in: 1...10, using: &rng)) + Double.random(in: 0..<1, using: &rng))
        }
        for value in values {
            var writer = JSONWriter(pretty: false)
            writer.double(value)
            #expect(Data(writer.bytes) == StoreJSON.encode(value, pretty: false), "\(value)")
        }
    }
}
