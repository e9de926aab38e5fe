import Foundation
import RoledeckCore

/// A seeded, made-up study history: decks copied up to a card count, and reviews simulated day
/// by day through the real scheduler (recall drawn from the card's retrievability), with learning
/// steps, lapses, wrong choices, undos and a skipped day now and then.
struct SyntheticCollection {
    var decks: [Deck]
    var records: [CardID: CardRecord] = [:]
    var log: [LogRecord] = []

    /// `cardCount` cards (the shipped decks, copied as often as needed), about `reviewCount`
    /// reviews over the `days` days before `end`.
    static func make(cardCount: Int, reviewCount: Int, days: Int, end: Date, seed: UInt64) throws -> Self {
        var collection = Self(decks: try decks(cardCount: cardCount))
        collection.simulate(reviewCount: reviewCount, days: days, end: end, seed: seed)
        // The card states are what the one fold of the log gives, as for a learner's own log.
        collection.records = LogFold(collection.log, days: .pyFSRS).cards
        return collection
    }

    /// The shipped decks, their cards copied (ids suffixed `~k`) until there are `cardCount`.
    static func decks(cardCount: Int) throws -> [Deck] {
        let shipped = DeckGenerator(catalog: try Catalog.shipped()).decks()
        var decks = shipped.map { deck in
            var copy = deck
            copy.cards = []
            return copy
        }
        var total = 0
        var round = 0
        while total < cardCount {
            for (index, deck) in shipped.enumerated() {
                for card in deck.cards where total < cardCount {
                    var copy = card
                    if round > 0 { copy.id = CardID(rawValue: card.id.rawValue + "~\(round)") }
                    decks[index].cards.append(copy)
                    total += 1
                }
            }
            round += 1
        }
        return decks
    }

    private mutating func simulate(reviewCount: Int, days: Int, end: Date, seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let scheduler = Scheduler(
            dayConvention: .anki(rolloverHour: 4, timeZone: TimeZone(identifier: "UTC") ?? .current))
        let cards = decks.flatMap(\.cards)
        let start = end.addingTimeInterval(-Double(days) * 86_400)
        let perDay = max(1, reviewCount / max(1, days))
        let newPerDay = max(1, min(cards.count / max(1, days) + 1, perDay / 3 + 1))
        var buckets = [[Int]](repeating: [], count: days + 1)
        var states = [FSRSCard?](repeating: nil, count: cards.count)
        var nextNew = 0
        for day in 0..<days where log.count < reviewCount {
            if Double.random(in: 0..<1, using: &rng) < 0.08 && day < days - 2 {
                // A missed day: its cards wait for tomorrow.
                buckets[day + 1] += buckets[day]
                continue
            }
            var clock = start.addingTimeInterval(Double(day) * 86_400 + 8 * 3600)
            let dayEnd = start.addingTimeInterval(Double(day + 1) * 86_400)
            var queue = buckets[day]
            for _ in 0..<newPerDay where nextNew < cards.count {
                queue.append(nextNew)
                nextNew += 1
            }
            var position = 0
            var done = 0
            while position < queue.count && log.count < reviewCount && done < 2 * perDay {
                let index = queue[position]
                position += 1
                let card = cards[index]
                let before = states[index]
                let current = before ?? .new(due: clock)
                let recall =
                    current.isNew ? 0.7 : (scheduler.retrievability(of: current, at: clock) ?? 0.7) * 0.97
                let draw = Double.random(in: 0..<1, using: &rng)
                let rating: Rating =
                    draw >= recall ? .again : draw < recall * 0.1 ? .easy : draw < recall * 0.2 ? .hard : .good
                let after = scheduler.review(current, rating: rating, at: clock, rng: &rng).card
                var chosen: String?
                if rating == .again, card.kind.format == .choice, let distractors = card.distractors,
                    !distractors.isEmpty
                {
                    chosen = distractors[Int.random(in: 0..<min(3, distractors.count), using: &rng)]
                }
                let line = LogRecord.review(
                    cardID: card.id, at: clock, rating: rating, before: before, after: after, chosen: chosen,
                    correct: rating != .again, durationMs: Int.random(in: 2000...20_000, using: &rng))
                log.append(line)
                done += 1
                if Double.random(in: 0..<1, using: &rng) < 0.005 {
                    // Took it back: the undo line, then the state it replaced.
                    clock.addTimeInterval(1)
                    log.append(.event(.undo, cardID: card.id, at: clock))
                    states[index] = before
                    queue.append(index)
                    continue
                }
                states[index] = after
                clock.addTimeInterval(Double(line.durationMs ?? 5000) / 1000)
                if after.due < dayEnd {
                    queue.append(index)
                } else {
                    let dueDay = min(days, Int(after.due.timeIntervalSince(start) / 86_400))
                    buckets[dueDay].append(index)
                }
            }
        }
    }

    /// Writes `cards.json`, `reviews.jsonl` and the decks' files under `folder`.
    func write(to folder: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        var data = Data()
        for line in log { data.append(ReviewLogFile.encodeLine(line)) }
        try data.write(to: folder.appendingPathComponent(ReviewLogFile.fileName))
        // As a session leaves it: a checkpoint that includes the whole log.
        try CardsFile.encode(records, logBytes: data.count).write(to: folder.appendingPathComponent(CardsFile.fileName))
    }
}
