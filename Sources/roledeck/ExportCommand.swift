import ArgumentParser
import Foundation
import RoledeckAnki
import RoledeckCore
import RoledeckREPL

/// `roledeck export anki|csv|json FILE`: the cards, and with `--with-progress` their schedules, for Anki and scripts.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the cards for Anki (.apkg with progress, or a text file) or as JSON. (내보내기)",
        subcommands: [ExportAnkiCommand.self, ExportCSVCommand.self, ExportJSONCommand.self])
}

/// The options every export takes.
struct ExportOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The file to write.", valueName: "file"))
    var file: String

    @Option(
        help: ArgumentHelp(
            "Only this domain's deck (its name, English name, key or number); repeat for several.", valueName: "name"))
    var domain: [String] = []

    @Flag(help: "Replace the file when it exists.")
    var force = false

    /// The decks to export, narrowed to `--domain`.
    func decks(library: DeckLibrary) throws -> [Deck] {
        let decks = try library.decks()
        guard !domain.isEmpty else { return decks }
        let names = NameMatcher.domains(of: decks)
        var keys: Set<DomainKey> = []
        for name in domain {
            do {
                keys.insert(try names.find(name, kind: .domain).domain.key)
            } catch {
                throw ExportError.unknownDomain(error)
            }
        }
        return decks.filter { keys.contains($0.domain.key) }
    }

    /// The learner's settings, study days and progress (read only, never locked or written).
    func progress(library: DeckLibrary, decks: [Deck]) throws -> (
        settings: StudySettings, days: DayConvention, progress: AnkiExport.Progress
    ) {
        let settings = try StudySettings.load(from: library.paths.progress)
        let days = settings.days(systemTimeZone: .current)
        let store = ProgressStore.openReadOnly(folder: library.paths.progress)
        let wanted = Set(decks.flatMap { $0.cards.map(\.id) })
        let timeline = try store.timeline(days: days, only: wanted)
        var records = timeline.fold.cards
        if let shortfall = try store.logShortfall() {
            records = try store.loadCards()
            warn("\(shortfall.errorDescription ?? "\(shortfall)") 상태는 cards.json에서, 복습 기록은 로그에 있는 만큼만 내보냅니다.")
        }
        if timeline.issues.contains(where: { !$0.isTornTail }) {
            warn("reviews.jsonl에 읽을 수 없는 줄이 있어 건너뛰었습니다: roledeck doctor로 확인하세요.")
        }
        return (settings, days, AnkiExport.Progress(records: records, reviews: timeline.reviews))
    }

    var url: URL { fileURL(file) }
}

/// `roledeck export anki FILE.apkg [--domain D] [--with-progress]`.
struct ExportAnkiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anki",
        abstract: "Write an Anki package (.apkg): one deck per domain under 'AI 직무'.",
        discussion: """
            With --with-progress the cards keep their schedules (due dates, intervals, the FSRS memory state) \
            and every review goes into Anki's review history: import with "Import any learning progress" \
            (학습 진행 가져오기) ticked, and turn FSRS on in Anki's deck options.
            """)

    @OptionGroup var options: ExportOptions

    @Flag(help: "Keep each card's schedule, memory state and reviews.")
    var withProgress = false

    mutating func run() throws {
        let now = try options.global.clock()
        let library = DeckLibrary(paths: options.global.paths())
        let decks = try options.decks(library: library)
        var settings = try StudySettings.load(from: library.paths.progress)
        var days = settings.days(systemTimeZone: .current)
        var progress: AnkiExport.Progress?
        if withProgress {
            let read = try options.progress(library: library, decks: decks)
            (settings, days, progress) = (read.settings, read.days, read.progress)
        }
        let collection = try AnkiExport.collection(
            decks: decks, progress: progress, settings: settings, days: days, now: now)
        try AnkiPackage.write(collection, to: options.url, replacing: options.force, now: now)
        let studied = collection.cards.count { $0.type != 0 }
        var summary = "\(options.url.path): 덱 \(collection.decks.count - 1)개, 카드 \(collection.cards.count)장"
        if withProgress { summary += " (학습한 카드 \(studied)장, 복습 기록 \(collection.revlog.count)개)" }
        print(summary + "을 Anki 패키지로 내보냈습니다.")
        if withProgress {
            print("Anki에서 가져올 때 '학습 진행 가져오기'(Import any learning progress)를 켜고, 덱 옵션에서 FSRS를 켜세요.")
        }
    }
}

/// `roledeck export csv FILE [--domain D]`.
struct ExportCSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Write a text file for Anki's importer (tab-separated, with its #header lines).")

    @OptionGroup var options: ExportOptions

    mutating func run() throws {
        let library = DeckLibrary(paths: options.global.paths())
        let decks = try options.decks(library: library)
        let text = try AnkiTextFile.text(decks: decks)
        try ExportFile.write(Data(text.utf8), to: options.url, replacing: options.force)
        let count = decks.reduce(0) { $0 + $1.cards.count }
        print("\(options.url.path): 카드 \(count)장을 Anki 텍스트 가져오기 형식으로 내보냈습니다.")
    }
}

/// `roledeck export json FILE [--domain D] [--with-progress]`.
struct ExportJSONCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "json",
        abstract: "Write the cards as JSON, with --with-progress their states and reviews.")

    @OptionGroup var options: ExportOptions

    @Flag(help: "Add each card's state and the reviews that stand.")
    var withProgress = false

    mutating func run() throws {
        let now = try options.global.clock()
        let library = DeckLibrary(paths: options.global.paths())
        let decks = try options.decks(library: library)
        let progress = withProgress ? try options.progress(library: library, decks: decks).progress : nil
        let text = try CardsExportJSON.text(decks: decks, progress: progress, now: now)
        try ExportFile.write(Data(text.utf8), to: options.url, replacing: options.force)
        let count = decks.reduce(0) { $0 + $1.cards.count }
        print("\(options.url.path): 카드 \(count)장을 JSON으로 내보냈습니다.")
    }
}
