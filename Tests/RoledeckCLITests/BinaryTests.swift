import Foundation
import Testing

/// Runs the built `roledeck` binary, the way a user does, and checks its output and exit code.
struct Binary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var url: URL { product("roledeck") }

    /// A built executable of this package: test bundles sit next to the products in the build folder.
    static func product(_ name: String) -> URL {
        let candidates =
            [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        for folder in candidates {
            let url = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name)
    }

    static func run(
        _ arguments: [String], in directory: URL, environment: [String: String] = [:], input: Data? = nil,
        executable: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable.map(URL.init(fileURLWithPath:)) ?? url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["ROLEDECK_HOME"] = nil
        env["HOME"] = directory.path
        env["XDG_DATA_HOME"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(input)
            try stdin.fileHandleForWriting.close()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("roledeck-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

@Suite("The roledeck binary", .serialized)
struct BinaryTests {
    @Test func helpListsEverySubcommand() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Binary.run(["--help"], in: folder)
        #expect(result.status == 0)
        for command in ["review", "study", "generate", "decks", "lint"] { #expect(result.stdout.contains(command)) }
        let version = try Binary.run(["--version"], in: folder)
        #expect(version.status == 0 && version.stdout.hasPrefix("roledeck "))
    }

    @Test func generateThenDecksInAFreshFolder() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = try Binary.run(["generate", "--out", "Decks"], in: folder)
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(generated.stdout.contains("data.json"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Decks").path)
        #expect(files.filter { $0.hasSuffix(".json") }.count == 9)
        let again = try Binary.run(["generate", "--out", "Decks"], in: folder)
        #expect(again.stdout.components(separatedBy: "그대로  ").count - 1 == 9)
        try Data("{}".utf8).write(to: folder.appendingPathComponent("Decks/old-domain.json"))
        let stale = try Binary.run(["generate", "--out", "Decks"], in: folder)
        #expect(stale.stdout.contains("old-domain.json은 이 카탈로그의 덱이 아니어서 그대로 둡니다."))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Decks/old-domain.json"))
        let listing = try Binary.run(["decks", "--json"], in: folder)
        #expect(listing.status == 0)
        let entries = try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [[String: Any]]
        #expect(entries?.count == 9)
        #expect(entries?.first?["file"] as? String == "data.json")
    }

    @Test func generateOneDomainAndRejectAnUnknownOne() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = try Binary.run(["generate", "--out", "out", "--domain", "MLOps"], in: folder)
        #expect(one.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)
        #expect(files == ["mlops.json"])
        let bad = try Binary.run(["generate", "--out", "out", "--domain", "요리"], in: folder)
        #expect(bad.status != 0)
        #expect(bad.stderr.hasPrefix("roledeck: error: '요리'라는 분야가 없습니다. 분야: data(데이터), "))
    }

    @Test func withoutDecksTheBuiltInCatalogIsUsed() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Binary.run(["decks"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout.contains("내장 카탈로그 ai-jobs.md"))
        #expect(result.stdout.contains("1. 데이터"))
        let bare = try Binary.run([], in: folder)
        #expect(bare.status == 0 && bare.stdout.contains("오늘 복습 0장 · 새 카드 20장"))
    }

    @Test func lintPassesOnTheShippedCatalogAndFailsOnABrokenOne() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ok = try Binary.run(["lint"], in: folder)
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("문제가 없습니다."))
        let broken = folder.appendingPathComponent("broken.md")
        try Data("# T\n\n### 1. 데이터\n- **A**\n    - 업무: 수집\n".utf8).write(to: broken)
        let bad = try Binary.run(["lint", "--catalog", "broken.md"], in: folder)
        #expect(bad.status == 1)
        #expect(bad.stderr == "roledeck: error: broken.md:4: 직무 'A'에 `기술 스택:` 줄이 없습니다.\n")
        let gen = try Binary.run(["generate", "--catalog", "broken.md"], in: folder)
        #expect(gen.status == 1 && gen.stderr.contains("broken.md:4"))
    }

    @Test func catalogWarningsNameTheLine() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("# T\n\n### 1. 데이터\n- **A**\n    - 업무: 수집\n    - 기술 스택: X, Y\n뭔가 다른 줄\n".utf8)
            .write(to: folder.appendingPathComponent("c.md"))
        let result = try Binary.run(["generate", "--catalog", "c.md", "--out", "d"], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr.contains("c.md:7: warning:"))
    }

    @Test func unknownOptionIsAUsageError() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Binary.run(["decks", "--colour"], in: folder)
        #expect(result.status == 64)
        // ArgumentParser's own message, in Korean like every other.
        #expect(result.stderr.hasPrefix("roledeck: error: 알 수 없는 옵션 '--colour'입니다.\n"))
        let missing = try Binary.run(["study"], in: folder)
        #expect(missing.status == 64 && missing.stderr.hasPrefix("roledeck: error: '<deck>' 자리에 넣을 값이 없습니다.\n"))
        let both = try Binary.run(["stats", "--json", "--mermaid"], in: folder)
        #expect(both.stderr.hasPrefix("roledeck: error: --json과 --mermaid는 함께 쓸 수 없습니다.\n"))
    }

    @Test func damagedDeckFileIsNamed() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let decks = folder.appendingPathComponent("Decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        try Data("{\n  \"schemaVersion\": 1,\n  \"cards\": [\n".utf8).write(
            to: decks.appendingPathComponent("data.json"))
        let result = try Binary.run(["decks"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Decks/data.json:"))
        #expect(result.stderr.hasPrefix("roledeck: error:"))
    }

    @Test func replayPrintsOneLinePerCardAndNamesBadLines() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = """
            {"desired_retention": 0.9}
            {"card_id": 7, "reviews": [{"rating": 3, "time": "2024-01-01T08:00:00Z"}, {"rating": 3, "time": "2024-01-01T08:10:00Z"}]}
            {"card_id": 8, "reviews": [{"rating": 9, "time": "2024-01-01T08:00:00Z"}]}

            """
        let result = try Binary.run(["replay"], in: folder, input: Data(input.utf8))
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let card = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(card["card_id"] as? Int == 7)
        let results = try #require(card["results"] as? [[String: Any]])
        #expect(results.map { $0["state"] as? String } == ["Learning", "Review"])
        #expect(results[1]["due"] as? String == "2024-01-03T08:10:00+00:00")
        #expect(result.stderr.contains("roledeck: error: stdin: 3번째 줄: 1번째 복습의 rating이 9입니다."))
    }
}
