import Testing

@Suite("The pseudo-terminal test helper")
struct PseudoTerminalTests {
    @Test func escapesAreStripped() {
        #expect(PseudoTerminal.strippingEscapes("\u{1B}[32mok\u{1B}[39m\r\n") == "ok\r\n")
        #expect(PseudoTerminal.strippingEscapes("\u{1B}]0;t\u{07}a\u{1B}]0;t\u{1B}\\b") == "ab")
        #expect(PseudoTerminal.strippingEscapes("\u{1B}(Bx\u{1B}=y\u{1B}[?2004hz") == "xyz")
    }

    @Test func escapesSplitBetweenReadsAreStripped() {
        var stripper = PseudoTerminal.EscapeStripper()
        let first = stripper.feed(Array("a\u{1B}[3".utf8)[...])
        let second = stripper.feed(Array("1m데".utf8)[...])
        #expect(String(decoding: first + second, as: UTF8.self) == "a데")
    }
}
