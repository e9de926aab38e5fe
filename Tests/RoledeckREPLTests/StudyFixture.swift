import Foundation
import Testing

@testable import RoledeckCore
@testable import RoledeckREPL

/// Everything the screen showed, collected from the console.
final class Transcript {
    var text = ""
}

/// A learner played from a script: a line reader that can pick options by their text, and records the prompts.
final class ScriptedStudent: LineReader {
    enum Step {
        /// A line typed as is.
        case line(String)
        /// The numbers of the options on screen whose text is one of these (space-separated).
        case options([String])
        /// The number of the option on screen with this text.
        case option(String)
        /// Lets timed reads run out for this many seconds, the clock moving on with them.
        case wait(TimeInterval)
    }

    var steps: [Step]
    private(set) var prompts: [String] = []
    let transcript: Transcript
    /// The clock a `.wait` moves.
    var clock: TestClock?

    init(_ steps: [Step], transcript: Transcript, clock: TestClock? = nil) {
        self.steps = steps
        self.transcript = transcript
        self.clock = clock
    }

    func readLine(prompt: String, timeout seconds: TimeInterval) -> TimedLine {
        prompts.append(prompt)
        guard !steps.isEmpty else { return .end }
        if case .wait(let left) = steps.first {
            let passed = min(seconds, left)
            clock?.now.addTimeInterval(passed)
            if left - passed <= 0 { steps.removeFirst() } else { steps[0] = .wait(left - passed) }
            return .timedOut
        }
        return readLine(prompt: prompt, kind: .answer).map(TimedLine.line) ?? .end
    }

    func readLine(prompt: String, kind: LineKind) -> String? {
        prompts.append(prompt)
        guard !steps.isEmpty else { return nil }
        switch steps.removeFirst() {
        case .line(let text): return text
        case .option(let text): return numbers(of: [text]).first ?? "?"
        case .options(let texts): return numbers(of: texts).joined(separator: " ")
        case .wait: return ""
        }
    }

    /// The numbers of the options of the last question shown, for the given texts.
    private func numbers(of texts: [String]) -> [String] {
        let lines = transcript.text.split(separator: "\n")
        guard let start = lines.lastIndex(where: { $0.hasPrefix("[") }) else { return [] }
        return lines[start...].compactMap { line in
            guard line.hasPrefix("  "), let close = line.firstIndex(of: ")") else { return nil }
            let number = line.dropFirst(2)[..<close]
            let text = line[line.index(after: close)...].trimmingCharacters(in: .whitespaces)
            return texts.contains(text) && Int(number) != nil ? String(number) : nil
        }
    }
}

/// A fixed wall clock and a monotonic clock that moves `step` nanoseconds each time it is read.
final class TestClock {
    var now: Date
    var monotonic: UInt64 = 0
    var step: UInt64 = 2_000_000_000
    /// False stands for `--now`: a frozen wall clock.
    var moves = true

    init(now: Date) { self.now = now }

    var studyClock: StudyClock {
        StudyClock(
            now: { self.now },
            monotonicNanoseconds: {
                self.monotonic += self.step
                return self.monotonic
            }, moves: moves)
    }
}

/// Two small decks with a card of every kind, a progress folder and the REPL over them.
struct StudyFixture {
    static let seoul = TimeZone(identifier: "Asia/Seoul")!
    /// 2026-03-02 10:00 in Seoul.
    static let start = Date(timeIntervalSince1970: 1_772_413_200)

    let folder: URL
    let transcript = Transcript()
    let clock = TestClock(now: StudyFixture.start)
    var settings = StudySettings()

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("roledeck-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    static func id(_ text: String) -> CardID { CardID(rawValue: text) }

    static let decks: [Deck] = {
        let catalog = CatalogReference(source: "test.md", title: "test")
        let data = DeckDomain(
            key: DomainKey(rawValue: "data"), number: 1, name: "데이터", englishName: nil, branch: "Data",
            roles: [DeckRole(key: RoleKey(rawValue: "데이터-엔지니어"), name: "데이터 엔지니어")])
        let ml = DeckDomain(
            key: DomainKey(rawValue: "ml"), number: 2, name: "머신 러닝", englishName: nil, branch: "ML",
            roles: [DeckRole(key: RoleKey(rawValue: "머신-러닝-엔지니어"), name: "머신 러닝 엔지니어")])
        func card(
            _ id: String, _ kind: CardKind, _ answers: [Answer], distractors: [String]? = nil,
            selection: Selection? = nil, domain: String = "data", role: String? = "데이터-엔지니어",
            context: String? = nil, prompt: String? = nil
        ) -> Card {
            Card(
                id: CardID(rawValue: id), kind: kind, domain: DomainKey(rawValue: domain),
                role: role.map { RoleKey(rawValue: $0) }, prompt: prompt ?? "질문 \(id)", context: context,
                answers: answers, distractors: distractors, selection: selection, explanation: "test.md 설명 \(id)")
        }
        let yes = Answer("O", aliases: ["참", "예", "true"])
        let no = Answer("X", aliases: ["거짓", "아니오", "false"])
        return [
            Deck(
                catalog: catalog, domain: data,
                cards: [
                    card(
                        "role-domain/데이터-엔지니어", .roleDomain, [Answer("데이터")],
                        distractors: ["머신 러닝", "MLOps", "AutoML"], selection: .one),
                    card("duties/데이터-엔지니어", .duties, [Answer("파이프라인 구축"), Answer("데이터 저장")]),
                    card(
                        "stack/데이터-엔지니어", .stack,
                        [
                            Answer("SQL"), Answer("Python"), Answer("Apache Spark"),
                            Answer("ROS(Robot Operating System)", aliases: ["ROS", "Robot Operating System"]),
                        ]),
                    card("cloze/데이터-엔지니어/정제", .cloze, [Answer("정제")], context: "데이터 수집, ＿＿＿"),
                    card(
                        "duty-role/데이터-엔지니어/정제", .dutyRole, [Answer("데이터 엔지니어")],
                        distractors: ["AI 리서처", "로보틱스 엔지니어", "데이터 애널리틱스"], selection: .one),
                    card(
                        "stack-role/sql", .stackRole, [Answer("데이터 엔지니어"), Answer("데이터 애널리틱스")],
                        distractors: ["AI 리서처", "로보틱스 엔지니어"], selection: .all, role: nil),
                    card("true-false/데이터-엔지니어/sql", .trueFalse, [yes]),
                    card("true-false/데이터-엔지니어/excel", .trueFalse, [no]),
                ]),
            Deck(
                catalog: catalog, domain: ml,
                cards: [
                    card(
                        "role-domain/머신-러닝-엔지니어", .roleDomain, [Answer("머신 러닝")],
                        distractors: ["데이터", "MLOps", "AutoML"], selection: .one, domain: "ml",
                        role: "머신-러닝-엔지니어"),
                    card(
                        "cloze/머신-러닝-엔지니어/모델-학습", .cloze, [Answer("모델 학습")], domain: "ml",
                        role: "머신-러닝-엔지니어"),
                    card("domain-roles/ml", .domainRoles, [Answer("머신 러닝 엔지니어")], domain: "ml", role: nil),
                ]),
        ]
    }()

    /// A REPL over the decks and the folder, reading `steps`.
    func repl(_ steps: [ScriptedStudent.Step], seed: UInt64 = 42) throws -> (REPL, ScriptedStudent) {
        let store = try ProgressStore.open(folder: folder)
        // As the program does, the settings in use are the ones in the folder's file.
        if settings != StudySettings() {
            try SettingsFile.encode(settings).write(to: folder.appendingPathComponent("settings.json"))
        }
        let state = try StudyState(decks: Self.decks, store: store, settings: settings, systemTimeZone: Self.seoul)
        let reader = ScriptedStudent(steps, transcript: transcript, clock: clock)
        let transcript = self.transcript
        let console = Console { transcript.text += $0 }
        let repl = REPL(
            state: state, reader: reader, console: console, clock: clock.studyClock,
            rng: RandomSource(SeededGenerator(seed: seed)), deckSource: "test")
        return (repl, reader)
    }

    /// The review log's lines.
    func log() throws -> [LogRecord] {
        try ProgressStore.openReadOnly(folder: folder).loadLog().records
    }

    /// The records in cards.json.
    func cards() throws -> [CardID: CardRecord] {
        try ProgressStore.openReadOnly(folder: folder).loadCards()
    }

    /// Writes records (and nothing in the log) before a session, as an earlier session would have left them.
    func seed(_ records: [CardID: CardRecord]) throws {
        let store = try ProgressStore.open(folder: folder)
        try store.saveCards(records)
    }
}
