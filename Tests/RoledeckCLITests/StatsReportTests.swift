import Foundation
import RoledeckCore
import Testing

@testable import RoledeckREPL

/// A tiny collection for the rendering tests: one domain with a Hangul and a Latin-Hangul role name.
enum ReportFixture {
    static let zone = TimeZone(secondsFromGMT: 9 * 3600) ?? .current
    static let days = DayConvention.anki(rolloverHour: 4, timeZone: zone)
    static let now = time("2026-03-10T10:00")

    static func time(_ text: String) -> Date {
        ISOTimestamp.parse(text + "+09:00") ?? Date(timeIntervalSince1970: 0)
    }

    static func card(_ id: String, role: String, answer: String, prompt: String = "?") -> Card {
        Card(
            id: CardID(rawValue: id), kind: .roleDomain, domain: DomainKey(rawValue: "data"),
            role: RoleKey(rawValue: role), prompt: prompt, answers: [Answer(answer)], explanation: "test")
    }

    static let decks: [Deck] = {
        let json = """
            {"schemaVersion": 1, "catalog": {"source": "t.md", "title": "T"},
             "domain": {"key": "data", "number": 1, "name": "데이터", "branch": "Data",
                        "roles": [{"key": "데이터-엔지니어", "name": "데이터 엔지니어"}, {"key": "ai-리서처", "name": "AI 리서처"}]},
             "cards": []}
            """
        var deck = (try? JSONDecoder().decode(Deck.self, from: Data(json.utf8)))
        deck?.cards = [
            card(
                "role-domain/데이터-엔지니어", role: "데이터-엔지니어", answer: "데이터",
                prompt: "이 카탈로그에서 데이터 엔지니어는 어느 분야에 속하나요?"),
            card("cloze/데이터-엔지니어/구축", role: "데이터-엔지니어", answer: "구축"),
            card("role-domain/ai-리서처", role: "ai-리서처", answer: "데이터"),
        ]
        return deck.map { [$0] } ?? []
    }()

    /// One card reviewed today at stability 30 (R = 1, mature); two reviews in the log, a wrong choice.
    static func statistics(empty: Bool = false) -> Statistics {
        let id = CardID(rawValue: "role-domain/데이터-엔지니어")
        let after = FSRSCard(
            state: .review, stability: 30, difficulty: 5, due: time("2026-03-11T09:00"),
            lastReview: time("2026-03-10T09:00"))
        let log: [LogRecord] = [
            .review(
                cardID: id, at: time("2026-03-09T09:00"), rating: .again, before: after, after: after,
                chosen: "머신 러닝", durationMs: 65_000),
            .review(
                cardID: id, at: time("2026-03-10T09:00"), rating: .good, before: after, after: after, durationMs: 5000),
        ]
        let input = StatsInput(
            decks: decks, records: empty ? [:] : [id: CardRecord(card: after, reps: 2)],
            history: ReviewHistory.build(empty ? [] : log, now: now, days: days), settings: StudySettings(), days: days)
        return Statistics.compute(input)
    }
}

/// Removes ANSI colour sequences, to measure what a terminal shows.
func withoutColour(_ text: String) -> String {
    text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
}

@Suite("Rendering the statistics")
struct StatsReportTests {
    @Test func masteryColumnsLineUpWithHangulCountedTwice() {
        let report = StatsReport(ReportFixture.statistics())
        // Names padded to 19 columns ("데이터 엔지니어" is 15 wide, +4 indent), then seen/total
        // (12), mean retrievability (7), mature share (6), the bar and mastery.
        #expect(
            report.mastery() == [
                "",
                "숙련도",
                "                          본 카드 기억률  성숙  숙련도",
                "  전체                        1/3   100%   33%  [###-------]  33%",
                "    1. 데이터                 1/3   100%   33%  [###-------]  33%",
                "      데이터 엔지니어         1/2   100%   50%  [#####-----]  50%",
                "      AI 리서처               0/1      -    0%  [----------]   0%",
                "  기억률: 본 카드 평균 · 성숙: 안정도 21일 이상 · 숙련도: 지금 기억할 카드의 몫",
            ])
    }

    @Test func todayStreakAndConfusions() {
        let report = StatsReport(ReportFixture.statistics())
        #expect(
            report.today() == [
                "", "오늘", "  복습 1회 · 카드 1장 · 통과율 100% · 공부 시간 5초",
                "  지금 복습할 카드 0장 · 오늘 남은 새 카드 2장", "  내일: 복습 1장 · 새 카드 2장",
                "  연속 학습 2일 (최장 2일)",
            ])
        // The card is named by its prompt; the line predates `right`, and the card has one answer.
        #expect(
            report.confusions() == [
                "", "자주 헷갈린 것 (카드 · 고른 오답 · 그때 보인 정답)", "  1회  이 카탈로그에서 데이터 엔지니어는 어느 분야에 속하나요?",
                "       '머신 러닝' 고름 · 정답 '데이터'",
            ])
    }

    @Test func focusCardsAreNamedByTheirPromptCutToTheWidth() throws {
        // A true-false card (answer X) and a cloze card whose line tells it from its siblings.
        let json = """
            {"schemaVersion": 1, "catalog": {"source": "t.md", "title": "T"},
             "domain": {"key": "data", "number": 1, "name": "데이터", "branch": null,
                        "roles": [{"key": "데이터-엔지니어", "name": "데이터 엔지니어"}]},
             "cards": [
               {"id": "true-false/데이터-엔지니어/excel", "kind": "true-false", "domain": "data",
                "role": "데이터-엔지니어", "prompt": "이 카탈로그에서 데이터 엔지니어의 기술 스택에는 Microsoft Excel과 Google Sheets가 있다.",
                "answers": [{"text": "X"}], "explanation": "t"},
               {"id": "cloze/데이터-엔지니어/구축", "kind": "cloze", "domain": "data", "role": "데이터-엔지니어",
                "prompt": "데이터 엔지니어의 업무입니다. 빈칸에 들어갈 말은 무엇인가요?",
                "context": "데이터 파이프라인 ＿＿＿ 및 관리", "answers": [{"text": "구축"}], "explanation": "t"}]}
            """
        let deck = try JSONDecoder().decode(Deck.self, from: Data(json.utf8))
        let last = ReportFixture.time("2026-03-01T09:00")
        var records: [CardID: CardRecord] = [:]
        for card in deck.cards {
            records[card.id] = CardRecord(
                card: FSRSCard(state: .review, stability: 2, difficulty: 5, due: last, lastReview: last), lapses: 2)
        }
        let stats = Statistics.compute(
            StatsInput(
                decks: [deck], records: records,
                history: ReviewHistory(now: ReportFixture.now, days: ReportFixture.days), settings: StudySettings(),
                days: ReportFixture.days))
        let lines = StatsReport(stats, width: 80).focus()
        let cards = lines.filter { $0.hasPrefix("  카드  ") }
        #expect(cards.count == 2)
        #expect(cards.contains { $0.contains("이 카탈로그에서 데이터 엔지니어의 기술 스택에는") && $0.hasSuffix("..") })
        #expect(cards.contains { $0.hasSuffix("데이터 엔지니어의 업무입니다. 빈칸에 들어갈 말은 무엇인가요?") })
        #expect(lines.contains { $0.hasSuffix("데이터 파이프라인 ＿＿＿ 및 관리 · 잊음 2회") })
        for line in lines {
            #expect(DisplayWidth.of(line) <= 80, "\(line)")
            #expect(!line.hasSuffix(" X") && !line.contains("· X"), "\(line)")
        }
    }

    @Test func calendarUsesOneColumnASCIIGlyphsUnderMonthNames() {
        let lines = StatsReport(ReportFixture.statistics()).calendar()
        // 2026-03-10 is a Tuesday: the last column holds Monday 03-09 (1 review, the busiest level
        // of 1/1) and Tuesday 03-10; the days after today are blank.
        #expect(lines[1] == "복습 달력 (최근 26주 · 하루 최대 1회 · 총 2회)")
        #expect(lines[2].hasPrefix("     9월"))  // starts Monday 2025-09-15
        #expect(lines[3].hasPrefix("  월 . . ") && lines[3].hasSuffix(". #"))
        #expect(lines[4].hasSuffix(". #"))
        #expect(lines[5].hasSuffix(" ."))  // Wednesday: the week before only
        #expect(lines[10] == "     적음 . : + * # 많음")
        for glyph in StatsReport.calendarGlyphs { #expect(DisplayWidth.of(String(glyph)) == 1 && glyph.isASCII) }
        #expect(
            StatsReport.level(1, peak: 8) == 1 && StatsReport.level(5, peak: 8) == 3
                && StatsReport.level(8, peak: 8) == 4)
    }

    @Test func forecastLabelsTheDaysUnderTheBars() {
        let lines = StatsReport(ReportFixture.statistics()).forecast()
        // The one studied card is due tomorrow.
        #expect(lines[1] == "앞으로 30일 복습 예정 (합계 1장 · 밀린 카드는 오늘에)")
        #expect(lines[2] == "    1 |  #")
        #expect(lines[7] == "    0 +" + String(repeating: "-", count: 60))
        #expect(lines[8] == "       오늘          +7            +14           +21           +28")
    }

    @Test func everyLineFitsEightyColumnsWithAndWithoutColour() throws {
        let catalog = try Catalog.shipped()
        let decks = DeckGenerator(catalog: catalog).decks()
        var records: [CardID: CardRecord] = [:]
        for (index, card) in decks.flatMap(\.cards).enumerated() where index % 2 == 0 {
            records[card.id] = CardRecord(
                card: FSRSCard(
                    state: .review, stability: Double(index % 40) + 0.5, difficulty: 5, due: ReportFixture.now,
                    lastReview: ReportFixture.time("2026-03-01T09:00")), lapses: index % 3)
        }
        let input = StatsInput(
            decks: decks, records: records,
            history: ReviewHistory(now: ReportFixture.now, days: ReportFixture.days), settings: StudySettings(),
            days: ReportFixture.days)
        let statistics = Statistics.compute(input)
        for colour in [false, true] {
            let text = StatsReport.render(statistics, width: 80, colour: colour)
            for line in withoutColour(text).split(separator: "\n") {
                #expect(DisplayWidth.of(String(line)) <= 80, "\(line)")
            }
            #expect(text.contains("\u{1B}[") == colour)
        }
        let small = StatsReport.render(ReportFixture.statistics(), width: 80, colour: false)
        for line in small.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 80, "\(line)") }
    }

    @Test func anEmptyCollectionGetsAFriendlyMessage() {
        let text = StatsReport.render(ReportFixture.statistics(empty: true))
        #expect(
            text == """
                학습 통계 · 2026-03-10 기준

                아직 공부한 카드가 없습니다. `roledeck review`로 첫 카드를 공부해 보세요.
                카드 3장 중 새 카드 3장 · 오늘 공부할 수 있는 새 카드 3장

                """)
    }

    @Test func truncationKeepsDisplayColumns() {
        #expect(DisplayWidth.truncated("데이터 엔지니어", to: 9) == "데이터..")
        #expect(DisplayWidth.truncated("short", to: 9) == "short")
        #expect(DisplayWidth.line("데이터\n  엔지니어", fitting: 20) == "데이터 엔지니어")
        #expect(StatsReport.duration(milliseconds: 3_725_000) == "1시간 2분")
    }
}

@Suite("The mastery mindmap in Mermaid")
struct MermaidMasteryTests {
    @Test func theShippedMindmapGetsPercentagesAndAutoMLIsNamedInAComment() throws {
        let catalog = try Catalog.shipped()
        let decks = DeckGenerator(catalog: catalog).decks()
        let first = try #require(decks.first?.domain.roles.first)
        var records: [CardID: CardRecord] = [:]
        for card in decks.flatMap(\.cards) where card.role == first.key {
            records[card.id] = CardRecord(
                card: FSRSCard(
                    state: .review, stability: 30, difficulty: 5, due: ReportFixture.now,
                    lastReview: ReportFixture.now))
        }
        let statistics = Statistics.compute(
            StatsInput(
                decks: decks, records: records,
                history: ReviewHistory(now: ReportFixture.now, days: ReportFixture.days), settings: StudySettings(),
                days: ReportFixture.days))
        let text = MermaidMastery.render(statistics, mindmap: catalog.mindmap)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "mindmap")
        #expect(lines[2].hasPrefix("  root((AI JOB ") && lines[2].hasSuffix("%))"))
        // 데이터 애널리틱스 is fully known now: its leaf says 100%.
        #expect(lines.contains("      Data 애널리틱스 100%"))
        #expect(lines.contains("    Cloud & Infra 0%"))
        #expect(lines.last == "  %% 마인드맵에 없는 분야: 7. AutoML 0% (AutoML 전문가 0%)")
        #expect(!text.contains("AutoML 전문가 0%\n      "))
    }

    @Test func withoutAMindmapTheDomainsAreDrawnAndShapesAreEscaped() {
        let text = MermaidMastery.render(ReportFixture.statistics(), mindmap: nil)
        #expect(
            text == """
                mindmap
                  %% roledeck stats --mermaid, 2026-03-10: 숙련도 = 지금 기억할 카드의 몫
                  root((AI JOB 33%))
                    데이터 33%
                      데이터 엔지니어 50%
                      AI 리서처 0%

                """)
        #expect(MermaidMastery.label("클라우드 엔지니어 (AI/ML 포커스)") == "클라우드 엔지니어 （AI/ML 포커스）")
    }
}
