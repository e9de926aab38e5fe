import Foundation
import Testing

@testable import RoledeckCore
@testable import RoledeckREPL

@Suite struct StudySessionTests {
    typealias Step = ScriptedStudent.Step

    /// Runs today's review with `steps` and returns the log.
    func review(_ fixture: StudyFixture, _ steps: [Step]) throws -> (SessionSummary?, [LogRecord]) {
        var (repl, _) = try fixture.repl(steps)
        let summary = repl.study(.today)
        return (summary, try fixture.log())
    }

    @Test func everyKindAnsweredRight() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        let (summary, log) = try review(
            fixture,
            [
                .option("데이터"), .line(""),
                .line(""), .line(""),
                .line("sql, python, apache spark, ros"), .line(""),
                .line("정제"), .line(""),
                .option("데이터 엔지니어"), .line(""),
                .options(["데이터 엔지니어", "데이터 애널리틱스"]), .line(""),
                .line("o"), .line(""),
                .line("x"), .line(""),
                .option("머신 러닝"), .line(""),
                .line("모델 학습"), .line(""),
                .line("머신 러닝 엔지니어"), .line(""),
            ])
        let reviews = log.filter { $0.kind == .review }
        #expect(reviews.count == 11)
        #expect(reviews.map(\.rating) == Array(repeating: .good, count: 11))
        #expect(reviews.map(\.correct) == [true, nil] + Array(repeating: true, count: 9))
        #expect(reviews.allSatisfy { $0.chosen == nil && $0.before == .new })
        #expect(fixture.transcript.text.components(separatedBy: "맞았습니다.").count - 1 == 10)
        #expect(summary?.reviewed == 11 && summary?.correct == 11)
        #expect(summary?.ending == .endOfInput)
        #expect(fixture.transcript.text.contains("복습을 멈췄습니다: 카드 11장 · 복습 11회 · 정확도 100%"))
        #expect(try fixture.cards().count == 11)
    }

    @Test func everyKindAnsweredWrong() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        let (_, log) = try review(
            fixture,
            [
                .option("MLOps"), .line(""),
                .line("파이프라인"), .line("1"),
                .line("SQL, Java"), .line(""),
                .line("수집"), .line(""),
                .option("AI 리서처"), .line(""),
                .options(["AI 리서처"]), .line(""),
                .line("x"), .line(""),
                .line("예"), .line(""),
                .option("데이터"), .line(""),
                .line("?"), .line(""),
                .line("모름"), .line(""),
            ])
        let reviews = log.filter { $0.kind == .review }
        #expect(reviews.count == 11)
        #expect(reviews.map(\.rating) == Array(repeating: .again, count: 11))
        #expect(reviews.map(\.correct) == [false, nil] + Array(repeating: false, count: 9))
        // Which wrong option was chosen goes to the log, for the confusion pairs.
        #expect(reviews[0].chosen == "MLOps")
        #expect(reviews[4].chosen == "AI 리서처")
        #expect(reviews[5].chosen == "AI 리서처")
        #expect(reviews[8].chosen == "데이터")
        #expect(reviews[1].answer == "파이프라인")
        let text = fixture.transcript.text
        #expect(text.contains("틀렸습니다."))
        #expect(text.contains("정답: 정제"))
        #expect(text.contains("빠진 것: Python, Apache Spark, ROS(Robot Operating System)"))
        #expect(text.contains("정답에 없는 것: Java"))
        #expect(text.contains("정답: X (거짓)"))
        #expect(text.contains("설명: test.md 설명 cloze/데이터-엔지니어/정제"))
    }

    /// `?` gives up on any card; `:hint`, `:힌트` or `힌트` shows the answer's first sounds and length (or
    /// strikes out half the wrong options of a choice) and caps the suggestion at Hard; true/false has no hint.
    @Test func questionMarkAndHintOnEveryKind() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        let (_, log) = try review(
            fixture,
            [
                .line("?"), .line(""),  // role-domain (choice): given up
                .line(":hint"), .line(""), .line(""),  // duties (flashcard) after a hint
                .line("힌트"), .line("sql, python, apache spark, ros"), .line(""),  // stack, right after a hint
                .line(":힌트"), .line("정제"), .line(""),  // cloze, right after a hint
                .line(":hint"), .option("데이터 엔지니어"), .line(""),  // duty-role (choice) after a hint
                .line("?"), .line(""),  // stack-role (select all): given up
                .line(":hint"), .line("o"), .line(""),  // true/false: no hint, right
            ])
        let reviews = log.filter { $0.kind == .review }
        #expect(reviews.map(\.rating) == [.again, .hard, .hard, .hard, .hard, .again, .good])
        #expect(reviews.map(\.correct) == [false, nil, true, true, true, false, true])
        let text = fixture.transcript.text
        #expect(text.contains("모르는 카드로 표시했습니다."))
        #expect(text.contains("정답: "))
        #expect(text.contains("힌트: ㅍㅇㅍㄹㅇ ㄱㅊ (7글자) / ㄷㅇㅌ ㅈㅈ (5글자)"))
        #expect(text.contains("힌트: S__ (3글자) / P_____ (6글자)"))
        #expect(text.contains("힌트: ㅈㅈ (2글자)"))
        // On a choice the hint strikes out wrong options and never names the right one.
        let choiceHint = text.split(separator: "\n").first { $0.hasPrefix("힌트: 답이 아닌 것: ") }
        #expect(choiceHint != nil && choiceHint?.contains("데이터 엔지니어") == false)
        #expect(text.contains("O/X 문제에는 힌트가 없습니다."))
        #expect(text.contains("힌트를 본 카드는 2 어려움까지만 제안합니다."))
    }

    @Test func enterAcceptsTheSuggestionAndDigitsOverrideIt() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        let (_, log) = try review(
            fixture,
            [
                .option("데이터"), .line("4"),
                .line(""), .line("9"), .line("어려움"),
                .line("sql, python, apache spark, ros"), .line("1"),
                .line("정재"), .line(""),  // a typo: right, suggested Hard
                .option("데이터 엔지니어"), .line("easy"),
            ])
        #expect(log.filter { $0.kind == .review }.map(\.rating) == [.easy, .hard, .again, .hard, .easy])
        let text = fixture.transcript.text
        #expect(text.contains("오타를 봐 주었습니다: '정재' → 정제"))
        #expect(text.contains("Enter로 제안을 받아들이거나 1–4를 입력하세요"))
        // Easy's 8 days fuzzed to 7 by this seed: shown and saved alike.
        #expect(text.contains("1 다시 1분 · 2 어려움 6분 · 3 좋음 10분 · 4 쉬움 7일"))
        #expect(text.contains("저장됨: 4 쉬움 · 다음 7일 뒤"))
    }

    @Test func aSlowRightAnswerIsSuggestedHard() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        fixture.clock.step = 100_000_000_000
        var (repl, reader) = try fixture.repl([.option("데이터"), .line("")])
        repl.study(.today)
        #expect(reader.prompts.contains("평가 (Enter = 2 어려움)> "))
        #expect(try fixture.log().first?.rating == .hard)
        #expect(try fixture.log().first?.durationMs == 100_000)
    }

    @Test func undoTakesBackAnswersOneByOne() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        var (repl, _) = try fixture.repl([
            .option("데이터"), .line(""),
            .line(""), .line(""),
            .line("sql, python"), .line(""),
            .line(":undo"), .line(":undo"), .line(":되돌리기"), .line(":undo"),
        ])
        let today = fixture.clock.now
        repl.study(.today)
        let log = try fixture.log()
        #expect(log.map(\.kind) == [.review, .review, .review, .undo, .undo, .undo])
        #expect(log.suffix(3).map(\.cardID.rawValue) == ["stack/데이터-엔지니어", "duties/데이터-엔지니어", "role-domain/데이터-엔지니어"])
        #expect(try fixture.cards().isEmpty)
        #expect(repl.state.studiedToday(now: today) == StudiedToday())
        #expect(repl.state.records.isEmpty)
        let text = fixture.transcript.text
        #expect(text.components(separatedBy: "되돌렸습니다: ").count - 1 == 3)
        #expect(text.contains("되돌릴 것이 없습니다."))
        // The undone card is shown again at once.
        let headers = text.split(separator: "\n").filter { $0.hasPrefix("[") }.map { String($0.prefix(5)) }
        #expect(headers == ["[1/11", "[2/11", "[3/11", "[4/11", "[3/11", "[2/11", "[1/11", "[1/11"])
        // Rebuilding from the log agrees.
        #expect(try ProgressStore.openReadOnly(folder: fixture.folder).foldLog().cards.isEmpty)
    }

    @Test func undoAfterSuspendTakesBackTheSuspensionNotThePreviousAnswer() throws {
        // The example: `:suspend` then `:undo` took back the answer before it.
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        var (repl, _) = try fixture.repl([
            .option("데이터"), .line(""),
            .line(":suspend"), .line(":undo"), .line(":bury"), .line(":undo"), .line(":q"),
        ])
        repl.study(.today)
        let log = try fixture.log()
        #expect(log.map(\.kind) == [.review, .suspend, .undo, .bury, .undo])
        #expect(log.compactMap(\.undoes) == [.suspend, .bury])
        let second = log[1].cardID
        #expect(log[2].cardID == second && log[4].cardID == second)
        #expect(repl.state.records[log[0].cardID]?.reps == 1)
        #expect(repl.state.records[second] == nil)
        let text = fixture.transcript.text
        #expect(text.contains("보류를 되돌렸습니다: "))
        #expect(text.contains("묻기를 되돌렸습니다: "))
        // The card set aside comes back at once.
        let headers = text.split(separator: "\n").filter { $0.hasPrefix("[") }.map { String($0.prefix(5)) }
        #expect(headers == ["[1/11", "[2/11", "[2/10", "[2/11", "[2/10", "[2/11"])
    }

    @Test func undoAtThePromptTakesBackABurialAtThePrompt() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        var (repl, _) = try fixture.repl([
            .line(""), .option("데이터"), .line(""), .line(":q"), .line("bury"), .line("undo"), .line("undo"),
            .line("undo"), .line("quit"),
        ])
        repl.run()
        #expect(try fixture.log().map(\.kind) == [.review, .bury, .undo, .undo])
        #expect(try fixture.log().compactMap(\.undoes) == [.bury, .review])
        #expect(repl.state.records.isEmpty)
        let text = fixture.transcript.text
        #expect(text.contains("묻기를 되돌렸습니다: 질문 role-domain/데이터-엔지니어"))
        #expect(text.contains("되돌릴 것이 없습니다."))
    }

    @Test func undoAtThePromptRestoresTheDayCounts() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        var (repl, _) = try fixture.repl([
            .line(""), .option("데이터"), .line(""), .line(":q"),
            .line("stats"), .line("undo"), .line("stats"), .line("undo"), .line("quit"),
        ])
        repl.run()
        let text = fixture.transcript.text
        #expect(text.contains("오늘 남은 새 카드 10장"))
        #expect(text.contains("되돌렸습니다: 질문 role-domain/데이터-엔지니어"))
        #expect(text.contains("오늘 공부할 수 있는 새 카드 11장"))
        #expect(text.contains("되돌릴 것이 없습니다."))
        #expect(try fixture.log().map(\.kind) == [.review, .undo])
    }

    func leechFixture(action: StudySettings.LeechAction) throws -> StudyFixture {
        var fixture = try StudyFixture()
        fixture.settings = StudySettings(limits: QueueLimits(newPerDay: 0), leechAction: action)
        let day: TimeInterval = 86_400
        let memory = FSRSCard(
            state: .review, stability: 5, difficulty: 5, due: StudyFixture.start.addingTimeInterval(-day),
            lastReview: StudyFixture.start.addingTimeInterval(-6 * day))
        try fixture.seed([StudyFixture.id("true-false/데이터-엔지니어/sql"): CardRecord(card: memory, lapses: 7, reps: 20)])
        return fixture
    }

    /// The fuzz is drawn when the card is shown: the interval beside each rating is the one saved.
    @Test func theIntervalShownIsTheIntervalApplied() throws {
        var seen: Set<String> = []
        for seed in UInt64(1)...12 {
            let fixture = try StudyFixture()
            defer { fixture.remove() }
            let day = 86_400.0
            let memory = FSRSCard(
                state: .review, stability: 4, difficulty: 5, due: StudyFixture.start.addingTimeInterval(-day),
                lastReview: StudyFixture.start.addingTimeInterval(-5 * day))
            try fixture.seed([StudyFixture.id("true-false/데이터-엔지니어/sql"): CardRecord(card: memory, reps: 3)])
            var (repl, _) = try fixture.repl([.line("o"), .line(""), .line(":q")], seed: seed)
            repl.study(.today)
            let text = fixture.transcript.text
            let shown = try #require(text.firstMatch(of: /3 좋음 (\d+)일/)?.1)
            let saved = try #require(text.firstMatch(of: /저장됨: 3 좋음 · 다음 (\d+)일 뒤/)?.1)
            #expect(shown == saved, "seed \(seed)")
            let review = try #require(try fixture.log().first { $0.kind == .review })
            let due = try #require(review.after?.due)
            #expect(Int((due.timeIntervalSince(review.at) / day).rounded()) == Int(saved), "seed \(seed)")
            seen.insert(String(saved))
        }
        #expect(seen.count > 1)  // the fuzz did vary: the test would catch a preview without it
    }

    @Test func theEighthLapseTagsALeech() throws {
        let fixture = try leechFixture(action: .tag)
        defer { fixture.remove() }
        var (repl, _) = try fixture.repl([.line("x"), .line(""), .line(":q")])
        repl.study(.today)
        #expect(try fixture.log().map(\.kind) == [.review, .leech])
        let record = try #require(try fixture.cards()[StudyFixture.id("true-false/데이터-엔지니어/sql")])
        #expect(record.lapses == 8 && record.leech && !record.suspended)
        #expect(fixture.transcript.text.contains("이 카드는 8번 잊어서 거머리로 표시했습니다."))
    }

    @Test func aLeechCanBeSuspendedListedAndUnsuspended() throws {
        let fixture = try leechFixture(action: .suspend)
        defer { fixture.remove() }
        var (repl, _) = try fixture.repl([
            .line(""), .line("x"), .line(""), .line("leeches"), .line("suspended"), .line("unsuspend 1"), .line("quit"),
        ])
        repl.run()
        #expect(try fixture.log().map(\.kind) == [.review, .leech, .suspend, .unsuspend])
        let text = fixture.transcript.text
        #expect(text.contains("(보류됨). `leeches`로 모아 볼 수 있습니다."))
        // Named by its prompt, with its id (for unsuspend) under it.
        #expect(
            text.contains(
                "  8번 잊음, 보류됨  질문 true-false/데이터-엔지니어/sql\n                    true-false/데이터-엔지니어/sql\n"))
        #expect(text.contains("보류된 거머리는 suspended 목록의 번호로 풀 수 있습니다: unsuspend 번호"))
        #expect(text.contains("  1  질문 true-false/데이터-엔지니어/sql (거머리)\n     true-false/데이터-엔지니어/sql\n"))
        #expect(text.contains("보류를 풀었습니다: 질문 true-false/데이터-엔지니어/sql (되돌리기: undo)"))
        let record = try #require(try fixture.cards()[StudyFixture.id("true-false/데이터-엔지니어/sql")])
        #expect(record.leech && !record.suspended)
    }

    @Test func newCardLimitCountsWhatWasStudiedToday() throws {
        var fixture = try StudyFixture()
        defer { fixture.remove() }
        fixture.settings = StudySettings(limits: QueueLimits(newPerDay: 2))
        do {
            var (repl, _) = try fixture.repl([.option("데이터"), .line("")])
            #expect(repl.todayLine() == "오늘 복습 0장 · 새 카드 2장 · 예상 1분")
            repl.study(.today)
        }
        var (repl, _) = try fixture.repl([.line(""), .line("")])
        #expect(repl.todayLine() == "오늘 복습 0장 · 새 카드 1장 · 예상 1분")
        repl.study(.today)
        let headers = fixture.transcript.text.split(separator: "\n").filter { $0.hasPrefix("[") }
        // The second session's total counts both learning cards shown ahead once nothing else is left.
        #expect(headers.map { String($0.prefix(5)) } == ["[1/2]", "[2/2]", "[1/1]", "[2/3]"])
        #expect(headers.last?.hasSuffix("직무 → 분야") == true)  // the first session's learning card, due again
        // Tomorrow the limit starts again.
        fixture.clock.now = StudyFixture.start.addingTimeInterval(86_400)
        #expect(repl.todayLine().contains("새 카드 2장"))
    }

    @Test func reviewLimitCapsTheDueCards() throws {
        var fixture = try StudyFixture()
        defer { fixture.remove() }
        fixture.settings = StudySettings(limits: QueueLimits(newPerDay: 0, reviewsPerDay: 2))
        let yesterday = StudyFixture.start.addingTimeInterval(-86_400)
        let due = CardRecord(
            card: FSRSCard(
                state: .review, stability: 3, difficulty: 5, due: yesterday,
                lastReview: yesterday.addingTimeInterval(-3 * 86_400)))
        try fixture.seed([
            StudyFixture.id("cloze/데이터-엔지니어/정제"): due, StudyFixture.id("true-false/데이터-엔지니어/sql"): due,
            StudyFixture.id("true-false/데이터-엔지니어/excel"): due,
        ])
        var (repl, _) = try fixture.repl([
            .line(""), .line("?"), .line("4"), .line("?"), .line("4"), .line("more 1 복습"), .line("quit"),
        ])
        // The limit that holds a card back says so, with the way on.
        #expect(
            repl.todayLine() == """
                오늘 복습 2장 · 새 카드 0장 · 예상 1분
                하루 복습 한도(2장)에 걸려 복습할 카드 1장이 기다립니다. 오늘 더 하려면 more 1 복습.
                하루 새 카드 한도가 0장이라 새 카드 8장이 나오지 않습니다. 오늘 보려면 more 8.
                """)
        repl.run()
        let text = fixture.transcript.text
        // After the two the limit allows, the session says what it held back; `more 1 복습` lets it in, today only.
        #expect(text.contains("연속 학습 1일째\n하루 복습 한도(2장)에 걸려 복습할 카드 1장이 기다립니다."))
        #expect(text.contains("오늘만 복습 한도를 1장 늘렸습니다: 오늘 복습 3장까지.\n오늘 복습 1장 · 새 카드 0장"))
        let saved = try StudySettings.load(from: fixture.folder)
        let today = repl.state.days.dayNumber(of: StudyFixture.start)
        #expect(saved.limits(onDay: today).reviewsPerDay == 3)
        #expect(saved.limits(onDay: today + 1).reviewsPerDay == 2)
    }

    @Test func studyDeckShowsItsNewCardsFirst() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        let yesterday = StudyFixture.start.addingTimeInterval(-86_400)
        try fixture.seed([
            StudyFixture.id("cloze/머신-러닝-엔지니어/모델-학습"): CardRecord(
                card: FSRSCard(state: .review, stability: 3, difficulty: 5, due: yesterday, lastReview: yesterday))
        ])
        var (repl, _) = try fixture.repl([
            .line("study 머신러닝"), .option("머신 러닝"), .line(""), .line("머신 러닝 엔지니어"), .line(""),
            .line("모델 학습"), .line(""), .line(":q"), .line("quit"),
        ])
        repl.run()
        let headers = fixture.transcript.text.split(separator: "\n").filter { $0.hasPrefix("[") }
        #expect(
            headers.prefix(3).map(String.init) == [
                "[1/3] 직무 → 분야", "[2/3] 머신 러닝 · 분야 → 직무",
                "[3/3] 머신 러닝 · 머신 러닝 엔지니어 · 업무 빈칸",
            ])
        let log = try fixture.log()
        #expect(log.map(\.before) == [.new, .new, .review])
        // The whole day's review puts the due card first.
        let next = StudySession(scope: .today).upcoming(&repl.state, now: StudyFixture.start.addingTimeInterval(-3600))
        #expect(next.first == StudyFixture.id("role-domain/데이터-엔지니어"))
    }

    @Test func aLearningCardIsNotShownTwiceInARowWhileAnotherIsThere() throws {
        var fixture = try StudyFixture()
        defer { fixture.remove() }
        fixture.settings = StudySettings(limits: QueueLimits(newPerDay: 2))
        // Both forgotten: each comes back a minute later, within the learn-ahead window, but never straight after itself.
        var (repl, _) = try fixture.repl([
            .line("?"), .line(""), .line("?"), .line(""), .line("?"), .line(""), .line(":q"),
        ])
        repl.study(.today)
        let prompts = fixture.transcript.text.split(separator: "\n").filter { $0.hasPrefix("질문 ") }
        #expect(prompts.count == 4)
        #expect(zip(prompts, prompts.dropFirst()).allSatisfy { $0 != $1 })
        #expect(prompts[0] == prompts[2] && prompts[1] == prompts[3])
    }

    @Test func theLastLearningCardIsWaitedForWithACountdown() throws {
        var fixture = try StudyFixture()
        defer { fixture.remove() }
        fixture.settings = StudySettings(limits: QueueLimits(newPerDay: 1))
        var (repl, student) = try fixture.repl([
            .line("?"), .line(""), .line(""), .wait(60), .line("?"), .line(""), .line("q"),
        ])
        let summary = repl.study(.today)
        let text = fixture.transcript.text
        // Seoul 10:00 plus the one-minute step, twice.
        #expect(text.contains("학습 중인 카드가 1분 뒤(10:01)에 돌아옵니다."))
        #expect(text.contains("학습 중인 카드가 1분 뒤(10:02)에 돌아옵니다."))
        #expect(student.prompts.contains { $0.contains("다음 카드까지 1:00") })
        #expect(student.prompts.contains { $0.contains("다음 카드까지 0:01") })
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("질문 ") }.count == 2)
        #expect(fixture.clock.now == StudyFixture.start.addingTimeInterval(60))
        #expect(summary?.reviewed == 2)
        #expect(summary?.ending == .finished)
        // The card was shown when due, not before.
        #expect(try fixture.log().map(\.at) == [StudyFixture.start, StudyFixture.start.addingTimeInterval(60)])
    }

    @Test func theOpeningLineNamesLearningCardsComingSoon() throws {
        var fixture = try StudyFixture()
        defer { fixture.remove() }
        fixture.settings = StudySettings(limits: QueueLimits(newPerDay: 0))
        let soon = CardRecord(
            card: FSRSCard(
                state: .learning, step: 1, stability: 2, difficulty: 5,
                due: StudyFixture.start.addingTimeInterval(300), lastReview: StudyFixture.start.addingTimeInterval(-300)
            ))
        try fixture.seed([StudyFixture.id("cloze/데이터-엔지니어/정제"): soon])
        var (repl, _) = try fixture.repl([.line("정제"), .line("")])
        #expect(repl.todayLine().hasPrefix("지금 복습할 카드는 없고, 학습 중인 카드 1장이 곧 돌아옵니다 (20분 안).\n"))
        repl.study(.today)
        #expect(fixture.transcript.text.contains("[1/1] 데이터 · 데이터 엔지니어 · 업무 빈칸"))
    }

    @Test func underAFrozenClockTheSessionSaysWhenAndEnds() throws {
        var fixture = try StudyFixture()
        defer { fixture.remove() }
        fixture.settings = StudySettings(limits: QueueLimits(newPerDay: 1))
        fixture.clock.moves = false
        var (repl, _) = try fixture.repl([.line("?"), .line("")])
        #expect(repl.study(.today)?.ending == .finished)
        #expect(fixture.transcript.text.contains("학습 중인 카드가 1분 뒤(10:01)에 돌아옵니다.\n시각이 --now로 고정되어 기다릴 수 없습니다."))
    }

    @Test func siblingsAreCountedOutUpFront() throws {
        var fixture = try StudyFixture()
        defer { fixture.remove() }
        fixture.settings = StudySettings(burySiblings: true)
        var (repl, _) = try fixture.repl([.option("데이터"), .line(""), .line("정제"), .line("")])
        repl.study(.today)
        let headers = fixture.transcript.text.split(separator: "\n").filter { $0.hasPrefix("[") }
        // role-domain buries duties and stack (same role fact); cloze buries duty-role (same item).
        #expect(
            headers.map {
                $0.split(separator: " ").dropFirst().joined(separator: " ").split(separator: "· ").last.map(String.init)
            } == ["직무 → 분야", "업무 빈칸", "기술 → 직무"])
        // The siblings left for another day are out of the total from the first card on (12 cards, 4 siblings).
        #expect(headers.map { String($0.prefix(5)) } == ["[1/8]", "[2/8]", "[3/8]"])
        // Nothing is buried in the files: a later session shows them.
        #expect(try fixture.log().allSatisfy { $0.kind == .review })
    }

    @Test func aDueSiblingIsStillShownToday() throws {
        var fixture = try StudyFixture()
        defer { fixture.remove() }
        fixture.settings = StudySettings(limits: QueueLimits(newPerDay: 0), burySiblings: true)
        let yesterday = StudyFixture.start.addingTimeInterval(-86_400)
        let due = CardRecord(
            card: FSRSCard(
                state: .review, stability: 3, difficulty: 5, due: yesterday,
                lastReview: yesterday.addingTimeInterval(-3 * 86_400)))
        // Two due reviews about one fact (정제): burying siblings never takes a due card out of the day.
        try fixture.seed([
            StudyFixture.id("cloze/데이터-엔지니어/정제"): due, StudyFixture.id("duty-role/데이터-엔지니어/정제"): due,
        ])
        var (repl, _) = try fixture.repl([.line("?"), .line("4"), .line("?"), .line("4")])
        let summary = repl.study(.today)
        let headers = fixture.transcript.text.split(separator: "\n").filter { $0.hasPrefix("[") }
        #expect(headers.map { String($0.prefix(5)) } == ["[1/2]", "[2/2]"])
        #expect(summary?.reviewed == 2)
    }

    @Test func aheadAndCramStudyCardsNotDueAndSaySoInTheLogAndStats() throws {
        var fixture = try StudyFixture()
        defer { fixture.remove() }
        fixture.settings = StudySettings(limits: QueueLimits(newPerDay: 0))
        func review(dueInDays days: Double) -> CardRecord {
            CardRecord(
                card: FSRSCard(
                    state: .review, stability: 5, difficulty: 5,
                    due: StudyFixture.start.addingTimeInterval(days * 86_400),
                    lastReview: StudyFixture.start.addingTimeInterval(-86_400)))
        }
        try fixture.seed([
            StudyFixture.id("cloze/데이터-엔지니어/정제"): review(dueInDays: 1),
            StudyFixture.id("cloze/머신-러닝-엔지니어/모델-학습"): review(dueInDays: 10),
        ])
        var (repl, _) = try fixture.repl([
            .line("cram 요리"), .line("ahead"), .line("정제"), .line(""), .line("미리"), .line("몰아보기 머신러닝"), .line("모델 학습"),
            .line(""), .line("stats"), .line("quit"),
        ])
        repl.run()
        let text = fixture.transcript.text
        #expect(text.contains("'요리'라는 덱이 없습니다."))
        #expect(text.contains("미리 복습: 앞으로 1일 안에 돌아올 카드 1장"))
        #expect(text.contains("앞으로 1일 안에 돌아올 복습 카드가 없습니다."))
        #expect(text.contains("몰아 보기: '머신 러닝' 덱에서 본 카드 1장"))
        #expect(try fixture.log().map(\.mode) == [.ahead, .cram])
        #expect(text.contains("그중 미리 복습 1회 · 몰아 보기 1회"))
    }

    @Test func bareCommandsWorkWhereTheyCannotBeAnswers() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        do {
            var (repl, _) = try fixture.repl([.line("undo"), .line("종료")])
            #expect(repl.study(.today)?.ending == .stopped)
            #expect(fixture.transcript.text.contains("되돌릴 것이 없습니다."))
        }
        // A flashcard takes any line, and a typed card any text: there only `:q` stops.
        var (repl, _) = try fixture.repl([.option("데이터"), .line(""), .line("quit"), .line(""), .line(":q")])
        #expect(repl.study(.today)?.ending == .stopped)
        #expect(try fixture.log().map(\.answer) == ["데이터", "quit"])
    }

    @Test func buryAndSuspendTheCurrentCard() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        var (repl, _) = try fixture.repl([.line(":bury"), .line(":보류"), .line(":help")])
        repl.study(.today)
        let log = try fixture.log()
        #expect(log.map(\.kind) == [.bury, .suspend])
        // Buried until 04:00 tomorrow in Seoul.
        #expect(log.first?.until == Date(timeIntervalSince1970: 1_772_478_000))
        let cards = try fixture.cards()
        #expect(cards[StudyFixture.id("role-domain/데이터-엔지니어")]?.buriedUntil != nil)
        #expect(cards[StudyFixture.id("duties/데이터-엔지니어")]?.suspended == true)
        #expect(fixture.transcript.text.contains("카드에서 쓸 수 있는 명령"))
        #expect(repl.todayLine().contains("새 카드 9장"))
    }

    @Test func badInputGetsAHintAndThePromptAgain() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        var (repl, reader) = try fixture.repl([
            .line(""), .line("9"), .line(String(repeating: "가", count: 1_000_000)), .line("\u{1B}[A"),
            .line("ab\u{FFFD}"), .line("1 2"), .line("요리"), .option("데이터"), .line("abc"), .line(""),
            .line(""), .line(""),  // the flashcard
            .line(""), .line("sql"), .line(""),
        ])
        repl.study(.today)
        #expect(reader.prompts.prefix(9) == ArraySlice(Array(repeating: "번호> ", count: 8) + ["평가 (Enter = 3 좋음)> "]))
        let text = fixture.transcript.text
        #expect(text.contains("번호(1–4)나 보기 글자를 입력하세요."))
        #expect(text.contains("1부터 4까지의 번호를 입력하세요."))
        #expect(text.contains("입력이 너무 깁니다"))
        #expect(text.contains("제어 문자는 쓸 수 없습니다."))
        #expect(text.contains("UTF-8로 읽을 수 없는 입력입니다."))
        #expect(text.contains("답은 하나입니다."))
        #expect(text.contains("답을 입력하세요.") && text.contains("? 모름 · :hint 힌트"))
        #expect(try fixture.log().filter { $0.kind == .review }.map(\.correct) == [true, nil, false])
    }

    @Test func endOfInputMidCardKeepsEarlierAnswers() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        do {
            var (repl, _) = try fixture.repl([.option("데이터"), .line(""), .line(""), .line("")])
            let summary = repl.study(.today)
            #expect(summary?.ending == .endOfInput)
        }
        #expect(try fixture.log().count == 2)
        #expect(try fixture.cards().count == 2)
        // At the rating prompt a checked answer is kept with the suggested rating.
        var (repl, _) = try fixture.repl([.line("sql, python, apache spark, ros")])
        repl.study(.today)
        #expect(try fixture.log().last?.rating == .good)
        #expect(try fixture.cards().count == 3)
    }

    @Test func aSecondDayBringsDueCardsBack() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        do {
            var (repl, _) = try fixture.repl([.option("데이터"), .line("4")])
            repl.study(.today)
        }
        fixture.clock.now = StudyFixture.start.addingTimeInterval(8 * 86_400)
        var (repl, _) = try fixture.repl([.option("데이터"), .line("")])
        #expect(repl.todayLine().hasPrefix("오늘 복습 1장 · 새 카드 10장"))
        repl.study(.today)
        let log = try fixture.log()
        #expect(log.map(\.before) == [.new, .review])
        #expect(fixture.transcript.text.contains("연속 학습 1일째"))
    }
}
