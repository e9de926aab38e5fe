import Foundation

/// The edge where roledeck meets the real terminal: which line reader and which colours it gets.
public enum TerminalIO {
    /// GNU readline when standard input and output are both terminals, plain lines without prompts otherwise.
    ///
    /// - Parameters:
    ///   - historyURL: the file that keeps command lines across runs, such as `Progress/.history`; nil keeps them
    ///     for this run only. Piped input is never recorded.
    ///   - historyLimit: the most lines the file keeps.
    ///   - completer: what Tab completes in command lines.
    public static func makeLineReader(
        historyURL: URL?, historyLimit: Int = CommandHistory.defaultLimit, completer: LineCompleter = .none
    ) -> any LineReader {
        // With output piped, readline would echo what is typed into the pipe instead of onto the screen.
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return PlainLineReader() }
        // At a prompt Ctrl-C cancels the line (the reader's own handler); between prompts, while an answer
        // is being saved, it is ignored, so it can never end a session half-way through a write.
        signal(SIGINT, SIG_IGN)
        return ReadlineLineReader(historyURL: historyURL, historyLimit: historyLimit, completer: completer)
    }

    /// The columns text is wrapped at: the terminal's width, 80 when standard output is no terminal or
    /// the terminal does not say.
    public static func outputWidth() -> Int {
        var size = winsize()
        guard isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 else {
            return 80
        }
        return Int(size.ws_col)
    }

    /// The columns the study screens wrap at: the terminal's width; nil (no wrapping) when standard
    /// output is no terminal, so a script reading it gets each line whole.
    public static func wrapWidth() -> Int? {
        isatty(STDOUT_FILENO) == 1 ? outputWidth() : nil
    }

    /// The colours for standard output, from whether it is a terminal and from `NO_COLOR` and `TERM`.
    public static func outputStyle(environment: [String: String]) -> TerminalStyle {
        TerminalStyle(isTerminal: isatty(STDOUT_FILENO) == 1, environment: environment)
    }
}
