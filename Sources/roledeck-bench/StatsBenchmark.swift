import Foundation
import RoledeckCore
import RoledeckREPL

/// Options of `roledeck-bench stats`.
struct StatsBenchmarkOptions {
    var cards = 100_000
    var reviews = 1_000_000
    var days = 365
    var seed: UInt64 = 42
    /// Write the synthetic Progress folder here (and skip the timing when set).
    var write: String?
    /// The end of the simulated history (ISO-8601, UTC without an offset); default 2026-03-08T10:00Z.
    var end: String?
}

/// Times the statistics on a synthetic collection: from memory, and from the files on disk.
func benchmarkStats(_ options: StatsBenchmarkOptions, iterations: Int) throws {
    let end = options.end.flatMap(ISOTimestamp.parse) ?? Date(timeIntervalSince1970: 1_772_964_000)
    let made = DispatchTime.now().uptimeNanoseconds
    let collection = try SyntheticCollection.make(
        cardCount: options.cards, reviewCount: options.reviews, days: options.days, end: end, seed: options.seed)
    let setup = Double(DispatchTime.now().uptimeNanoseconds - made) / 1_000_000_000
    let reviews = collection.log.count { $0.kind == .review }
    let undos = collection.log.count { $0.kind == .undo }
    print(
        "stats: \(collection.decks.reduce(0) { $0 + $1.cards.count }) cards, \(collection.records.count) studied, "
            + "\(reviews) reviews + \(undos) undos over \(options.days) days (seed \(options.seed); simulated in "
            + String(format: "%.1f s)", setup))
    if let folder = options.write {
        try collection.write(to: URL(fileURLWithPath: folder))
        print(
            "  wrote \(folder)/cards.json and reviews.jsonl; try: roledeck stats --progress \(folder) --now \(ISOTimestamp.format(end))"
        )
        return
    }

    let settings = StudySettings()
    let days = settings.days(systemTimeZone: TimeZone(identifier: "Asia/Seoul") ?? .current)
    let history = ReviewHistory.build(collection.log, now: end, days: days)
    let input = StatsInput(
        decks: collection.decks, records: collection.records, history: history, settings: settings, days: days)
    var statistics = Statistics.compute(input)
    let runs = min(iterations, 20)
    let historyTimes = measure(iterations: runs) { _ = ReviewHistory.build(collection.log, now: end, days: days) }
    let computeTimes = measure(iterations: runs) { statistics = Statistics.compute(input) }
    var text = ""
    let renderTimes = measure(iterations: runs) { text = StatsReport.render(statistics) }
    let jsonTimes = measure(iterations: runs) { _ = StatsLoader.json(statistics) }
    let allTimes = measure(iterations: runs) {
        let history = ReviewHistory.build(collection.log, now: end, days: days)
        var input = input
        input.history = history
        text = StatsReport.render(Statistics.compute(input))
    }
    print(summary("  log records -> history     ", historyTimes))
    print(summary("  compute statistics         ", computeTimes))
    print(summary("  render report              ", renderTimes))
    print(summary("  encode JSON                ", jsonTimes))
    print(summary("  history+compute+render     ", allTimes))
    print("  target: history+compute+render under 200 ms (release build); report is \(text.utf8.count) bytes")

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roledeck-bench-stats-\(getpid())")
    defer { try? FileManager.default.removeItem(at: folder) }
    try collection.write(to: folder)
    let logBytes =
        (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(ReviewLogFile.fileName).path)[
            .size] as? Int) ?? 0
    let store = ProgressStore.openReadOnly(folder: folder)
    let cardsTimes = try measure(iterations: 1) { _ = try store.loadCards() }
    let scanTimes = try measure(iterations: 1) {
        var fold = LogFold(days: days, horizon: end)
        try store.scanLog { fold.apply($0, line: $1) }
    }
    print(summary("  read cards.json            ", cardsTimes))
    print(summary(String(format: "  scan and fold reviews.jsonl (%.0f MB)", Double(logBytes) / 1_048_576), scanTimes))

    // What `roledeck stats` does, from the files: the first run reads the whole log and writes
    // Progress/.stats-cache; later runs read the cache and only the lines added since.
    func statsFromDisk() throws -> Bool {
        let loaded = try StatsLoader.load(
            decks: collection.decks, store: store, settings: settings, days: days, filter: .all, now: end)
        text = StatsReport.render(loaded.statistics)
        return loaded.fromCache
    }
    var usedCache = true
    let cold = try measure(iterations: 1) { usedCache = try statsFromDisk() }
    guard !usedCache else { throw BenchmarkFailure("the first stats run found a cache") }
    let warm = try measure(iterations: max(3, min(iterations, 10))) { usedCache = try statsFromDisk() }
    guard usedCache else { throw BenchmarkFailure("the stats cache was not used") }
    let digestTimes = try measure(iterations: 5) { _ = try LogDigest.load(store: store, days: days, now: end) }
    print(summary("  stats from disk, first run (reads the whole log, writes the cache)", cold))
    print(summary("    of which: read the cache and the new log lines", digestTimes))
    print(summary("  stats from disk, end to end (cache + new log lines)", warm))
    print("  target: end to end under 200 ms, well under a second (release build)")
}
