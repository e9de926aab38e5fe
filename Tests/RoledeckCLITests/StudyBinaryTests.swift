import Foundation
import RoledeckCore
import Testing

/// `roledeck review`, `study` and the REPL run as a user runs them, with input piped in.
@Suite("Studying with the binary", .serialized)
struct StudyBinaryTests {
    static let firstCards = [
        "", "",  // duties of 데이터 애널리틱스: a flashcard, revealed then graded
        "SQL", "",  // the stack line with SQL blanked
        "", "",  // duties of 머신 러닝 엔지니어
        "데이타 수집", "",  // the duty line with 수집 blanked after 데이터, one typo in the visible word
    ]

    func input(_ lines: [String]) -> Data { Data((lines.joined(separator: "\n") + "\n").utf8) }

    @Test func reviewAnswersCardsAndWritesTheFiles() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let args = ["review", "--progress", "P", "--now", "2026-03-02T10:00", "--seed", "7"]
        let result = try Binary.run(args, in: folder, input: input(Self.firstCards))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("오늘 복습 0장 · 새 카드 20장 · 예상 7분\n"))
        #expect(result.stdout.contains("[1/20] 데이터 · 데이터 애널리틱스 · 직무 → 업무"))
        #expect(result.stdout.contains("오타를 봐 주었습니다: '데이타 수집' → 수집"))
        #expect(result.stdout.components(separatedBy: "저장됨:").count - 1 == 4)
        #expect(result.stdout.contains("복습을 멈췄습니다: 카드 4장 · 복습 4회 · 정확도 100%"))
        // No prompts are echoed on a pipe.
        #expect(!result.stdout.contains("번호> "))
        let store = ProgressStore.openReadOnly(folder: folder.appendingPathComponent("P"))
        let log = try store.loadLog()
        #expect(log.issues.isEmpty)
        #expect(log.records.map(\.answer) == [nil, "SQL", nil, "데이타 수집"])
        #expect(log.records.map(\.rating) == [.good, .good, .good, .hard])
        #expect(try store.loadCards().count == 4)

        // Ten days later the four cards are back before the new ones, the one on the shortest step first.
        let later = try Binary.run(
            ["review", "--progress", "P", "--now", "2026-03-12T10:00", "--seed", "7"], in: folder,
            input: input(["데이터 수집", "3"]))
        #expect(later.status == 0, "\(later.stderr)")
        #expect(later.stdout.hasPrefix("오늘 복습 4장 · 새 카드 20장 · 예상 "))
        #expect(later.stdout.contains("[1/24] 데이터 · 데이터 애널리틱스 · 업무 빈칸\n"))
        let records = try store.loadLog().records
        #expect(records.count == 5)
        #expect(records.last?.before == .learning)
    }

    @Test func moreRaisesTodaysLimitForTodayOnly() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let now = ["--progress", "P", "--now", "2026-03-02T10:00"]
        let result = try Binary.run(["more", "5"] + now, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("오늘만 새 카드 한도를 5장 늘렸습니다: 오늘 새 카드 25장까지.\n오늘 복습 0장 · 새 카드 25장"))
        let reviews = try Binary.run(["more", "30", "복습"] + now, in: folder)
        #expect(reviews.stdout.hasPrefix("오늘만 복습 한도를 30장 늘렸습니다: 오늘 복습 230장까지."))
        let tomorrow = try Binary.run(
            ["review", "--progress", "P", "--now", "2026-03-03T10:00"], in: folder, input: input([]))
        #expect(tomorrow.stdout.hasPrefix("오늘 복습 0장 · 새 카드 20장"))
        for bad in [["more", "0"], ["more", "열"], ["more", "5", "많이"]] {
            let refused = try Binary.run(bad + now, in: folder)
            #expect(refused.status == 64)
            #expect(refused.stderr.hasPrefix("roledeck: error: more"))
        }
    }

    @Test func aheadAndCramAreSubcommands() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let now = ["--progress", "P", "--now", "2026-03-02T10:00"]
        // Four cards met today, rated Easy: each comes back days later.
        let first = try Binary.run(
            ["review"] + now, in: folder, input: input(["", "4", "SQL", "4", "", "4", "데이타 수집", "4"]))
        #expect(first.status == 0, "\(first.stderr)")
        let none = try Binary.run(["ahead"] + now, in: folder, input: input([]))
        #expect(none.status == 0)
        #expect(none.stdout.contains("앞으로 1일 안에 돌아올 복습 카드가 없습니다."))
        let ahead = try Binary.run(["ahead", "--days", "60"] + now, in: folder, input: input([]))
        #expect(ahead.stdout.hasPrefix("미리 복습: 앞으로 60일 안에 돌아올 카드 4장"), "\(ahead.stdout)")
        let cram = try Binary.run(["cram", "데이터"] + now, in: folder, input: input([]))
        #expect(cram.status == 0, "\(cram.stderr)")
        #expect(cram.stdout.hasPrefix("몰아 보기: '데이터' 덱에서 본 카드 3장"), "\(cram.stdout)")
        let unknown = try Binary.run(["cram", "요리"] + now, in: folder, input: input([]))
        #expect(unknown.status == 1)
        let badDays = try Binary.run(["ahead", "--days", "0"] + now, in: folder, input: input([]))
        #expect(badDays.status == 64)
        #expect(badDays.stderr.hasPrefix("roledeck: error: ahead --days 0"))
    }

    @Test func commandsThatOnlyReadNeverCreateTheProgressFolder() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in ["leeches", "suspended", "settings"] {
            let result = try Binary.run([command, "--progress", "Nowhere"], in: folder, input: input([]))
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("진행 기록 폴더가 아직 없습니다"), "\(command)")
            #expect(
                !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Nowhere").path), "\(command)")
        }
    }

    @Test func studyOneDeckAndRefuseAnUnknownOne() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Binary.run(
            ["study", "ml", "--progress", "P", "--now", "2026-03-02T10:00"], in: folder, input: input([]))
        #expect(result.status == 0, "\(result.stderr)")
        let header = result.stdout.split(separator: "\n").first { $0.hasPrefix("[1/") }
        #expect(header?.contains("머신 러닝") == true)
        let bad = try Binary.run(["study", "요리", "--progress", "P"], in: folder, input: input([]))
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("roledeck: error: '요리'라는 덱이 없습니다. 덱: data(데이터), ml(머신 러닝), "))
    }

    @Test func theReplRunsCommandsFromAPipe() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let args = ["--progress", "P", "--now", "2026-03-02T10:00"]
        let result = try Binary.run(
            args, in: folder, input: input(["", "데이터", "", ":q", "stats", "reveiw", "종료"]))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("오늘 남은 새 카드 19장"))
        #expect(result.stdout.contains("'reveiw'라는 명령이 없습니다. 혹시 'review'?"))
        #expect(result.stdout.hasSuffix("종료합니다.\n"))
        // With no input at all (CI runs tests with stdin closed) it leaves at once.
        let empty = try Binary.run(args, in: folder)
        #expect(empty.status == 0)
        #expect(empty.stdout.contains("오늘 복습") && empty.stdout.hasSuffix("종료합니다.\n"))
    }

    @Test func aFolderInUseIsReadOnlyInTheReplAndAnErrorForReview() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let progress = folder.appendingPathComponent("P")
        let holder = try ProgressStore.open(folder: progress)
        let review = try Binary.run(["review", "--progress", "P"], in: folder, input: input([""]))
        #expect(review.status == 1)
        #expect(review.stderr.hasPrefix("roledeck: error: 진행 기록 폴더를 프로세스 "))
        let repl = try Binary.run(["--progress", "P"], in: folder, input: input(["", "stats", "review"]))
        #expect(repl.status == 0)
        #expect(repl.stdout.contains("읽기 전용으로 엽니다"))
        #expect(repl.stdout.contains("학습 통계"))
        #expect(repl.stdout.contains("읽기 전용입니다"))
        #expect(!FileManager.default.fileExists(atPath: holder.logURL.path))
    }
}
