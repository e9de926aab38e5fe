import Foundation
import Testing

@testable import RoledeckCore
@testable import RoledeckREPL

@Suite struct REPLTests {
    @Test func commandsAndKoreanAliases() {
        #expect(CommandParser.parse("review") == .command(.review))
        #expect(CommandParser.parse("  복습 ") == .command(.review))
        #expect(CommandParser.parse("REVIEW") == .command(.review))
        #expect(CommandParser.parse("study 머신 러닝") == .command(.study(deck: "머신 러닝")))
        #expect(CommandParser.parse("도움말") == .command(.help))
        #expect(CommandParser.parse("종료") == .command(.quit))
        #expect(CommandParser.parse("unsuspend a/b") == .command(.unsuspend(id: "a/b")))
        #expect(CommandParser.parse("study") == .missingArgument(command: "study", argument: "DECK"))
        #expect(CommandParser.parse("") == .empty)
    }

    @Test func unknownCommandsGetASuggestion() {
        #expect(CommandParser.parse("reveiw") == .unknown(word: "reveiw", suggestion: "review"))
        #expect(CommandParser.parse("stast") == .unknown(word: "stast", suggestion: "stats"))
        #expect(CommandParser.parse("ｒｅｖｉｅｗ") == .command(.review))
        #expect(CommandParser.parse("복스") == .unknown(word: "복스", suggestion: "복습"))
        #expect(CommandParser.parse("qiut") == .unknown(word: "qiut", suggestion: "quit"))
        #expect(CommandParser.parse("xyzzy") == .unknown(word: "xyzzy", suggestion: nil))
    }

    @Test func completionOffersCommandsAndDecks() {
        let decks = StudyFixture.decks
        #expect(CommandCompletion.candidates(forLine: "st", decks: decks) == ["study", "stats", "stat"])
        #expect(CommandCompletion.candidates(forLine: "study m", decks: decks) == ["ml"])
        #expect(CommandCompletion.candidates(forLine: "공부 머", decks: decks) == ["머신 러닝"])
        #expect(CommandCompletion.candidates(forLine: "quit x", decks: decks).isEmpty)
        let words = CommandCompletion.words(decks: decks)
        #expect(words.contains("review") && words.contains("복습") && words.contains("data"))
    }

    @Test func theReplOffersTodaysReviewAndRunsCommands() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        var (repl, reader) = try fixture.repl([
            .line(""), .option("데이터"), .line(""), .line(":q"),
            .line(""), .line("reveiw"), .line("study"), .line("study 요리"), .line("decks"), .line("settings"),
            .line("help"), .line("bury"),
        ])
        repl.run()
        let text = fixture.transcript.text
        #expect(text.hasPrefix("오늘 복습 0장 · 새 카드 11장 · 예상 4분\nEnter를 누르면 시작합니다."))
        #expect(text.contains("[1/11] 직무 → 분야"))
        #expect(text.contains("복습을 멈췄습니다: 카드 1장 · 복습 1회 · 정확도 100% · "))
        #expect(text.contains("명령을 입력하세요. 목록은 help."))
        #expect(text.contains("'reveiw'라는 명령이 없습니다. 혹시 'review'?"))
        #expect(text.contains("study DECK 꼴로 입력하세요. 예: study data"))
        #expect(text.contains("'요리'라는 덱이 없습니다. 덱: data(데이터), ml(머신 러닝)"))
        #expect(text.contains("덱 2개 · 카드 11장 (test)"))
        #expect(text.contains("  newCardsPerDay       20             하루에 새로 배우는 카드 수 · 0–9999"))
        #expect(text.contains("  quit (종료)           끝내기"))
        #expect(text.contains("내일까지 묻었습니다: 질문 role-domain/데이터-엔지니어"))
        #expect(text.hasSuffix("\n종료합니다.\n"))
        #expect(reader.prompts.filter { $0 == "roledeck> " }.count == 10)
    }

    @Test func workLeftForTheFirstReadIsDoneOnceWithTheFirstCardOnScreen() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        var (repl, reader) = try fixture.repl([.line("?"), .line("3"), .line(":q")])
        var done: [(prompts: Int, screen: String)] = []
        repl.deferUntilFirstRead { done.append((reader.prompts.count, fixture.transcript.text)) }
        repl.study(.today)
        // Done once, before any line was read, with the first card already shown.
        #expect(done.count == 1)
        #expect(done.first?.prompts == 0)
        #expect(done.first?.screen.contains("[1/11]") == true)
        #expect(reader.prompts.count == 3)

        // A session with nothing to ask reads no line: the work is done when it ends.
        var empty = try StudyFixture()
        defer { empty.remove() }
        empty.settings.limits.newPerDay = 0
        var (quiet, _) = try empty.repl([])
        var ran = 0
        quiet.deferUntilFirstRead { ran += 1 }
        quiet.study(.today)
        #expect(empty.transcript.text.contains("지금 복습할 카드가 없습니다."))
        #expect(ran == 1)
    }

    @Test func aCheckpointDueIsWrittenWithTheNextCardOnScreenBeforeItsAnswerIsRead() throws {
        /// Gives up on each card and rates it Good; notes at each read whether cards.json is there.
        final class CheckingReader: LineReader {
            let cards: URL
            var lines = Array(repeating: ["?", "3"], count: 4).flatMap { $0 }
            var written: [Bool] = []
            init(cards: URL) { self.cards = cards }
            func readLine(prompt: String, kind: LineKind) -> String? {
                written.append(FileManager.default.fileExists(atPath: cards.path))
                return lines.isEmpty ? nil : lines.removeFirst()
            }
            func readLine(prompt: String, timeout seconds: TimeInterval) -> TimedLine {
                readLine(prompt: prompt, kind: .answer).map(TimedLine.line) ?? .end
            }
        }
        var fixture = try StudyFixture()
        defer { fixture.remove() }
        fixture.settings.checkpoint = CheckpointPolicy(everyAnswers: 2)
        let store = try ProgressStore.open(folder: fixture.folder)
        let state = try StudyState(
            decks: StudyFixture.decks, store: store, settings: fixture.settings, systemTimeZone: StudyFixture.seoul,
            clock: fixture.clock.studyClock)
        let reader = CheckingReader(cards: store.cardsURL)
        var repl = REPL(
            state: state, reader: reader, console: Console { _ in }, clock: fixture.clock.studyClock,
            rng: RandomSource(SeededGenerator(seed: 42)))
        repl.study(.today)
        // Reads: the first card's answer and rating, the second's; then the third card is shown and the
        // checkpoint of two answers is written before its answer is read.
        #expect(reader.written.prefix(5) == [false, false, false, false, true])
        #expect(try store.loadCards() == repl.state.records)
        #expect(repl.failure == nil)
    }

    @Test func aLockedFolderIsReadOnly() throws {
        let fixture = try StudyFixture()
        defer { fixture.remove() }
        let holder = try ProgressStore.open(folder: fixture.folder)
        #expect(throws: StoreError.self) { try ProgressStore.open(folder: fixture.folder) }
        let state = try StudyState(
            decks: StudyFixture.decks, store: .openReadOnly(folder: fixture.folder), settings: StudySettings(),
            systemTimeZone: StudyFixture.seoul)
        let transcript = fixture.transcript
        var repl = REPL(
            state: state,
            reader: ScriptedStudent([.line(""), .line("review"), .line("stats")], transcript: transcript),
            console: Console { transcript.text += $0 }, clock: fixture.clock.studyClock,
            rng: RandomSource(SeededGenerator(seed: 1)))
        repl.run()
        #expect(transcript.text.contains("읽기 전용으로 엽니다"))
        #expect(transcript.text.contains("읽기 전용입니다: 다른 roledeck 세션을 닫은 뒤 다시 여세요."))
        #expect(transcript.text.contains("아직 공부한 카드가 없습니다. `review`로 첫 카드를 공부해 보세요."))
        #expect(!FileManager.default.fileExists(atPath: holder.logURL.path))
    }

    @Test func presenterStrings() throws {
        let presenter = CardPresenter(palette: .plain)
        let deck = StudyFixture.decks[0]
        // A card whose answer is a role or a domain names neither in its header.
        #expect(presenter.header(card: deck.cards[0], deck: deck, position: 12, total: 45) == "[12/45] 직무 → 분야")
        #expect(presenter.header(card: deck.cards[5], deck: deck, position: 1, total: 1) == "[1/1] 기술 → 직무")
        let cloze = try #require(deck.cards.first { $0.kind == .cloze })
        #expect(presenter.header(card: cloze, deck: deck, position: 2, total: 3) == "[2/3] 데이터 · 데이터 엔지니어 · 업무 빈칸")
        let coloured = CardPresenter(palette: Palette(colour: true))
        #expect(coloured.verdict(.correct) == "\u{1B}[32m맞았습니다.\u{1B}[39m")
        #expect(!presenter.verdict(.correct).contains("\u{1B}"))
        let scheduler = Scheduler()
        let outcomes = scheduler.outcomes(for: .new(due: StudyFixture.start), at: StudyFixture.start)
        #expect(presenter.ratingLine(outcomes, suggested: .good) == "1 다시 1분 · 2 어려움 6분 · 3 좋음 10분 · 4 쉬움 8일")
        #expect(CardPresenter.rating(from: "3") == .good)
        #expect(CardPresenter.rating(from: "다시") == .again)
        #expect(CardPresenter.rating(from: "Hard") == .hard)
        #expect(CardPresenter.rating(from: "5") == nil)
    }

    @Test func aRightReplyInOtherWordsShowsTheCatalogsWord() {
        let presenter = CardPresenter(palette: .plain)
        let judge = ReplyJudge()
        let card = Card(
            id: CardID(.cloze, "test"), kind: .cloze, domain: DomainKey(rawValue: "ml"), role: nil, prompt: "?",
            context: "머신 러닝 모델 개발, ＿＿＿, 평가 및 배포", answers: [Answer("훈련")], explanation: "")
        let feedback = { (reply: String) in presenter.typedFeedback(card: card, check: judge.check(reply, card: card)) }
        #expect(feedback("학습") == ["맞았습니다.", "카탈로그의 표기: 훈련"])
        #expect(feedback("훈련") == ["맞았습니다."])
        #expect(feedback("훈련을") == ["맞았습니다."])
        #expect(feedback("훈려") == ["맞았습니다.", "오타를 봐 주었습니다: '훈려' → 훈련"])
        let stack = Card(
            id: CardID(.stackCloze, "test"), kind: .stackCloze, domain: DomainKey(rawValue: "ml"), role: nil,
            prompt: "?", context: "Python, ＿＿＿", answers: [Answer("PyTorch", aliases: ["파이토치"])], explanation: "")
        let layout = presenter.typedFeedback(card: stack, check: judge.check("ㅔㅛ색초", card: stack))
        #expect(layout == ["맞았습니다.", "한/영 전환을 봐 주었습니다: 'ㅔㅛ색초' → PyTorch"])
        let vendor = presenter.typedFeedback(card: stack, check: judge.check("Meta PyTorch", card: stack))
        #expect(vendor == ["맞았습니다.", "카탈로그의 표기: PyTorch"])
    }
}
