import RoledeckREPL
import Testing

@Suite("Scripted lines for tests")
struct ScriptedLineReaderTests {
    @Test func answersInOrderAndRecordsEveryPrompt() {
        var reader = ScriptedLineReader(["study 데이터", "수집"])
        let lines = [
            reader.readLine(prompt: "> "), reader.readLine(prompt: "답: ", kind: .answer), reader.readLine(prompt: "> "),
        ]
        #expect(lines == ["study 데이터", "수집", nil])
        #expect(reader.prompts == ["> ", "답: ", "> "])
        #expect(reader.kinds == [.command, .answer, .command])
        #expect(reader.remaining.isEmpty)
    }

    @Test func linesAreCleanedAsTypedOnesAre() {
        var reader = ScriptedLineReader(["\u{1103}\u{1166}\u{7}\r"])
        let line = reader.readLine(prompt: "")
        #expect(line == "데")
    }

    @Test func worksThroughTheProtocol() {
        func firstTwo(_ reader: inout some LineReader) -> [String?] {
            [reader.readLine(prompt: "1"), reader.readLine(prompt: "2", kind: .answer)]
        }
        var reader = ScriptedLineReader(["a"])
        let lines = firstTwo(&reader)
        #expect(lines == ["a", nil])
    }
}
