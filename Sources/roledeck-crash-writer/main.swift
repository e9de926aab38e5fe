// Test support for the crash test: answers cards the way a study session does (append the
// review durably, then save cards.json) and prints "ack <i>" once each answer is on disk, so
// the test can kill it with SIGKILL at any moment and check that no acknowledged answer is lost.
// Usage: roledeck-crash-writer <progress folder> <count>
import Foundation
import RoledeckCore

let arguments = CommandLine.arguments
guard arguments.count == 3, let count = Int(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: roledeck-crash-writer <folder> <count>\n".utf8))
    exit(64)
}
do {
    let store = try ProgressStore.open(folder: URL(fileURLWithPath: arguments[1]))
    var cards = try store.loadCards()
    let scheduler = Scheduler()
    var rng = SeededGenerator(seed: 7)
    let start = Date(timeIntervalSince1970: 1_700_000_000)
    for index in 0..<count {
        let id = CardID(rawValue: "card-\(index % 5)")
        let now = start.addingTimeInterval(Double(index) * 60)
        let before = cards[id]
        let rating = Rating.allCases[index % 4]
        var after = before ?? CardRecord(card: .new(due: now))
        let card = scheduler.review(after.card, rating: rating, at: now, rng: &rng).card
        after.applyReview(rating: rating, before: PriorState(before?.card), after: card)
        try store.append(
            .review(
                cardID: id, at: now, rating: rating, before: before?.card, after: after.card, answer: "answer-\(index)",
                durationMs: index))
        FileHandle.standardOutput.write(Data("ack \(index)\n".utf8))
        cards[id] = after
        try store.saveCards(cards)
    }
} catch {
    FileHandle.standardError.write(Data("roledeck-crash-writer: error: \(error.localizedDescription)\n".utf8))
    exit(1)
}
