import Foundation
import Testing

@testable import RoledeckCore
@testable import RoledeckREPL

@Suite struct StudyStateTests {
    func open(_ fixture: StudyFixture) throws -> StudyState {
        try StudyState(
            decks: StudyFixture.decks, store: ProgressStore.open(folder: fixture.folder), settings: fixture.settings,
            systemTimeZone: StudyFixture.seoul)
    }

    /// The judge and the siblings are built when the first queue is, or when first asked for before any
    /// queue: either way they hold the same, and asking never finds them empty.
    @Test func theIndexesAreTheSameWhenAskedForBeforeOrAfterTheFirstQueue() throws {
        let fixture = try StudyFixture()
        let other = try StudyFixture()
        defer {
            fixture.remove()
            other.remove()
        }
        let early = try open(fixture)
        var late = try open(other)
        _ = late.queue(now: StudyFixture.start)
        let judge = ReplyJudge(decks: StudyFixture.decks)
        for card in early.cards {
            #expect(early.siblings(of: card) == late.siblings(of: card))
            for reply in card.answers.map(\.text) + ["모르겠어요", ""] {
                #expect(early.judge.check(reply, card: card) == judge.check(reply, card: card))
                #expect(late.judge.check(reply, card: card) == judge.check(reply, card: card))
            }
        }
        #expect(early.cards.contains { !early.siblings(of: $0).isEmpty })
    }

    @Test func twelveAnswersAreTakenBackOneByOne() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        var state = try open(fixture)
        var rng = SeededGenerator(seed: 3)
        let now = StudyFixture.start
        let ids = (0..<12).map { state.cards[$0 % state.cards.count].id }
        for id in ids {
            _ = try state.saveAnswer(id, rating: .good, given: .init(answer: "a"), now: now, rng: &rng)
        }
        #expect(state.undoCount == 12)
        #expect(state.studiedToday(now: now).newCards == 11)
        var undone: [CardID] = []
        while let action = try state.undoLast(now: now) { undone.append(action.card) }
        #expect(undone == ids.reversed())
        #expect(state.records.isEmpty)
        #expect(state.studiedToday(now: now) == StudiedToday())
        let store = ProgressStore.openReadOnly(folder: fixture.folder)
        #expect(try store.foldLog().cards.isEmpty)
        #expect(try store.loadLog().records.filter { $0.kind == .undo }.count == 12)
    }

    @Test func aLeechIsFlaggedAgainEveryHalfThreshold() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        let id = StudyFixture.id("cloze/데이터-엔지니어/정제")
        let now = StudyFixture.start
        let memory = FSRSCard(
            state: .review, stability: 5, difficulty: 5, due: now, lastReview: now.addingTimeInterval(-86_400 * 5))
        for (lapses, flagged) in [(10, false), (11, true), (7, true), (8, false)] {
            try fixture.seed([id: CardRecord(card: memory, lapses: lapses, reps: 30)])
            var state = try open(fixture)
            var rng = SeededGenerator(seed: 1)
            let saved = try state.saveAnswer(id, rating: .again, given: .init(correct: false), now: now, rng: &rng)
            #expect(saved.becameLeech == flagged, "lapse \(lapses + 1)")
        }
    }

    @Test func aLogAheadOfCardsJSONIsRecovered() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        let id = StudyFixture.id("cloze/데이터-엔지니어/정제")
        let now = StudyFixture.start
        do {
            // As if killed between the log append and the cards.json save.
            let store = try ProgressStore.open(folder: fixture.folder)
            var rng = SeededGenerator(seed: 1)
            let after = Scheduler().review(.new(due: now), rating: .good, at: now, rng: &rng).card
            try store.append(.review(cardID: id, at: now, rating: .good, before: nil, after: after))
        }
        let state = try open(fixture)
        #expect(state.recoveredFromLog == [id])
        #expect(state.records[id]?.reps == 1)
        #expect(try fixture.cards()[id]?.reps == 1)
    }
}
