import ArgumentParser
import Foundation
import RoledeckCore
import RoledeckREPL

/// `roledeck review`: today's review without the prompt; exits at the end.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Run today's review (due cards, then new ones) and exit. (오늘의 복습)")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var study: StudyOptions

    mutating func run() throws {
        var repl = try study.openREPL(global, needsWriting: true)
        repl.announceState()
        repl.console.line(repl.todayLine())
        repl.study(.today)
        try repl.reportFailure()
    }
}

/// `roledeck study DECK`: one deck, its new cards first, then whatever is due in it.
struct StudyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Study one deck: its new cards first (within the day's limit), then its due cards. (덱 공부)")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var study: StudyOptions

    @Argument(help: ArgumentHelp("The deck: its key, number, name or English name.", valueName: "deck"))
    var deck: String

    mutating func run() throws {
        var repl = try study.openREPL(global, needsWriting: true)
        let found = try repl.findDeck(deck)
        repl.announceState()
        repl.study(.deck(found))
        try repl.reportFailure()
    }
}

/// `roledeck more N [복습]`: today's new-card (or review) limit raised by N, today only.
struct MoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "more",
        abstract: "Raise today's new-card limit by N, or the review limit with 복습 (reviews); today only. (더 공부)")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var study: StudyOptions

    @Argument(help: ArgumentHelp("How many more cards today, 1 to 9999.", valueName: "N"))
    var count: String

    @Argument(help: ArgumentHelp("복습 (reviews) to raise the review limit; new cards otherwise.", valueName: "kind"))
    var kind: String?

    mutating func run() throws {
        guard let number = Int(count), (1...9999).contains(number) else {
            throw ValidationError("more \"\(count)\": N은 1에서 9999 사이의 수여야 합니다.")
        }
        var reviews = false
        if let kind {
            switch kind.lowercased() {
            case "복습", "review", "reviews", "r": reviews = true
            case "새", "새카드", "new": reviews = false
            default: throw ValidationError("more \(count) \"\(kind)\": 복습(reviews) 또는 새(new)만 쓸 수 있습니다.")
            }
        }
        var repl = try study.openREPL(global, needsWriting: true)
        guard repl.addToTodaysLimits(number, reviews: reviews) else { throw CommandFailure(code: 1) }
    }
}

/// `roledeck ahead [--days N]`: the reviews of the next days, answered now.
struct AheadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ahead",
        abstract: "Review ahead: the review cards due in the next N days, now; recorded as such. (미리 복습)")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var study: StudyOptions

    @Option(help: ArgumentHelp("How many days ahead, 1 to 365.", valueName: "N"))
    var days = 1

    mutating func run() throws {
        guard (1...ExtraStudy.maximumDays).contains(days) else {
            throw ValidationError("ahead --days \(days): 1에서 \(ExtraStudy.maximumDays) 사이의 날 수여야 합니다.")
        }
        var repl = try study.openREPL(global, needsWriting: true)
        repl.announceState()
        repl.studyExtra(.ahead(days: days))
        try repl.reportFailure()
    }
}

/// `roledeck cram DECK`: every card of a deck already met, whenever it is due.
struct CramCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cram",
        abstract: "Cram one deck: every card of it already met and not due today; recorded as such. (몰아 보기)")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var study: StudyOptions

    @Argument(help: ArgumentHelp("The deck: its key, number, name or English name.", valueName: "deck"))
    var deck: String

    mutating func run() throws {
        var repl = try study.openREPL(global, needsWriting: true)
        let found = try repl.findDeck(deck)
        repl.announceState()
        repl.studyExtra(.cram(found.domain.key))
        try repl.reportFailure()
    }
}

/// Options of the study commands.
struct StudyOptions: ParsableArguments {
    @Option(help: .hidden)
    var seed: UInt64?

    /// The REPL over the decks and progress the options point at, reading standard input.
    ///
    /// When another session holds the progress folder, `needsWriting` makes that an error;
    /// otherwise the folder is opened read-only and the REPL says so. A command that only reads
    /// (`onlyReads`) never creates a progress folder that is not there: it says so and reads nothing.
    func openREPL(_ global: GlobalOptions, needsWriting: Bool, onlyReads: Bool = false) throws -> REPL {
        MallocTuning.apply()
        let environment = ProcessInfo.processInfo.environment
        let paths = global.paths()
        let library = DeckLibrary(paths: paths)
        let settings = try StudySettings.load(from: paths.progress)
        let frozen = try ClockOption.resolve(option: global.now, environment: environment, timeZone: .current)
        let clock = StudyClock.system(frozenAt: frozen)
        let missing = !FileManager.default.fileExists(atPath: paths.progress.path)
        global.announceProgress(paths.progress, creating: !(onlyReads && missing))
        let store: ProgressStore
        do {
            store =
                onlyReads && missing
                ? ProgressStore.openReadOnly(folder: paths.progress) : try ProgressStore.open(folder: paths.progress)
        } catch {
            guard case .locked = error, !needsWriting else { throw error }
            store = ProgressStore.openReadOnly(folder: paths.progress)
        }
        // The decks are read on another thread while the progress is opened: a large collection
        // starts in the time of the longer of the two.
        let loading = DeckLoading(library: library)
        let recorder = try StudyState.openProgress(
            store: store, settings: settings, systemTimeZone: .current, clock: clock)
        if needsWriting, let reason = recorder.readOnlyReason { throw reason }
        let (decks, pendingCache) = try loading.decks()
        let state = StudyState(decks: decks, recorder: recorder, clock: clock)
        let rng = seed.map { RandomSource(SeededGenerator(seed: $0)) } ?? RandomSource(SystemRandomNumberGenerator())
        let console = Console(
            palette: Palette(style: TerminalIO.outputStyle(environment: environment)), width: TerminalIO.wrapWidth()
        ) { text in
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        let words = CompletionWords()
        let completer = LineCompleter { preceding in
            CommandCompletion.candidates(forLine: preceding, decks: decks, suspended: words.suspended)
        }
        let reader = TerminalIO.makeLineReader(
            historyURL: paths.progress.appendingPathComponent(".history"), completer: completer)
        var repl = REPL(
            state: state, reader: reader, console: console, clock: clock, rng: rng,
            deckSource: library.deckSourceDescription)
        repl.showsProgress = isatty(STDOUT_FILENO) == 1
        repl.completion = words
        // Decks decoded from their JSON owe the deck cache, and a start without the stats cache owes
        // that one: both are written once the first card is on screen.
        repl.deferUntilFirstRead {
            pendingCache?.write()
            recorder.writeOwedCache()
        }
        return repl
    }
}

extension REPL {
    /// A save that failed ends the command with the error on standard error and exit code 1.
    func reportFailure() throws {
        guard let failure else { return }
        FileHandle.standardError.write(Data("roledeck: error: \(failure.errorDescription ?? "\(failure)")\n".utf8))
        throw CommandFailure(code: 1)
    }
}

/// The decks, read on a thread of their own from the moment this is made, with the deck cache they
/// owe when they were decoded from their JSON (not written yet: see `DeckLibrary.decksDeferringCache`).
final class DeckLoading: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: Result<([Deck], PendingDeckCache?), any Error> = .success(([], nil))

    init(library: DeckLibrary) {
        group.enter()
        DispatchQueue.global().async { [self] in
            result = Result { try library.decksDeferringCache() }
            group.leave()
        }
    }

    /// The decks and the cache they owe, once read (or the error reading them).
    func decks() throws -> ([Deck], PendingDeckCache?) {
        group.wait()
        return try result.get()
    }
}
