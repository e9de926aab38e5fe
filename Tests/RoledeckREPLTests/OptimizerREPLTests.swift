import Foundation
import Testing

@testable import RoledeckCore
@testable import RoledeckREPL

@Suite("optimize and evaluate at the prompt")
struct OptimizerREPLTests {
    /// Writes a log of `days` days on which `cards` cards are each reviewed once, Again now and then.
    static func studyEveryDay(_ fixture: StudyFixture, cards: Int, days: Int) throws {
        let store = try ProgressStore.open(folder: fixture.folder)
        let scheduler = Scheduler(dayConvention: .anki(timeZone: StudyFixture.seoul))
        var rng = SeededGenerator(seed: 3)
        var states: [Int: FSRSCard] = [:]
        for day in 0..<days {
            for card in 0..<cards {
                let at = StudyFixture.start.addingTimeInterval(Double(day * 86_400 + card * 20))
                let before = states[card]
                let rating: Rating = (card * 7 + day * 3) % 5 == 0 ? .again : .good
                let (after, _) = scheduler.review(before ?? .new(due: at), rating: rating, at: at, rng: &rng)
                try store.append(
                    .review(
                        cardID: CardID(rawValue: "synthetic/\(card)"), at: at, rating: rating, before: before,
                        after: after))
                states[card] = after
            }
        }
    }

    @Test func theCommandsAndTheirKoreanNamesParse() {
        #expect(CommandParser.parse("optimize") == .command(.optimize))
        #expect(CommandParser.parse("최적화") == .command(.optimize))
        #expect(CommandParser.parse("evaluate") == .command(.evaluate(parameters: nil)))
        #expect(CommandParser.parse("평가 default") == .command(.evaluate(parameters: "default")))
        #expect(CommandParser.parse("optimzie") == .unknown(word: "optimzie", suggestion: "optimize"))
    }

    @Test func withFewReviewsOptimizeSaysHowManyMoreAreNeededAndChangesNothing() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        try Self.studyEveryDay(fixture, cards: 11, days: 2)
        fixture.clock.now = StudyFixture.start.addingTimeInterval(2 * 86_400)
        var (repl, _) = try fixture.repl([.line("최적화"), .line("quit")])
        repl.run()
        let text = fixture.transcript.text
        #expect(text.contains("복습 22개 · 카드 11장 · 채점할 복습 11개"))
        #expect(text.contains("매개변수를 맞추려면 채점할 수 있는 복습이 64개 필요합니다. 지금 11개라 53개 더 필요합니다."))
        #expect(!FileManager.default.fileExists(atPath: fixture.folder.appendingPathComponent("settings.json").path))
        #expect(repl.state.settings.parameters == .default)
    }

    @Test func optimizeSavesBetterParametersAndTheSessionGoesOnWithThem() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        try Self.studyEveryDay(fixture, cards: 150, days: 4)
        fixture.clock.now = StudyFixture.start.addingTimeInterval(4 * 86_400)
        var (repl, _) = try fixture.repl([.line("optimize"), .line("evaluate previous"), .line("quit")])
        repl.showsProgress = true
        repl.run()
        let text = fixture.transcript.text
        #expect(text.contains("복습 600개 · 카드 150장 · 채점할 복습 450개 (하루 시작 4시, Asia/Seoul)"))
        #expect(text.contains("\r매개변수 맞추는 중 [####################] 100% (에포크 5/5)"))
        #expect(text.contains("log loss가 "))
        #expect(text.contains("settings.json에 저장했습니다; 바뀌기 전 매개변수는 previousParameters로 남겼습니다."))
        #expect(text.contains("이제부터 새 매개변수로 일정을 잡습니다."))
        let saved = try StudySettings.load(from: fixture.folder)
        #expect(saved.parameters.weights != SchedulerParameters.defaultWeights)
        #expect(saved.previousWeights == SchedulerParameters.defaultWeights)
        #expect(repl.state.settings.parameters.weights == saved.parameters.weights)
        #expect(repl.state.scheduler.parameters.weights == saved.parameters.weights)
        // evaluate previous scores the defaults the fit replaced, beside the defaults.
        #expect(text.contains("이전 매개변수로 채점할 복습 450개의 기억 여부를 예측했습니다:"))
    }

    @Test func evaluateNamesABadParameterList() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        var (repl, _) = try fixture.repl([.line("평가 1, 2, 3"), .line("evaluate previous"), .line("quit")])
        repl.run()
        let text = fixture.transcript.text
        #expect(text.contains("evaluate: FSRS 매개변수는 21개(w0…w20)여야 하는데 3개입니다."))
        #expect(text.contains("evaluate: 이전 매개변수가 아직 없습니다"))
    }

    @Test func theReportReadsAsATable() {
        let metrics = PredictionMetrics(
            predictions: [0.9, 0.6], recalled: [true, false],
            bins: [
                MetricBin(elapsedDays: 2, sequence: 2, lapses: 0), MetricBin(elapsedDays: 9, sequence: 2, lapses: 0),
            ])
        let lines = OptimizerText().table([("지금 매개변수", metrics), ("기본 매개변수", metrics)])
        #expect(
            lines == [
                "                  log loss   RMSE(bins)      AUC",
                "  지금 매개변수     0.5108       43.01%   1.0000",
                "  기본 매개변수     0.5108       43.01%   1.0000",
            ])
        #expect(OptimizerText.grouped(1_234_567) == "1,234,567")
        #expect(OptimizerText.grouped(12) == "12")
    }
}

@Suite("optimize in a read-only session")
struct OptimizerReadOnlyTests {
    @Test func aReadOnlySessionDoesNotOptimizeButEvaluates() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        try OptimizerREPLTests.studyEveryDay(fixture, cards: 150, days: 4)
        fixture.clock.now = StudyFixture.start.addingTimeInterval(4 * 86_400)
        let holder = try ProgressStore.open(folder: fixture.folder)
        defer { _ = holder }
        let store = ProgressStore.openReadOnly(folder: fixture.folder)
        let state = try StudyState(
            decks: StudyFixture.decks, store: store, settings: fixture.settings, systemTimeZone: StudyFixture.seoul)
        let transcript = fixture.transcript
        var repl = REPL(
            state: state, reader: ScriptedStudent([.line("최적화"), .line("평가"), .line("quit")], transcript: transcript),
            console: Console { transcript.text += $0 }, clock: fixture.clock.studyClock,
            rng: RandomSource(SeededGenerator(seed: 1)))
        repl.run()
        #expect(transcript.text.contains("읽기 전용입니다: 다른 roledeck 세션을 닫은 뒤 다시 여세요."))
        #expect(transcript.text.contains("지금 매개변수로 채점할 복습 450개의 기억 여부를 예측했습니다:"))
        #expect(!FileManager.default.fileExists(atPath: fixture.folder.appendingPathComponent("settings.json").path))
    }
}
