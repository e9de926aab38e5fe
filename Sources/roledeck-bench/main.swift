import Foundation
import RoledeckCore

// Benchmarks that print figures. Run in a release build:
//   swift run -c release roledeck-bench [generate] [--iterations N] [--catalog FILE]
//   swift run -c release roledeck-bench stats [--cards N] [--reviews N] [--days N] [--seed N] [--iterations N]
//   swift run -c release roledeck-bench stats --cards 287 --reviews 400 --days 7 --write DIR  (a demo Progress folder)

/// Times `body` over `iterations` runs and returns the durations in milliseconds, sorted.
func measure(iterations: Int, _ body: () throws -> Void) rethrows -> [Double] {
    var times: [Double] = []
    times.reserveCapacity(iterations)
    for _ in 0..<iterations {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
    return times.sorted()
}

func summary(_ label: String, _ times: [Double]) -> String {
    func at(_ q: Double) -> Double { times[min(times.count - 1, Int(Double(times.count) * q))] }
    return String(
        format: "%@: min %.3f ms · median %.3f ms · p90 %.3f ms · max %.3f ms (%d runs)", label, times[0], at(0.5),
        at(0.9), times[times.count - 1], times.count)
}

func benchmarkGenerate(catalogFile: String?, iterations: Int) throws {
    let data = try catalogFile.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } ?? ShippedCatalog.data
    let source = catalogFile.map { URL(fileURLWithPath: $0).lastPathComponent } ?? ShippedCatalog.fileName
    var cards = 0
    var bytes = 0
    let parse = try measure(iterations: iterations) { _ = try CatalogParser.parse(data: data, source: source) }
    let catalog = try CatalogParser.parse(data: data, source: source)
    let generate = measure(iterations: iterations) {
        cards = DeckGenerator(catalog: catalog).decks().reduce(0) { $0 + $1.cards.count }
    }
    let all = try measure(iterations: iterations) {
        let catalog = try CatalogParser.parse(data: data, source: source)
        bytes = DeckGenerator(catalog: catalog).decks().map(DeckFile.encode).reduce(0) { $0 + $1.count }
    }
    print(
        "generate: \(source), \(catalog.domains.count) domains, \(catalog.roles.count) roles -> \(cards) cards, \(bytes) bytes of JSON"
    )
    print(summary("  parse catalog          ", parse))
    print(summary("  generate decks         ", generate))
    print(summary("  parse+generate+encode  ", all))
    print("  target: parse+generate+encode well under 100 ms (release build)")
}

var arguments = Array(CommandLine.arguments.dropFirst())
var iterations = 50
var catalogFile: String?
var benchmarks: [String] = []
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
    case "--catalog":
        catalogFile = arguments.isEmpty ? nil : arguments.removeFirst()
    case "--cards", "--reviews", "--days", "--seed":
        guard let value = arguments.first.flatMap(Int.init), value > 0 else {
            FileHandle.standardError.write(Data("roledeck-bench: error: \(argument) needs a positive number\n".utf8))
            exit(64)
        }
        arguments.removeFirst()
        switch argument {
        case "--cards": statsOptions.cards = value
        case "--reviews": statsOptions.reviews = value
        case "--days": statsOptions.days = value
        default: statsOptions.seed = UInt64(value)
        }
    case "--write":
        statsOptions.write = arguments.isEmpty ? nil : arguments.removeFirst()
    case "--end":
        statsOptions.end = arguments.isEmpty ? nil : arguments.removeFirst()
    case "generate", "stats":
        benchmarks.append(argument)
    default:
        FileHandle.standardError.write(
            Data(
                "roledeck-bench: error: unknown argument '\(argument)'; try: generate [--iterations N] [--catalog FILE] | stats [--cards N] [--reviews N] [--days N] [--seed N] [--write DIR] [--end TIME]\n"
                    .utf8))
        exit(64)
    }
}
if benchmarks.isEmpty { benchmarks = ["generate"] }
do {
    for benchmark in benchmarks {
        if benchmark == "generate" { try benchmarkGenerate(catalogFile: catalogFile, iterations: iterations) }
        if benchmark == "stats" { try benchmarkStats(statsOptions, iterations: iterations) }
    }
} catch {
    FileHandle.standardError.write(
        Data("roledeck-bench: error: \((error as? LocalizedError)?.errorDescription ?? "\(error)")\n".utf8))
    exit(1)
}
