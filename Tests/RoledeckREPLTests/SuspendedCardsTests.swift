import Foundation
import Testing

@testable import RoledeckCore
@testable import RoledeckREPL

@Suite("Suspended cards: a numbered list, unsuspend by number or the start of an id")
struct SuspendedCardsTests {
    /// Suspends three cards at the prompt's state, as a session would.
    func suspendThree(_ fixture: StudyFixture) throws {
        let store = try ProgressStore.open(folder: fixture.folder)
        let recorder = try ProgressRecorder.open(
            store: store, settings: fixture.settings, days: .pyFSRS, uptimeNanoseconds: 0)
        for id in ["cloze/머신-러닝-엔지니어/모델-학습", "true-false/데이터-엔지니어/sql", "true-false/데이터-엔지니어/excel"] {
            try recorder.suspend(StudyFixture.id(id), now: StudyFixture.start, uptimeNanoseconds: 0)
        }
        try recorder.finish()
    }

    @Test func theListIsInStudyOrderAndFindsByNumberIdOrUniqueStart() throws {
        let suspended = ["stack-role/sql", "cloze/데이터-엔지니어/정제", "gone/old-card", "true-false/데이터-엔지니어/sql"]
        let records = Dictionary(
            uniqueKeysWithValues: suspended.map {
                (StudyFixture.id($0), CardRecord(card: .new(due: StudyFixture.start), suspended: true))
            })
        let cards = StudyFixture.decks.flatMap(\.cards)
        let list = SuspendedCards(records: records, cards: cards)
        #expect(
            list.ids.map(\.rawValue) == [
                "cloze/데이터-엔지니어/정제", "stack-role/sql", "true-false/데이터-엔지니어/sql", "gone/old-card",
            ])
        #expect(try list.card(for: "2").rawValue == "stack-role/sql")
        #expect(try list.card(for: " cloze/데이터-엔지니어/정제 ").rawValue == "cloze/데이터-엔지니어/정제")
        #expect(try list.card(for: "true").rawValue == "true-false/데이터-엔지니어/sql")
        // Decomposed Hangul, as some input methods send it, is the same id.
        #expect(try list.card(for: "cloze/데이터".decomposedStringWithCanonicalMapping).rawValue == "cloze/데이터-엔지니어/정제")
        #expect(throws: SuspendedCardsError.noSuchNumber(5, count: 4)) { try list.card(for: "5") }
        // Only the start counts, never the middle of an id.
        #expect(throws: SuspendedCardsError.notFound("sql", count: 4)) { try list.card(for: "sql") }
        let twoClozes = SuspendedCards(
            records: records.merging(
                [
                    StudyFixture.id("cloze/머신-러닝-엔지니어/모델-학습"): CardRecord(
                        card: .new(due: StudyFixture.start), suspended: true)
                ]
            ) { $1 }, cards: cards)
        #expect(throws: SuspendedCardsError.several("cloze", numbers: [1, 4])) { try twoClozes.card(for: "cloze") }
        #expect(throws: SuspendedCardsError.noneSuspended) {
            try SuspendedCards(records: [:], cards: cards).card(for: "1")
        }
        #expect(
            SuspendedCardsError.several("cloze", numbers: [1, 5]).errorDescription
                == "'cloze'로 시작하는 보류된 카드가 2장입니다 (1, 5번): 번호로 고르세요.")
    }

    @Test func atThePromptSuspendedListsThemAndUnsuspendTakesANumber() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        try suspendThree(fixture)
        var (repl, _) = try fixture.repl([
            .line("suspended"), .line("unsuspend 9"), .line("unsuspend true"), .line("unsuspend 2"),
            .line("보류목록"), .line("undo"), .line("suspended"), .line("quit"),
        ])
        repl.run()
        let text = fixture.transcript.text
        #expect(text.contains("보류된 카드 3장:"))
        // Each named by its prompt, its id (whose start unsuspend takes) under it.
        #expect(text.contains("  1  질문 true-false/데이터-엔지니어/sql\n     true-false/데이터-엔지니어/sql\n"))
        #expect(text.contains("  3  질문 cloze/머신-러닝-엔지니어/모델-학습\n     cloze/머신-러닝-엔지니어/모델-학습\n"))
        #expect(text.contains("되살리려면: unsuspend 번호 (또는 id의 앞부분)"))
        #expect(text.contains("보류된 카드 중 9번은 없습니다: 1–3번이 있습니다 (목록은 suspended)."))
        #expect(text.contains("'true'로 시작하는 보류된 카드가 2장입니다 (1, 2번): 번호로 고르세요."))
        #expect(text.contains("보류를 풀었습니다: 질문 true-false/데이터-엔지니어/excel (되돌리기: undo)"))
        #expect(text.contains("보류된 카드 2장:"))
        #expect(text.contains("보류 해제를 되돌렸습니다: 질문 true-false/데이터-엔지니어/excel"))
        #expect(text.components(separatedBy: "보류된 카드 3장:").count == 3)
        #expect(try fixture.log().suffix(2).map(\.kind) == [.unsuspend, .undo])
    }

    @Test func tabCompletesTheSuspendedCardsAfterUnsuspend() {
        let suspended = ["true-false/데이터-엔지니어/sql", "true-false/데이터-엔지니어/excel", "stack-role/sql"].map(
            StudyFixture.id)
        let decks = StudyFixture.decks
        #expect(
            CommandCompletion.candidates(forLine: "unsuspend true", decks: decks, suspended: suspended)
                == ["true-false/데이터-엔지니어/sql", "true-false/데이터-엔지니어/excel"])
        #expect(
            CommandCompletion.candidates(forLine: "보류해제 st", decks: decks, suspended: suspended) == ["stack-role/sql"])
        #expect(CommandCompletion.candidates(forLine: "sus", decks: decks).contains("suspended"))
        let words = CompletionWords()
        words.update(suspended: suspended)
        #expect(words.suspended == suspended)
    }
}
