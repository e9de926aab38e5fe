import Foundation
import RoledeckCore
import Testing

/// Issue 11's dead ends, each run with the binary as a learner would.
@Suite("Ways back and one way to name things, with the binary", .serialized)
struct WaysBackTests {
    func input(_ lines: [String]) -> Data { Data((lines.joined(separator: "\n") + "\n").utf8) }

    @Test func anUnknownSubcommandSuggestsTheNearestAndKoreanNamesWork() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let typo = try Binary.run(["revew"], in: folder)
        #expect(typo.status == 64)
        #expect(typo.stderr == "roledeck: error: 'revew'라는 명령이 없습니다. 혹시 'review'?\n명령 목록은 roledeck --help.\n")
        #expect(typo.stdout.isEmpty)
        let far = try Binary.run(["--progress", "P", "xylophone"], in: folder)
        #expect(far.status == 64 && far.stderr.contains("'xylophone'이라는 명령이 없습니다. 명령: review, study,"))
        for name in ["통계", "Stats", "STATS"] {
            let stats = try Binary.run([name, "--progress", "P", "--now", "2026-03-02T10:00"], in: folder)
            #expect(stats.status == 0, "\(name): \(stats.stderr)")
            #expect(stats.stdout.hasPrefix("학습 통계"), "\(name)")
        }
    }

    @Test func promptCommandsThatNeedNoSessionAreSubcommands() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let now = ["--progress", "P", "--now", "2026-03-02T10:00"]
        let leeches = try Binary.run(["leeches"] + now, in: folder)
        #expect(leeches.status == 0, "\(leeches.stderr)")
        #expect(leeches.stdout == "거머리 카드가 없습니다.\n")
        let settings = try Binary.run(["settings"] + now, in: folder)
        #expect(settings.status == 0 && settings.stdout.contains("newCardsPerDay"))
        // Two cards suspended in a review, then listed and put back by number and by the start of an id.
        let review = try Binary.run(["review"] + now, in: folder, input: input([":suspend", ":suspend", ":q"]))
        #expect(review.status == 0, "\(review.stderr)")
        let listed = try Binary.run(["suspended"] + now, in: folder)
        #expect(listed.status == 0)
        #expect(listed.stdout.hasPrefix("보류된 카드 2장:\n  1  "))
        // Each card is named by its prompt, with its id under it.
        let rows = listed.stdout.split(separator: "\n")
        let row = try #require(rows.firstIndex { $0.hasPrefix("  2  ") })
        let second = rows[row + 1].trimmingCharacters(in: .whitespaces)
        let byNumber = try Binary.run(["unsuspend", "1"] + now, in: folder)
        #expect(byNumber.status == 0 && byNumber.stdout.hasPrefix("보류를 풀었습니다: "), "\(byNumber.stderr)")
        let byStart = try Binary.run(["unsuspend", String(second.prefix(8))] + now, in: folder)
        #expect(byStart.status == 0, "\(byStart.stderr)")
        let none = try Binary.run(["unsuspend", "1"] + now, in: folder)
        #expect(none.status == 1)
        #expect(none.stderr == "roledeck: error: 보류된 카드가 없습니다.\n")
        let log = try ProgressStore.openReadOnly(folder: folder.appendingPathComponent("P")).loadLog().records
        #expect(log.map(\.kind) == [.suspend, .suspend, .unsuspend, .unsuspend])
    }

    @Test func replayExplainsThatTheProgressLogIsNoReplayInput() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let now = ["--progress", "P", "--now", "2026-03-02T10:00"]
        _ = try Binary.run(["review"] + now, in: folder, input: input(["", "", "", "", ":q"]))
        let log = try Data(contentsOf: folder.appendingPathComponent("P/reviews.jsonl"))
        #expect(log.count > 100)
        let replay = try Binary.run(["replay"], in: folder, input: log)
        #expect(replay.status == 1)
        #expect(replay.stdout.isEmpty)
        // One message, not one per line.
        #expect(replay.stderr.components(separatedBy: "roledeck: error:").count == 2)
        #expect(replay.stderr.contains("reviews.jsonl"))
    }

    @Test func domainNamesMatchTheSameWayInEveryCommand() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let now = ["--progress", "P", "--now", "2026-03-02T10:00"]
        let study = try Binary.run(["study", "머신러닝"] + now, in: folder, input: input([]))
        #expect(study.status == 0, "\(study.stderr)")
        let stats = try Binary.run(["stats", "--domain", "머신러닝"] + now, in: folder)
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("분야: 머신 러닝"))
        let generate = try Binary.run(["generate", "--domain", "머신러닝", "--out", "out"], in: folder)
        #expect(generate.status == 0, "\(generate.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path) == [
                "ml.json"
            ])
        for arguments in [["study", "머신런닝"], ["stats", "--domain", "머신런닝"], ["generate", "--domain", "머신런닝"]] {
            let typo = try Binary.run(arguments + ["--progress", "P"], in: folder, input: input([]))
            #expect(typo.status == 1, "\(arguments)")
            #expect(typo.stderr.contains("'머신런닝'이라는") && typo.stderr.contains("혹시 '머신 러닝'?"), "\(typo.stderr)")
        }
    }
}
