import ArgumentParser
import Foundation
import RoledeckCore

/// `roledeck replay`: recomputes card states from review histories given as JSON lines on stdin.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay review histories (JSON lines on stdin) through FSRS-6; print each card's results.",
        discussion: """
            Input: a line with "reviews" is a card ({"card_id": 1, "reviews": [{"rating": 3, "time": "…"}]});
            a line without it sets defaults (parameters, desired_retention, learning_steps, relearning_steps,
            maximum_interval, enable_fuzzing, seed) for the cards after it. Output: one JSON line per card,
            in py-fsrs's day convention. Example: roledeck replay < history.jsonl
            """)

    mutating func run() throws {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("standard input is not valid UTF-8.")
        }
        var buffer = Data()
        let errors = Replay.run(text) { line in
            buffer.append(contentsOf: line.utf8)
            buffer.append(0x0A)
            if buffer.count >= 1 << 16 {
                FileHandle.standardOutput.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        FileHandle.standardOutput.write(buffer)
        for error in errors {
            FileHandle.standardError.write(
                Data("roledeck: error: stdin: \(error.errorDescription ?? "\(error)")\n".utf8))
        }
        if !errors.isEmpty { throw CommandFailure(code: 1) }
    }
}
