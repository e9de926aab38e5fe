import ArgumentParser
import Foundation
import RoledeckCore
import RoledeckREPL

/// `roledeck replay`: recomputes card states from review histories given as JSON lines on stdin.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay review histories (JSON lines on stdin) through FSRS-6; print each card's results.",
        discussion: """
            Input: a line with "reviews" is a card ({"card_id": 1, "reviews": [{"rating": 3, "time": "…"}]}); \
            a line without it sets defaults (parameters, desired_retention, learning_steps, relearning_steps, \
            maximum_interval, enable_fuzzing, seed) for the cards after it. Output: one JSON line per card, \
            in py-fsrs's day convention, written as each input line is read (a line of up to 64 MB). \
            Example: roledeck replay < history.jsonl
            """)

    /// The longest input line: a card with a few hundred thousand reviews.
    static let maximumLineBytes = 64 << 20

    mutating func run() throws {
        let input = FileLineSource(fileDescriptor: STDIN_FILENO, maximumLineBytes: Self.maximumLineBytes)
        var stream = Replay.Stream()
        var number = 0
        var batch: [[UInt8]] = []
        var batchBytes = 0
        // Lines are replayed a batch at a time (cut into pieces replayed side by side); a batch ends when it is
        // large, or when no more input is waiting, so a pipe fed line by line is answered line by line.
        while let line = input.nextLine() {
            batch.append(line)
            batchBytes += line.count
            if batch.count >= 512 || batchBytes >= 1 << 20 || !input.hasBufferedLine {
                stream.process(batch, firstNumber: number + 1)
                number += batch.count
                batch.removeAll(keepingCapacity: true)
                batchBytes = 0
                stream.drain(write)
                // roledeck's own log is no replay input: say so once rather than once a line.
                if stream.readsProgressLog { break }
            }
        }
        stream.process(batch, firstNumber: number + 1)
        stream.drain(write)
        for error in stream.errors {
            FileHandle.standardError.write(
                Data("roledeck: error: stdin: \(error.errorDescription ?? "\(error)")\n".utf8))
        }
        if !stream.errors.isEmpty { throw CommandFailure(code: 1) }
    }

    private func write(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var written = 0
        while written < bytes.count {
            let count = Foundation.write(STDOUT_FILENO, base + written, bytes.count - written)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            written += count
        }
    }
}
