import Foundation

/// An Anki review history as CSV, in the format of py-fsrs's review logs: a header naming the columns
/// `card_id`, `review_rating` (1–4), `review_time` (ISO-8601, e.g. `2024-03-29T20:32:32.250000+00:00`)
/// and optionally `review_duration` (milliseconds), in any order, then one review per line.
public enum RevlogCSV {
    /// One review of the file.
    public struct Entry: Sendable, Equatable {
        /// The card, numbered by first appearance in the file.
        public var card: Int
        public var rating: Rating
        public var time: Date
        /// The line it is on.
        public var line: Int
    }

    /// The reviews of a file, in file order.
    public struct Contents: Sendable, Equatable {
        public var entries: [Entry]
        /// How many different cards the file names.
        public var cardCount: Int

        /// The reviews in the order they happened (equal times in card and line order), counted in
        /// whole days by `days`.
        public func dataset(days: DayConvention) -> ReviewDataset {
            var counter = DayCounter(days)
            let ordered = entries.sorted { lhs, rhs in
                if lhs.time != rhs.time { return lhs.time < rhs.time }
                return lhs.card != rhs.card ? lhs.card < rhs.card : lhs.line < rhs.line
            }
            return ReviewDataset(
                ordered.map {
                    ReviewDataset.Review(
                        card: Int32($0.card), day: Int32(clamping: counter.dayNumber(of: $0.time)), rating: $0.rating)
                })
        }
    }

    /// Reads and parses `url`.
    public static func load(from url: URL) throws(OptimizerError) -> Contents {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: url.path, reason: (error as NSError).localizedDescription)
        }
        return try parse(data, path: url.path)
    }

    /// Parses the text of a file; `path` names it in errors, which also give the line.
    public static func parse(_ data: Data, path: String) throws(OptimizerError) -> Contents {
        var entries: [Entry] = []
        var cards: [String: Int] = [:]
        var columns: (card: Int, rating: Int, time: Int, duration: Int?)?
        var lineNumber = 0
        var failure: OptimizerError?
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
            while start < bytes.count, failure == nil {
                lineNumber += 1
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                var stop = end
                if stop > start, bytes[stop - 1] == 0x0D { stop -= 1 }
                let fields = split(UnsafeBufferPointer(rebasing: bytes[start..<stop]))
                start = end + 1
                if fields.allSatisfy(\.isEmpty) && fields.count <= 1 { continue }
                guard let layout = columns else {
                    do throws(OptimizerError) {
                        columns = try header(fields, path: path)
                    } catch {
                        failure = error
                    }
                    continue
                }
                do throws(OptimizerError) {
                    entries.append(try entry(fields, layout: layout, cards: &cards, line: lineNumber, path: path))
                } catch {
                    failure = error
                }
            }
        }
        if let failure { throw failure }
        guard !entries.isEmpty else { throw .noReviews(path: path) }
        return Contents(entries: entries, cardCount: cards.count)
    }

    private static func split(_ line: UnsafeBufferPointer<UInt8>) -> [String] {
        var fields: [String] = []
        var fieldStart = 0
        for index in 0...line.count where index == line.count || line[index] == UInt8(ascii: ",") {
            var text = String(decoding: UnsafeBufferPointer(rebasing: line[fieldStart..<index]), as: UTF8.self)
            text = text.trimmingCharacters(in: .whitespaces)
            if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") {
                text = String(text.dropFirst().dropLast())
            }
            fields.append(text)
            fieldStart = index + 1
        }
        return fields
    }

    private static func header(_ fields: [String], path: String) throws(OptimizerError)
        -> (card: Int, rating: Int, time: Int, duration: Int?)
    {
        let names = fields.map { $0.lowercased() }
        func column(_ name: String) throws(OptimizerError) -> Int {
            guard let index = names.firstIndex(of: name) else {
                throw .missingColumn(path: path, column: name, header: fields.joined(separator: ","))
            }
            return index
        }
        return (
            try column("card_id"), try column("review_rating"), try column("review_time"),
            names.firstIndex(of: "review_duration")
        )
    }

    private static func entry(
        _ fields: [String], layout: (card: Int, rating: Int, time: Int, duration: Int?), cards: inout [String: Int],
        line: Int, path: String
    ) throws(OptimizerError) -> Entry {
        func field(_ index: Int, _ name: String) throws(OptimizerError) -> String {
            guard index < fields.count else { throw .missingField(path: path, line: line, column: name) }
            return fields[index]
        }
        let id = try field(layout.card, "card_id")
        guard !id.isEmpty else {
            throw .invalidField(path: path, line: line, column: "card_id", value: id, expected: "a card id")
        }
        let ratingText = try field(layout.rating, "review_rating")
        guard let number = Int(ratingText), let rating = Rating(rawValue: number) else {
            throw .invalidField(
                path: path, line: line, column: "review_rating", value: ratingText,
                expected: "1, 2, 3 or 4 (Again, Hard, Good, Easy)")
        }
        let timeText = try field(layout.time, "review_time")
        guard let time = ISOTimestamp.parse(timeText), time.timeIntervalSince1970 >= 0,
            time.timeIntervalSince1970 < 253_402_300_800
        else {
            throw .invalidField(
                path: path, line: line, column: "review_time", value: timeText,
                expected: "an ISO-8601 time between 1970 and 9999 such as 2024-03-29T20:32:32+00:00")
        }
        if let duration = layout.duration, duration < fields.count, !fields[duration].isEmpty {
            guard let milliseconds = Int(fields[duration]), milliseconds >= 0 else {
                throw .invalidField(
                    path: path, line: line, column: "review_duration", value: fields[duration],
                    expected: "a whole number of milliseconds, 0 or more")
            }
        }
        let card: Int
        if let known = cards[id] {
            card = known
        } else {
            card = cards.count
            cards[id] = card
        }
        return Entry(card: card, rating: rating, time: time, line: line)
    }
}
