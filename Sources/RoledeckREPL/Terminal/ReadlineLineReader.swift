@preconcurrency import CReadline
import Foundation

/// Reads lines with GNU readline: editing, command history kept in a file, Tab completion, and Ctrl-C that drops
/// the line being typed and asks again.
///
/// Readline is one global state per process, so use one reader at a time; `TerminalIO.makeLineReader` picks this
/// reader only when standard input and output are terminals. While it waits for a line the reader handles SIGINT,
/// SIGWINCH and, unless they are ignored, SIGTSTP, SIGTERM, SIGHUP and SIGQUIT: it puts the terminal back, then
/// passes them to the handler the process had before. Those handlers are restored before `readLine` returns.
///
/// Print whole lines before asking: readline draws the prompt from the start of the line.
public struct ReadlineLineReader: LineReader {
    private var history: CommandHistory
    private let historyURL: URL?
    private let completer: LineCompleter

    /// A reader that loads the history from `historyURL`, if given, and saves it there after every new command line.
    public init(historyURL: URL?, historyLimit: Int = CommandHistory.defaultLimit, completer: LineCompleter = .none) {
        self.historyURL = historyURL
        self.completer = completer
        history =
            historyURL.map { CommandHistory.load(from: $0, limit: historyLimit) }
            ?? CommandHistory(limit: historyLimit)
        ReadlineSession.start()
    }

    public mutating func readLine(prompt: String, kind: LineKind) -> String? {
        let bytes = ReadlineSession.readLine(
            prompt: PromptText.markingInvisible(prompt), completer: kind == .command ? completer : nil,
            history: kind == .command ? history.entries : [])
        guard let bytes else { return nil }
        let line = InputLine.clean(bytes)
        if kind == .command, history.record(line), let historyURL {
            // History is a convenience: a read-only folder must not stop a study session.
            try? history.save(to: historyURL)
        }
        return line
    }

    public mutating func readLine(prompt: String, timeout seconds: TimeInterval) -> TimedLine {
        let bytes = ReadlineSession.readLine(
            prompt: PromptText.markingInvisible(prompt), completer: nil, history: [], timeout: seconds)
        switch ReadlineSession.outcome {
        case .timedOut: return .timedOut
        default: return bytes.map { .line(InputLine.clean($0)) } ?? .end
        }
    }
}

/// Everything readline's C callbacks and the signal handler share, in one place: C function pointers cannot
/// capture context, so they reach it here.
private enum ReadlineSession {
    enum Outcome {
        case waiting
        case line([UInt8])
        case end
        /// The time limit of a timed read passed first.
        case timedOut
    }

    nonisolated(unsafe) static var started = false
    nonisolated(unsafe) static var outcome = Outcome.waiting
    /// What Tab completes; nil while reading an answer.
    nonisolated(unsafe) static var completer: LineCompleter?
    nonisolated(unsafe) static var matches: [String] = []
    nonisolated(unsafe) static var nextMatch = 0
    /// The signal handler writes each signal's number here; the read loop polls the other end.
    nonisolated(unsafe) static var signalPipe: (read: Int32, write: Int32) = (-1, -1)

    /// Signals turned into bytes on `signalPipe` while a line is read.
    static let interrupt = SIGINT
    static let resize = SIGWINCH
    static let suspend = SIGTSTP
    static let fatal = [SIGTERM, SIGHUP, SIGQUIT]

    static func start() {
        guard !started else { return }
        started = true
        useUTF8Locale()
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends {
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
                _ = fcntl(end, F_SETFL, O_NONBLOCK)
            }
            signalPipe = (ends[0], ends[1])
        }
        rl_readline_name = UnsafePointer(strdup("roledeck"))
        rl_catch_signals = 0
        rl_catch_sigwinch = 0
        rl_change_environment = 0
        rl_completer_word_break_characters = UnsafePointer(strdup(" \t"))
        rl_attempted_completion_function = attemptCompletion
        _ = rl_initialize()
        // Without these a locale readline does not recognise turns the bytes of 데 into Meta keys.
        _ = rl_variable_bind("input-meta", "on")
        _ = rl_variable_bind("output-meta", "on")
        _ = rl_variable_bind("convert-meta", "off")
        // A paste is read by our own function, which keeps no more than the cap (readline's keeps it all).
        _ = rl_bind_keyseq("\u{1B}[200~", cappedPaste)
    }

    /// The longest line kept, in bytes; the rest of a longer one is skipped as it is read.
    static let maximumLineBytes = FileLineSource.maximumLineBytes

    /// Set while the rest of a line over the cap is being skipped.
    nonisolated(unsafe) static var lineOverflowed = false

    /// Ends the read with the line's first bytes, one over the cap, so the caller turns it away; the
    /// rest of the line still waiting on the terminal, up to its newline, is skipped.
    static func endOverlongLine() {
        let kept =
            rl_line_buffer.map {
                Array(UnsafeRawBufferPointer(start: $0, count: Int(min(rl_end, Int32(maximumLineBytes + 1)))))
            } ?? []
        rl_free_line_state()
        rl_callback_sigcleanup()
        rl_callback_handler_remove()
        fputs("\n", stdout)
        var byte: UInt8 = 0
        var watched = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        while poll(&watched, 1, 0) > 0, read(STDIN_FILENO, &byte, 1) == 1, byte != 0x0A, byte != 0x0D {}
        lineOverflowed = false
        outcome = .line(kept)
    }

    /// Readline needs a UTF-8 character type to move and delete by whole syllables: the user's locale if it is one,
    /// else C.UTF-8. Only LC_CTYPE is set, so that number formatting elsewhere keeps the C locale.
    static func useUTF8Locale() {
        guard setlocale(LC_CTYPE, "") == nil || !codesetIsUTF8 else { return }
        _ = setlocale(LC_CTYPE, "C.UTF-8")
        // Readline sets LC_CTYPE again from LC_ALL, LC_CTYPE or LANG each time it starts a line, so the environment
        // has to name the fallback too. This runs once, before the first line is read.
        if let all = getenv("LC_ALL"), all.pointee != 0 { setenv("LC_ALL", "C.UTF-8", 1) }
        setenv("LC_CTYPE", "C.UTF-8", 1)
    }

    static var codesetIsUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        return ["UTF-8", "utf8"].contains(String(cString: codeset))
    }

    /// Reads one line with `history` as what Up recalls; nil at the end of input.
    static func readLine(
        prompt: String, completer: LineCompleter?, history: [String], timeout: TimeInterval? = nil
    ) -> [UInt8]? {
        let deadline = timeout.map { DispatchTime.now().uptimeNanoseconds + UInt64(max(0, min($0, 86_400)) * 1e9) }
        self.completer = completer
        outcome = .waiting
        loadHistory(history)
        _ = drainSignals()
        rl_reset_screen_size()
        let previous = installSignalHandlers()
        defer { restoreSignalHandlers(previous) }
        fflush(stdout)
        rl_callback_handler_install(prompt, acceptLine)
        while case .waiting = outcome {
            var watched = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: signalPipe.read, events: Int16(POLLIN), revents: 0),
            ]
            var wait: Int32 = -1
            if let deadline {
                let now = DispatchTime.now().uptimeNanoseconds
                guard now < deadline else {
                    giveUpLine(prompt: prompt)
                    break
                }
                wait = Int32(min(1_000, (deadline - now) / 1_000_000 + 1))
            }
            let ready = poll(&watched, nfds_t(watched.count), wait)
            if ready < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                abandonLine()
                break
            }
            if ready == 0 { continue }
            if watched[1].revents != 0 {
                for signal in drainSignals() {
                    guard case .waiting = outcome else { break }
                    handle(signal, prompt: prompt, history: history, previous: previous)
                }
                guard case .waiting = outcome else { break }
            }
            let input = Int32(watched[0].revents)
            if input & POLLIN != 0 && !(input & POLLHUP != 0 && pendingInputBytes == 0) {
                rl_callback_read_char()
                if case .waiting = outcome, rl_end > Int32(maximumLineBytes) || lineOverflowed { endOverlongLine() }
            } else if input & (POLLHUP | POLLERR | POLLNVAL) != 0 {
                // The terminal went away: nothing more will come.
                abandonLine()
            }
        }
        fflush(stdout)
        if case .line(let bytes) = outcome { return bytes }
        return nil
    }

    /// Readline's history list mirrors `CommandHistory`; reloading it also undoes edits made to recalled lines.
    static func loadHistory(_ entries: [String]) {
        clear_history()
        for entry in entries { add_history(entry) }
    }

    static var pendingInputBytes: Int32 {
        var count: Int32 = 0
        return ioctl(STDIN_FILENO, UInt(FIONREAD), &count) == 0 ? count : 0
    }

    static func handle(_ signal: Int32, prompt: String, history: [String], previous: [Int32: sigaction]) {
        switch signal {
        case interrupt:
            rl_free_line_state()
            rl_callback_sigcleanup()
            rl_echo_signal_char(SIGINT)
            rl_cleanup_after_signal()
            rl_callback_handler_remove()
            fputs("\n", stdout)
            loadHistory(history)
            rl_callback_handler_install(prompt, acceptLine)
        case resize:
            rl_resize_terminal()
        case suspend:
            rl_cleanup_after_signal()
            fflush(stdout)
            redeliver(signal, previous: previous)
            rl_reset_after_signal()
            rl_reset_screen_size()
            _ = rl_forced_update_display()
        default:
            abandonLine()
            redeliver(signal, previous: previous)
        }
    }

    /// Ends the read as the end of input, putting the terminal back as it was.
    static func abandonLine() {
        rl_free_line_state()
        rl_callback_sigcleanup()
        rl_cleanup_after_signal()
        rl_callback_handler_remove()
        fputs("\n", stdout)
        outcome = .end
    }

    /// Ends a timed read whose time ran out: the line typed so far is dropped and the prompt rubbed out,
    /// so the next prompt is drawn in its place.
    static func giveUpLine(prompt: String) {
        let width = TextWrap.columns(prompt) + Int(max(0, rl_end))
        rl_free_line_state()
        rl_callback_sigcleanup()
        rl_callback_handler_remove()
        fputs("\r" + String(repeating: " ", count: width) + "\r", stdout)
        outcome = .timedOut
    }

    /// Raises `signal` again under the handler the process had before, then takes it back over.
    static func redeliver(_ signal: Int32, previous: [Int32: sigaction]) {
        guard var original = previous[signal] else { return }
        var ours = sigaction()
        _ = sigaction(signal, &original, &ours)
        _ = raise(signal)
        _ = sigaction(signal, &ours, nil)
    }

    /// The signals reported since the last call, oldest first.
    static func drainSignals() -> [Int32] {
        var signals: [Int32] = []
        var byte: UInt8 = 0
        while read(signalPipe.read, &byte, 1) == 1 { signals.append(Int32(byte)) }
        return signals
    }

    /// Installs `reportSignal` for the signals a read handles, returning the handlers it replaced.
    static func installSignalHandlers() -> [Int32: sigaction] {
        var replaced: [Int32: sigaction] = [:]
        for signal in [interrupt, resize, suspend] + fatal {
            var current = sigaction()
            _ = sigaction(signal, nil, &current)
            let isIgnored =
                current.sa_flags & SA_SIGINFO == 0
                && current.__sigaction_handler.sa_handler.map { unsafeBitCast($0, to: Int.self) } == 1
            // An ignored SIGHUP (nohup) or SIGTSTP (no job control) stays ignored; Ctrl-C and resizing are always ours.
            guard !isIgnored || signal == interrupt || signal == resize else { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = reportSignal
            sigemptyset(&action.sa_mask)
            // No SA_RESTART: poll returns early with EINTR as well as seeing the byte on the pipe.
            action.sa_flags = 0
            _ = sigaction(signal, &action, &current)
            replaced[signal] = current
        }
        return replaced
    }

    static func restoreSignalHandlers(_ handlers: [Int32: sigaction]) {
        for (signal, handler) in handlers {
            var handler = handler
            _ = sigaction(signal, &handler, nil)
        }
    }
}

/// Called by readline with a finished line, or with NULL at the end of input (Ctrl-D on an empty line).
private func acceptLine(_ line: UnsafeMutablePointer<CChar>?) {
    if let line {
        ReadlineSession.outcome = .line(Array(UnsafeRawBufferPointer(start: line, count: strlen(line))))
        free(line)
    } else {
        fputs("\n", stdout)
        ReadlineSession.outcome = .end
    }
    // Removing the handler here stops readline from showing the prompt again before the caller answers.
    rl_callback_handler_remove()
}

/// Called by readline on Tab with the word before the cursor and its byte offsets in `rl_line_buffer`.
private func attemptCompletion(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    // Never fall back to completing file names.
    rl_attempted_completion_over = 1
    guard let completer = ReadlineSession.completer, let text, let buffer = rl_line_buffer else { return nil }
    let preceding = String(decoding: UnsafeRawBufferPointer(start: buffer, count: Int(max(0, start))), as: UTF8.self)
    let word = String(decoding: UnsafeRawBufferPointer(start: text, count: strlen(text)), as: UTF8.self)
    ReadlineSession.matches = completer.completions(of: word, after: preceding)
    return rl_completion_matches(text, nextCompletion)
}

/// Bound to the start of a bracketed paste: reads the pasted text up to its end marker, inserting no
/// more than one byte past the cap into the line (readline's own paste would hold a 100 MB paste whole).
private func cappedPaste(_ count: Int32, _ key: Int32) -> Int32 {
    let end: [UInt8] = [
        0x1B, UInt8(ascii: "["), UInt8(ascii: "2"), UInt8(ascii: "0"), UInt8(ascii: "1"), UInt8(ascii: "~"),
    ]
    // The last bytes read, which may be the start of the end marker; older ones are text.
    var recent: [UInt8] = []
    var kept: [UInt8] = []
    let room = max(0, ReadlineSession.maximumLineBytes + 1 - Int(rl_end))
    func keep(_ byte: UInt8) {
        if kept.count < room { kept.append(byte) } else { ReadlineSession.lineOverflowed = true }
    }
    while true {
        let next = rl_read_key()
        guard next >= 0 else {
            recent.forEach(keep)
            break
        }
        recent.append(UInt8(truncatingIfNeeded: next))
        if recent == end { break }
        if recent.count == end.count { keep(recent.removeFirst()) }
    }
    kept.removeAll { $0 == 0 }
    kept.append(0)
    kept.withUnsafeBufferPointer { buffer in
        buffer.baseAddress.map { _ = rl_insert_text(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
    return 0
}

/// Hands readline the matches one by one, as copies it frees.
private func nextCompletion(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    if state == 0 { ReadlineSession.nextMatch = 0 }
    guard ReadlineSession.nextMatch < ReadlineSession.matches.count else { return nil }
    defer { ReadlineSession.nextMatch += 1 }
    return strdup(ReadlineSession.matches[ReadlineSession.nextMatch])
}

/// The signal handler: writes the signal number to the pipe the read loop polls, which is async-signal-safe.
private func reportSignal(_ signal: Int32) {
    let savedErrno = errno
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(ReadlineSession.signalPipe.write, &byte, 1)
    errno = savedErrno
}
