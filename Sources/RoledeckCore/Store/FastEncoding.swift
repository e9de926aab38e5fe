import Foundation

/// Writes the progress files' records through `JSONWriter`, byte for byte as `JSONEncoder` with sorted keys does.
enum FastEncoding {
    static func card(_ card: FSRSCard, into writer: inout JSONWriter) {
        writer.openObject()
        if let difficulty = card.difficulty {
            writer.key("difficulty")
            writer.double(difficulty)
        }
        writer.key("due")
        writer.date(card.due)
        if let lastReview = card.lastReview {
            writer.key("lastReview")
            writer.date(lastReview)
        }
        if let stability = card.stability {
            writer.key("stability")
            writer.double(stability)
        }
        writer.key("state")
        writer.string(card.state.rawValue)
        if let step = card.step {
            writer.key("step")
            writer.int(step)
        }
        writer.closeObject()
    }

    static func record(_ record: CardRecord, into writer: inout JSONWriter) {
        writer.openObject()
        if let buriedUntil = record.buriedUntil {
            writer.key("buriedUntil")
            writer.date(buriedUntil)
        }
        writer.key("card")
        card(record.card, into: &writer)
        writer.key("lapses")
        writer.int(record.lapses)
        if record.leech {
            writer.key("leech")
            writer.bool(true)
        }
        writer.key("reps")
        writer.int(record.reps)
        if record.suspended {
            writer.key("suspended")
            writer.bool(true)
        }
        writer.closeObject()
    }

    /// `cards.json`, pretty-printed with sorted keys (ids sorted as JSONEncoder sorts them).
    static func cardsDocument(
        _ cards: [CardID: CardRecord], logBytes: Int?, schemaVersion: Int, fold: FoldCheckpoint? = nil
    ) -> Data {
        var data = Data()
        cardsDocument(cards, logBytes: logBytes, schemaVersion: schemaVersion, fold: fold) {
            data.append(contentsOf: $0)
        }
        return data
    }

    /// `cards.json` handed to `output` a megabyte or so at a time; with `fold`, the members `fold` and
    /// `logLines` too (see `FoldCheckpoint`).
    static func cardsDocument<Failure: Error>(
        _ cards: [CardID: CardRecord], logBytes: Int?, schemaVersion: Int, fold: FoldCheckpoint? = nil,
        output: ([UInt8]) throws(Failure) -> Void
    ) throws(Failure) {
        var writer = JSONWriter(pretty: true, capacity: min(1 << 20, 64 + cards.count * 330) + 4096)
        writer.openObject()
        writer.key("cards")
        writer.openObject()
        for id in sortedIDs(cards.keys) {
            writer.key(text: id.rawValue)
            // The keys were just read from the dictionary.
            if let record = cards[id] { Self.record(record, into: &writer) }
            if writer.count >= 1 << 20 { try output(writer.drain()) }
        }
        writer.closeObject()
        if let fold {
            writer.key("fold")
            fold.write(into: &writer)
        }
        if let logBytes {
            writer.key("logBytes")
            writer.int(logBytes)
        }
        if let fold {
            writer.key("logLines")
            writer.int(fold.logLines)
        }
        writer.key("schemaVersion")
        writer.int(schemaVersion)
        let totals = CardTotals(cards)
        writer.key("totals")
        writer.openObject()
        writer.key("cards")
        writer.int(totals.cards)
        writer.key("lapses")
        writer.int(totals.lapses)
        writer.key("reps")
        writer.int(totals.reps)
        writer.closeObject()
        writer.closeObject()
        try output(writer.drain())
    }

    /// Ids in JSONEncoder's key order. Ids are NFC, for which String's order is the order of their
    /// UTF-8 bytes; comparing the bytes skips String's Unicode-aware comparison, slow for Hangul.
    ///
    /// The bytes of all ids are first copied one after another into one buffer, and places in it are
    /// sorted: a comparison is then a memcmp, without retaining two strings or finding their bytes
    /// (at 100,000 cards this took 0.17 s of a checkpoint's 0.4 s).
    static func sortedIDs(_ ids: some Collection<CardID>) -> [CardID] {
        let list = Array(ids)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(list.count * 40)
        var spans: [(start: Int, count: Int)] = []
        spans.reserveCapacity(list.count)
        for id in list {
            var text = id.rawValue
            text.withUTF8 { utf8 in
                spans.append((bytes.count, utf8.count))
                bytes.append(contentsOf: utf8)
            }
        }
        var order = Array(list.indices)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            order.sort { lhs, rhs in
                let left = spans[lhs]
                let right = spans[rhs]
                let common = min(left.count, right.count)
                if common > 0 {
                    let sign = memcmp(base + left.start, base + right.start, common)
                    if sign != 0 { return sign < 0 }
                }
                return left.count < right.count
            }
        }
        return order.map { list[$0] }
    }

    /// An array of strings.
    static func strings(_ texts: [String], into writer: inout JSONWriter) {
        writer.openArray()
        for text in texts {
            writer.element()
            writer.string(text)
        }
        writer.closeArray()
    }

    /// One line of the log, without its newline.
    static func logLine(_ line: LogRecord) -> Data {
        var writer = JSONWriter(pretty: false)
        writer.openObject()
        if let after = line.after {
            writer.key("after")
            card(after, into: &writer)
        }
        if let answer = line.answer {
            writer.key("answer")
            writer.string(answer)
        }
        writer.key("at")
        writer.date(line.at)
        if let before = line.before {
            writer.key("before")
            writer.string(before.rawValue)
        }
        writer.key("card")
        writer.string(line.cardID.rawValue)
        if let chosen = line.chosen {
            writer.key("chosen")
            writer.string(chosen)
        }
        if let correct = line.correct {
            writer.key("correct")
            writer.bool(correct)
        }
        writer.key("kind")
        writer.string(line.kind.rawValue)
        if let mode = line.mode {
            writer.key("mode")
            writer.string(mode.rawValue)
        }
        if let durationMs = line.durationMs {
            writer.key("ms")
            writer.int(durationMs)
        }
        if let options = line.options {
            writer.key("options")
            strings(options, into: &writer)
        }
        if let rating = line.rating {
            writer.key("rating")
            writer.int(rating.rawValue)
        }
        if let right = line.right {
            writer.key("right")
            strings(right, into: &writer)
        }
        writer.key("schemaVersion")
        writer.int(line.schemaVersion)
        if let undoes = line.undoes {
            writer.key("undoes")
            writer.string(undoes.rawValue)
        }
        if let until = line.until {
            writer.key("until")
            writer.date(until)
        }
        writer.closeObject()
        return Data(writer.bytes)
    }
}
