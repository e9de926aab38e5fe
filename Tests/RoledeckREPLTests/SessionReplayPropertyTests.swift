import Foundation
import Testing

@testable import RoledeckCore
@testable import RoledeckREPL

/// For random seeded sessions — answers with every rating, undos, burials, suspensions and their
/// end, the clock moving by minutes, hours and days, checkpoints every few changes — what the
/// session holds in memory at the end equals a replay of the session's own log read back from disk,
/// and its queue, kept up to date per change, equals one built afresh.
@Suite struct SessionReplayPropertyTests {
    enum Action: CaseIterable {
        case answer, undo, bury, suspend, unsuspend, minutes, hours, nextDay
    }

    @Test(arguments: 0..<24)
    func theStateInMemoryIsTheReplayOfTheSessionsLog(seed: UInt64) throws {
        var fixture = try StudyFixture()
        defer { fixture.remove() }
        var rng = SeededGenerator(seed: 1000 + seed)
        fixture.settings = StudySettings(
            limits: QueueLimits(newPerDay: Int.random(in: 1...11, using: &rng), reviewsPerDay: 50),
            leechThreshold: Int.random(in: 1...3, using: &rng),
            leechAction: Bool.random(using: &rng) ? .suspend : .tag,
            checkpoint: CheckpointPolicy(everyAnswers: Int.random(in: 1...6, using: &rng)))
        let store = try ProgressStore.open(folder: fixture.folder)
        var state = try StudyState(
            decks: StudyFixture.decks, store: store, settings: fixture.settings, systemTimeZone: StudyFixture.seoul,
            clock: fixture.clock.studyClock)
        var now = StudyFixture.start
        let weights: [(Action, Int)] = [
            (.answer, 12), (.undo, 3), (.bury, 1), (.suspend, 1), (.unsuspend, 1), (.minutes, 3), (.hours, 1),
            (.nextDay, 1),
        ]
        let total = weights.reduce(0) { $0 + $1.1 }
        for step in 0..<80 {
            var pick = Int.random(in: 0..<total, using: &rng)
            let action =
                weights.first { entry in
                    defer { pick -= entry.1 }
                    return pick < entry.1
                }?.0 ?? .answer
            let queue = state.queue(now: now)
            // The queue kept up to date equals one built afresh from the same states.
            let fresh = DailyQueue(
                cards: state.cards, states: state.records, now: now, days: state.days, limits: state.settings.limits,
                studied: state.studiedToday(now: now))
            #expect(queue == fresh, "seed \(seed) step \(step)")
            let anyCard = state.cards[Int.random(in: 0..<state.cards.count, using: &rng)].id
            switch action {
            case .answer:
                let id = queue.ordered.first ?? anyCard
                let rating = Rating.allCases[Int.random(in: 0..<4, using: &rng)]
                _ = try state.saveAnswer(
                    id, rating: rating, given: .init(answer: "답 \(step)", correct: rating != .again, durationMs: step),
                    now: now, rng: &rng)
            case .undo:
                _ = try state.undoLast(now: now)
            case .bury:
                try state.bury(anyCard, now: now)
            case .suspend:
                try state.suspend(anyCard, now: now)
            case .unsuspend:
                let suspended = state.records.filter { $0.value.suspended }.keys.sorted()
                if let id = suspended.first { _ = try state.unsuspend(id, now: now) }
            case .minutes:
                now.addTimeInterval(Double(Int.random(in: 1...30, using: &rng)) * 60)
            case .hours:
                now.addTimeInterval(Double(Int.random(in: 1...8, using: &rng)) * 3600)
            case .nextDay:
                now.addTimeInterval(86_400 + Double(Int.random(in: 0...3600, using: &rng)))
            }
        }
        try state.finish()

        // The session's own log, read back from the file and replayed through the one fold.
        let replayed = try ProgressStore.openReadOnly(folder: fixture.folder).foldLog(days: state.days)
        let memory = state.recorder.fold
        #expect(memory.cards == replayed.cards, "seed \(seed)")
        #expect(memory.days == replayed.days, "seed \(seed)")
        // A session keeps no reviews for the statistics; replayed the same way, its log gives the same undo window.
        let counted = try ProgressStore.openReadOnly(folder: fixture.folder).foldLog(
            days: state.days, keepsHistory: false)
        #expect(!memory.keepsHistory && memory.history.reviews.isEmpty, "seed \(seed)")
        #expect(memory.recent.entries.map(\.counted) == counted.recent.entries.map(\.counted), "seed \(seed)")
        #expect(memory.days == counted.days && memory.cards == counted.cards, "seed \(seed)")
        #expect(memory.reviewCount == replayed.reviewCount && replayed.reviewCount > 10, "seed \(seed)")
        #expect(memory.unmatchedUndoLines.isEmpty && replayed.unmatchedUndoLines.isEmpty, "seed \(seed)")
        #expect(memory.recent.entries.map(\.card) == replayed.recent.entries.map(\.card), "seed \(seed)")
        #expect(memory.recent.entries.map(\.kind) == replayed.recent.entries.map(\.kind), "seed \(seed)")
        // The checkpoint written at the end holds the same states, and a new session opens on them.
        #expect(try CardsFile.decode(Data(contentsOf: store.cardsURL)) == memory.cards, "seed \(seed)")
        let reopened = try StudyState(
            decks: StudyFixture.decks, store: ProgressStore.openReadOnly(folder: fixture.folder),
            settings: fixture.settings, systemTimeZone: StudyFixture.seoul)
        #expect(reopened.records == memory.cards, "seed \(seed)")
        #expect(reopened.studiedToday(now: now) == state.studiedToday(now: now), "seed \(seed)")
        #expect(
            reopened.history.streak(through: state.days.dayNumber(of: now))
                == state.history.streak(through: state.days.dayNumber(of: now)), "seed \(seed)")
    }
}
