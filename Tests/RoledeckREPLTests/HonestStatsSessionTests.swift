import Foundation
import Testing

@testable import RoledeckCore
@testable import RoledeckREPL

/// A session and the statistics of what it saved must agree with what was on screen.
@Suite struct HonestStatsSessionTests {
    typealias Step = ScriptedStudent.Step

    func statistics(_ fixture: StudyFixture, now: Date) throws -> StatsLoader.Loaded {
        try StatsLoader.load(
            decks: StudyFixture.decks, store: ProgressStore.openReadOnly(folder: fixture.folder),
            settings: fixture.settings, days: fixture.settings.days(systemTimeZone: StudyFixture.seoul), filter: .all,
            now: now)
    }

    /// The option lines of each question on screen, in order: `  1) text`.
    func optionsShown(_ transcript: String) -> [[String]] {
        var questions: [[String]] = []
        for line in transcript.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("[") { questions.append([]) }
            guard line.hasPrefix("  "), let close = line.firstIndex(of: ")"),
                Int(line.dropFirst(2)[..<close]) != nil, !questions.isEmpty
            else { continue }
            questions[questions.count - 1].append(
                line[line.index(after: close)...].trimmingCharacters(in: .whitespaces))
        }
        return questions.filter { !$0.isEmpty }
    }

    @Test func aWrongChoiceKeepsTheOptionsShownAndStatsNameTheRightOneShown() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        var (repl, _) = try fixture.repl([
            .option("MLOps"), .line(""),
            .line("파이프라인"), .line("1"),
            .line("SQL, Java"), .line(""),
            .line("수집"), .line(""),
            .option("AI 리서처"), .line(""),
            .options(["AI 리서처"]), .line(""),
        ])
        _ = repl.study(.today)
        let choices = try fixture.log().filter { $0.chosen != nil }
        let shown = optionsShown(fixture.transcript.text)
        #expect(choices.count == 3 && shown.count == 3)
        for (line, options) in zip(choices, shown) {
            #expect(line.options == options)
            let right = try #require(line.right)
            #expect(!right.isEmpty && right.allSatisfy(options.contains))
            let card = try #require(StudyFixture.decks.flatMap(\.cards).first { $0.id == line.cardID })
            #expect(Set(right).isSubset(of: card.answers.map(\.text)))
            #expect(!right.contains(line.chosen ?? ""))
        }
        let stats = try statistics(fixture, now: fixture.clock.now).statistics
        #expect(stats.confusions.count == 3)
        for confusion in stats.confusions {
            let line = try #require(choices.first { $0.cardID == confusion.card })
            #expect(confusion.expected == line.right?.joined(separator: " | "))
            #expect(confusion.prompt == "질문 \(confusion.card.rawValue)")
        }
    }

    @Test func theSummaryCountsCardsAndReviewsApart() throws {
        var fixture = try StudyFixture()
        defer { fixture.remove() }
        fixture.settings.limits.newPerDay = 1
        // One new card: wrong, then its learning steps bring it back twice (waited for: Enter, then the countdown).
        var (repl, _) = try fixture.repl([
            .option("MLOps"), .line(""), .line(""), .wait(60), .option("데이터"), .line(""), .line(""), .wait(600),
            .option("데이터"), .line(""),
        ])
        let result = repl.study(.today)
        let summary = try #require(result)
        #expect(summary.cards == 1)
        #expect(summary.reviewed == 3)
        #expect(fixture.transcript.text.contains(": 카드 1장 · 복습 3회 · 정확도 67%"))
    }

    @Test func theSessionsTomorrowIsTheStatsTomorrow() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        // The first card wrong (its next step is due today), then the input ends with cards left.
        var (repl, _) = try fixture.repl([.option("MLOps"), .line("")])
        let result = repl.study(.today)
        let summary = try #require(result)
        let line = "내일: 복습 \(summary.dueTomorrow)장 · 새 카드 \(summary.newTomorrow)장"
        #expect(summary.dueTomorrow == 1)
        #expect(fixture.transcript.text.contains(line))
        let stats = try statistics(fixture, now: fixture.clock.now).statistics
        #expect(stats.day.dueTomorrow == summary.dueTomorrow && stats.day.newTomorrow == summary.newTomorrow)
        // The report says it the same way, and gives no other number for tomorrow.
        let report = repl.statsLines(now: fixture.clock.now)
        #expect(report.contains("  " + line))
        #expect(report.filter { $0.contains("내일") }.count == 1)
    }

    @Test func statsInThePastCountOnlyWhatWasStudiedByThen() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        let firstDay = fixture.clock.now
        do {
            var (first, _) = try fixture.repl([.option("데이터"), .line(""), .line(""), .line("")])
            _ = first.study(.today)
        }
        // Three days later, three more answers.
        fixture.clock.now = firstDay.addingTimeInterval(3 * 86_400)
        do {
            // Three answers, whatever cards come (`?`: not known, the answer is shown).
            var (second, _) = try fixture.repl([.line("?"), .line(""), .line("?"), .line(""), .line("?"), .line("")])
            _ = second.study(.today)
        }
        let log = try fixture.log().filter { $0.kind == .review }
        let byThen = log.filter { $0.at <= firstDay.addingTimeInterval(3600) }
        #expect(byThen.count == 2 && log.count == 5)

        let past = try statistics(fixture, now: firstDay.addingTimeInterval(3600)).statistics
        #expect(past.catalog.seen == 2)
        #expect(past.totalReviews == 2 && past.laterReviews == 3)
        #expect(past.day.reviews == 2)
        let text = StatsReport.render(past)
        #expect(text.contains("이 시각 뒤의 복습 3회는 뺐습니다"))
        let now = try statistics(fixture, now: fixture.clock.now).statistics
        #expect(now.catalog.seen > 2 && now.totalReviews == 5 && now.laterReviews == 0)
    }
}
