import Foundation
import RoledeckREPL

// Usage: readline-echo [history-file]
// Prints `got: <line>` for every line and `bye` at the end of input. After the line `answer` it reads one line
// as an answer (no completion, no history) and prints `answer: <line>`.
let historyURL = CommandLine.arguments.dropFirst().first.map { URL(fileURLWithPath: $0) }
let completer = LineCompleter.commands(
    ["answer", "help", "quit", "stats", "study"],
    arguments: ["study": ["데이터", "데이터엔지니어링", "보안", "MLOps"], "stats": ["데이터", "보안"]])
var reader = TerminalIO.makeLineReader(historyURL: historyURL, completer: completer)
while let line = reader.readLine(prompt: "> ") {
    print("got: \(line)")
    if line == "answer" {
        print("answer: \(reader.readLine(prompt: "? ", kind: .answer) ?? "(end)")")
    }
}
print("bye")
