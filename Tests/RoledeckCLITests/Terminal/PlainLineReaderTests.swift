import Foundation
import RoledeckREPL
import Testing

@Suite("Plain lines from a pipe or a file")
struct PlainLineReaderTests {
    /// Every line a `PlainLineReader` returns for `bytes` written to a file.
    func lines(_ bytes: [UInt8]) throws -> [String] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("roledeck-lines-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let descriptor = open(url.path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var reader = PlainLineReader(fileDescriptor: descriptor)
        var lines: [String] = []
        while let line = reader.readLine(prompt: "> ") { lines.append(line) }
        return lines
    }

    func lines(_ text: String) throws -> [String] {
        try lines(Array(text.utf8))
    }

    @Test func splitsLinesAndKeepsALastLineWithoutNewline() throws {
        #expect(try lines("a\n\nb\r\nc") == ["a", "", "b", "c"])
        #expect(try lines("") == [])
        #expect(try lines("\n") == [""])
    }

    @Test func invalidUTF8IsReplacedNotFatal() throws {
        #expect(try lines([0x61, 0xFF, 0x62, 0x0A, 0xEB, 0x8D]) == ["a\u{FFFD}b", "\u{FFFD}"])
    }

    @Test func controlCharactersOtherThanTabAreRemoved() throws {
        #expect(try lines("a\u{1B}[A\tb\u{0}c\u{7F}d\u{85}e\u{8}\n") == ["a[A\tbcde"])
    }

    @Test func linesComeInNFC() throws {
        // 데 typed as conjoining jamo.
        #expect(try lines("\u{1103}\u{1166}이터\n") == ["데이터"])
    }

    @Test func aLineIsReadWholeUpTo64KBAndCutPastIt() throws {
        let fits = String(repeating: "가나다라", count: 5_000)  // 60,000 bytes
        let long = String(repeating: "가나다라", count: 90_000)  // 1 MB
        let result = try lines(fits + "\n" + long + "\nok\n" + long)
        #expect(result.count == 4)
        #expect(result[0] == fits)
        // Cut to one byte past the cap while reading (so the prompt can say it was too long); the rest skipped.
        #expect(result[1].utf8.count <= FileLineSource.maximumLineBytes + 3)
        #expect(result[1].utf8.count > FileLineSource.maximumLineBytes - 3)
        #expect(result[2] == "ok")
        // A last line without its newline is cut the same way.
        #expect(result[3].utf8.count <= FileLineSource.maximumLineBytes + 3)
    }

    @Test func copiesShareOnePosition() throws {
        var pipe: [Int32] = [-1, -1]
        try #require(Glibc.pipe(&pipe) == 0)
        defer { close(pipe[0]) }
        let text = "one\ntwo\n"
        #expect(text.withCString { write(pipe[1], $0, strlen($0)) } == text.utf8.count)
        close(pipe[1])
        var first = PlainLineReader(fileDescriptor: pipe[0])
        var second = first
        let lines = [first.readLine(prompt: ""), second.readLine(prompt: ""), first.readLine(prompt: "")]
        #expect(lines == ["one", "two", nil])
    }
}
