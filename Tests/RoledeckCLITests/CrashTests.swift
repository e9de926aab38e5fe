import Foundation
import RoledeckCore
import Testing

/// Kills the real `roledeck review` with SIGKILL at seeded random moments, with checkpoints of
/// `cards.json` being written every few answers, and checks that nothing acknowledged is lost.
@Suite("kill -9 of roledeck review", .serialized)
struct CrashTests {
    /// Replies every kind of card accepts in some way, each followed by a rating; a desync only changes
    /// which card gets which reply.
    static let answers = Array(repeating: ["1", "3", "o", "1", "?", "2", "", "4"], count: 12).flatMap { $0 }

    @Test func everyAcknowledgedAnswerSurvivesKillDashNine() throws {
        var rng = SeededGenerator(seed: 2026)
        for round in 0..<8 {
            let folder = try Binary.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let progress = folder.appendingPathComponent("P")
            try FileManager.default.createDirectory(at: progress, withIntermediateDirectories: true)
            // A checkpoint every three answers, so kills land while cards.json is being written too.
            try Data("{\"checkpointAnswers\": 3}".utf8).write(to: progress.appendingPathComponent("settings.json"))
            // The last round answers two cards and is killed while it waits for more input.
            let waits = round == 7
            let killAfter = waits ? 2 : Int.random(in: 1...24, using: &rng)
            let delay = useconds_t(waits ? 200_000 : Int.random(in: 0..<4000, using: &rng))
            let input = waits ? Array(StudyBinaryTests.firstCards.prefix(4)) : Self.answers
            let run = try runAndKill(folder: folder, input: input, killAfter: killAfter, delay: delay)
            #expect(run.killed, "round \(round): the session ended before the kill")

            let store = ProgressStore.openReadOnly(folder: progress)
            let log = try store.loadLog()
            let reviews = log.records.filter { $0.kind == .review }
            #expect(
                reviews.count >= run.acknowledged,
                "round \(round): \(run.acknowledged) acknowledged, \(reviews.count) saved")
            #expect(log.issues.allSatisfy { $0.isTornTail }, "round \(round): \(log.issues)")
            // cards.json (if a checkpoint was written yet) is the old or the new one, never a mix, and
            // never ahead of the log.
            let rebuilt = try store.foldLog().cards
            if let data = try? Data(contentsOf: store.cardsURL) {
                let cards = try CardsFile.decodeSnapshot(data)
                #expect((cards.logBytes ?? 0) <= (try store.logSize() ?? 0), "round \(round)")
                for (id, record) in cards.cards {
                    #expect(rebuilt[id]?.reps ?? 0 >= record.reps, "round \(round): \(id)")
                }
            }

            // The next session opens at once (the dead session's lock went with it), removes what the
            // kill left half-written, and studies from the states the log holds.
            let again = try Binary.run(
                ["review", "--progress", "P", "--now", "2026-03-02T10:00"], in: folder, input: Data())
            #expect(again.status == 0, "round \(round): \(again.stderr)")
            let names = try FileManager.default.contentsOfDirectory(atPath: progress.path)
            #expect(!names.contains { $0.hasPrefix(".cards.json.tmp-") }, "round \(round): \(names)")
            #expect(try store.loadCards() == rebuilt, "round \(round)")
        }
    }

    /// Runs `roledeck review` with `input` on a pipe left open, kills it `delay` µs after `killAfter`
    /// answers were acknowledged (`저장됨:`), and returns how many were.
    private func runAndKill(folder: URL, input: [String], killAfter: Int, delay: useconds_t) throws -> (
        acknowledged: Int, killed: Bool
    ) {
        let process = Process()
        process.executableURL = Binary.url
        process.arguments = ["review", "--progress", "P", "--now", "2026-03-02T10:00", "--seed", "7"]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["ROLEDECK_HOME"] = nil
        environment["HOME"] = folder.path
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        // All the answers at once, the pipe left open: the session works through them as fast as it can.
        stdin.fileHandleForWriting.write(Data((input.joined(separator: "\n") + "\n").utf8))
        var output = ""
        func acknowledged() -> Int { output.components(separatedBy: "저장됨:").count - 1 }
        while acknowledged() < killAfter {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            output += String(decoding: chunk, as: UTF8.self)
        }
        usleep(delay)
        let killed = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        // Only whole lines on screen count as acknowledged.
        output += String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if !output.hasSuffix("\n"), let cut = output.lastIndex(of: "\n") { output = String(output[...cut]) }
        try? stdin.fileHandleForWriting.close()
        return (acknowledged(), killed && process.terminationReason == .uncaughtSignal)
    }
}
