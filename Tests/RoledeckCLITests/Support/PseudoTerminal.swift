import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A program running in a pseudo-terminal, driven by a test the way a person at a keyboard drives it.
///
/// The program gets a new session whose controlling terminal is the pty, so Ctrl-C raises SIGINT as it does for a
/// person. Typical use:
///
///     let terminal = try PseudoTerminal(executable: Binary.product("roledeck"), arguments: ["study"])
///     try terminal.waitFor("> ")
///     try terminal.send("데이터" + PseudoTerminal.Key.enter)
///     try terminal.waitFor("정답")
///     try terminal.endOfInput()
///     #expect(try terminal.waitForExit() == .exited(0))
///
/// `waitFor` reads the output with escape sequences removed and moves past each match, so successive calls
/// follow the conversation; `output` and `plainOutput` hold everything so far. Linux only.
final class PseudoTerminal {
    /// How the program ended.
    enum Termination: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signaled(Int32)

        var description: String {
            switch self {
            case .exited(let status): "exited with status \(status)"
            case .signaled(let signal): "killed by signal \(signal)"
            }
        }
    }

    /// Why a step failed, with the output so far to show in the test report.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// What keys send, as a terminal in its usual modes sends them.
    enum Key {
        static let enter = "\r"
        static let tab = "\t"
        static let backspace = "\u{7F}"
        static let up = "\u{1B}[A"
        static let down = "\u{1B}[B"
        static let left = "\u{1B}[D"
        static let right = "\u{1B}[C"
        static let ctrlC = "\u{03}"
        static let ctrlD = "\u{04}"
    }

    /// What every program gets unless `environment` overrides it: a dumb terminal (no bracketed paste, no colour),
    /// UTF-8, and no user or system inputrc.
    static let baseEnvironment: [String: String] = [
        "TERM": "dumb",
        "LANG": "C.UTF-8",
        "INPUTRC": "/dev/null",
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
    ]

    /// The program's process id.
    let processID: pid_t
    private let master: Int32
    /// Every byte the program wrote, escapes included.
    private(set) var rawOutput: [UInt8] = []
    private var plainBytes: [UInt8] = []
    private var stripper = EscapeStripper()
    /// Where the next `waitFor` starts looking in `plainBytes`.
    private var cursor = 0
    private var outputClosed = false
    private var termination: Termination?

    /// Starts `executable` with `arguments` in a new pty of the given size.
    ///
    /// The environment is `baseEnvironment` with `environment` laid over it; nothing else is inherited.
    init(
        executable: URL, arguments: [String] = [], environment: [String: String] = [:],
        currentDirectory: URL? = nil, columns: UInt16 = 200, rows: UInt16 = 50
    ) throws {
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else {
            throw Failure(description: "cannot open /dev/ptmx: \(String(cString: strerror(errno)))")
        }
        do {
            let slavePath = try Self.preparePeer(of: master)
            // Non-blocking, so a write the program is not reading yet cannot stall the test.
            _ = fcntl(master, F_SETFL, O_NONBLOCK)
            var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
            _ = ioctl(master, UInt(TIOCSWINSZ), &size)
            var environment = Self.baseEnvironment.merging(environment) { $1 }
            environment["PWD"] = currentDirectory?.path ?? environment["PWD"]
            processID = try Self.spawn(
                executable.path, arguments: [executable.lastPathComponent] + arguments,
                environment: environment.map { "\($0.key)=\($0.value)" }, terminal: slavePath,
                currentDirectory: currentDirectory?.path)
        } catch {
            close(master)
            throw error
        }
    }

    deinit {
        if termination == nil {
            kill(processID, SIGKILL)
            var status: Int32 = 0
            while waitpid(processID, &status, 0) < 0 && errno == EINTR {}
        }
        close(master)
    }

    // MARK: Typing

    /// Types `text` in one write.
    func send(_ text: String) throws {
        try send(bytes: Array(text.utf8))
    }

    /// Writes raw bytes, such as invalid UTF-8, in one write.
    func send(bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {
                    // The program is not reading yet: keep its output flowing so it is not blocked either.
                    try pump(for: .milliseconds(10))
                    continue
                }
                throw Failure(description: "cannot write to the terminal: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// Presses Ctrl-C in a write of its own. The terminal discards input the program has not read yet, so wait for
    /// the echo of what was typed before.
    func interrupt() throws {
        try send(Key.ctrlC)
    }

    /// Presses Ctrl-D, which ends the input on an empty line.
    func endOfInput() throws {
        try send(Key.ctrlD)
    }

    /// Sends SIGWINCH after changing the terminal's size, as a window manager does.
    func resize(columns: UInt16, rows: UInt16) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    // MARK: Reading

    /// Everything the program wrote so far, decoded with invalid UTF-8 replaced.
    var output: String {
        String(decoding: rawOutput, as: UTF8.self)
    }

    /// Everything the program wrote so far without ANSI escape sequences; `\r`, `\n` and `\b` are kept.
    var plainOutput: String {
        String(decoding: plainBytes, as: UTF8.self)
    }

    /// The plain output not yet passed by `waitFor`.
    var unreadOutput: String {
        String(decoding: plainBytes[cursor...], as: UTF8.self)
    }

    /// Waits until the plain output after the previous match holds `text`, and returns that output through the
    /// match; throws with the output so far if the program ends or `timeout` passes first.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(10)) throws -> String {
        let needle = Array(text.utf8)
        let deadline = ContinuousClock.now + timeout
        while true {
            if let range = firstRange(of: needle, from: cursor) {
                let passed = String(decoding: plainBytes[cursor..<range.upperBound], as: UTF8.self)
                cursor = range.upperBound
                return passed
            }
            let now = ContinuousClock.now
            if outputClosed || now >= deadline {
                let reason = outputClosed ? "the program ended" : "\(timeout) passed"
                throw Failure(
                    description: "\(reason) before it printed \(text.debugDescription); after the last match it "
                        + "printed \(unreadOutput.debugDescription); all output: \(plainOutput.debugDescription)")
            }
            try pump(for: deadline - now)
        }
    }

    /// Waits for the program to end, reading its output meanwhile; kills it if `timeout` passes first.
    func waitForExit(timeout: Duration = .seconds(10)) throws -> Termination {
        if let termination {
            while !outputClosed, (try? pump(for: .milliseconds(50))) ?? false {}
            return termination
        }
        let deadline = ContinuousClock.now + timeout
        while true {
            var status: Int32 = 0
            let reaped = waitpid(processID, &status, WNOHANG)
            if reaped == processID {
                // Output written just before the end is still in the pty.
                while !outputClosed, (try? pump(for: .milliseconds(50))) ?? false {}
                let ended = Self.termination(from: status)
                termination = ended
                return ended
            }
            if reaped < 0 && errno != EINTR {
                throw Failure(description: "waitpid failed: \(String(cString: strerror(errno)))")
            }
            let now = ContinuousClock.now
            if now >= deadline {
                kill(processID, SIGKILL)
                throw Failure(
                    description: "the program did not end within \(timeout); output: \(plainOutput.debugDescription)")
            }
            try pump(for: min(.milliseconds(50), deadline - now))
        }
    }

    /// Whether the program is still running; once it has ended, `waitForExit` returns at once.
    var isRunning: Bool {
        guard termination == nil else { return false }
        var status: Int32 = 0
        guard waitpid(processID, &status, WNOHANG) == processID else { return true }
        termination = Self.termination(from: status)
        return false
    }

    /// Reads whatever output arrives within `duration`; returns whether anything did.
    @discardableResult
    private func pump(for duration: Duration) throws -> Bool {
        guard !outputClosed else { return false }
        let (seconds, attoseconds) = duration.components
        let milliseconds = Int32(clamping: max(0, seconds * 1000 + attoseconds / 1_000_000_000_000_000))
        var watched = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&watched, 1, milliseconds)
        if ready < 0 {
            if errno == EINTR { return false }
            throw Failure(description: "poll failed: \(String(cString: strerror(errno)))")
        }
        guard ready > 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        guard count > 0 else {
            // EIO: every copy of the other end is closed, so the program has ended.
            if count == 0 || (errno != EINTR && errno != EAGAIN) { outputClosed = true }
            return false
        }
        rawOutput.append(contentsOf: chunk[..<count])
        plainBytes.append(contentsOf: stripper.feed(chunk[..<count]))
        return true
    }

    private func firstRange(of needle: [UInt8], from start: Int) -> Range<Int>? {
        guard !needle.isEmpty else { return start..<start }
        guard plainBytes.count - start >= needle.count else { return nil }
        for index in start...(plainBytes.count - needle.count)
        where plainBytes[index] == needle[0] && plainBytes[index..<index + needle.count].elementsEqual(needle) {
            return index..<index + needle.count
        }
        return nil
    }

    // MARK: Escapes

    /// The text without ANSI escape sequences (CSI such as colours and cursor moves, OSC titles, two-byte escapes).
    static func strippingEscapes(_ text: String) -> String {
        var stripper = EscapeStripper()
        return String(decoding: stripper.feed(Array(text.utf8)[...]), as: UTF8.self)
    }

    /// Removes escape sequences from a byte stream that may split them between reads.
    struct EscapeStripper {
        private enum State {
            case text, escape, csi, osc, oscEscape, charset
        }
        private var state = State.text

        mutating func feed(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
            var kept: [UInt8] = []
            kept.reserveCapacity(bytes.count)
            for byte in bytes {
                switch state {
                case .text:
                    if byte == 0x1B { state = .escape } else { kept.append(byte) }
                case .escape:
                    switch byte {
                    case UInt8(ascii: "["): state = .csi
                    case UInt8(ascii: "]"): state = .osc
                    case UInt8(ascii: "("), UInt8(ascii: ")"): state = .charset
                    default: state = .text
                    }
                case .csi:
                    if (0x40...0x7E).contains(byte) { state = .text }
                case .osc:
                    if byte == 0x07 { state = .text } else if byte == 0x1B { state = .oscEscape }
                case .oscEscape, .charset:
                    state = .text
                }
            }
            return kept
        }
    }

    // MARK: Starting

    /// Unlocks the pty's other end and returns its path.
    private static func preparePeer(of master: Int32) throws -> String {
        // grantpt, unlockpt and ptsname_r need _XOPEN_SOURCE or _GNU_SOURCE, which Swift's Glibc module lacks.
        typealias Unlock = @convention(c) (Int32) -> Int32
        typealias Name = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32
        guard let grant = glibcFunction("grantpt", as: Unlock.self),
            let unlock = glibcFunction("unlockpt", as: Unlock.self),
            let name = glibcFunction("ptsname_r", as: Name.self)
        else { throw Failure(description: "this C library has no grantpt, unlockpt or ptsname_r") }
        var path = [CChar](repeating: 0, count: 128)
        guard grant(master) == 0, unlock(master) == 0, name(master, &path, path.count) == 0 else {
            throw Failure(description: "cannot set up the pty: \(String(cString: strerror(errno)))")
        }
        return String(decoding: path.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func spawn(
        _ path: String, arguments: [String], environment: [String], terminal: String, currentDirectory: String?
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid(), the pty becomes the new session's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, terminal, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32
        typealias ChangeDirectory =
            @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?) -> Int32
        // Other tests' pipes must not leak into the program, or their readers would wait for it to end.
        if let closeFrom = glibcFunction("posix_spawn_file_actions_addclosefrom_np", as: CloseFrom.self) {
            _ = closeFrom(&actions, 3)
        }
        if let currentDirectory {
            guard let changeDirectory = glibcFunction("posix_spawn_file_actions_addchdir_np", as: ChangeDirectory.self)
            else { throw Failure(description: "this C library cannot set the directory of a spawned program") }
            _ = changeDirectory(&actions, currentDirectory)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // POSIX_SPAWN_SETSID is 0x80 in glibc; the constant needs _GNU_SOURCE.
        let setSession: Int32 = 0x80
        _ = posix_spawnattr_setflags(
            &attributes, Int16(setSession | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        _ = posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGTSTP, SIGPIPE, SIGWINCH, SIGCHLD] {
            sigaddset(&defaults, signal)
        }
        _ = posix_spawnattr_setsigdefault(&attributes, &defaults)

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw Failure(description: "cannot start \(path): \(String(cString: strerror(result)))")
        }
        return pid
    }

    private static func glibcFunction<Function>(_ name: String, as type: Function.Type) -> Function? {
        guard let address = dlsym(nil, name) else { return nil }
        return unsafeBitCast(address, to: type)
    }

    private static func termination(from status: Int32) -> Termination {
        // WIFEXITED and friends are macros Swift does not import.
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
    }
}
