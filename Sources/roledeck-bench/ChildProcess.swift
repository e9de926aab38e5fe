import Foundation
import Glibc

/// A child process with its standard input and output on pipes, read line by line with the time
/// each line arrived, and its peak memory from `wait4` when it ends: the bench drives the real
/// `roledeck` binary the way a learner's terminal does.
final class ChildProcess {
    let pid: pid_t
    private let input: Int32
    private let output: Int32
    private var buffer: [UInt8] = []
    private var inputOpen = true

    /// Starts `executable` with `arguments`; standard error goes to `errorFile` (or /dev/null).
    init(_ executable: String, _ arguments: [String], environment: [String: String] = [:], errorFile: String? = nil)
        throws
    {
        var toChild: [Int32] = [-1, -1]
        var fromChild: [Int32] = [-1, -1]
        guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else { throw BenchmarkFailure("pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], STDOUT_FILENO)
        posix_spawn_file_actions_addopen(
            &actions, STDERR_FILENO, errorFile ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        for fd in [toChild[0], toChild[1], fromChild[0], fromChild[1]] {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, nil, argv, envp)
        close(toChild[0])
        close(fromChild[1])
        guard status == 0 else {
            close(toChild[1])
            close(fromChild[0])
            throw BenchmarkFailure("cannot start \(executable): \(String(cString: strerror(status)))")
        }
        pid = child
        input = toChild[1]
        output = fromChild[0]
    }

    deinit {
        if inputOpen { close(input) }
        close(output)
    }

    /// Writes `text` and a newline to the child's standard input.
    func send(_ text: String) {
        let bytes = Array((text + "\n").utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
            if count <= 0 { return }
            written += count
        }
    }

    /// Closes the child's standard input: the end of input, as Ctrl-D.
    func closeInput() {
        guard inputOpen else { return }
        close(input)
        inputOpen = false
    }

    /// The next line of output, or nil at the end of output.
    func readLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
            buffer.append(contentsOf: chunk[..<count])
        }
    }

    /// Reads lines until one satisfies `matches`; nil when the output ends first.
    func readUntil(_ matches: (String) -> Bool) -> String? {
        while let line = readLine() {
            if matches(line) { return line }
        }
        return nil
    }

    /// Waits for the child; returns its exit status and peak resident memory in megabytes.
    func wait() -> (status: Int32, peak: Int) {
        let (status, kilobytes) = finish()
        return (status, kilobytes / 1024)
    }

    /// Waits for the child with its input closed and its output read to the end; returns its wait
    /// status and peak resident memory in kilobytes.
    private func finish() -> (status: Int32, peakKilobytes: Int) {
        closeInput()
        while readLine() != nil {}
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        return (status, usage.ru_maxrss)
    }

    /// A run to the end, with its exit code, wall time and peak resident memory.
    struct Result {
        var status: Int32
        var seconds: Double
        var peakKilobytes: Int
    }

    /// Runs `executable` to its end with no input, its output read and dropped.
    static func run(_ executable: URL, _ arguments: [String]) throws -> Result {
        let start = monotonicNanoseconds()
        let child = try ChildProcess(executable.path, arguments)
        let (status, peak) = child.finish()
        let elapsed = Double(monotonicNanoseconds() - start) / 1_000_000_000
        return Result(status: (status >> 8) & 0xFF, seconds: elapsed, peakKilobytes: peak)
    }
}

/// Monotonic nanoseconds.
func monotonicNanoseconds() -> UInt64 {
    DispatchTime.now().uptimeNanoseconds
}
