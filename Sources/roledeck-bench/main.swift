import Foundation
import RoledeckCore

// Benchmarks that print figures. Run in a release build:
//   swift run -c release roledeck-bench [generate] [store] [stats] [--iterations N] [--catalog FILE]
//     generate: [--scales 1,10,100] (the catalog repeated that many times)
//     store: [--cards N] [--reviews-per-card N] [--answers N] [--python-sample N]
//     stats: [--cards N] [--reviews N] [--days N] [--seed N]
//   swift run -c release roledeck-bench stats --cards 287 --reviews 400 --days 7 --write DIR  (a demo Progress folder)

var arguments = Array(CommandLine.arguments.dropFirst())
var iterations = 50
var catalogFile: String?
var benchmarks: [String] = []
var scales = [1, 10, 100]
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
    case "--scales":
        let values = (arguments.first ?? "").split(separator: ",").compactMap { Int($0) }
        guard !values.isEmpty, values.allSatisfy({ $0 > 0 }) else {
            FileHandle.standardError.write(
                Data("roledeck-bench: error: --scales needs positive numbers separated by commas (1,10,100)\n".utf8))
            exit(64)
        }
        scales = values
        arguments.removeFirst()
    case "--catalog":
        catalogFile = arguments.isEmpty ? nil : arguments.removeFirst()
    case "--cards":
        store.cards = count(after: argument)
        statsOptions.cards = store.cards
    case "--reviews-per-card": store.reviewsPerCard = count(after: argument)
    case "--answers": store.answers = count(after: argument)
    case "--python-sample": store.pythonSample = count(after: argument)
    case "--reviews": statsOptions.reviews = count(after: argument)
    case "--days": statsOptions.days = count(after: argument)
    case "--seed": statsOptions.seed = UInt64(count(after: argument))
    case "--write":
        statsOptions.write = arguments.isEmpty ? nil : arguments.removeFirst()
    case "--end":
        statsOptions.end = arguments.isEmpty ? nil : arguments.removeFirst()
    case "generate", "store", "stats":
        benchmarks.append(argument)
    default:
        FileHandle.standardError.write(
            Data(
                "roledeck-bench: error: unknown argument '\(argument)'; try: generate, store or stats (see the comment at the top of main.swift)\n"
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
        default: try benchmarkGenerate(catalogFile: catalogFile, iterations: iterations, scales: scales)
        }
    }
} catch {
    FileHandle.standardError.write(
        Data("roledeck-bench: error: \((error as? LocalizedError)?.errorDescription ?? "\(error)")\n".utf8))
    exit(1)
}
