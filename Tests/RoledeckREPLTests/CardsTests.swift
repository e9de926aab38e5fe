import Foundation
import Testing

@testable import RoledeckCore
@testable import RoledeckREPL

/// `cards` at the prompt and the text `roledeck cards` prints.
@Suite struct CardsTests {
    @Test func theCardsLineIsReadLikeTheCommandsOptions() {
        #expect(
            CardsRequest.parse("--domain 데이터 --state review")
                == .success(CardsRequest(domain: "데이터", state: "review")))
        #expect(
            CardsRequest.parse("--search \"데이터 수집\" --json") == .success(CardsRequest(search: "데이터 수집", json: true)))
        #expect(CardsRequest.parse("파이프라인 관리") == .success(CardsRequest(search: "파이프라인 관리")))
        #expect(CardsRequest.parse("show cloze/a/b") == .success(CardsRequest(show: "cloze/a/b")))
        #expect(CardsRequest.parse("보기 sql") == .success(CardsRequest(show: "sql")))
        #expect(CardsRequest.parse("--colour") == .failure(.unknownOption("--colour")))
        #expect(CardsRequest.parse("--kind") == .failure(.missingValue(option: "--kind")))
        #expect(CardsRequest.parse("show") == .failure(.missingValue(option: "show")))
        #expect(CommandParser.parse("cards --state leech") == .command(.cards(arguments: "--state leech")))
        #expect(CommandParser.parse("카드") == .command(.cards(arguments: "")))
    }

    @Test func aListingLineGivesStateDueStabilityRetrievabilityAndLapses() {
        let days = DayConvention.anki(rolloverHour: 4, timeZone: StudyFixture.seoul)
        let now = StudyFixture.start
        let decks = StudyFixture.decks
        let review = FSRSCard(
            state: .review, stability: 12.34, difficulty: 5.5, due: now.addingTimeInterval(3 * 86_400),
            lastReview: now.addingTimeInterval(-9 * 86_400))
        let records: [CardID: CardRecord] = [
            StudyFixture.id("duties/데이터-엔지니어"): CardRecord(card: review, lapses: 2, reps: 6, leech: true)
        ]
        let scheduler = Scheduler(dayConvention: days)
        let summaries = CardSummary.all(decks: decks, records: records, scheduler: scheduler, now: now)
        let lines = CardsText.list(Array(summaries.prefix(2)), total: summaries.count, now: now, days: days)
        #expect(lines[0] == "카드 2장 (전체 11장 중)")
        #expect(lines[1] == "상태          다음 복습       안정성  기억률  잊음  카드")
        #expect(
            lines[2] == "새 카드       —                    —       —     0  role-domain/데이터-엔지니어  질문 role-domain/데이터-엔지니어"
        )
        #expect(lines[3] == "복습, 거머리  03-05 (3일 뒤)  12.3일     92%     2  duties/데이터-엔지니어  질문 duties/데이터-엔지니어")
        #expect(CardsText.list([], total: 11, now: now, days: days) == ["맞는 카드가 없습니다 (전체 11장)."])
    }

    @Test func theReplListsAndShowsCardsWithTheirHistory() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        var (repl, _) = try fixture.repl([
            .line(""), .option("데이터"), .line(""), .line(":q"),
            .line("cards --state learning"), .line("cards show role-domain/데이터-엔지니어"), .line("카드 --kind 퀴즈"),
            .line("cards 머신"), .line("cards show nothing-like-this"),
        ])
        repl.run()
        let text = fixture.transcript.text
        #expect(text.contains("카드 1장 (전체 11장 중)\n상태     다음 복습"))
        #expect(text.contains("학습 중  오늘 10:10   2.3일    100%     0  role-domain/데이터-엔지니어"))
        #expect(text.contains("role-domain/데이터-엔지니어\n  덱         데이터 (data)\n  직무       데이터 엔지니어\n"))
        #expect(text.contains("  오답 보기  머신 러닝, MLOps, AutoML\n"))
        #expect(text.contains("  상태       학습 중 · 다음 복습 오늘 10:10\n"))
        #expect(text.contains("복습 기록 1번:\n  2026-03-02 10:00 · 새 카드 · 3 좋음 · "))
        #expect(text.contains("--kind '퀴즈': 그런 카드 종류는 없습니다; 종류: role-domain, "))
        #expect(text.contains("카드 4장 (전체 11장 중)"))
        #expect(text.contains("'nothing-like-this': 그런 id의 카드가 덱에 없습니다"))
    }
}
