import Foundation

/// The quick readers of the progress files' records, over `JSONCursor`.
///
/// Each gives exactly what the `Codable` path gives for the same bytes, and throws `Mismatch`
/// for anything it is not sure of (a missing field, a wrong type, an unknown version), leaving
/// the error message to the `Codable` path.
enum FastDecoding {
    static let cardStates: [StaticString] = ["learning", "review", "relearning"]
    static let cardStateValues: [CardState] = [.learning, .review, .relearning]

    /// `FSRSCard` as its synthesized `Decodable` reads it (a missing learning step stays nil).
    static func card(_ cursor: inout JSONCursor) throws(JSONCursor.Mismatch) -> FSRSCard {
        var state: CardState?
        var step: Int?
        var stability: Double?
        var difficulty: Double?
        var due: Date?
        var lastReview: Date?
        try cursor.object { cursor, key throws(JSONCursor.Mismatch) in
            if key.is("state") {
                state = cardStateValues[try cursor.oneOf(cardStates)]
            } else if key.is("step") {
                step = cursor.null() ? nil : try cursor.int()
            } else if key.is("stability") {
                stability = cursor.null() ? nil : try cursor.double()
            } else if key.is("difficulty") {
                difficulty = cursor.null() ? nil : try cursor.double()
            } else if key.is("due") {
                due = try cursor.date()
            } else if key.is("lastReview") {
                lastReview = cursor.null() ? nil : try cursor.date()
            } else {
                try cursor.skipValue()
            }
        }
        guard let state, let due else { throw JSONCursor.Mismatch() }
        var card = FSRSCard(
            state: state, stability: stability, difficulty: difficulty, due: due, lastReview: lastReview)
        card.step = step
        return card
    }

    /// `CardRecord` as its `Decodable` reads it.
    static func record(_ cursor: inout JSONCursor) throws(JSONCursor.Mismatch) -> CardRecord {
        var card: FSRSCard?
        var record = CardRecord(card: .new(due: Date(timeIntervalSince1970: 0)))
        try cursor.object { cursor, key throws(JSONCursor.Mismatch) in
            if key.is("card") {
                card = try Self.card(&cursor)
            } else if key.is("lapses") {
                record.lapses = cursor.null() ? 0 : try cursor.int()
            } else if key.is("reps") {
                record.reps = cursor.null() ? 0 : try cursor.int()
            } else if key.is("suspended") {
                record.suspended = cursor.null() ? false : try cursor.bool()
            } else if key.is("buriedUntil") {
                record.buriedUntil = cursor.null() ? nil : try cursor.date()
            } else if key.is("leech") {
                record.leech = cursor.null() ? false : try cursor.bool()
            } else {
                try cursor.skipValue()
            }
        }
        guard let card else { throw JSONCursor.Mismatch() }
        record.card = card
        return record
    }

    /// A version 1 `cards.json`. A `fold` member that is not a `FoldCheckpoint`, or one that does not
    /// hold together, is left out (it is derived: the log is read instead), never an error.
    static func cardsDocument(_ data: Data) throws(JSONCursor.Mismatch) -> CardsSnapshot {
        let result: Result<CardsSnapshot, JSONCursor.Mismatch> = data.withUnsafeBytes { raw in
            var cursor = JSONCursor(raw.bindMemory(to: UInt8.self))
            var version: Int?
            var snapshot = CardsSnapshot(cards: [:], logBytes: nil)
            var logLines: Int?
            do throws(JSONCursor.Mismatch) {
                try cursor.object { cursor, key throws(JSONCursor.Mismatch) in
                    if key.is("schemaVersion") {
                        version = try cursor.int()
                    } else if key.is("logBytes") {
                        snapshot.logBytes = cursor.null() ? nil : try cursor.int()
                    } else if key.is("cards") {
                        try cursor.object { cursor, id throws(JSONCursor.Mismatch) in
                            snapshot.cards[CardID(rawValue: try id.text())] = try record(&cursor)
                        }
                    } else if key.is("fold") {
                        cursor.skipSpace()
                        let start = cursor.index
                        do {
                            snapshot.fold = try FoldCheckpoint.read(&cursor)
                        } catch {
                            cursor.index = start
                            try cursor.skipValue()
                        }
                    } else if key.is("logLines") {
                        cursor.skipSpace()
                        let start = cursor.index
                        logLines = try? cursor.int()
                        if logLines == nil {
                            cursor.index = start
                            try cursor.skipValue()
                        }
                    } else {
                        try cursor.skipValue()
                    }
                }
                guard cursor.atEnd, version == CardsFile.currentSchemaVersion else { throw JSONCursor.Mismatch() }
                // The fold goes with the lines and bytes of the log it was folded from.
                if let lines = logLines, let logBytes = snapshot.logBytes, var fold = snapshot.fold {
                    fold.logLines = lines
                    snapshot.fold = fold.isConsistent(logBytes: logBytes) ? fold : nil
                } else {
                    snapshot.fold = nil
                }
                return .success(snapshot)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// One version 1 line of `reviews.jsonl`, with the checks `LogRecord`'s `Decodable` makes.
    static func logLine(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONCursor.Mismatch) -> LogRecord {
        var ids = CardIDTable()
        return try logLine(bytes, ids: &ids, keepAnswer: true)
    }

    /// An array of strings, each in NFC.
    static func strings(_ cursor: inout JSONCursor) throws(JSONCursor.Mismatch) -> [String] {
        var texts: [String] = []
        try cursor.array { cursor throws(JSONCursor.Mismatch) in texts.append(try cursor.string().nfc) }
        return texts
    }

    static let kinds: [StaticString] = ["review", "undo", "suspend", "unsuspend", "bury", "leech"]
    static let kindValues: [LogRecordKind] = [.review, .undo, .suspend, .unsuspend, .bury, .leech]
    static let priorStates: [StaticString] = ["new", "learning", "review", "relearning"]
    static let priorStateValues: [PriorState] = [.new, .learning, .review, .relearning]

    /// `logLine` with card ids found again in `ids`, and the answer text and the options shown left out unless `keepAnswer`
    /// (folding the log never reads it): a million lines read several times faster.
    static func logLine(
        _ bytes: UnsafeBufferPointer<UInt8>, ids: inout CardIDTable, keepAnswer: Bool
    ) throws(JSONCursor.Mismatch) -> LogRecord {
        if let record = try? writtenLogLine(bytes, ids: &ids, keepAnswer: keepAnswer) { return record }
        var cursor = JSONCursor(bytes)
        var version: Int?
        var kind: LogRecordKind?
        var cardID: CardID?
        var at: Date?
        var record = LogRecord(kind: .undo, cardID: CardID(normalized: ""), at: Date(timeIntervalSince1970: 0))
        try cursor.object { cursor, key throws(JSONCursor.Mismatch) in
            if key.is("schemaVersion") {
                version = try cursor.int()
            } else if key.is("kind") {
                kind = kindValues[try cursor.oneOf(kinds)]
            } else if key.is("card") {
                cardID = try ids.id(try cursor.plainStringBytes())
            } else if key.is("at") {
                at = try cursor.date()
            } else if key.is("rating") {
                if !cursor.null() {
                    guard let value = Rating(rawValue: try cursor.int()) else { throw JSONCursor.Mismatch() }
                    record.rating = value
                }
            } else if key.is("before") {
                if !cursor.null() { record.before = priorStateValues[try cursor.oneOf(priorStates)] }
            } else if key.is("after") {
                record.after = cursor.null() ? nil : try card(&cursor)
            } else if key.is("answer") && !keepAnswer {
                try cursor.skipValue()
            } else if key.is("answer") {
                record.answer = cursor.null() ? nil : try cursor.string().nfc
            } else if key.is("chosen") {
                record.chosen = cursor.null() ? nil : try cursor.string().nfc
            } else if key.is("options") && !keepAnswer {
                try cursor.skipValue()
            } else if key.is("options") {
                record.options = cursor.null() ? nil : try strings(&cursor)
            } else if key.is("right") {
                record.right = cursor.null() ? nil : try strings(&cursor)
            } else if key.is("correct") {
                record.correct = cursor.null() ? nil : try cursor.bool()
            } else if key.is("ms") {
                record.durationMs = cursor.null() ? nil : try cursor.int()
            } else if key.is("until") {
                record.until = cursor.null() ? nil : try cursor.date()
            } else if key.is("undoes") {
                record.undoes = cursor.null() ? nil : kindValues[try cursor.oneOf(kinds)]
            } else if key.is("mode") {
                if !cursor.null() {
                    guard let mode = StudyMode(rawValue: try cursor.string()) else { throw JSONCursor.Mismatch() }
                    record.mode = mode
                }
            } else {
                try cursor.skipValue()
            }
        }
        guard cursor.atEnd, version == ReviewLogFile.currentSchemaVersion, let kind, let cardID, let at else {
            throw JSONCursor.Mismatch()
        }
        try check(&record, kind: kind, cardID: cardID, at: at)
        return record
    }

    /// A line laid out exactly as `FastEncoding.logLine` writes it: keys in that order, no spaces.
    /// Each key is then one comparison where it is expected, not a search among all the names; the
    /// values are read by the same readers as `logLine`'s, so the record is the one it gives. Any
    /// other layout (spaces, another order, a key this build does not write) throws, and `logLine`
    /// reads the line its own way.
    private static func writtenLogLine(
        _ bytes: UnsafeBufferPointer<UInt8>, ids: inout CardIDTable, keepAnswer: Bool
    ) throws(JSONCursor.Mismatch) -> LogRecord {
        var cursor = JSONCursor(bytes)
        var record = LogRecord(kind: .undo, cardID: CardID(normalized: ""), at: Date(timeIntervalSince1970: 0))
        guard cursor.takeExactly(UInt8(ascii: "{")) else { throw JSONCursor.Mismatch() }
        var first = true
        if next("after", &cursor, &first) { record.after = cursor.null() ? nil : try writtenCard(&cursor) }
        if next("answer", &cursor, &first) {
            if keepAnswer {
                record.answer = cursor.null() ? nil : try cursor.string().nfc
            } else {
                try cursor.skipValue()
            }
        }
        guard next("at", &cursor, &first) else { throw JSONCursor.Mismatch() }
        let at = try cursor.date()
        if next("before", &cursor, &first), !cursor.null() {
            record.before = priorStateValues[try cursor.oneOf(priorStates)]
        }
        guard next("card", &cursor, &first) else { throw JSONCursor.Mismatch() }
        let cardID = try ids.id(try cursor.plainStringBytes())
        if next("chosen", &cursor, &first) { record.chosen = cursor.null() ? nil : try cursor.string().nfc }
        if next("correct", &cursor, &first) { record.correct = cursor.null() ? nil : try cursor.bool() }
        guard next("kind", &cursor, &first) else { throw JSONCursor.Mismatch() }
        let kind = kindValues[try cursor.oneOf(kinds)]
        if next("mode", &cursor, &first), !cursor.null() {
            guard let mode = StudyMode(rawValue: try cursor.string()) else { throw JSONCursor.Mismatch() }
            record.mode = mode
        }
        if next("ms", &cursor, &first) { record.durationMs = cursor.null() ? nil : try cursor.int() }
        if next("options", &cursor, &first) {
            if keepAnswer {
                record.options = cursor.null() ? nil : try strings(&cursor)
            } else {
                try cursor.skipValue()
            }
        }
        if next("rating", &cursor, &first), !cursor.null() {
            guard let value = Rating(rawValue: try cursor.int()) else { throw JSONCursor.Mismatch() }
            record.rating = value
        }
        if next("right", &cursor, &first) { record.right = cursor.null() ? nil : try strings(&cursor) }
        guard next("schemaVersion", &cursor, &first), try cursor.int() == ReviewLogFile.currentSchemaVersion else {
            throw JSONCursor.Mismatch()
        }
        if next("undoes", &cursor, &first) { record.undoes = cursor.null() ? nil : kindValues[try cursor.oneOf(kinds)] }
        if next("until", &cursor, &first) { record.until = cursor.null() ? nil : try cursor.date() }
        guard cursor.takeExactly(UInt8(ascii: "}")), cursor.atEnd else { throw JSONCursor.Mismatch() }
        try check(&record, kind: kind, cardID: cardID, at: at)
        return record
    }

    /// `FSRSCard` laid out as `FastEncoding.card` writes it (see `writtenLogLine`).
    private static func writtenCard(_ cursor: inout JSONCursor) throws(JSONCursor.Mismatch) -> FSRSCard {
        guard cursor.takeExactly(UInt8(ascii: "{")) else { throw JSONCursor.Mismatch() }
        var first = true
        var difficulty: Double?
        var stability: Double?
        var lastReview: Date?
        var step: Int?
        if next("difficulty", &cursor, &first) { difficulty = cursor.null() ? nil : try cursor.double() }
        guard next("due", &cursor, &first) else { throw JSONCursor.Mismatch() }
        let due = try cursor.date()
        if next("lastReview", &cursor, &first) { lastReview = cursor.null() ? nil : try cursor.date() }
        if next("stability", &cursor, &first) { stability = cursor.null() ? nil : try cursor.double() }
        guard next("state", &cursor, &first) else { throw JSONCursor.Mismatch() }
        let state = cardStateValues[try cursor.oneOf(cardStates)]
        if next("step", &cursor, &first) { step = cursor.null() ? nil : try cursor.int() }
        guard cursor.takeExactly(UInt8(ascii: "}")) else { throw JSONCursor.Mismatch() }
        var card = FSRSCard(
            state: state, stability: stability, difficulty: difficulty, due: due, lastReview: lastReview)
        card.step = step
        return card
    }

    /// The next key if it is `name`, after the comma that separates it from the one before (none
    /// before the `first`); nothing is consumed otherwise.
    private static func next(_ name: StaticString, _ cursor: inout JSONCursor, _ first: inout Bool) -> Bool {
        let mark = cursor.index
        if !first && !cursor.takeExactly(UInt8(ascii: ",")) { return false }
        if cursor.takeKey(name) {
            first = false
            return true
        }
        cursor.index = mark
        return false
    }

    /// Gives the record its kind, card and time, if it has what a line of that kind must have.
    private static func check(
        _ record: inout LogRecord, kind: LogRecordKind, cardID: CardID, at: Date
    ) throws(JSONCursor.Mismatch) {
        switch kind {
        case .review:
            guard record.rating != nil, record.after != nil, record.before != nil else { throw JSONCursor.Mismatch() }
        case .bury:
            guard record.until != nil else { throw JSONCursor.Mismatch() }
        case .undo:
            if let undoes = record.undoes, !LogRecordKind.undoable.contains(undoes) { throw JSONCursor.Mismatch() }
        case .suspend, .unsuspend, .leech:
            break
        }
        record.kind = kind
        record.cardID = cardID
        record.at = at
    }
}
