import Foundation
import RoledeckCore
import Testing

/// Whether the interop tests can run: Anki's Python library, as `python3` finds it.
enum AnkiLibrary {
    /// Set by `.ci/run`: the library must be there, and the tests run (and fail) without it.
    static let isRequired = ProcessInfo.processInfo.environment["ROLEDECK_REQUIRE_ANKI"] == "1"

    /// Whether `python3` imports Anki's library (the version is the checker's concern).
    static let isImportable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import anki.collection"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return false
        }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()
}

/// The exports, imported into a fresh collection by Anki's own Python library (`pip install anki`,
/// 26.9.x; `.ci/run` installs it) and checked against roledeck's own view of the same cards by
/// `Tests/anki-interop/check_import.py`. The only tests that need Python.
///
/// Skipped, saying why, only where `python3` cannot import `anki` at all; never under `.ci/run`,
/// which installs it and sets `ROLEDECK_REQUIRE_ANKI=1`, so that a failed install fails the tests.
@Suite(
    "Anki imports what roledeck exports", .serialized,
    .enabled(
        if: AnkiLibrary.isRequired || AnkiLibrary.isImportable,
        "Anki's Python library is not installed (python3 -c 'import anki' fails): pip install 'anki>=26.9,<26.10', or run bash .ci/run"
    ))
struct AnkiInteropTests {
    static let checker = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("anki-interop/check_import.py")
    static let zone = "Asia/Seoul"
    /// Study began on a Monday morning in Seoul; the export is a week and a half later.
    static let start = Date(timeIntervalSince1970: 1_772_409_600)  // 2026-03-02T00:00:00Z, 09:00 in Seoul
    static let exportTime = start.addingTimeInterval(10 * 86_400 + 3 * 3600)

    /// Runs the checker; its summary line, or a failure with everything it printed.
    static func check(_ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", checker.path] + arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["TZ"] = zone
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(
            process.terminationStatus == 0,
            "Anki's importer disagrees (is `pip install anki` done? .ci/run installs it):\n\(text)")
        return text
    }

    /// A progress folder with every kind of schedule: review, relearning after a lapse, learning
    /// today, learning on a later day (a one-day step), suspended, buried, a leech, and an answer
    /// taken back; written through the one answer transaction (`ProgressRecorder`).
    static func study(decks: [Deck], progress: URL) throws -> [String: CardID] {
        try Data(
            """
            {"schemaVersion": 1, "timeZone": "\(zone)", "learningSteps": ["10m", "1d"], "leechThreshold": 2,
             "desiredRetention": 0.85}
            """.utf8
        ).write(to: progress.appendingPathComponent("settings.json"))
        let settings = try StudySettings.load(from: progress)
        let days = settings.days(systemTimeZone: .current)
        let recorder = try ProgressRecorder.open(
            store: try ProgressStore.open(folder: progress), settings: settings, days: days, uptimeNanoseconds: 0)
        var rng = SeededGenerator(seed: 12)
        let cards = IntroductionOrder.sorted(decks.flatMap(\.cards)).map(\.id)
        let names = [
            "review", "relearning", "learningToday", "learningLater", "suspended", "buried", "leech", "undone",
        ]
        let chosen = Dictionary(uniqueKeysWithValues: zip(names, cards))
        func answer(_ name: String, _ rating: Rating, day: Double, minutes: Double = 0, ms: Int = 4_200) throws {
            guard let id = chosen[name] else { return }
            let at = start.addingTimeInterval(day * 86_400 + minutes * 60)
            try recorder.answer(
                id, rating: rating, given: GivenAnswer(answer: "답", correct: rating != .again, durationMs: ms), now: at,
                uptimeNanoseconds: 0, rng: &rng)
        }
        for (minute, name) in ["review", "relearning", "suspended", "buried", "leech", "undone"].enumerated() {
            try answer(name, .easy, day: 0, minutes: Double(minute), ms: 70_000)
        }
        try answer("review", .good, day: 5)
        try answer("relearning", .again, day: 5)
        try answer("leech", .again, day: 5)
        try answer("leech", .good, day: 5, minutes: 15)
        try answer("leech", .good, day: 7)
        try answer("leech", .again, day: 9)
        try answer("undone", .good, day: 9)
        _ = try recorder.undo(now: start.addingTimeInterval(9 * 86_400 + 60), uptimeNanoseconds: 0)
        try answer("learningToday", .again, day: 10, minutes: 120)
        try answer("learningLater", .good, day: 10, minutes: 130)
        if let id = chosen["suspended"] { try recorder.suspend(id, now: exportTime, uptimeNanoseconds: 0) }
        if let id = chosen["buried"] {
            try recorder.bury(id, until: days.nextDayStart(after: exportTime), now: exportTime, uptimeNanoseconds: 0)
        }
        try recorder.finish()
        return chosen
    }

    @Test func anApkgWithProgressImportsWithItsSchedulesMemoryAndReviews() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["TZ": Self.zone]
        let generated = try Binary.run(["generate", "--out", "Decks"], in: folder)
        #expect(generated.status == 0, "\(generated.stderr)")
        let progress = folder.appendingPathComponent("Progress")
        try FileManager.default.createDirectory(at: progress, withIntermediateDirectories: true)
        let decks = try DeckFile.loadAll(from: folder.appendingPathComponent("Decks"))
        let chosen = try Self.study(decks: decks, progress: progress)
        let now = ISOTimestamp.format(Self.exportTime)
        let export = try Binary.run(
            ["export", "anki", "cards.apkg", "--with-progress", "--now", now], in: folder, environment: environment)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("덱 9개, 카드 \(decks.reduce(0) { $0 + $1.cards.count })장"))
        let own = try Binary.run(
            ["export", "json", "cards.json", "--with-progress", "--now", now], in: folder, environment: environment)
        #expect(own.status == 0, "\(own.stderr)")
        // roledeck's own view has every schedule the package must carry.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("cards.json")))
        let entries = (json as? [String: Any])?["cards"] as? [[String: Any]] ?? []
        func stateOf(_ name: String) -> [String: Any] {
            let id = chosen[name]?.rawValue
            let entry = entries.first { ($0["card"] as? [String: Any])?["id"] as? String == id }
            return entry?["progress"] as? [String: Any] ?? [:]
        }
        let states = ["review", "relearning", "learningToday"].map { stateOf($0)["state"] as? String }
        #expect(states == ["review", "relearning", "learning"])
        let leech = stateOf("leech")["leech"] as? Bool
        #expect(leech == true)
        let undone = stateOf("undone")["reviews"] as? [Any]
        #expect(undone?.count == 1)
        let summary = try Self.check(
            ["apkg", "cards.apkg", "cards.json", "anki-apkg", "--tz", Self.zone, "--rollover", "4", "--now", now],
            in: folder)
        #expect(
            summary.hasPrefix("apkg: 9 decks, \(entries.count) notes, \(entries.count) cards, 8 studied, 14 reviews"))
    }

    @Test func anApkgWithoutProgressHasOnlyNewCards() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = try Binary.run(["generate", "--out", "Decks"], in: folder)
        #expect(generated.status == 0)
        let export = try Binary.run(["export", "anki", "data.apkg", "--domain", "데이터"], in: folder)
        #expect(export.status == 0, "\(export.stderr)")
        let own = try Binary.run(["export", "json", "data.json", "--domain", "데이터"], in: folder)
        #expect(own.status == 0)
        let summary = try Self.check(["apkg", "data.apkg", "data.json", "anki-apkg", "--tz", Self.zone], in: folder)
        #expect(summary.hasPrefix("apkg: 1 decks,") && summary.contains(" 0 studied, 0 reviews"))
    }

    @Test func theTextFileImportsThroughAnkisTextImporter() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = try Binary.run(["generate", "--out", "Decks"], in: folder)
        #expect(generated.status == 0)
        let export = try Binary.run(["export", "csv", "cards.txt"], in: folder)
        #expect(export.status == 0, "\(export.stderr)")
        let own = try Binary.run(["export", "json", "cards.json"], in: folder)
        #expect(own.status == 0)
        let text = try String(contentsOf: folder.appendingPathComponent("cards.txt"), encoding: .utf8)
        #expect(text.hasPrefix("#separator:tab\n#html:true\n"))
        #expect(text.contains("#deck column:4\n") && text.contains("#tags column:5\n"))
        let summary = try Self.check(["csv", "cards.txt", "cards.json", "anki-csv"], in: folder)
        #expect(summary.hasPrefix("csv: 9 decks, "))
    }
}
