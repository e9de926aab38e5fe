import Foundation
import RoledeckCore

/// A made-up Anki review history of any length, written as a revlog CSV that both roledeck and the
/// reference read: cards introduced day by day and reviewed when due by the real scheduler, recall
/// drawn from the card's retrievability (Again when forgotten; else Hard, Good or Easy at 10/80/10),
/// learning steps taken the same day.
struct RevlogSimulation {
    var reviews: Int
    var seed: UInt64 = 11

    /// Writes the history to `url` (UTC times; days counted from 04:00 UTC) and returns how many reviews it has.
    func write(to url: URL) throws -> Int {
        var rng = SeededGenerator(seed: seed)
        let utc = TimeZone(secondsFromGMT: 0) ?? .current
        let scheduler = Scheduler(dayConvention: .anki(rolloverHour: 4, timeZone: utc))
        let start = Date(timeIntervalSince1970: 1_704_099_600)  // 2024-01-01 09:00 UTC
        // About ten reviews per card over a year and a half.
        let cardCount = max(10, reviews / 10)
        let days = 540
        var queue = DueQueue()
        var cards: [FSRSCard] = []
        for card in 0..<cardCount {
            let day = Int(Double(card) / Double(cardCount) * Double(days) * 0.7)
            let at = start.addingTimeInterval(Double(day * 86_400) + Double.random(in: 0..<36_000, using: &rng))
            cards.append(.new(due: at))
            queue.push(at, card)
        }
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: url.path) else {
            throw BenchmarkFailure("cannot write \(url.path)")
        }
        defer { try? handle.close() }
        var buffer = "card_id,review_rating,review_time,review_duration\n"
        var written = 0
        while written < reviews, let (due, card) = queue.pop() {
            var at = due
            if scheduler.dayConvention.elapsedDays(from: cards[card].lastReview ?? due, to: due) >= 1 {
                // A review day: the learner sits down some time between 09:00 and 19:00 UTC.
                let midnight = Double(Int(due.timeIntervalSince1970 / 86_400) * 86_400)
                at = max(
                    due, Date(timeIntervalSince1970: midnight + 32_400 + Double.random(in: 0..<36_000, using: &rng)))
            }
            let recall = scheduler.retrievability(of: cards[card], at: at) ?? 1
            let rating: Rating
            if cards[card].isNew {
                rating = [.again, .hard, .good, .good, .good, .easy][Int.random(in: 0..<6, using: &rng)]
            } else if Double.random(in: 0..<1, using: &rng) >= recall {
                rating = .again
            } else {
                let draw = Double.random(in: 0..<1, using: &rng)
                rating = draw < 0.1 ? .hard : draw < 0.9 ? .good : .easy
            }
            cards[card] = scheduler.review(cards[card], rating: rating, at: at, rng: &rng).card
            buffer += "\(card),\(rating.rawValue),\(ISOTimestamp.format(at)),0\n"
            written += 1
            if buffer.utf8.count > 1 << 20 {
                handle.write(Data(buffer.utf8))
                buffer = ""
            }
            queue.push(cards[card].due, card)
        }
        handle.write(Data(buffer.utf8))
        return written
    }

    /// Cards by due time, earliest first (a binary heap).
    struct DueQueue {
        private var heap: [(Date, Int)] = []

        mutating func push(_ due: Date, _ card: Int) {
            heap.append((due, card))
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard heap[child].0 < heap[parent].0 else { break }
                heap.swapAt(child, parent)
                child = parent
            }
        }

        mutating func pop() -> (Date, Int)? {
            guard let first = heap.first else { return nil }
            let last = heap.removeLast()
            guard !heap.isEmpty else { return first }
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < heap.count, heap[left].0 < heap[smallest].0 { smallest = left }
                if right < heap.count, heap[right].0 < heap[smallest].0 { smallest = right }
                guard smallest != parent else { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
            return first
        }
    }
}
