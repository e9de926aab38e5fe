import Foundation
import RoledeckCore

/// The `roledeck>` prompt: offers today's review, runs commands, and hosts study sessions.
///
/// Everything it needs is injected: the state (decks, settings, progress), where lines come
/// from, where text goes, the clocks and the random generator.
public struct REPL {
    /// Estimated seconds per card for the opening line: a review is read and answered in about
    /// 8 seconds; a new card takes about 20 over its first showing and its learning steps.
    public static let secondsPerReview = 8.0
    public static let secondsPerNewCard = 20.0

    public internal(set) var state: StudyState
    public internal(set) var prompter: Prompter
    public let console: Console
    public let clock: StudyClock
    public var rng: RandomSource
    /// Whether a progress line is drawn while parameters are fitted (output on a terminal).
    public var showsProgress = false
    /// What Tab completes that changes as the REPL runs (the suspended cards after `unsuspend`).
    public var completion: CompletionWords?
    let presenter: CardPresenter
    let deckSource: String
    private var endOfInput = false
    /// The save that failed, if one did: the REPL stops at once, and the executable reports it on
    /// standard error with a non-zero exit.
    public private(set) var failure: StoreError?

    public init(
        state: StudyState, reader: any LineReader, console: Console, clock: StudyClock, rng: RandomSource,
        deckSource: String = ""
    ) {
        self.state = state
        self.prompter = Prompter(reader: reader, console: console)
        self.console = console
        self.clock = clock
        self.rng = rng
        self.presenter = CardPresenter(palette: console.palette)
        self.deckSource = deckSource
    }

    /// Leaves `work` that can wait until something is on screen (a cache to write) for just before
    /// the first line is read, or the end of the REPL if none is.
    public mutating func deferUntilFirstRead(_ work: @escaping () -> Void) {
        prompter.beforeFirstRead = work
    }

    /// Writes the checkpoint of `cards.json` owed by now, if any, before the REPL waits for the learner;
    /// returns the error message when it could not be saved (the session and the REPL stop).
    mutating func writeOwedCheckpoint() -> String? {
        do {
            try state.writeOwedCheckpoint()
            return nil
        } catch {
            return fail(error)
        }
    }

    /// Records a failed save, which ends the session and the REPL; returns its message.
    mutating func fail(_ error: StoreError) -> String {
        if failure == nil { failure = error }
        return error.errorDescription ?? "\(error)"
    }

    /// The opening line: `오늘 복습 23장 · 새 카드 20장 · 예상 8분`.
    public mutating func todayLine() -> String {
        let queue = state.queue(now: clock.now())
        let soon = queue.count(.learnAhead)
        if queue.dueCount + queue.newCards.count == 0 && soon > 0 {
            // Learning cards due within the learn-ahead window are shown now, when nothing else is left.
            return
                (["지금 복습할 카드는 없고, 학습 중인 카드 \(soon)장이 곧 돌아옵니다 (\(Self.learnAheadText(queue)) 안)."]
                + LimitNotice.lines(queue)).joined(separator: "\n")
        }
        guard queue.dueCount + queue.newCards.count > 0 else {
            let tomorrow = state.queueTomorrow(now: clock.now())
            return
                (["오늘은 복습할 카드가 없습니다. 내일: 복습 \(tomorrow.dueCount)장 · 새 카드 \(tomorrow.newCards.count)장"]
                + LimitNotice.lines(queue)).joined(separator: "\n")
        }
        let seconds =
            Double(queue.dueCount) * Self.secondsPerReview + Double(queue.newCards.count) * Self.secondsPerNewCard
        let minutes = max(1, Int((seconds / 60).rounded(.up)))
        return
            (["오늘 복습 \(queue.dueCount)장 · 새 카드 \(queue.newCards.count)장 · 예상 \(minutes)분"]
            + LimitNotice.lines(queue)).joined(separator: "\n")
    }

    /// The interactive loop: returns on `quit` or at the end of input.
    public mutating func run() {
        announceState()
        console.line(presenter.palette.strong(todayLine()))
        let offered = !state.queue(now: clock.now()).ordered.isEmpty && state.isWritable
        if offered {
            console.line(presenter.palette.dim("Enter를 누르면 시작합니다. 명령은 help, 끝내려면 quit."))
        } else {
            console.line(presenter.palette.dim("명령은 help, 끝내려면 quit."))
        }
        var first = true
        defer { finish() }
        while !endOfInput && failure == nil {
            completion?.update(suspended: SuspendedCards(records: state.records, cards: state.cards).ids)
            if writeOwedCheckpoint() != nil { break }
            guard let line = prompter.read("roledeck> ", kind: .command) else { break }
            defer { first = false }
            if line.isEmpty && first && offered {
                study(.today)
                continue
            }
            switch CommandParser.parse(line) {
            case .empty:
                console.line(presenter.palette.dim("명령을 입력하세요. 목록은 help."))
            case .unknown(let word, let suggestion):
                let error = NameError.unknown(.command, name: word, suggestion: suggestion, known: [])
                console.line(
                    presenter.palette.warn(error.errorDescription ?? word) + (suggestion == nil ? " 명령 목록은 help." : ""))
            case .missingArgument(let command, let argument):
                console.line(presenter.palette.warn("\(command) \(argument) 꼴로 입력하세요.") + usageExample(command))
            case .command(.quit):
                console.line("종료합니다.")
                return
            case .command(let command):
                perform(command)
            }
        }
        guard failure == nil else { return }
        console.line()
        console.line("종료합니다.")
    }

    /// Writes the checkpoint owed when the REPL ends (undos, burials at the prompt).
    private mutating func finish() {
        prompter.doOwedWork()
        guard failure == nil else { return }
        do {
            try state.finish()
        } catch {
            _ = fail(error)
        }
    }

    /// Runs a study session (the `review` and `study` subcommands call this directly).
    @discardableResult
    public mutating func study(_ scope: StudySession.Scope) -> SessionSummary? {
        run(StudySession(scope: scope))
    }

    /// Runs `session` when answers can be saved.
    private mutating func run(_ session: StudySession) -> SessionSummary? {
        guard requireWritable() else { return nil }
        var session = session
        let summary = session.run(in: &self)
        // A session with nothing to ask read no line: what was owed until then is done now.
        prompter.doOwedWork()
        if summary.ending == .endOfInput { endOfInput = true }
        return summary
    }

    /// Prints notes about the progress folder: read-only, or states recovered from the log.
    public func announceState() {
        if case .logShorterThanCheckpoint? = state.readOnlyReason, let reason = state.readOnlyReason {
            console.line(presenter.palette.warn(reason.errorDescription ?? "\(reason)"))
            console.line(presenter.palette.warn("읽기 전용으로 엽니다: decks, stats, leeches, suspended, settings만 됩니다."))
        } else if !state.isWritable {
            console.line(
                presenter.palette.warn(
                    "다른 roledeck이 진행 폴더를 쓰고 있어 읽기 전용으로 엽니다: decks, stats, leeches, suspended, settings만 됩니다."))
        }
        if !state.recoveredFromLog.isEmpty {
            console.line(
                presenter.palette.dim(
                    "지난번에 저장이 끝나기 전에 멈춘 카드 \(state.recoveredFromLog.count)장을 복습 기록에서 되살렸습니다."))
        }
    }

    /// Runs one prompt command outside the prompt (`roledeck leeches`, `roledeck unsuspend 2`), then
    /// writes the checkpoint it owes.
    public mutating func execute(_ command: REPLCommand) {
        perform(command)
        finish()
    }

    mutating func perform(_ command: REPLCommand) {
        let palette = presenter.palette
        let now = clock.now()
        do {
            switch command {
            case .review:
                study(.today)
            case .study(let name):
                do throws(NameError) {
                    study(.deck(try findDeck(name)))
                } catch {
                    console.line(palette.warn(error.errorDescription ?? "\(error)"))
                }
            case .decks:
                console.write(DecksOverview.render(state.decks, source: deckSource))
            case .stats:
                console.lines(statsLines(now: now))
            case .undo:
                guard requireWritable() else { return }
                if let action = try state.undoLast(now: now) {
                    console.line(undoneLine(action))
                } else {
                    console.line(palette.warn("되돌릴 것이 없습니다."))
                }
            case .bury, .suspend:
                guard requireWritable() else { return }
                guard let id = state.lastCardID else {
                    console.line(palette.warn("아직 답한 카드가 없습니다. 카드에서는 :bury, :suspend를 쓰세요."))
                    return
                }
                let prompt = state.card(id)?.prompt ?? id.rawValue
                if command == .bury {
                    try state.bury(id, now: now)
                    console.line("내일까지 묻었습니다: \(prompt)")
                } else {
                    try state.suspend(id, now: now)
                    console.line("보류했습니다: \(prompt) (되돌리기: undo · 보류 목록: suspended)")
                }
            case .suspended:
                console.lines(suspendedLines())
            case .unsuspend(let text):
                guard requireWritable() else { return }
                let id: CardID
                do throws(SuspendedCardsError) {
                    id = try SuspendedCards(records: state.records, cards: state.cards).card(for: text)
                } catch {
                    console.line(palette.warn(error.errorDescription ?? "\(error)"))
                    return
                }
                _ = try state.unsuspend(id, now: now)
                console.line("보류를 풀었습니다: \(state.card(id)?.prompt ?? id.rawValue) (되돌리기: undo)")
            case .leeches:
                console.lines(leechLines())
            case .cards(let arguments):
                console.lines(cardsLines(arguments, now: now))
            case .settings:
                console.lines(settingsLines())
            case .optimize:
                optimize(now: now)
            case .evaluate(let parameters):
                evaluate(parameters, now: now)
            case .more(let count, let reviews):
                guard requireWritable() else { return }
                addToTodaysLimits(count, reviews: reviews)
            case .ahead(let days):
                guard requireWritable() else { return }
                studyExtra(.ahead(days: days))
            case .cram(let name):
                guard requireWritable() else { return }
                do throws(NameError) {
                    studyExtra(.cram(try findDeck(name).domain.key))
                } catch {
                    console.line(palette.warn(error.errorDescription ?? "\(error)"))
                }
            case .help:
                console.lines(Self.helpLines())
            case .quit:
                break
            }
        } catch {
            _ = fail(error)
        }
    }

    /// What an undo took back: `되돌렸습니다: <질문>` for an answer, `보류를 되돌렸습니다: …` for a suspension.
    func undoneLine(_ action: UndoableAction) -> String {
        let what: String
        switch action.kind {
        case .bury: what = "묻기를 "
        case .suspend: what = "보류를 "
        case .unsuspend: what = "보류 해제를 "
        case .review, .undo, .leech: what = ""
        }
        let prompt = state.card(action.card)?.prompt ?? action.card.rawValue
        return presenter.palette.warn("\(what)되돌렸습니다: ") + prompt
    }

    /// Studies beyond the day (`ahead`, `cram`): says what it takes and how it is recorded, or that
    /// there is nothing to take; returns the session's summary when one ran.
    @discardableResult
    public mutating func studyExtra(_ study: ExtraStudy) -> SessionSummary? {
        let palette = presenter.palette
        let picked = study.cards(state.cards, states: state.records, now: clock.now(), days: state.days)
        let count = picked.count
        switch study {
        case .ahead(let days):
            guard count > 0 else {
                console.line("앞으로 \(days)일 안에 돌아올 복습 카드가 없습니다.")
                return nil
            }
            console.line(
                palette.strong("미리 복습: 앞으로 \(days)일 안에 돌아올 카드 \(count)장")
                    + palette.dim(" · 일찍 답한 만큼 간격이 덜 늘고, 기록에 '미리 복습'으로 남습니다."))
        case .cram(let domain):
            let name = state.decks.first { $0.domain.key == domain }?.domain.name ?? domain.rawValue
            guard count > 0 else {
                console.line("'\(name)' 덱에 몰아 볼 카드가 없습니다: 아직 본 카드가 없거나 모두 오늘 복습할 카드입니다.")
                return nil
            }
            console.line(
                palette.strong("몰아 보기: '\(name)' 덱에서 본 카드 \(count)장")
                    + palette.dim(" · 오늘 복습할 카드는 빼고, 기록에 '몰아 보기'로 남습니다."))
        }
        return run(StudySession(study, cards: picked))
    }

    /// `more N [복습]`: adds `count` new cards (or reviews) to today's limit, today only, and says what
    /// today holds now; a settings file that cannot be read or written is named and left as it was.
    /// Returns false when nothing was changed.
    @discardableResult
    public mutating func addToTodaysLimits(_ count: Int, reviews: Bool) -> Bool {
        let palette = presenter.palette
        let limits: QueueLimits
        do {
            limits = try state.addToTodaysLimits(
                newCards: reviews ? 0 : count, reviews: reviews ? count : 0, now: clock.now())
        } catch {
            console.line(palette.warn(error.errorDescription ?? "\(error)"))
            return false
        }
        console.line(
            reviews
                ? "오늘만 복습 한도를 \(count)장 늘렸습니다: 오늘 복습 \(limits.reviewsPerDay)장까지."
                : "오늘만 새 카드 한도를 \(count)장 늘렸습니다: 오늘 새 카드 \(limits.newPerDay)장까지.")
        console.line(palette.strong(todayLine()))
        return true
    }

    /// The learn-ahead window in words: `20분`.
    static func learnAheadText(_ queue: DailyQueue) -> String {
        IntervalText.korean(seconds: queue.dayLimits.learnAheadSeconds)
    }

    func requireWritable() -> Bool {
        guard state.isWritable else {
            if case .logShorterThanCheckpoint? = state.readOnlyReason {
                console.line(presenter.palette.warn("읽기 전용입니다: 복습 기록이 cards.json보다 짧습니다. roledeck doctor를 보세요."))
            } else {
                console.line(presenter.palette.warn("읽기 전용입니다: 다른 roledeck 세션을 닫은 뒤 다시 여세요."))
            }
            return false
        }
        return true
    }

    private func usageExample(_ command: String) -> String {
        command == "study"
            ? " 예: study \(state.decks.first?.domain.key.rawValue ?? "data")" : " 예: unsuspend 1 (번호는 suspended 목록에)"
    }

    /// The deck `name` names (its key, number, name, English name or mindmap branch), by the core's
    /// one `NameMatcher`; else the error that names the nearest deck.
    public func findDeck(_ name: String) throws(NameError) -> Deck {
        try NameMatcher.domains(of: state.decks).find(name, kind: .deck)
    }

    // MARK: - Listings

    /// The full statistics report, as `roledeck stats` prints it, from the session's own state.
    func statsLines(now: Date) -> [String] {
        // The same digest of the log as `roledeck stats` (Progress/.stats-cache), with the session's own card
        // states (the digest's when the clock is set before the log's last lines).
        let digest = try? LogDigest.load(store: state.store, days: state.days, now: now)
        let issues = digest?.issues ?? []
        let records = digest.map { $0.isLookBack ? $0.cards : state.records } ?? state.records
        let input = StatsInput(
            decks: state.decks, records: records,
            history: digest?.history ?? ReviewHistory(now: now, days: state.days), settings: state.settings,
            days: state.days, filter: .all)
        var lines = StatsReport.render(
            Statistics.compute(input), width: console.width ?? 80, colour: console.palette.colour,
            reviewCommand: "review"
        )
        .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        if issues.contains(where: { !$0.isTornTail }) {
            lines.append(console.palette.warn("reviews.jsonl에 읽을 수 없는 줄이 있어 건너뛰었습니다: roledeck doctor로 확인하세요."))
        }
        return lines
    }

    func leechLines() -> [String] {
        let leeches = state.records.filter { $0.value.leech }.sorted { $0.key < $1.key }
        guard !leeches.isEmpty else { return ["거머리 카드가 없습니다."] }
        func flags(_ record: CardRecord) -> String { "\(record.lapses)번 잊음" + (record.suspended ? ", 보류됨" : "") }
        let flagWidth = leeches.map { DisplayWidth.of(flags($0.value)) }.max() ?? 0
        var lines = ["거머리 카드 \(leeches.count)장 (\(state.settings.leechThreshold)번 이상 잊은 카드):"]
        for (id, record) in leeches {
            let flags = flags(record)
            // Named by its prompt, cut to the terminal's width; the id (for `unsuspend`) under it.
            let lead = "  \(DisplayWidth.padded(flags, to: flagWidth))  "
            let prompt = state.card(id)?.prompt ?? id.rawValue
            lines.append(lead + DisplayWidth.line(prompt, fitting: (console.width ?? 80) - DisplayWidth.of(lead)))
            lines.append(String(repeating: " ", count: DisplayWidth.of(lead)) + id.rawValue)
        }
        if leeches.contains(where: { $0.value.suspended }) {
            lines.append("보류된 거머리는 suspended 목록의 번호로 풀 수 있습니다: unsuspend 번호")
        }
        return lines
    }

    /// `suspended`: the suspended cards, numbered for `unsuspend N`.
    func suspendedLines() -> [String] {
        let suspended = SuspendedCards(records: state.records, cards: state.cards)
        guard !suspended.ids.isEmpty else { return ["보류된 카드가 없습니다."] }
        let numberWidth = String(suspended.ids.count).count
        var lines = ["보류된 카드 \(suspended.ids.count)장:"]
        for (offset, id) in suspended.ids.enumerated() {
            let number = String(offset + 1)
            let pad = String(repeating: " ", count: numberWidth - number.count)
            let leech = state.records[id]?.leech == true ? " (거머리)" : ""
            // Named by its prompt cut to the terminal's width, as every list of cards is; its id (whose
            // start `unsuspend` also takes) under it.
            let start = "  \(pad)\(number)  "
            let room = (console.width ?? 80) - DisplayWidth.of(start) - DisplayWidth.of(leech)
            lines.append(start + DisplayWidth.line(state.card(id)?.prompt ?? id.rawValue, fitting: room) + leech)
            lines.append(String(repeating: " ", count: DisplayWidth.of(start)) + id.rawValue)
        }
        lines.append("되살리려면: unsuspend 번호 (또는 id의 앞부분)")
        return lines
    }

    /// Every setting: its key, value, what it does, its range, and its default when the value differs.
    func settingsLines() -> [String] {
        let settings = state.settings
        let file = state.progressFolder.appendingPathComponent("settings.json").path
        let keyWidth = SettingGuide.all.map { DisplayWidth.of($0.key) }.max() ?? 0
        let values = SettingGuide.all.map { $0.value(settings) }
        let valueWidth = values.map(DisplayWidth.of).max() ?? 0
        var lines = ["설정 (\(file)):"]
        for (guide, value) in zip(SettingGuide.all, values) {
            let changed = value == guide.defaultValue ? "" : " · 기본 \(guide.defaultValue)"
            let start =
                "  \(DisplayWidth.padded(guide.key, to: keyWidth))  \(DisplayWidth.padded(value, to: valueWidth))  "
            lines.append(
                row(start + "\(guide.meaning) · \(guide.range)\(changed)", lastColumnAt: DisplayWidth.of(start)))
        }
        return lines + ["바꾸려면 \(Particle.object.attach(to: "settings.json")) 고치세요. 키마다의 설명: docs/settings.md"]
    }

    /// A row of a table, its last column (from `column`) wrapped under itself to the console's width.
    func row(_ text: String, lastColumnAt column: Int) -> String {
        guard let width = console.width else { return text }
        return TextWrap.lines(text, width: width, hanging: column).joined(separator: "\n")
    }

    /// The command list.
    public static func helpLines() -> [String] {
        let rows: [(String, String)] = [
            ("review (복습)", "오늘의 복습: 다시 볼 카드, 그다음 새 카드"),
            ("study DECK (공부)", "한 덱만: 새 카드 먼저, 그다음 그 덱의 복습"),
            ("decks (덱)", "덱과 카드 수"),
            ("stats (통계)", "오늘, 연속 학습, 분야·직무별 숙련도, 유지율, 예보, 달력"),
            ("undo (되돌리기)", "마지막 동작(답, 묻기, 보류)을 되돌립니다 (\(StudyState.undoLimit)번까지)"),
            ("bury (묻기)", "마지막 카드를 내일까지 묻습니다"),
            ("suspend (보류)", "마지막 카드를 보류합니다"),
            ("suspended (보류목록)", "보류한 카드 목록 (번호와 함께)"),
            ("unsuspend N", "보류한 카드를 되살립니다: 목록의 번호나 id의 앞부분"),
            ("leeches (거머리)", "자꾸 잊는 카드"),
            ("cards (카드)", "카드 목록과 검색: cards --state review, cards 파이프라인, cards show ID"),
            ("settings (설정)", "설정 보기"),
            ("optimize (최적화)", "복습 기록에 FSRS 매개변수를 맞춥니다 (나아질 때만 저장)"),
            ("evaluate (평가)", "매개변수의 예측 성능: log loss, RMSE(bins), AUC"),
            ("more N [복습] (더)", "오늘만 새 카드(또는 복습) 한도를 N장 늘립니다"),
            ("ahead [N] (미리)", "앞으로 N일(기본 1일) 안에 돌아올 복습을 지금 미리 봅니다"),
            ("cram DECK (몰아보기)", "한 덱에서 본 카드를 모두 다시 봅니다 (시험 전날처럼)"),
            ("help (도움말)", "이 목록"),
            ("quit (종료)", "끝내기 (Ctrl-D도 됩니다)"),
        ]
        let width = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        return ["명령:"] + rows.map { "  \(DisplayWidth.padded($0.0, to: width))  \($0.1)" } + [
            "카드에서: 번호나 답을 입력하고, 평가는 Enter(제안대로) 또는 1–4.",
            "          :undo 되돌리기 · :bury 묻기 · :suspend 보류 · :q 그만하기",
        ]
    }
}
