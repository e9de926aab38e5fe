import Foundation
import RoledeckCore
import Testing

/// The faults issue 10 saw, each run with the binary as a learner would meet it: progress is never
/// lost, nothing is written that cannot be read back, and bad numbers give errors, never a trap.
@Suite("Progress safety with the binary", .serialized)
struct ProgressSafetyTests {
    static let now = "2026-03-02T10:00"

    func input(_ lines: [String]) -> Data { Data((lines.joined(separator: "\n") + "\n").utf8) }

    /// A folder with four answered cards, as `StudyBinaryTests` answers them.
    func studied() throws -> (folder: URL, progress: URL) {
        let folder = try Binary.temporaryFolder()
        let result = try Binary.run(
            ["review", "--progress", "P", "--now", Self.now, "--seed", "7"], in: folder,
            input: input(StudyBinaryTests.firstCards))
        #expect(result.status == 0, "\(result.stderr)")
        return (folder, folder.appendingPathComponent("P"))
    }

    func bytes(_ url: URL) -> Data? { try? Data(contentsOf: url) }

    /// Lines of the log that cannot be read back.
    func unreadableLines(_ progress: URL) throws -> [LogLineIssue] {
        try ProgressStore.openReadOnly(folder: progress).loadLog().issues
    }

    // MARK: - Never lose data

    @Test func doctorRefusesToRebuildFromAMissingLogUnlessForced() throws {
        let (folder, progress) = try studied()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cards = progress.appendingPathComponent("cards.json")
        let before = try #require(bytes(cards))
        try FileManager.default.removeItem(at: progress.appendingPathComponent("reviews.jsonl"))

        let refused = try Binary.run(["doctor", "--progress", "P"], in: folder)
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("reviews.jsonl이 없는데"))
        #expect(refused.stdout.contains("--force"))
        #expect(bytes(cards) == before)

        let review = try Binary.run(["review", "--progress", "P", "--now", Self.now], in: folder, input: input([]))
        #expect(review.status == 1)
        #expect(review.stderr.contains("reviews.jsonl이 없는데"))
        let stats = try Binary.run(["stats", "--progress", "P", "--now", Self.now], in: folder)
        #expect(stats.status == 0)
        #expect(stats.stderr.contains("reviews.jsonl이 없는데"))
        #expect(bytes(cards) == before)

        let forced = try Binary.run(["doctor", "--force", "--progress", "P"], in: folder)
        #expect(forced.status == 0, "\(forced.stdout)")
        let names = try FileManager.default.contentsOfDirectory(atPath: progress.path)
        let backup = try #require(names.first { $0.hasPrefix("cards.json.bak-") })
        #expect(bytes(progress.appendingPathComponent(backup)) == before)
        #expect(forced.stdout.contains(backup))
        #expect(try CardsFile.decode(#require(bytes(cards))).isEmpty)
    }

    @Test func aLogShorterThanTheCheckpointIsSaidPlainlyAndNeverRolledBack() throws {
        let (folder, progress) = try studied()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = progress.appendingPathComponent("reviews.jsonl")
        let cards = progress.appendingPathComponent("cards.json")
        let before = try #require(bytes(cards))
        // An older copy of the log: its first two lines.
        let lines = try #require(bytes(log)).split(separator: 0x0A, omittingEmptySubsequences: false)
        try Data(lines.prefix(2).joined(separator: [0x0A]) + [0x0A]).write(to: log)

        let doctor = try Binary.run(["doctor", "--progress", "P"], in: folder)
        #expect(doctor.status == 1)
        #expect(doctor.stdout.contains("복습 기록이 체크포인트보다 짧습니다"))
        #expect(bytes(cards) == before)
        let review = try Binary.run(["review", "--progress", "P", "--now", Self.now], in: folder, input: input([]))
        #expect(review.status == 1)
        #expect(review.stderr.contains("복습 기록이 체크포인트보다 짧습니다"))
        let stats = try Binary.run(["stats", "--progress", "P", "--now", Self.now], in: folder)
        #expect(stats.stderr.contains("복습 기록이 체크포인트보다 짧습니다"))
        #expect(bytes(cards) == before)
    }

    @Test func staleTemporaryFilesAreRemovedOnOpenAndReportedByDoctor() throws {
        let (folder, progress) = try studied()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Left by a session killed while it wrote its checkpoint; no process has this pid.
        let stale = progress.appendingPathComponent(".cards.json.tmp-4999999")
        try Data(repeating: 0x20, count: 100_000).write(to: stale)
        let doctor = try Binary.run(["doctor", "--progress", "P"], in: folder)
        #expect(doctor.status == 0)
        #expect(doctor.stdout.contains("임시 파일 1개를 지웠습니다"))
        #expect(!doctor.stdout.contains("모두 맞습니다"))
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        try Data("x".utf8).write(to: stale)
        _ = try Binary.run(["review", "--progress", "P", "--now", Self.now], in: folder, input: input([]))
        #expect(!FileManager.default.fileExists(atPath: stale.path))
    }

    // MARK: - A failed save

    @Test func aFullDiskStopsTheSessionWithAnErrorAndAcknowledgesNothing() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let progress = folder.appendingPathComponent("P")
        try FileManager.default.createDirectory(at: progress, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: progress.appendingPathComponent("reviews.jsonl").path, withDestinationPath: "/dev/full")
        let result = try Binary.run(
            ["review", "--progress", "P", "--now", Self.now, "--seed", "7"], in: folder,
            input: input(StudyBinaryTests.firstCards))
        #expect(result.status == 1)
        #expect(result.stderr.contains("roledeck: error:"))
        #expect(result.stderr.contains("디스크 공간이 없습니다"))
        #expect(!result.stdout.contains("저장됨"))
        // Nothing after the failure: the second card is never shown.
        #expect(!result.stdout.contains("[2/"))
    }

    @Test func aWriteCutShortIsCutBackSoTheLogStaysWhole() throws {
        let (folder, progress) = try studied()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = progress.appendingPathComponent("reviews.jsonl")
        let size = try #require(bytes(log)).count
        // A file-size limit just past the log: the next answers fill it, and one is cut short mid-line.
        let limitKB = size / 1024 + 1
        let arguments = ["review", "--progress", "P", "--now", "2026-03-12T10:00", "--seed", "7"]
        let command =
            "trap '' XFSZ; ulimit -f \(limitKB); exec '\(Binary.url.path)' "
            + arguments.map { "'\($0)'" }.joined(separator: " ")
        let answers = Array(repeating: ["1", "3", "o", "3", "?", "3", "", "3"], count: 10).flatMap { $0 }
        let result = try Binary.run(["-c", command], in: folder, input: input(answers), executable: "/bin/bash")
        #expect(result.status == 1)
        #expect(result.stderr.contains("roledeck: error:"))
        let data = try #require(bytes(log))
        #expect(data.last == 0x0A)
        #expect(try unreadableLines(progress).isEmpty)
        let acknowledged = result.stdout.components(separatedBy: "저장됨:").count - 1
        let records = try ProgressStore.openReadOnly(folder: progress).loadLog().records
        #expect(records.count(where: { $0.kind == .review }) == 4 + acknowledged)
        #expect(data.count <= limitKB * 1024)
    }

    // MARK: - Never write what cannot be read

    @Test func timesOutsideYearsOneTo9999AreRefusedAtNow() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for value in ["0000-06-01T10:00Z", "9999-12-31T23:30-05:00"] {
            let result = try Binary.run(["review", "--progress", "P", "--now", value], in: folder, input: input([]))
            #expect(result.status == 64 || result.status == 1, "\(value)")
            #expect(result.stderr.contains("1년–9999년(UTC) 밖의 시각입니다"), "\(value): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("P/reviews.jsonl").path))
    }

    @Test func anAnswerDueAfterTheYear9999IsRefusedAndEverySavedLineReadsBack() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A first answer on a ten-minute step is fine; Easy would make a card due in the year 10000.
        let answers = ["1", "3"] + Array(repeating: ["1", "4", "o", "4", "?", "4", "", "4"], count: 8).flatMap { $0 }
        let result = try Binary.run(
            ["review", "--progress", "P", "--now", "9999-12-31T09:00Z", "--seed", "7"], in: folder,
            input: input(answers))
        #expect(result.status == 1)
        #expect(result.stderr.contains("9999"))
        #expect(result.stdout.components(separatedBy: "저장됨:").count - 1 == 1)
        let progress = folder.appendingPathComponent("P")
        #expect(try unreadableLines(progress).isEmpty)
        let cards = try ProgressStore.openReadOnly(folder: progress).loadCards()
        for record in cards.values { #expect(record.card.due <= Date(timeIntervalSince1970: 253_402_300_800)) }
    }

    // MARK: - Errors, never traps

    @Test func aNegativeLogBytesIsAnErrorNamingTheField() throws {
        let (folder, progress) = try studied()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cards = progress.appendingPathComponent("cards.json")
        let text = try #require(bytes(cards)).replacingLogBytes(with: "-5")
        try text.write(to: cards)
        for command in [["review"], ["stats"]] {
            let result = try Binary.run(
                command + ["--progress", "P", "--now", Self.now], in: folder, input: input([]))
            #expect(result.status == 1, "\(command): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("cards.json (logBytes)"), "\(command): \(result.stderr)")
            #expect(result.stderr.contains("-5: 범위 밖입니다"), "\(command)")
        }
        // Doctor names it and rebuilds cards.json from the log, keeping the damaged file.
        let doctor = try Binary.run(["doctor", "--progress", "P"], in: folder)
        #expect(doctor.status == 0, "\(doctor.stdout)")
        #expect(doctor.stdout.contains("(logBytes)") && doctor.stdout.contains("-5: 범위 밖입니다"))
        #expect(doctor.stdout.contains("cards.json.bak-"))
        #expect(try ProgressStore.openReadOnly(folder: progress).checkpointHeader().logBytes ?? 0 > 0)
    }

    @Test func anEnormousLearningStepIsASettingsError() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let progress = folder.appendingPathComponent("P")
        try FileManager.default.createDirectory(at: progress, withIntermediateDirectories: true)
        try Data("{\"learningSteps\": [\"1e300d\"]}".utf8).write(to: progress.appendingPathComponent("settings.json"))
        let result = try Binary.run(
            ["review", "--progress", "P", "--now", Self.now], in: folder, input: input(["1", "3"]))
        #expect(result.status == 1)
        #expect(result.stderr.contains("settings.json"))
        #expect(result.stderr.contains("learningSteps"))
    }

    @Test func anEnormousReplayStepIsAnInputError() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let line =
            "{\"card_id\": 1, \"learning_steps\": [1e300], \"reviews\": [{\"rating\": 3, \"time\": \"2024-01-01T08:00:00Z\"}]}\n"
        let result = try Binary.run(["replay"], in: folder, input: Data(line.utf8))
        #expect(result.status == 1)
        #expect(result.stderr.contains("1번째 줄"))
        #expect(result.stderr.contains("학습 단계 1"))
    }

    @Test func theLargestRepsInCardsJSONIsNoTrap() throws {
        let (folder, progress) = try studied()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cards = progress.appendingPathComponent("cards.json")
        let text = String(decoding: try #require(bytes(cards)), as: UTF8.self)
            .replacingOccurrences(of: "\"reps\" : 1\n", with: "\"reps\" : 9223372036854775807\n")
        try Data(text.utf8).write(to: cards)
        // Doctor, which reads cards.json itself, names the field and the value, and rebuilds it from the log.
        let doctor = try Binary.run(["doctor", "--progress", "P"], in: folder)
        #expect(doctor.status == 0)
        #expect(
            doctor.stdout.contains(".reps): 읽을 수 없습니다 (9223372036854775807: 범위 밖입니다"), "\(doctor.stdout)")
        // A session over the same damage studies from the log (cards.json's last lines agree with it), and
        // its checkpoint replaces a file that held nothing the log does not.
        try Data(text.utf8).write(to: cards)
        let review = try Binary.run(
            ["review", "--progress", "P", "--now", "2026-03-12T10:00", "--seed", "7"], in: folder,
            input: input(["SQL, Python, R, Tableau, Power BI, Excel", "3"]))
        #expect(review.status == 0, "\(review.stderr)")
        #expect(try CardsFile.decode(#require(bytes(cards))).values.allSatisfy { $0.reps < 10 })
        #expect(try Binary.run(["doctor", "--progress", "P"], in: folder).stdout.contains("맞습니다."))
    }

    @Test func aDamagedStatsCacheIsRebuiltNeverATrap() throws {
        let (folder, progress) = try studied()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try Binary.run(["stats", "--progress", "P", "--now", Self.now], in: folder)
        #expect(first.status == 0)
        let cache = progress.appendingPathComponent(".stats-cache")
        let original = try #require(bytes(cache))
        var rng = SeededGenerator(seed: 10)
        var mutations: [Data] = []
        for _ in 0..<20 {
            var mutated = original
            for _ in 0..<4 {
                let at = Int.random(in: 0..<mutated.count, using: &rng)
                mutated[at] = [0xFF, 0x7F, 0x80, 0x00][Int.random(in: 0..<4, using: &rng)]
            }
            mutations.append(mutated)
        }
        // The card states are at the end of the cache: the largest double over each of their fields.
        let huge = withUnsafeBytes(of: Double.greatestFiniteMagnitude.bitPattern.littleEndian) { Array($0) }
        for offset in stride(from: original.count - 8, to: max(0, original.count - 480), by: -8) {
            var mutated = original
            mutated.replaceSubrange(offset..<(offset + 8), with: huge)
            mutations.append(mutated)
        }
        for mutated in mutations {
            try mutated.write(to: cache)
            let result = try Binary.run(["stats", "--progress", "P", "--now", Self.now], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
        }
    }

    // MARK: - Input

    @Test func aHugeLineIsRefusedWhileReadingAndTheNextOneIsRead() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var data = Data(repeating: UInt8(ascii: "a"), count: 5_000_000)
        data.append(0x0A)
        data.append(input(StudyBinaryTests.firstCards))
        let result = try Binary.run(
            ["review", "--progress", "P", "--now", Self.now, "--seed", "7"], in: folder, input: data)
        #expect(result.status == 0)
        #expect(result.stdout.contains("입력이 너무 깁니다"))
        #expect(result.stdout.components(separatedBy: "저장됨:").count - 1 == 4)
    }

    @Test func replayAnswersEachLineAsItArrives() throws {
        let process = Process()
        process.executableURL = Binary.url
        process.arguments = ["replay"]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(
            Data("{\"card_id\": 7, \"reviews\": [{\"rating\": 3, \"time\": \"2024-01-01T08:00:00Z\"}]}\n".utf8))
        // The first card's line comes back while the input is still open (within 20 s, or not at all).
        var output = Data()
        let fd = stdout.fileHandleForReading.fileDescriptor
        let deadline = Date().addingTimeInterval(20)
        while !output.contains(0x0A) && Date() < deadline {
            var watched = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&watched, 1, 1000) > 0 else { continue }
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            output.append(chunk)
        }
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(String(decoding: output, as: UTF8.self).hasPrefix("{\"card_id\": 7"))
        #expect(process.terminationStatus == 0)
    }
}

extension Data {
    /// The text with the number after `"logBytes" : ` replaced.
    func replacingLogBytes(with value: String) -> Data {
        let text = String(decoding: self, as: UTF8.self)
        return Data(
            text.replacingOccurrences(
                of: "\"logBytes\" : [0-9-]+", with: "\"logBytes\" : \(value)", options: .regularExpression
            ).utf8)
    }
}
