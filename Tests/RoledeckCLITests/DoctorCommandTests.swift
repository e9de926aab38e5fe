import Foundation
import RoledeckCore
import Testing

@Suite("roledeck doctor", .serialized)
struct DoctorCommandTests {
    static let review =
        "{\"after\":{\"difficulty\":5.1,\"due\":\"2026-11-29T04:10:00+00:00\",\"lastReview\":\"2026-11-29T04:00:00+00:00\","
        + "\"stability\":2.3,\"state\":\"learning\",\"step\":1},\"at\":\"2026-11-29T04:00:00+00:00\",\"before\":\"new\","
        + "\"card\":\"duties/데이터-엔지니어\",\"kind\":\"review\",\"rating\":3,\"schemaVersion\":1}\n"

    @Test func rebuildsADamagedCardsFileFromTheLogAndKeepsTheOriginal() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let progress = folder.appendingPathComponent("P")
        try FileManager.default.createDirectory(at: progress, withIntermediateDirectories: true)
        let orphan = Self.review.replacingOccurrences(of: "duties/데이터-엔지니어", with: "stack/사라진-직무")
        try Data((Self.review + orphan + "{\"schemaVersion\":1,\"kind\":\"rev").utf8)
            .write(to: progress.appendingPathComponent("reviews.jsonl"))
        let damaged = Data("{\"schemaVersion\": 1, \"cards\": {".utf8)
        try damaged.write(to: progress.appendingPathComponent("cards.json"))

        let result = try Binary.run(["doctor", "--progress", "P"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("cards.json:1:32: 읽을 수 없습니다 (올바른 JSON이 아님)."))
        #expect(result.stdout.contains("reviews.jsonl:3:"))
        #expect(result.stdout.contains("저장됐다고 알리기 전에 멈춰 잘렸습니다"))
        #expect(result.stdout.contains("진행 기록이 있는 카드 1장이 덱에 없습니다 (카탈로그가"))
        #expect(result.stdout.contains("stack/사라진-직무"))
        #expect(result.stdout.contains("복습 기록에서 \(progress.path)/cards.json을 다시 만들었습니다: 카드 2장."))
        let names = try FileManager.default.contentsOfDirectory(atPath: progress.path)
        let backup = try #require(names.first { $0.hasPrefix("cards.json.bak-") })
        #expect(try Data(contentsOf: progress.appendingPathComponent(backup)) == damaged)
        #expect(result.stdout.contains("바뀐 파일은 \(progress.path)/\(backup)에 남겨 두었습니다."))
        let cards = try CardsFile.decode(Data(contentsOf: progress.appendingPathComponent("cards.json")))
        #expect(Set(cards.keys.map(\.rawValue)) == ["duties/데이터-엔지니어", "stack/사라진-직무"])

        let again = try Binary.run(["doctor", "--progress", "P"], in: folder)
        #expect(again.status == 0)
        #expect(again.stdout.contains("카드 상태가 복습 기록과 맞습니다."))
    }

    @Test func aCarriedFoldThatIsNotTheLogsIsNamedAndRebuilt() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let progress = folder.appendingPathComponent("P")
        try FileManager.default.createDirectory(at: progress, withIntermediateDirectories: true)
        try Data(Self.review.utf8).write(to: progress.appendingPathComponent("reviews.jsonl"))
        // No cards.json yet: doctor writes one from the log, with the fold a start without a cache uses.
        #expect(try Binary.run(["doctor", "--progress", "P"], in: folder).status == 0)
        let cardsURL = progress.appendingPathComponent("cards.json")
        let written = try String(contentsOf: cardsURL, encoding: .utf8)
        #expect(written.contains("\"newCards\" : 1") && written.contains("\"logLines\" : 1"))
        #expect(try Binary.run(["doctor", "--progress", "P"], in: folder).stdout.hasSuffix("모두 맞습니다.\n"))

        // Edited by hand: the day that studied one new card now says none.
        try Data(written.replacingOccurrences(of: "\"newCards\" : 1", with: "\"newCards\" : 0").utf8).write(
            to: cardsURL)
        let found = try Binary.run(["doctor", "--progress", "P"], in: folder)
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdout.contains("함께 저장된 날짜별 복습 수와 되돌리기 기록이 복습 기록과 다릅니다"))
        #expect(found.stdout.contains("다시 만들었습니다: 카드 1장."))
        #expect(try String(contentsOf: cardsURL, encoding: .utf8) == written)
        #expect(try Binary.run(["doctor", "--progress", "P"], in: folder).stdout.hasSuffix("모두 맞습니다.\n"))
    }

    @Test func refusesAFileFromANewerVersionAndLeavesItAlone() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let progress = folder.appendingPathComponent("P")
        try FileManager.default.createDirectory(at: progress, withIntermediateDirectories: true)
        let newer = Data("{\n  \"cards\" : {},\n  \"schemaVersion\" : 9\n}\n".utf8)
        try newer.write(to: progress.appendingPathComponent("cards.json"))
        let result = try Binary.run(["doctor", "--progress", "P"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("roledeck: error: \(progress.path)/cards.json의 schema version이 9인데"))
        #expect(try Data(contentsOf: progress.appendingPathComponent("cards.json")) == newer)
    }

    @Test func anEmptyFolderIsHealthy() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Binary.run(["doctor", "--progress", "P"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout.contains("cards.json: 아직 없음"))
        #expect(result.stdout.contains("모두 맞습니다."))
    }
}
