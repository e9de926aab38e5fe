import Foundation
import RoledeckCore

// Benchmarks that print figures. Run in a release build:
//   swift run -c release roledeck-bench [generate] [store] [stats] [--iterations N] [--catalog FILE]
//     store: [--cards N] [--reviews-per-card N] [--answers N] [--python-sample N]
//     stats: [--cards N] [--reviews N] [--days N] [--seed N]
//   swift run -c release roledeck-bench stats --cards 287 --reviews 400 --days 7 --write DIR  (a demo Progress folder)
//   swift run -c release roledeck-bench session [--cards N] [--reviews N] [--answers N] [--launches N]
//     [--data DIR] [--binary PATH]   the real binary on a large collection (made once in DIR)

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
var statsOptions = StatsBenchmarkOptions()
var session = SessionBenchmark(scriptsFolder: store.scriptsFolder)
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
    case "--cards":
        store.cards = count(after: argument)
        statsOptions.cards = store.cards
        session.cards = store.cards
    case "--reviews-per-card": store.reviewsPerCard = count(after: argument)
    case "--answers":
        store.answers = count(after: argument)
        session.answers = store.answers
    case "--launches": session.launches = count(after: argument)
    case "--data": session.data = arguments.isEmpty ? nil : arguments.removeFirst()
    case "--binary": session.binary = arguments.isEmpty ? nil : arguments.removeFirst()
    case "--python-sample":
        store.pythonSample = count(after: argument)
        session.pythonSample = store.pythonSample
    case "--reviews":
        statsOptions.reviews = count(after: argument)
        session.reviews = statsOptions.reviews
    case "--days": statsOptions.days = count(after: argument)
    case "--seed": statsOptions.seed = UInt64(count(after: argument))
    case "--write":
        statsOptions.write = arguments.isEmpty ? nil : arguments.removeFirst()
    case "--end":
        statsOptions.end = arguments.isEmpty ? nil : arguments.removeFirst()
    case "generate", "store", "stats", "session":
        benchmarks.append(argument)
    default:
        FileHandle.standardError.write(
            Data(
                "roledeck-bench: error: unknown argument '\(argument)'; try: generate, store, stats or session (see the comment at the top of main.swift)\n"
                    .utf8))
        exit(64)
    }
}
if benchmarks.isEmpty { benchmarks = ["generate"] }
do {
    for benchmark in benchmarks {
        switch benchmark {
        case "store": try store.run()
        case "stats": try benchmarkStats(statsOptions, iterations: iterations)
        case "session": try session.run()
        default: try benchmarkGenerate(catalogFile: catalogFile, iterations: iterations)
        }
    }
} catch {
    FileHandle.standardError.write(
        Data("roledeck-bench: error: \((error as? LocalizedError)?.errorDescription ?? "\(error)")\n".utf8))
    exit(1)
}
