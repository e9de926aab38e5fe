import Testing

@testable import RoledeckREPL

@Suite("Prompts for readline")
struct PromptTextTests {
    @Test func escapeSequencesAreMarkedAsInvisible() {
        #expect(PromptText.markingInvisible("> ") == "> ")
        #expect(
            PromptText.markingInvisible("\u{1B}[1m데이터\u{1B}[22m> ")
                == "\u{01}\u{1B}[1m\u{02}데이터\u{01}\u{1B}[22m\u{02}> ")
        #expect(PromptText.markingInvisible("\u{1B}]0;title\u{07}> ") == "\u{01}\u{1B}]0;title\u{07}\u{02}> ")
        #expect(PromptText.markingInvisible("\u{1B}=x") == "\u{01}\u{1B}=\u{02}x")
        #expect(PromptText.markingInvisible("\u{1B}") == "\u{01}\u{1B}\u{02}")
    }

    @Test func alreadyMarkedPromptsAreLeftAlone() {
        let marked = "\u{01}\u{1B}[1m\u{02}> "
        #expect(PromptText.markingInvisible(marked) == marked)
    }
}
