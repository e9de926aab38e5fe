import Foundation
import RoledeckCore

// Benchmarks that print figures. Run in a release build:
//   swift run -c release roledeck-bench [generate] [store] [stats] [--iterations N] [--catalog FILE]
//     generate: [--scales 1,10,100] (the catalog repeated that many times)
//     store: [--cards N] [--reviews-per-card N] [--answers N] [--python-sample N]
//     stats: [--cards N] [--reviews N] [--days N] [--seed N]
//   swift run -c release roledeck-bench stats --cards 287 --reviews 400 --days 7 --write DIR  (a demo Progress folder)
//   swift run -c release roledeck-bench optimize [--revlog FILE --tz H --rollover H] [--iterations N]
//     [--scale-reviews N] [--large-reviews N]   (beside bench/optimizer_reference.py; run from the repository)
//   swift run -c release roledeck-bench session [--cards N] [--reviews N] [--answers N] [--launches N]
//     [--data DIR] [--binary PATH]   the real binary on a large collection (made once in DIR)

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
var optimizeOptions = OptimizeBenchmarkOptions()
/// The whole number after an option (which may be negative), or a usage error.
@MainActor func integer(after option: String, in range: ClosedRange<Int>) -> Int {
    guard let value = arguments.first.flatMap(Int.init), range.contains(value) else {
        FileHandle.standardError.write(
            Data(
                "roledeck-bench: error: \(option) needs a whole number from \(range.lowerBound) to \(range.upperBound)\n"
                    .utf8))
        exit(64)
    }
    arguments.removeFirst()
    return value
}
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
        optimizeOptions.runs = value
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
    case "--revlog":
        guard !arguments.isEmpty else {
            FileHandle.standardError.write(Data("roledeck-bench: error: --revlog needs a file\n".utf8))
            exit(64)
        }
        optimizeOptions.revlog = arguments.removeFirst()
    case "--tz": optimizeOptions.timeZoneHours = integer(after: argument, in: -12...14)
    case "--rollover": optimizeOptions.rolloverHour = integer(after: argument, in: 0...23)
    case "--scale-reviews": optimizeOptions.scaleReviews = count(after: argument)
    case "--large-reviews": optimizeOptions.largeReviews = count(after: argument)
    case "generate", "store", "stats", "optimize", "session":
        benchmarks.append(argument)
    default:
        FileHandle.standardError.write(
            Data(
                "roledeck-bench: error: unknown argument '\(argument)'; try: generate, store, stats, optimize or session (see the comment at the top of main.swift)\n"
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
        case "optimize": try benchmarkOptimize(optimizeOptions)
        case "session": try session.run()
        default: try benchmarkGenerate(catalogFile: catalogFile, iterations: iterations, scales: scales)
        }
    }
} catch {
    FileHandle.standardError.write(
        Data("roledeck-bench: error: \((error as? LocalizedError)?.errorDescription ?? "\(error)")\n".utf8))
    exit(1)
}
