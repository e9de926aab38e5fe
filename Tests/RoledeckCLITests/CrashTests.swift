import Foundation
import RoledeckCore
import Testing

/// Kills a writer with SIGKILL at seeded random moments and checks nothing acknowledged is lost.
@Suite struct CrashTests {
    static let writer = Binary.product("roledeck-crash-writer")

    @Test func everyAcknowledgedAnswerSurvivesKillDashNine() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.writer.path), "build the package first")
        var rng = SeededGenerator(seed: 2026)
        let count = 40
        for round in 0..<6 {
            let folder = try Binary.temporaryFolder()
            let killAfter = Int.random(in: 0...count, using: &rng)
            let delay = useconds_t(Int.random(in: 0..<3000, using: &rng))
            let acked = try runAndKill(folder: folder, count: count, killAfter: killAfter, delay: delay)

            let store = ProgressStore.openReadOnly(folder: folder)
            let log = try store.loadLog()
            let answers = Set(log.records.compactMap(\.answer))
            for index in acked {
                #expect(answers.contains("answer-\(index)"), "round \(round): ack \(index) lost")
            }
            #expect(log.issues.allSatisfy { $0.isTornTail }, "round \(round): \(log.issues)")
            // cards.json is the old or the new version, never a mix, and it never runs ahead of the log.
            let cards = try store.loadCards()
            let rebuilt = try store.rebuildFromLog().cards
            for (id, record) in cards { #expect(rebuilt[id]?.reps ?? 0 >= record.reps, "round \(round): \(id)") }
            // The dead writer's flock went with it: the folder opens again.
            let reopened = try ProgressStore.open(folder: folder)
            try reopened.append(
                .event(.undo, cardID: CardID(rawValue: "card-0"), at: Date(timeIntervalSince1970: 1_700_000_000)))
            #expect(try reopened.loadLog().records.last?.kind == .undo)
        }
    }

    private func runAndKill(folder: URL, count: Int, killAfter: Int, delay: useconds_t) throws -> [Int] {
        let process = Process()
        process.executableURL = Self.writer
        process.arguments = [folder.path, String(count)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        var output = ""
        var killed = false
        func acks() -> [Int] {
            output.split(separator: "\n").compactMap { line in
                line.hasPrefix("ack ") ? Int(line.dropFirst(4)) : nil
            }
        }
        while true {
            if !killed && acks().count >= killAfter {
                usleep(delay)
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                killed = true
            }
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            output += String(decoding: chunk, as: UTF8.self)
        }
        process.waitUntilExit()
        // Only complete lines count as acknowledged.
        if !output.hasSuffix("\n"), let cut = output.lastIndex(of: "\n") {
            output = String(output[...cut])
        }
        return acks()
    }
}
