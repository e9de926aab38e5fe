import Foundation
import Testing

/// `roledeck export`, as a learner runs it: files are never replaced unless told, names are checked.
@Suite("roledeck export", .serialized)
struct ExportCommandTests {
    @Test func anExistingFileIsKeptUnlessForced() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("cards.apkg")
        try Data("my own file".utf8).write(to: file)
        let refused = try Binary.run(["export", "anki", "cards.apkg"], in: folder)
        #expect(refused.status == 1)
        #expect(refused.stderr == "roledeck: error: \(file.path): 파일이 이미 있습니다. 덮어쓰려면 --force를 붙이세요.\n")
        #expect(try Data(contentsOf: file) == Data("my own file".utf8))
        let forced = try Binary.run(["export", "anki", "cards.apkg", "--force"], in: folder)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout == "\(file.path): 덱 9개, 카드 214장을 Anki 패키지로 내보냈습니다.\n")
        #expect(try Data(contentsOf: file).prefix(2) == Data("PK".utf8))
    }

    @Test func domainsAreNamedAsEverywhereElse() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let two = try Binary.run(["export", "csv", "two.txt", "--domain", "MLOps", "--domain", "2"], in: folder)
        #expect(two.status == 0, "\(two.stderr)")
        let text = try String(contentsOf: folder.appendingPathComponent("two.txt"), encoding: .utf8)
        let decks = Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t")[3] })
        #expect(decks == ["AI 직무::MLOps", "AI 직무::머신 러닝"])
        let bad = try Binary.run(["export", "json", "x.json", "--domain", "요리"], in: folder)
        #expect(bad.status == 1 && bad.stderr.hasPrefix("roledeck: error: --domain: '요리'라는 분야가 없습니다."))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.json").path))
        let missing = try Binary.run(["export", "anki"], in: folder)
        #expect(missing.status == 64 && missing.stderr.contains("'<file>' 자리에 넣을 값이 없습니다"))
    }
}
