import Foundation
import RoledeckCore

/// Fixed inputs for the store tests: a fixed clock and fresh temporary folders.
enum StoreFixtures {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    /// A new empty folder under the system temp folder; unique per call.
    static func folder(_ name: String = #function) -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("roledeck-store-tests")
            .appendingPathComponent("\(name.filter { $0.isLetter || $0.isNumber })-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The scheduler state after `count` Good reviews a day apart, starting at `now`.
    static func card(goodReviews count: Int = 1) -> FSRSCard {
        var rng = SeededGenerator(seed: 1)
        var card = FSRSCard.new(due: now)
        for day in 0..<count {
            card =
                Scheduler().review(card, rating: .good, at: now.addingTimeInterval(Double(day) * 86_400), rng: &rng)
                .card
        }
        return card
    }

    /// A studied card's record after `reps` Good reviews.
    static func record(reps: Int = 1, lapses: Int = 0) -> CardRecord {
        CardRecord(card: card(goodReviews: reps), lapses: lapses, reps: reps)
    }

    /// A review line for `cardID` moving it from `before` to `after`.
    static func review(_ cardID: CardID, before: FSRSCard?, after: FSRSCard, minute: Int = 0) -> LogRecord {
        .review(
            cardID: cardID, at: now.addingTimeInterval(Double(minute) * 60), rating: .good, before: before,
            after: after, answer: "라우터", durationMs: 1234)
    }

    static func bytes(_ url: URL) -> Data? {
        try? Data(contentsOf: url)
    }

    static func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url)
    }
}

extension CardID: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }
}

extension Data {
    /// Appends these bytes to the file at `url`.
    func append(to url: URL) throws {
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: self)
        try handle.close()
    }
}
