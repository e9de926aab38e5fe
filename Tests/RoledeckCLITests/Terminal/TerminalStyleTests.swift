import RoledeckREPL
import Testing

@Suite("Colour on the terminal")
struct TerminalStyleTests {
    @Test(arguments: [
        (true, ["TERM": "xterm-256color"], true),
        (false, ["TERM": "xterm-256color"], false),
        (true, ["TERM": "xterm", "NO_COLOR": "1"], false),
        (true, ["TERM": "xterm", "NO_COLOR": "0"], false),
        (true, ["TERM": "xterm", "NO_COLOR": ""], true),
        (true, ["TERM": "dumb"], false),
        (true, ["TERM": ""], false),
        (true, [:], false),
    ])
    func colourOnlyOnATerminalWithoutNoColorOrADumbTerm(
        isTerminal: Bool, environment: [String: String], expected: Bool
    ) {
        #expect(TerminalStyle(isTerminal: isTerminal, environment: environment).usesColor == expected)
    }

    @Test func helpersWrapOnlyWhenColourIsOn() {
        let on = TerminalStyle(usesColor: true)
        #expect(on.bold("a") == "\u{1B}[1ma\u{1B}[22m")
        #expect(on.dim("a") == "\u{1B}[2ma\u{1B}[22m")
        #expect(on.red("틀림") == "\u{1B}[31m틀림\u{1B}[39m")
        #expect(on.green("a") == "\u{1B}[32ma\u{1B}[39m")
        #expect(on.yellow("a") == "\u{1B}[33ma\u{1B}[39m")
        #expect(on.cyan("a") == "\u{1B}[36ma\u{1B}[39m")
        #expect(on.green(on.bold("ok")) == "\u{1B}[32m\u{1B}[1mok\u{1B}[22m\u{1B}[39m")
        #expect(on.red("") == "")
        let off = TerminalStyle.plain
        #expect(
            off.bold("a") + off.dim("b") + off.red("c") + off.green("d") + off.yellow("e") + off.cyan("f") == "abcdef")
    }
}
