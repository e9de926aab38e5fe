import Foundation

/// An Anki review history as CSV, in the format of py-fsrs's review logs: a header naming the columns
/// `card_id`, `review_rating` (1–4), `review_time` (ISO-8601, e.g. `2024-03-29T20:32:32.250000+00:00`)
/// and optionally `review_duration` (milliseconds), in any order, then one review per line.
public enum RevlogCSV {
    /// One review of the file.
    public struct Entry: Sendable, Equatable {
        /// The card, numbered by first appearance in the file.
        public var card: Int32
        public var rating: Rating
        public var time: Date
        /// The line it is on.
        public var line: Int32
    }

    /// The reviews of a file, in file order.
    public struct Contents: Sendable, Equatable {
        public var entries: [Entry]
        /// How many different cards the file names.
        public var cardCount: Int

        /// The reviews in the order they happened (equal times in card and line order), on the days
        /// `days` counts.
        public func reviews(days: DayConvention) -> [ReviewDataset.Review] {
            var counter = DayCounter(days)
            let order = entries.indices.sorted { lhs, rhs in
                let (a, b) = (entries[lhs], entries[rhs])
                if a.time != b.time { return a.time < b.time }
                return a.card != b.card ? a.card < b.card : a.line < b.line
            }
            return order.map { index in
                let entry = entries[index]
                return ReviewDataset.Review(
                    card: entry.card, day: Int32(clamping: counter.dayNumber(of: entry.time)), rating: entry.rating)
            }
        }

        /// The dataset of `reviews(days:)`.
        public func dataset(days: DayConvention) -> ReviewDataset {
            ReviewDataset(reviews(days: days))
        }
    }

    /// Reads and parses `url` a megabyte at a time.
    public static func load(from url: URL) throws(OptimizerError) -> Contents {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw .unreadable(path: url.path, reason: (error as NSError).localizedDescription)
        }
        defer { try? handle.close() }
        var parser = Parser(path: url.path)
        var carry: [UInt8] = []
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            } catch {
                throw .unreadable(path: url.path, reason: (error as NSError).localizedDescription)
            }
            if chunk.isEmpty { break }
            carry.append(contentsOf: chunk)
            guard let lastNewline = carry.lastIndex(of: 0x0A) else { continue }
            try parser.consume(carry[...lastNewline])
            carry.removeSubrange(...lastNewline)
        }
        try parser.consume(carry[...])
        return try parser.finish()
    }

    /// Parses the text of a file; `path` names it in errors, which also give the line.
    public static func parse(_ data: Data, path: String) throws(OptimizerError) -> Contents {
        var parser = Parser(path: path)
        try parser.consume(ArraySlice(data))
        return try parser.finish()
    }

    /// Reads the file line by line: the header first, then one review per line.
    struct Parser {
        let path: String
        var columns: (card: Int, rating: Int, time: Int, duration: Int?)?
        var cards: [String: Int32] = [:]
        var entries: [Entry] = []
        var line = 0

        init(path: String) {
            self.path = path
        }

        /// Takes whole lines (the last may lack its newline).
        mutating func consume(_ bytes: ArraySlice<UInt8>) throws(OptimizerError) {
            var start = bytes.startIndex
            if line == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
            while start < bytes.endIndex {
                let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.endIndex
                line += 1
                var stop = end
                if stop > start, bytes[stop - 1] == 0x0D { stop -= 1 }
                try take(Self.fields(bytes[start..<stop]))
                start = end + 1
            }
        }

        func finish() throws(OptimizerError) -> Contents {
            guard !entries.isEmpty else { throw .noReviews(path: path) }
            return Contents(entries: entries, cardCount: cards.count)
        }

        /// The comma-separated fields, spaces and surrounding quotes trimmed.
        static func fields(_ line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
            line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map { field in
                var field = field
                while let first = field.first, first == 0x20 || first == 0x09 { field = field.dropFirst() }
                while let last = field.last, last == 0x20 || last == 0x09 { field = field.dropLast() }
                if field.count >= 2, field.first == 0x22, field.last == 0x22 { field = field.dropFirst().dropLast() }
                return field
            }
        }

        static func text(_ field: ArraySlice<UInt8>) -> String {
            String(decoding: field, as: UTF8.self)
        }

        private mutating func take(_ fields: [ArraySlice<UInt8>]) throws(OptimizerError) {
            if fields.allSatisfy(\.isEmpty) && fields.count <= 1 { return }
            guard let layout = columns else {
                columns = try header(fields)
                return
            }
            func field(_ index: Int, _ name: String) throws(OptimizerError) -> ArraySlice<UInt8> {
                guard index < fields.count else { throw .missingField(path: path, line: line, column: name) }
                return fields[index]
            }
            let id = try field(layout.card, "card_id")
            guard !id.isEmpty else {
                throw .invalidField(path: path, line: line, column: "card_id", value: "", expected: "카드 id")
            }
            let ratingField = try field(layout.rating, "review_rating")
            guard ratingField.count == 1, let digit = ratingField.first, let rating = Rating(rawValue: Int(digit) - 48)
            else {
                throw .invalidField(
                    path: path, line: line, column: "review_rating", value: Self.text(ratingField),
                    expected: "\(Rating.koreanList) 중 하나")
            }
            let timeText = Self.text(try field(layout.time, "review_time"))
            guard let time = ISOTimestamp.parse(timeText), time.timeIntervalSince1970 >= 0,
                time.timeIntervalSince1970 < 253_402_300_800
            else {
                throw .invalidField(
                    path: path, line: line, column: "review_time", value: timeText,
                    expected: "2024-03-29T20:32:32+00:00 같은 1970–9999년의 ISO-8601 시각")
            }
            if let duration = layout.duration, duration < fields.count, !fields[duration].isEmpty,
                !(fields[duration].count <= 12 && fields[duration].allSatisfy { (48...57).contains($0) })
            {
                throw .invalidField(
                    path: path, line: line, column: "review_duration", value: Self.text(fields[duration]),
                    expected: "0 이상의 정수 밀리초")
            }
            let name = Self.text(id)
            let card: Int32
            if let known = cards[name] {
                card = known
            } else {
                card = Int32(cards.count)
                cards[name] = card
            }
            entries.append(Entry(card: card, rating: rating, time: time, line: Int32(clamping: line)))
        }

        private func header(_ fields: [ArraySlice<UInt8>]) throws(OptimizerError) -> (
            card: Int, rating: Int, time: Int, duration: Int?
        ) {
            let names = fields.map { Self.text($0).lowercased() }
            func column(_ name: String) throws(OptimizerError) -> Int {
                guard let index = names.firstIndex(of: name) else {
                    throw .missingColumn(path: path, column: name, header: fields.map(Self.text).joined(separator: ","))
                }
                return index
            }
            return (
                try column("card_id"), try column("review_rating"), try column("review_time"),
                names.firstIndex(of: "review_duration")
            )
        }
    }
}
