import Foundation
import RoledeckCore
import Testing

/// `roledeck review` in a real pseudo-terminal, typed at as a learner types: Korean with a Backspace,
/// Ctrl-C at a prompt, Ctrl-D to leave.
@Suite("roledeck in a pseudo-terminal", .serialized)
struct RoledeckInTerminalTests {
    typealias Key = PseudoTerminal.Key

    static var decks: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Decks")
    }

    @Test func theLastLearningCardIsCountedDownToOnTheRealClock() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let progress = folder.appendingPathComponent("P")
        try FileManager.default.createDirectory(at: progress, withIntermediateDirectories: true)
        try Data(#"{"newCardsPerDay": 1, "learningSteps": ["3s"]}"#.utf8)
            .write(to: progress.appendingPathComponent("settings.json"))
        let terminal = try PseudoTerminal(
            executable: Binary.url,
            arguments: ["review", "--decks", Self.decks.path, "--progress", progress.path, "--seed", "1"],
            currentDirectory: folder)
        try terminal.waitFor("떠올린 뒤 Enter> ")
        try terminal.send("?" + Key.enter)
        try terminal.waitFor("평가 (Enter = 1 다시)> ")
        try terminal.send(Key.enter)
        // The only card left is the one just answered, due in three seconds: said, then counted down.
        try terminal.waitFor("학습 중인 카드가 3초 뒤(")
        try terminal.waitFor("그만하려면 q: ")
        let started = Date()
        try terminal.send(Key.enter)
        try terminal.waitFor("다음 카드까지 0:0")
        try terminal.waitFor("[2/2]")
        #expect(Date().timeIntervalSince(started) > 1.5)
        try terminal.waitFor("떠올린 뒤 Enter> ")
        try terminal.endOfInput()
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func aKoreanAnswerWithBackspaceCtrlCAtAPromptAndCtrlDAtTheEnd() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let progress = folder.appendingPathComponent("P")
        let terminal = try PseudoTerminal(
            executable: Binary.url,
            arguments: [
                "review", "--decks", Self.decks.path, "--progress", progress.path, "--now", "2026-12-01T09:00",
                "--seed", "1",
            ],
            currentDirectory: folder)
        // The first new card is 데이터 애널리틱스's duties: Enter shows them, Enter grades.
        try terminal.waitFor("[1/20] 데이터 · 데이터 애널리틱스")
        try terminal.waitFor("떠올린 뒤 Enter> ")
        try terminal.send(Key.enter)
        try terminal.waitFor("평가 (Enter = ")
        try terminal.send(Key.enter)
        try terminal.waitFor("저장됨: 3 좋음")
        // Then its stack line with a blank, 머신 러닝 엔지니어's duties, and 데이터 애널리틱스's duty line with a blank.
        try terminal.waitFor("[2/20]")
        try terminal.waitFor("답> ")
        try terminal.send("SQL" + Key.enter)
        try terminal.waitFor("평가 (Enter = ")
        try terminal.send(Key.enter)
        try terminal.waitFor("[3/20]")
        try terminal.waitFor("떠올린 뒤 Enter> ")
        try terminal.send(Key.enter)
        try terminal.waitFor("평가 (Enter = ")
        try terminal.send(Key.enter)
        try terminal.waitFor("[4/20]")
        try terminal.waitFor("답> ")
        try terminal.send("데이타")
        try terminal.waitFor("데이타")
        // Backspace takes the whole syllable 타, not one of its bytes.
        try terminal.send(Key.backspace + "터 수집")
        try terminal.waitFor("터 수집")
        try terminal.send(Key.enter)
        try terminal.waitFor("맞았습니다.")
        try terminal.waitFor("평가 (Enter = ")

        // Ctrl-C drops what was typed and asks again; the session goes on.
        try terminal.send("4")
        try terminal.waitFor("4")
        try terminal.interrupt()
        try terminal.waitFor("평가 (Enter = ")
        #expect(terminal.isRunning)
        try terminal.send(Key.enter)
        try terminal.waitFor("저장됨: 3 좋음")

        // Ctrl-D at the next card ends the review; what was answered is kept.
        try terminal.waitFor("[5/20]")
        try terminal.waitFor("> ")
        try terminal.endOfInput()
        #expect(try terminal.waitForExit() == .exited(0))

        let log = try ReviewLogFile.decode(Data(contentsOf: progress.appendingPathComponent("reviews.jsonl")))
        #expect(log.issues.isEmpty)
        let reviews = log.records.filter { $0.kind == .review }
        #expect(reviews.count == 4)
        #expect(reviews.last?.answer == "데이터 수집")
        #expect(reviews.last?.correct == true)
        #expect(reviews.last?.rating == .good)
        let cards = try CardsFile.decode(Data(contentsOf: progress.appendingPathComponent("cards.json")))
        #expect(cards[CardID(rawValue: try #require(reviews.last?.cardID.rawValue))]?.reps == 1)
        // Answers stay out of the command history: no command was typed, so there is none.
        #expect(!FileManager.default.fileExists(atPath: progress.appendingPathComponent(".history").path))
    }
}
