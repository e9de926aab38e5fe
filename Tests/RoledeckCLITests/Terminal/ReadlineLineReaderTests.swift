import Foundation
import Testing

/// Runs `readline-echo`, which prints `got: <line>` for each line the terminal reader returns, in a real
/// pseudo-terminal: the reader as a person at a keyboard meets it.
@Suite("The readline reader in a pseudo-terminal", .serialized)
struct ReadlineLineReaderTests {
    typealias Key = PseudoTerminal.Key

    func start(history: URL? = nil) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(
            executable: Binary.product("readline-echo"), arguments: history.map { [$0.path] } ?? [])
        try terminal.waitFor("> ")
        return terminal
    }

    /// Types `text` and waits for its echo, so what follows (Ctrl-C above all) comes after it was read.
    func type(_ text: String, into terminal: PseudoTerminal) throws {
        try terminal.send(text)
        try terminal.waitFor(text)
    }

    /// Presses Ctrl-D at an empty prompt and expects the program to say `bye` and exit 0.
    func finish(_ terminal: PseudoTerminal) throws {
        try terminal.endOfInput()
        try terminal.waitFor("bye\r\n")
        #expect(try terminal.waitForExit() == .exited(0))
    }

    /// The lines the program reported, in order.
    func got(_ terminal: PseudoTerminal) -> [String] {
        terminal.plainOutput.components(separatedBy: "\r\n").filter { $0.hasPrefix("got: ") }
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("roledeck-pty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func backspaceDeletesAWholeHangulSyllable() throws {
        let terminal = try start()
        try type("데이터x", into: terminal)
        try terminal.send(Key.backspace + Key.enter)
        try terminal.waitFor("got: 데이터\r\n")
        try terminal.waitFor("> ")
        try type("데이터", into: terminal)
        try terminal.send(Key.backspace + Key.enter)
        try terminal.waitFor("got: 데이\r\n")
        try terminal.waitFor("> ")
        try finish(terminal)
        #expect(got(terminal) == ["got: 데이터", "got: 데이"])
    }

    @Test(arguments: [["LANG": ""], ["LANG": "POSIX"], ["LC_ALL": "C"], ["LANG": "xx_YY.UTF-8"]])
    func backspaceDeletesASyllableWithoutAUTF8Locale(environment: [String: String]) throws {
        let terminal = try PseudoTerminal(executable: Binary.product("readline-echo"), environment: environment)
        try terminal.waitFor("> ")
        try type("데이터", into: terminal)
        try terminal.send(Key.backspace + Key.enter)
        try terminal.waitFor("got: 데이\r\n")
        try terminal.waitFor("> ")
        try finish(terminal)
    }

    @Test func ctrlCDropsThePartialLineAndAsksAgain() throws {
        let terminal = try start()
        try type("study 보", into: terminal)
        try terminal.interrupt()
        try terminal.waitFor("> ")
        #expect(terminal.isRunning)
        try terminal.send("help" + Key.enter)
        try terminal.waitFor("got: help\r\n")
        try terminal.waitFor("> ")
        // On an empty line too, and twice in a row.
        try terminal.interrupt()
        try terminal.waitFor("> ")
        try terminal.interrupt()
        try terminal.waitFor("> ")
        #expect(terminal.isRunning)
        try type("stats", into: terminal)
        try terminal.send(Key.enter)
        try terminal.waitFor("got: stats\r\n")
        try terminal.waitFor("> ")
        try finish(terminal)
        #expect(got(terminal) == ["got: help", "got: stats"])
    }

    @Test func tabCompletesCommandsAndDeckNames() throws {
        let terminal = try start()
        // A unique prefix is completed with a space after it.
        try terminal.send("qu" + Key.tab + Key.enter)
        try terminal.waitFor("got: quit \r\n")
        try terminal.waitFor("> ")
        // The first word from the commands, later words from the decks of that command, Hangul included.
        try terminal.send("stu" + Key.tab)
        try terminal.waitFor("study ")
        try terminal.send("보" + Key.tab + Key.enter)
        try terminal.waitFor("got: study 보안 \r\n")
        try terminal.waitFor("> ")
        // Two decks share 데이터: Tab goes as far as they agree and adds no space.
        try terminal.send("study 데" + Key.tab + Key.enter)
        try terminal.waitFor("got: study 데이터\r\n")
        try terminal.waitFor("> ")
        // No match: nothing is inserted, and file names are never offered.
        try terminal.send("study x" + Key.tab + Key.enter)
        try terminal.waitFor("got: study x\r\n")
        try terminal.waitFor("> ")
        try finish(terminal)
    }

    @Test func historyIsKeptInAFileAndRecalledWithUpOnTheNextRun() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = folder.appendingPathComponent("Progress/.history")

        let first = try start(history: history)
        for line in ["study 보안", "study 보안", "   ", "answer"] {
            try first.send(line + Key.enter)
            try first.waitFor("got: \(line)\r\n")
        }
        // An answer is read without completion and never enters the history.
        try first.waitFor("? ")
        try first.send("s" + Key.tab + Key.enter)
        try first.waitFor("answer: s\r\n")
        try first.waitFor("> ")
        try finish(first)
        // Blank lines and immediate repeats are left out.
        #expect(try String(contentsOf: history, encoding: .utf8) == "study 보안\nanswer\n")

        let second = try start(history: history)
        try second.send(Key.up + Key.up + Key.enter)
        try second.waitFor("got: study 보안\r\n")
        try second.waitFor("> ")
        try second.send("answer" + Key.enter)
        try second.waitFor("? ")
        // Up recalls nothing into an answer.
        try second.send(Key.up + "x" + Key.enter)
        try second.waitFor("answer: x\r\n")
        try second.waitFor("> ")
        try finish(second)
        #expect(
            try String(contentsOf: history, encoding: .utf8) == "study 보안\nanswer\nstudy 보안\nanswer\n")
    }

    @Test func ctrlDEndsTheInputOnlyOnAnEmptyLine() throws {
        let terminal = try start()
        try type("ab", into: terminal)
        // On a line with text, Ctrl-D deletes the character under the cursor: here there is none.
        try terminal.endOfInput()
        try terminal.send(Key.enter)
        try terminal.waitFor("got: ab\r\n")
        try terminal.waitFor("> ")
        try finish(terminal)
    }

    @Test func controlCharactersAndInvalidBytesDoNotReachTheCaller() throws {
        let terminal = try start()
        // Ctrl-V inserts the next key as it is: here Ctrl-A and Escape.
        try terminal.send(bytes: Array("a\u{16}\u{01}b\u{16}\u{1B}c".utf8) + [0xFF] + Array("d\r".utf8))
        try terminal.waitFor("got: abc\u{FFFD}d\r\n")
        try terminal.waitFor("> ")
        try finish(terminal)
    }

    @Test func resizingTheWindowKeepsTheLine() throws {
        let terminal = try start()
        try type("stu", into: terminal)
        terminal.resize(columns: 40, rows: 10)
        try terminal.send("dy" + Key.enter)
        try terminal.waitFor("got: study\r\n")
        try terminal.waitFor("> ")
        try finish(terminal)
    }

    @Test func ctrlZWithoutJobControlKeepsTheLine() throws {
        // The program's process group has no shell to resume it, so the kernel drops the stop and the reader
        // must take the terminal back and redraw the line.
        let terminal = try start()
        try type("stu", into: terminal)
        try terminal.send("\u{1A}")
        try terminal.waitFor("> stu")
        try terminal.send("dy" + Key.enter)
        try terminal.waitFor("got: study\r\n")
        try terminal.waitFor("> ")
        try finish(terminal)
    }

    @Test func terminateWhileReadingEndsTheProgram() throws {
        let terminal = try start()
        try type("stu", into: terminal)
        kill(terminal.processID, SIGTERM)
        #expect(try terminal.waitForExit() == .signaled(SIGTERM))
    }

    @Test func pipedInputIsReadWithoutPromptsOrHistory() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = folder.appendingPathComponent(".history")
        let process = Process()
        process.executableURL = Binary.product("readline-echo")
        process.arguments = [history.path]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data("a\nb\n".utf8))
        try input.fileHandleForWriting.close()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: printed, as: UTF8.self) == "got: a\ngot: b\nbye\n")
        #expect(!FileManager.default.fileExists(atPath: history.path))
    }
}
