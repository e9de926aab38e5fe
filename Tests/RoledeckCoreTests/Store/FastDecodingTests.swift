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

    /// Lines with every optional field, as the store writes them.
    static func fullRecords() -> [LogRecord] {
        var records = records(count: 120)
        for index in records.indices {
            switch index % 4 {
            case 0:
                records[index].options = ["데이터 엔지니어", "a \"b\"", ""]
                records[index].right = ["데이터 엔지니어"]
                records[index].mode = StudyMode.allCases[index % StudyMode.allCases.count]
            case 1:
                records[index].undoes = [.review, .bury, .suspend, .unsuspend][index % 4]
            case 2:
                records[index].until = records[index].at.addingTimeInterval(3600)
                records[index].options = []
            default:
                break
            }
        }
        return records
    }

    /// The record `logLine` reads from `text`.
    static func quick(_ text: Data, keepAnswer: Bool = true) throws -> LogRecord {
        var ids = CardIDTable()
        return try text.withUnsafeBytes { raw in
            try FastDecoding.logLine(raw.bindMemory(to: UInt8.self), ids: &ids, keepAnswer: keepAnswer)
        }
    }

    @Test func theWrittenLayoutAndAnyOtherLayoutReadTheSame() throws {
        for record in Self.fullRecords() {
            let line = Data(ReviewLogFile.encodeLine(record).dropLast())
            let slow = try StoreJSON.decode(LogRecord.self, from: line, source: "t")
            #expect(try Self.quick(line) == slow)
            // Without the answers, exactly the answer text and the options shown are left out.
            var unanswered = slow
            unanswered.answer = nil
            unanswered.options = nil
            #expect(try Self.quick(line, keepAnswer: false) == unanswered)
            // The same object laid out otherwise (spaces, \u escapes, keys in another order) reads the same:
            // the quick reader gives that record or steps aside for the slow one.
            guard case .object(let members) = try JSONValue.parse(String(decoding: line, as: UTF8.self)) else {
                Issue.record("not an object")
                continue
            }
            for other in [JSONValue.object(members), .object(members.reversed())] {
                let text = other.serialized
                #expect(try ReviewLogFile.decode(Data((text + "\n").utf8)).records == [slow], "\(text)")
            }
        }
    }

    @Test func theWrittenLayoutWithARepeatedOrUnknownKeyReadsAsJSONDecoderReadsIt() throws {
        let line = String(decoding: ReviewLogFile.encodeLine(Self.fullRecords()[0]).dropLast(), as: UTF8.self)
        for text in [
            line.replacingOccurrences(of: "\"kind\":", with: "\"zzz\":1,\"kind\":"),
            String(line.dropLast()) + ",\"ms\":5}",
            String(line.dropLast()) + ",\"extra\":{\"a\":[1,2]}}",
        ] {
            let slow = try StoreJSON.decode(LogRecord.self, from: Data(text.utf8), source: "t")
            #expect(try Self.quick(Data(text.utf8)) == slow, "\(text)")
        }
    }

    @Test func shortDecimalsReadBitForBitAsDoubleReadsThem() {
        var rng = SeededGenerator(seed: 7)
        var texts = [
            "0", "-0", "0.1", "2.3065", "2.118103970459016", "9007199254740992", "9007199254740993",
            "0.30000000000000004",
            "1.7976931348623157", "123456789.123456789", "0.0000000000000000000001", "00.5", "1.", ".5", "-", "1e5",
            "1.5E-3", "+1", "12345678901234567890", "4.35", "0.1234567890123456789012",
        ]
        for _ in 0..<3000 {
            let value = Double.random(in: 0..<1000, using: &rng) * (Bool.random(using: &rng) ? 1 : 1e-6)
            texts.append("\(Bool.random(using: &rng) ? "-" : "")\(value)")
            let digits = Int.random(in: 1...18, using: &rng)
            let point = Int.random(in: 1...digits, using: &rng)
            var text = ""
            for position in 0..<digits {
                if position == point { text += "." }
                text += "\(Int.random(in: 0...9, using: &rng))"
            }
            texts.append(text)
        }
        var quick = 0
        for text in texts {
            let bytes = Array((text + ",").utf8)
            let expected = Double(text)
            let short = bytes.withUnsafeBufferPointer { JSONCursor.shortDecimal($0, from: 0) }
            if let (value, end) = short {
                quick += 1
                #expect(value.bitPattern == expected?.bitPattern, "\(text)")
                #expect(end == text.utf8.count, "\(text)")
            }
            let read = bytes.withUnsafeBufferPointer { buffer -> Double? in
                var cursor = JSONCursor(buffer)
                return try? cursor.double()
            }
            #expect(read?.bitPattern == expected.flatMap { $0.isFinite ? $0 : nil }?.bitPattern, "\(text)")
        }
        // Most of them take the short way.
        #expect(quick > texts.count / 2)
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

    @Test func idsAreSortedInStringOrder() {
        var generator = SeededGenerator(seed: 21)
        let pieces = ["a", "ab", "A", "stack/", "Stack/", "데이터", "데", "엔지니어", "~", "-", "0", "9", "🙂", "é", "z"]
        var ids = Set<CardID>()
        while ids.count < 3000 {
            let count = Int.random(in: 0...4, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            ids.insert(CardID(rawValue: text))
        }
        let expected = ids.sorted { $0.rawValue < $1.rawValue }
        #expect(FastEncoding.sortedIDs(ids) == expected)
        #expect(FastEncoding.sortedIDs([CardID]()) == [])
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
