import Foundation
import RoledeckCore

/// One pass through a queue of cards: ask, check, suggest a rating, save, until the queue is empty,
/// the learner stops (`:q`) or the input ends.
///
/// The queue is kept up to date with every saved change (never rebuilt per card), so learning steps
/// come back when due (or within the learn-ahead window once nothing else is left), and the day's
/// limits always count what was saved. Siblings of an answered card (same `factKey`) are skipped for
/// the rest of the session when `burySiblings` is on; they are not buried in the files, so an
/// undo brings them back with no trace. A save that fails ends the session at once
/// (`Ending.failed`, and `REPL.failure` for the executable to report).
public struct StudySession {
    /// Which cards the session studies.
    public enum Scope: Equatable, Sendable {
        /// Today's review over every deck, in Anki's order.
        case today
        /// One deck: its new cards first (within the day's limit), then whatever is due in it.
        case deck(Deck)
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
    private var siblingSkips: [(card: CardID, skipped: Set<CardID>)] = []
    private var skipped: Set<CardID> = []
    private var pinned: CardID?

    public init(scope: Scope) {
        self.scope = scope
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
        loop: while true {
            let now = repl.clock.now()
            let next = upcoming(&repl.state, now: now)
            guard let id = next.first, let card = repl.state.card(id) else { break }
            let total = results.count + max(1, next.count - next.waiting)
            let outcome = ask(card, position: results.count + 1, total: total, repl: &repl)
            switch outcome {
            case .saved(let correct):
                record(card, correct: correct, state: &repl.state)
            case .savedThenStop(let correct, let endOfInput):
                record(card, correct: correct, state: &repl.state)
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
            reviewed: results.count, correct: results.count { $0.correct }, elapsedSeconds: elapsed,
            dueTomorrow: tomorrow.dueCount, newTomorrow: tomorrow.newCards.count,
            streak: repl.state.history.streak(through: repl.state.days.dayNumber(of: now)).current, ending: ending)
        repl.console.line()
        repl.console.lines(summary.render(palette: repl.presenter.palette))
        return summary
    }

    /// The next card to show, how many are left, and how many of them are learning cards shown ahead
    /// of time (not counted in the header's total until nothing else is left, as in Anki).
    func upcoming(_ state: inout StudyState, now: Date) -> (first: CardID?, count: Int, waiting: Int) {
        let queue: DailyQueue
        let segments: [DailyQueue.Segment]
        switch scope {
        case .today:
            queue = state.queue(now: now)
            segments = [.intradayLearning, .interdayLearning, .reviews, .newCards, .learnAhead]
        case .deck(let deck):
            queue = state.queue(now: now, deck: deck)
            segments = [.newCards, .intradayLearning, .interdayLearning, .reviews, .learnAhead]
        }
        var count = segments.reduce(0) { $0 + queue.count($1) }
        var waiting = queue.count(.learnAhead)
        for id in skipped {
            guard let segment = queue.segment(of: id) else { continue }
            count -= 1
            if segment == .learnAhead { waiting -= 1 }
        }
        return (queue.first(in: segments, excluding: skipped, pinned: pinned), count, waiting)
    }

    private mutating func record(_ card: Card, correct: Bool, state: inout StudyState) {
        results.append((card.id, correct))
        pinned = nil
        guard state.settings.burySiblings else { return }
        let siblings = Set(state.siblings(of: card))
        let added = siblings.subtracting(skipped)
        skipped.formUnion(added)
        siblingSkips.append((card.id, added))
    }

    /// Takes back the last answer; returns the error message when the undo could not be saved.
    private mutating func undo(in repl: inout REPL) -> String? {
        let palette = repl.presenter.palette
        do {
            guard let id = try repl.state.undoLast(now: repl.clock.now()) else {
                repl.console.line(palette.warn("되돌릴 답이 없습니다."))
                return nil
            }
            if let index = results.lastIndex(where: { $0.card == id }) { results.remove(at: index) }
            if let index = siblingSkips.lastIndex(where: { $0.card == id }) {
                skipped.subtract(siblingSkips.remove(at: index).skipped)
            }
            pinned = id
            let prompt = repl.state.card(id)?.prompt ?? id.rawValue
            repl.console.line(palette.warn("되돌렸습니다: ") + prompt)
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
                    repl.console.line(presenter.palette.dim("O/X 문제에는 힌트가 없습니다."))
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
            answer: judgement.answer, chosen: judgement.chosen, correct: judgement.correct, durationMs: durationMs)
        // A flashcard's answer is graded by the learner, so it is kept only once rated.
        let checked = judgement.outcome != .shown
        let now = repl.clock.now()
        let memory = repl.state.records[card.id]?.card ?? .new(due: now)
        let outcomes = repl.state.scheduler.outcomes(for: memory, at: now)
        repl.console.line(presenter.explanation(card))
        repl.console.line(presenter.ratingLine(outcomes, suggested: judgement.suggestion))
        while true {
            guard let line = repl.prompter.read(presenter.ratingPrompt(suggested: judgement.suggestion), kind: .answer)
            else {
                // The reply is in: keep it with the suggested rating rather than lose it.
                guard checked else { return .endOfInput }
                return save(card, judgement.suggestion, given, now: now, repl: &repl, then: .endOfInput)
            }
            if line.isEmpty {
                return save(card, judgement.suggestion, given, now: now, repl: &repl, then: nil)
            }
            if let rating = CardPresenter.rating(from: line) {
                return save(card, rating, given, now: now, repl: &repl, then: nil)
            }
            if let command = sessionCommand(line) {
                switch command {
                case "quit":
                    guard checked else { return .stop }
                    return save(card, judgement.suggestion, given, now: now, repl: &repl, then: .stop)
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
        _ card: Card, _ rating: Rating, _ given: StudyState.GivenAnswer, now: Date, repl: inout REPL,
        then: CardOutcome?
    ) -> CardOutcome {
        do {
            let saved = try repl.state.saveAnswer(card.id, rating: rating, given: given, now: now, rng: &repl.rng)
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
