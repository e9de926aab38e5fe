import Foundation
import RoledeckREPL
import Testing

@Suite("Command history")
struct CommandHistoryTests {
    @Test func leavesOutBlankLinesAndImmediateRepeats() {
        var history = CommandHistory()
        let added = ["study 데이터 ", "study 데이터", "   ", "", "stats", "study 데이터"].map { history.record($0) }
        #expect(added == [true, false, false, false, true, true])
        #expect(history.entries == ["study 데이터", "stats", "study 데이터"])
    }

    @Test func keepsTheNewestLinesUpToTheLimit() {
        var history = CommandHistory(limit: 3)
        for number in 1...5 { history.record("line \(number)") }
        #expect(history.entries == ["line 3", "line 4", "line 5"])
        #expect(CommandHistory(text: "a\nb\nc\nd\n", limit: 2).entries == ["c", "d"])
        var none = CommandHistory(limit: 0)
        let added = none.record("a")
        #expect(!added && none.entries.isEmpty)
    }

    @Test func textRoundTrips() {
        let history = CommandHistory(entries: ["study 보안", "help"])
        #expect(history.text == "study 보안\nhelp\n")
        #expect(CommandHistory(text: history.text) == history)
        #expect(CommandHistory().text == "")
    }

    @Test func parsingCleansWhatAnotherProgramWrote() {
        let history = CommandHistory(text: "a\r\n\n\u{1B}b\nb\n\u{1103}\u{1166}\n")
        #expect(history.entries == ["a", "b", "데"])
    }

    @Test func savesIntoANewFolderAndLoadsBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roledeck-hist-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("Progress/.history")
        #expect(CommandHistory.load(from: url) == CommandHistory())
        let history = CommandHistory(entries: ["study 데이터"])
        try history.save(to: url)
        #expect(CommandHistory.load(from: url) == history)
        try Data([0x61, 0xFF, 0x0A]).write(to: url)
        #expect(CommandHistory.load(from: url).entries == ["a\u{FFFD}"])
    }
}
