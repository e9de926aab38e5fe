import Foundation
import RoledeckCore

// Benchmarks that print figures. Run in a release build:
//   swift run -c release roledeck-bench [generate] [store] [--iterations N] [--catalog FILE]
//     [--cards N] [--reviews-per-card N] [--answers N] [--python-sample N]

var arguments = Array(CommandLine.arguments.dropFirst())
var iterations = 50
var catalogFile: String?
var benchmarks: [String] = []
var store = StoreBenchmark(
    cards: 100_000, reviewsPerCard: 10, answers: 1000, pythonSample: 2000,
    scriptsFolder: URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("bench"))

/// The positive number after an option, or a usage error.
@MainActor func count(after option: String) -> Int {
    guard let value = arguments.first.flatMap(Int.init), value > 0 else {
        FileHandle.standardError.write(Data("roledeck-bench: error: \(option) needs a positive number\n".utf8))
        exit(64)
    }
    arguments.removeFirst()
    return value
}
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--iterations":
        guard let value = arguments.first.flatMap(Int.init), value > 0 else {
            FileHandle.standardError.write(Data("roledeck-bench: error: --iterations needs a positive number\n".utf8))
            exit(64)
        }
        iterations = value
        arguments.removeFirst()
    case "--catalog":
        catalogFile = arguments.isEmpty ? nil : arguments.removeFirst()
    case "--cards": store.cards = count(after: argument)
    case "--reviews-per-card": store.reviewsPerCard = count(after: argument)
    case "--answers": store.answers = count(after: argument)
    case "--python-sample": store.pythonSample = count(after: argument)
    case "generate", "store":
        benchmarks.append(argument)
    default:
        FileHandle.standardError.write(
            Data(
                "roledeck-bench: error: unknown argument '\(argument)'; try: generate, store [--cards N]\n"
                    .utf8))
        exit(64)
    }
}
if benchmarks.isEmpty { benchmarks = ["generate"] }
do {
    for benchmark in benchmarks {
        switch benchmark {
        case "store": try store.run()
        default: try benchmarkGenerate(catalogFile: catalogFile, iterations: iterations)
        }
    }
} catch {
    FileHandle.standardError.write(
        Data("roledeck-bench: error: \((error as? LocalizedError)?.errorDescription ?? "\(error)")\n".utf8))
    exit(1)
}
