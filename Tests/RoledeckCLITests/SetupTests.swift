import Foundation
import Testing

/// Issue 11's set-up surprises, each run with the binary in a fresh folder as a new learner would.
@Suite("Set-up without surprises, with the binary", .serialized)
struct SetupTests {
    @Test func aRoledeckHomeWithoutDecksUsesTheBuiltInCatalogAndSaysSo() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let home = folder.appendingPathComponent("study")
        let environment = ["ROLEDECK_HOME": home.path]
        let opened = try Binary.run(["--now", "2026-03-02T10:00"], in: folder, environment: environment)
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(opened.stdout.hasPrefix("오늘 복습 0장 · 새 카드 20장"))
        #expect(
            opened.stderr.hasPrefix(
                "roledeck: ROLEDECK_HOME(\(home.path))에 Decks 폴더가 없어 내장 카탈로그로 공부합니다. 덱 파일을 만들려면: roledeck generate\n"))
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent("Progress").path))
        // generate writes the decks where ROLEDECK_HOME keeps them, and the notice is gone.
        let generated = try Binary.run(["generate"], in: folder, environment: environment)
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(generated.stdout.contains("\(home.path)/Decks에 두었습니다."))
        let decks = try Binary.run(["decks"], in: folder, environment: environment)
        #expect(decks.status == 0 && decks.stderr.isEmpty && decks.stdout.contains("\(home.path)/Decks"))
    }

    @Test func generateWithoutOutWritesToTheDecksFolderInUseNotHere() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = try Binary.run(["generate"], in: folder)
        #expect(generated.status == 0, "\(generated.stderr)")
        let data = folder.appendingPathComponent(".local/share/roledeck")
        #expect(generated.stdout.contains("\(data.path)/Decks에 두었습니다."))
        // No ./Decks appears here, so progress stays where it was.
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Decks").path))
        let decks = try Binary.run(["decks"], in: folder)
        #expect(decks.stdout.contains("(\(data.path)/Decks)"))
        // Writing ./Decks on purpose says that progress will be kept beside it from now on.
        let here = try Binary.run(["generate", "--out", "Decks"], in: folder)
        #expect(here.stdout.contains("참고: 이제 여기서 실행하면 진행 기록을 \(folder.path)/Progress에 둡니다 (지금까지는 \(data.path))."))
    }

    @Test func aProgressFolderThatDoesNotExistIsNamed() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let typo = folder.appendingPathComponent("Progres")
        let stats = try Binary.run(["stats", "--progress", "Progres", "--now", "2026-03-02T10:00"], in: folder)
        #expect(stats.status == 0)
        #expect(stats.stderr == "roledeck: 진행 기록 폴더가 아직 없습니다: \(typo.path)\n")
        #expect(!FileManager.default.fileExists(atPath: typo.path))
        let review = try Binary.run(
            ["review", "--progress", "Progres", "--now", "2026-03-02T10:00"], in: folder, input: Data(":q\n".utf8))
        #expect(review.status == 0)
        #expect(review.stderr == "roledeck: 진행 기록 폴더를 새로 만듭니다: \(typo.path)\n")
        let again = try Binary.run(
            ["review", "--progress", "Progres", "--now", "2026-03-02T10:00"], in: folder, input: Data(":q\n".utf8))
        #expect(again.stderr.isEmpty)
    }

    @Test func settingsShowsEveryKeyWithItsValueAndDefault() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let progress = folder.appendingPathComponent("P")
        try FileManager.default.createDirectory(at: progress, withIntermediateDirectories: true)
        try Data(#"{"newCardsPerDay": 7}"#.utf8).write(to: progress.appendingPathComponent("settings.json"))
        let result = try Binary.run(["settings", "--progress", "P"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let keys = [
            "newCardsPerDay", "reviewsPerDay", "desiredRetention", "learningSteps", "relearningSteps",
            "learnAheadMinutes", "maximumIntervalDays", "fuzz", "rolloverHour", "timeZone", "burySiblings",
            "leechThreshold", "leechAction", "parameters", "previousParameters", "checkpointAnswers",
            "checkpointSeconds",
        ]
        for key in keys { #expect(result.stdout.contains("  \(key) "), "\(key)") }
        // Piped, each row is whole (a terminal wraps the last column under itself: TableRowWrapTests).
        let rows = result.stdout.split(separator: "\n").map(String.init)
        let row = try #require(rows.first { $0.hasPrefix("  newCardsPerDay ") })
        #expect(row.contains("하루에 새로 배우는 카드 수 · 0–9999 · 기본 20"))
        #expect(result.stdout.hasPrefix("설정 (\(progress.path)/settings.json):\n"))
    }
}
