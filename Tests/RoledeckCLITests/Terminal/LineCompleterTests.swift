import RoledeckREPL
import Testing

@Suite("Tab completion candidates")
struct LineCompleterTests {
    let completer = LineCompleter.commands(
        ["study", "stats", "help"], arguments: ["study": ["데이터", "데이터엔지니어링", "보안"]])

    @Test func firstWordIsACommand() {
        #expect(completer.completions(of: "st", after: "") == ["stats", "study"])
        #expect(completer.completions(of: "", after: "  ") == ["help", "stats", "study"])
        #expect(completer.completions(of: "x", after: "") == [])
    }

    @Test func laterWordsComeFromTheCommandsArguments() {
        #expect(completer.completions(of: "데이", after: "study ") == ["데이터", "데이터엔지니어링"])
        #expect(completer.completions(of: "보", after: "study  ") == ["보안"])
        #expect(completer.completions(of: "", after: "help ") == [])
    }

    @Test func comparesInNFCAndDropsRepeats() {
        let words = LineCompleter.words(["데이터", "\u{1103}\u{1166}이터", "보안"])
        #expect(words.completions(of: "\u{1103}\u{1166}", after: "anything ") == ["데이터"])
        #expect(LineCompleter.none.completions(of: "", after: "") == [])
    }
}
