import Foundation
import RoledeckCore

/// One pass through a queue of cards: ask, check, suggest a rating, save, until the queue is empty,
/// the learner stops (`:q`) or the input ends.
///
/// The queue is kept up to date with every saved change (never rebuilt per card), so learning steps
/// come back when due (or within the learn-ahead window once nothing else is left), and the day's
/// limits always count what was saved. With `burySiblings`, new cards about a fact the session has
/// already asked are left for another day (see `upcoming`); nothing is buried in the files, so an undo
/// brings them back with no trace. A save that fails ends the session at once
/// (`Ending.failed`, and `REPL.failure` for the executable to report).
public struct StudySession {
    /// Which cards the session studies.
    public enum Scope: Equatable, Sendable {
        /// Today's review over every deck, in Anki's order.
        case today
        /// One deck: its new cards first (within the day's limit), then whatever is due in it.
        case deck(Deck)
        /// Beyond the day: reviewing ahead or cramming a deck, each card once.
        case extra(ExtraStudy)

        /// The mode the log records for the session's answers.
        var mode: StudyMode? {
            if case .extra(let study) = self { return study.mode }
            return nil
        }
    }

    /// Why a session ended.
    public enum Ending: Equatable, Sendable {
        case finished
        case stopped
        case endOfInput
        case failed(String)
    }

    let scope: Scope
    private var results: [(card: CardID, correct: Bool)] = []
    private var pinned: CardID?
    /// The card answered last, not shown again at once while another card is there.
    private var lastShown: CardID?
    /// An extra study's cards: picked when it starts, unless given.
    private var extraCards: [CardID]?

    public init(scope: Scope) {
        self.scope = scope
    }

    /// An extra study over the cards already picked for it (`ExtraStudy.cards`), not picked again.
    init(_ study: ExtraStudy, cards: [CardID]) {
        scope = .extra(study)
        extraCards = cards
    }

    private enum CardOutcome {
        case saved(correct: Bool)
        case savedThenStop(correct: Bool, endOfInput: Bool)
        case setAside
        case again
        case undo
        case stop
        case endOfInput
        case failed(String)
    }

    /// Studies until the queue is empty or the learner stops; returns the summary it printed.
    public mutating func run(in repl: inout REPL) -> SessionSummary {
        let started = repl.clock.monotonicNanoseconds()
        var ending = Ending.finished
        if case .extra(let study) = scope, extraCards == nil {
            extraCards = study.cards(
                repl.state.cards, states: repl.state.records, now: repl.clock.now(), days: repl.state.days)
        }
        loop: while true {
            let now = repl.clock.now()
            let next = upcoming(&repl.state, now: now)
            guard let id = next.first, let card = repl.state.card(id) else {
                if let due = next.nextDue, let stop = waitForLearning(until: due, repl: &repl) {
                    if stop != .finished { ending = stop }
                    break
                }
                if next.nextDue != nil { continue }
                break
            }
            let outcome = ask(card, position: results.count + 1, total: results.count + next.count, repl: &repl)
            switch outcome {
            case .saved(let correct):
                record(card, correct: correct)
            case .savedThenStop(let correct, let endOfInput):
                record(card, correct: correct)
                ending = endOfInput ? .endOfInput : .stopped
                break loop
            case .setAside:
                continue
            case .again:
                pinned = card.id
            case .undo:
                if let message = undo(in: &repl) {
                    ending = .failed(message)
                    break loop
                }
            case .stop:
                ending = .stopped
                break loop
            case .endOfInput:
                ending = .endOfInput
                break loop
            case .failed(let message):
                ending = .failed(message)
                break loop
            }
        }
        if case .failed = ending {
        } else {
            // The checkpoint owed at the end of a session.
            do {
                try repl.state.finish()
            } catch {
                ending = .failed(repl.fail(error))
            }
        }
        let now = repl.clock.now()
        let tomorrow = repl.state.queueTomorrow(now: now)
        let elapsed = Double(repl.clock.monotonicNanoseconds() &- started) / 1e9
        let summary = SessionSummary(
            reviewed: results.count, cards: Set(results.map(\.card)).count, correct: results.count { $0.correct },
            elapsedSeconds: elapsed,
            dueTomorrow: tomorrow.dueCount, newTomorrow: tomorrow.newCards.count,
            streak: repl.state.history.streak(through: repl.state.days.dayNumber(of: now)).current, ending: ending)
        repl.console.line()
        repl.console.lines(summary.render(palette: repl.presenter.palette))
        if ending == .finished {
            // Nothing left now: say what the limits hold back, with the way on.
            let left: DailyQueue
            switch scope {
            case .today: left = repl.state.queue(now: now)
            case .deck(let deck): left = repl.state.queue(now: now, deck: deck)
            case .extra: return summary
            }
            repl.console.lines(LimitNotice.lines(left).map(repl.presenter.palette.dim))
        }
        return summary
    }

    /// What the session shows from now on.
    struct Upcoming: Equatable {
        /// The card to show next; nil when nothing can be shown now.
        var first: CardID?
        /// The cards left to show, the next one included, for the header's total: learning cards shown
        /// ahead of time count only once nothing else is left (as in Anki).
        var count: Int
        /// When nothing can be shown now: the time the next learning card comes due.
        var nextDue: Date?
    }

    /// The next card to show, how many are left, and when the next learning card comes due if none is.
    ///
    /// The one rule for what a session shows: the queue's cards in the scope's order; with
    /// `burySiblings`, a new card whose fact another card of the session has (answered, or shown earlier
    /// in the order) is left for another day, so it is out of the total from the start; due cards are
    /// never left out. The card just answered is not shown again while another is there, and a learning
    /// card not yet due is not shown twice in a row: the session waits for it instead.
    func upcoming(_ state: inout StudyState, now: Date) -> Upcoming {
        let queue: DailyQueue
        let segments: [DailyQueue.Segment]
        switch scope {
        case .today:
            queue = state.queue(now: now)
            segments = [.intradayLearning, .interdayLearning, .reviews, .newCards, .learnAhead]
        case .deck(let deck):
            queue = state.queue(now: now, deck: deck)
            segments = [.newCards, .intradayLearning, .interdayLearning, .reviews, .learnAhead]
        case .extra:
            // Each card once, in the order picked; one set aside (buried, suspended) leaves the list.
            let answered = Set(results.map(\.card))
            let left = (extraCards ?? []).filter { id in
                guard !answered.contains(id), let record = state.records[id], !record.suspended else { return false }
                return record.buriedUntil.map { $0 <= now } ?? true
            }
            let first = pinned.flatMap { left.contains($0) ? $0 : nil } ?? left.first
            return Upcoming(first: first, count: left.count, nextDue: nil)
        }
        guard state.settings.burySiblings else {
            // Without siblings to leave out, the queue answers at once, whatever its size.
            let ahead = queue.count(.learnAhead)
            let dueNow = segments.reduce(0) { $0 + queue.count($1) } - ahead
            return pick(
                count: dueNow > 0 ? dueNow : ahead, isShown: { queue.segment(of: $0).map(segments.contains) ?? false },
                isAhead: { queue.segment(of: $0) == .learnAhead },
                firstOther: { queue.first(in: segments, excluding: $0.map { [$0] } ?? []) }, queue: queue,
                state: state)
        }
        var facts = Set<String>()
        for result in results { if let card = state.card(result.card) { facts.insert(card.factKey) } }
        var shown: [(id: CardID, ahead: Bool)] = []
        for segment in segments {
            let ids: [CardID] =
                switch segment {
                case .intradayLearning: queue.intradayLearning
                case .interdayLearning: queue.interdayLearning
                case .reviews: queue.reviews
                case .newCards: queue.newCards
                case .learnAhead: queue.learnAhead
                }
            for id in ids {
                if let card = state.card(id) {
                    let fact = card.factKey
                    if segment == .newCards && facts.contains(fact) { continue }
                    facts.insert(fact)
                }
                shown.append((id, segment == .learnAhead))
            }
        }
        let dueNow = shown.count { !$0.ahead }
        return pick(
            count: dueNow > 0 ? dueNow : shown.count, isShown: { id in shown.contains { $0.id == id } },
            isAhead: { id in shown.contains { $0.id == id && $0.ahead } },
            firstOther: { last in shown.first { $0.id != last }?.id }, queue: queue, state: state)
    }

    /// The one choice of the next card over what the session shows: the pinned card (after an undo)
    /// first, else the first card but the one just answered, else that one; a learning card not due yet
    /// that was just answered is waited for.
    private func pick(
        count: Int, isShown: (CardID) -> Bool, isAhead: (CardID) -> Bool, firstOther: (CardID?) -> CardID?,
        queue: DailyQueue, state: StudyState
    ) -> Upcoming {
        if let pinned, isShown(pinned) { return Upcoming(first: pinned, count: count, nextDue: nil) }
        let next = firstOther(lastShown) ?? lastShown.flatMap { isShown($0) ? $0 : nil }
        guard let next else { return Upcoming(first: nil, count: 0, nextDue: queue.nextLearningDue) }
        if next == lastShown && isAhead(next) {
            // Only the card just answered is left, and it is not due yet: wait for it rather than ask at once.
            return Upcoming(first: nil, count: 0, nextDue: state.records[next]?.card.due)
        }
        return Upcoming(first: next, count: count, nextDue: nil)
    }

    private mutating func record(_ card: Card, correct: Bool) {
        results.append((card.id, correct))
        lastShown = card.id
        pinned = nil
    }

    /// When only learning cards due later are left: says when the next comes, and on Enter counts down
    /// to it (any line, or `q`, stops). Nil once it is due; else how the session ends.
    private func waitForLearning(until due: Date, repl: inout REPL) -> Ending? {
        let palette = repl.presenter.palette
        let now = repl.clock.now()
        let left = due.timeIntervalSince(now)
        let time = IntervalText.timeOfDay(due, in: repl.state.days.timeZone)
        repl.console.line()
        repl.console.line(
            palette.strong("학습 중인 카드가 \(IntervalText.korean(seconds: left.rounded(.up))) 뒤(\(time))에 돌아옵니다."))
        guard repl.clock.moves else {
            repl.console.line(palette.dim("시각이 --now로 고정되어 기다릴 수 없습니다."))
            return .finished
        }
        while true {
            guard
                let line = repl.prompter.read(
                    palette.dim("기다리려면 Enter, 그만하려면 q: "), kind: .answer)
            else { return .endOfInput }
            if line.isEmpty { break }
            if ["q", "quit", "그만", "종료", ":q"].contains(line.lowercased()) { return .finished }
            repl.console.line(palette.dim("Enter를 누르면 기다리고, q를 누르면 그만합니다."))
        }
        while true {
            let remaining = due.timeIntervalSince(repl.clock.now())
            if remaining <= 0 { return nil }
            let prompt = palette.dim("다음 카드까지 \(IntervalText.countdown(seconds: remaining)) · 그만하려면 Enter ")
            switch repl.prompter.reader.readLine(prompt: prompt, timeout: min(1, remaining)) {
            case .timedOut: continue
            case .line: return .finished
            case .end: return .endOfInput
            }
        }
    }

    /// Takes back the last action (an answer, a burial, a suspension) and shows its card again;
    /// returns the error message when the undo could not be saved.
    private mutating func undo(in repl: inout REPL) -> String? {
        let palette = repl.presenter.palette
        do {
            guard let action = try repl.state.undoLast(now: repl.clock.now()) else {
                repl.console.line(palette.warn("되돌릴 것이 없습니다."))
                return nil
            }
            let id = action.card
            if action.kind == .review, let index = results.lastIndex(where: { $0.card == id }) {
                results.remove(at: index)
            }
            pinned = id
            repl.console.line(repl.undoneLine(action))
            return nil
        } catch {
            return repl.fail(error)
        }
    }

    // MARK: - One card

    private mutating func ask(_ card: Card, position: Int, total: Int, repl: inout REPL) -> CardOutcome {
        let presenter = repl.presenter
        let choice = card.kind.format == .choice ? ChoiceQuestion(card: card, using: &repl.rng) : nil
        let deck = repl.state.deck(of: card)
        repl.console.line()
        repl.console.line(presenter.header(card: card, deck: deck, position: position, total: total))
        repl.console.lines(presenter.question(card: card, choice: choice))
        // A checkpoint due is written now, with the card on screen for the learner to read.
        if let message = repl.writeOwedCheckpoint() { return .failed(message) }
        let started = repl.clock.monotonicNanoseconds()
        var hinted = false
        var seconds = 0.0
        let judgement: Judgement
        while true {
            guard let line = repl.prompter.read(presenter.answerPrompt(card: card, choice: choice), kind: .answer)
            else { return .endOfInput }
            if Self.asksForHint(line, card: card) {
                if let hint = Hint.text(for: card, choice: choice) {
                    hinted = true
                    repl.console.line(presenter.hint(hint))
                } else {
                    repl.console.line(
                        presenter.palette.dim(
                            card.kind.format == .trueFalse ? "O/X 문제에는 힌트가 없습니다." : "이 카드에는 줄 힌트가 없습니다."))
                }
                continue
            }
            if !ReplyJudge.givesUp(line),
                let command = sessionCommand(line) ?? bareCommand(line, card: card, choice: choice)
            {
                if let outcome = perform(command, on: card, repl: &repl) { return outcome }
                continue
            }
            seconds = Double(repl.clock.monotonicNanoseconds() &- started) / 1e9
            switch repl.state.judge.judge(line, card: card, choice: choice, seconds: seconds, hinted: hinted) {
            case .notAnAnswer(let problem):
                repl.console.line(presenter.answerHint(card: card, choice: choice, problem: problem))
                continue
            case .judged(let judged):
                judgement = judged
                repl.console.lines(presenter.feedback(card: card, choice: choice, judgement: judged))
            }
            break
        }
        let durationMs = Int((seconds * 1000).rounded())
        let given = StudyState.GivenAnswer(
            answer: judgement.answer, chosen: judgement.chosen, shown: choice, correct: judgement.correct,
            durationMs: durationMs, mode: scope.mode)
        // A flashcard's answer is graded by the learner, so it is kept only once rated.
        let checked = judgement.outcome != .shown
        let now = repl.clock.now()
        let memory = repl.state.records[card.id]?.card ?? .new(due: now)
        // The fuzz is drawn now, so the intervals shown are the ones saved.
        let fuzzDraw = repl.rng.next()
        let outcomes = repl.state.scheduler.outcomes(for: memory, at: now, fuzzDraw: fuzzDraw)
        repl.console.line(presenter.explanation(card))
        repl.console.line(presenter.ratingLine(outcomes, suggested: judgement.suggestion))
        while true {
            guard let line = repl.prompter.read(presenter.ratingPrompt(suggested: judgement.suggestion), kind: .answer)
            else {
                // The reply is in: keep it with the suggested rating rather than lose it.
                guard checked else { return .endOfInput }
                return save(
                    card, judgement.suggestion, given, now: now, fuzzDraw: fuzzDraw, repl: &repl, then: .endOfInput)
            }
            if line.isEmpty {
                return save(card, judgement.suggestion, given, now: now, fuzzDraw: fuzzDraw, repl: &repl, then: nil)
            }
            if let rating = CardPresenter.rating(from: line) {
                return save(card, rating, given, now: now, fuzzDraw: fuzzDraw, repl: &repl, then: nil)
            }
            if let command = sessionCommand(line) {
                switch command {
                case "quit":
                    guard checked else { return .stop }
                    return save(
                        card, judgement.suggestion, given, now: now, fuzzDraw: fuzzDraw, repl: &repl, then: .stop)
                case "undo":
                    repl.console.line(presenter.palette.warn("이 답을 취소했습니다. 다시 풀어 보세요."))
                    return .again
                default:
                    if let outcome = perform(command, on: card, repl: &repl) { return outcome }
                    continue
                }
            }
            repl.console.line(presenter.ratingHint)
        }
    }

    /// `:hint`, `:힌트`, or `힌트` alone where it is no answer of the card.
    static func asksForHint(_ line: String, card: Card) -> Bool {
        let word = line.trimmingCharacters(in: .whitespaces).lowercased()
        let bare = word.hasPrefix(":") || word.hasPrefix("：") ? String(word.dropFirst()) : word
        guard bare == "hint" || bare == "힌트" else { return false }
        return bare != word || !card.answers.contains { $0.accepted.contains { AnswerText.folded($0) == bare } }
    }

    /// Saves the answer and says so; `then` ends the session after saving.
    private func save(
        _ card: Card, _ rating: Rating, _ given: StudyState.GivenAnswer, now: Date, fuzzDraw: UInt64,
        repl: inout REPL, then: CardOutcome?
    ) -> CardOutcome {
        do {
            var fuzz = PredrawnRandom(fuzzDraw)
            let saved = try repl.state.saveAnswer(card.id, rating: rating, given: given, now: now, rng: &fuzz)
            repl.console.line(repl.presenter.saved(saved))
            if saved.becameLeech {
                let suspended = repl.state.settings.leechAction == .suspend
                repl.console.line(
                    repl.presenter.palette.warn(
                        "이 카드는 \(saved.record.lapses)번 잊어서 거머리로 표시했습니다"
                            + (suspended ? "(보류됨)." : ".") + " `leeches`로 모아 볼 수 있습니다."))
            }
        } catch {
            return .failed(repl.fail(error))
        }
        let correct = given.correct ?? (rating != .again)
        switch then {
        case .stop?: return .savedThenStop(correct: correct, endOfInput: false)
        case .endOfInput?: return .savedThenStop(correct: correct, endOfInput: true)
        default: return .saved(correct: correct)
        }
    }

    /// The command a `:`-prefixed reply names (`:q`, `:undo`, `:되돌리기`), or nil for an ordinary reply.
    private func sessionCommand(_ line: String) -> String? {
        guard line.hasPrefix(":") || line.hasPrefix("："), line.count > 1 else { return nil }
        return CommandParser.canonicalName(of: String(line.dropFirst())) ?? "unknown"
    }

    /// A command typed without `:` where it cannot be an answer: at choice and O/X prompts, a word that
    /// is no option and no yes/no (`quit`, `undo`, `종료`).
    private func bareCommand(_ line: String, card: Card, choice: ChoiceQuestion?) -> String? {
        guard let name = CommandParser.canonicalName(of: line), Self.sessionCommands.contains(name) else { return nil }
        switch card.kind.format {
        case .choice:
            guard let choice else { return nil }
            if case .success = ChoiceInput.parse(line, options: choice.options, selection: choice.selection) {
                return nil
            }
            return name
        case .trueFalse:
            return TrueFalseInput.parse(line) == nil ? name : nil
        case .typed, .typedMany, .flashcard:
            return nil
        }
    }

    private static let sessionCommands: Set<String> = ["quit", "undo", "bury", "suspend", "help"]

    /// Carries out a session command typed at a card's prompt; nil means "ask again".
    private mutating func perform(_ command: String, on card: Card, repl: inout REPL) -> CardOutcome? {
        let palette = repl.presenter.palette
        let now = repl.clock.now()
        do {
            switch command {
            case "quit":
                return .stop
            case "undo":
                return .undo
            case "bury":
                try repl.state.bury(card.id, now: now)
                repl.console.line(palette.warn("이 카드를 내일까지 묻었습니다."))
                return .setAside
            case "suspend":
                try repl.state.suspend(card.id, now: now)
                repl.console.line(palette.warn("이 카드를 보류했습니다. `unsuspend \(card.id)`로 되살립니다."))
                return .setAside
            default:
                repl.console.line(
                    palette.dim("카드에서 쓸 수 있는 명령: ? 모름 · :hint 힌트 · :undo 되돌리기 · :bury 묻기 · :suspend 보류 · :q 그만하기"))
                return nil
            }
        } catch {
            return .failed(repl.fail(error))
        }
    }
}
