import Foundation
import Glibc
import RoledeckCore

/// Drives the real `roledeck` binary on a large collection, as a learner would, and prints the figures
/// issue 10 sets targets for, side by side: launch to the first card (warm and cold), the answer on
/// the real path, the peak memory of a review, `roledeck replay` as a whole process, and py-fsrs.
struct SessionBenchmark {
    var cards = 100_000
    var reviews = 1_000_000
    var answers = 1000
    var launches = 5
    var pythonSample = 2000
    /// Where the collection is kept between runs (made once).
    var data: String?
    /// The binary under test; default: `roledeck` next to this benchmark.
    var binary: String?
    var scriptsFolder: URL

    static let end = Date(timeIntervalSince1970: 1_772_964_000)  // 2026-03-08T10:00Z

    func run() throws {
        let folder = URL(fileURLWithPath: data ?? FileManager.default.temporaryDirectory.path + "/roledeck-bench-data")
        let roledeck =
            binary
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
                "roledeck"
            ).path
        try prepare(folder)
        // A child started with posix_spawn shares this process's memory until it execs, and the kernel
        // counts that peak as the child's: start every child from a small, freshly reset peak.
        Memory.returnFreedMemory()
        Memory.resetPeak()
        print("  (this benchmark's own resident memory when it starts a child: \(Memory.peakMegabytes()) MB)")
        let decks = folder.appendingPathComponent("Decks").path
        let progress = folder.appendingPathComponent("Progress")
        let now = ISOTimestamp.format(Self.end)
        print("session: \(roledeck)")
        print("  collection in \(folder.path): \(describe(folder))")

        // Launch to the first card. Warm: the caches are there (a second start); cold: neither the
        // stats cache nor the deck cache is (a first start, or one after the decks changed).
        let scratch = folder.appendingPathComponent("scratch")
        try copyFolder(progress, to: scratch)
        _ = try launch(roledeck, decks: decks, progress: scratch.path, now: now)
        var warm: [Double] = []
        var warmPeak = 0
        for _ in 0..<launches {
            let result = try launch(roledeck, decks: decks, progress: scratch.path, now: now)
            warm.append(result.milliseconds)
            warmPeak = max(warmPeak, result.peak)
        }
        var cold: [Double] = []
        var coldPeak = 0
        for _ in 0..<max(1, launches / 2) {
            for cache in [LogDigest.cacheFileName, DeckFile.cacheFileName] {
                try? FileManager.default.removeItem(at: scratch.appendingPathComponent(cache))
            }
            let result = try launch(roledeck, decks: decks, progress: scratch.path, now: now)
            cold.append(result.milliseconds)
            coldPeak = max(coldPeak, result.peak)
        }
        print(summary("  launch to first card, warm", warm.sorted()) + " · peak \(warmPeak) MB")
        print(summary("  launch to first card, cold", cold.sorted()) + " · peak \(coldPeak) MB")

        // Answers on the real path: the rating line sent, until the next card is on screen.
        try copyFolder(progress, to: scratch)
        let session = try answerSession(roledeck, decks: decks, progress: scratch.path, now: now)
        let times = session.times.sorted()
        if !times.isEmpty {
            print(
                summary("  answer, real binary (rating sent -> next card shown)", times)
                    + String(format: " · p99 %.3f ms", times[min(times.count - 1, times.count * 99 / 100)]))
            // Which answers were slowest, in session order: a pause that comes back at a fixed count
            // (a checkpoint, a cache) shows as a pattern here.
            let slowest = session.times.indices.sorted { session.times[$0] > session.times[$1] }.prefix(3)
            print(
                "  slowest answers: "
                    + slowest.map { String(format: "#%d %.1f ms", $0 + 1, session.times[$0]) }.joined(separator: " · "))
        }
        print("  peak memory of a review session (\(times.count) answers): \(session.peak) MB")

        try compareReplay(roledeck, folder: folder)

        // Once, as after an upgrade: no caches and a cards.json without the fold it now carries, so the
        // whole log is read (the session's end writes the fold for the next start). Last, because
        // decoding cards.json here grows this process, and a child's peak would count it.
        let store = ProgressStore.openReadOnly(folder: scratch)
        let snapshot = try CardsFile.decodeSnapshot(try Data(contentsOf: store.cardsURL))
        try CardsFile.encode(snapshot.cards, logBytes: snapshot.logBytes).write(to: store.cardsURL)
        for cache in [LogDigest.cacheFileName, DeckFile.cacheFileName] {
            try? FileManager.default.removeItem(at: scratch.appendingPathComponent(cache))
        }
        let withoutFold = try launch(roledeck, decks: decks, progress: scratch.path, now: now)
        print(
            String(
                format: "  launch to first card, cold from a cards.json without the fold (once, after an upgrade): "
                    + "%.0f ms (peak not comparable: this process had just read cards.json)",
                withoutFold.milliseconds))
        try? FileManager.default.removeItem(at: scratch)
        print(
            "  targets: answer p50 <= 1 ms, p99 <= 5 ms; launch warm <= 0.3 s, cold <= 1.5 s; review <= 150 MB; "
                + "replay >= 1M reviews/s in <= 30 MB")
    }

    // MARK: - The collection

    /// Writes the decks, the progress folder (cards.json, reviews.jsonl, settings) and the replay input once.
    func prepare(_ folder: URL) throws {
        let marker = folder.appendingPathComponent("ready-\(cards)-\(reviews)")
        if FileManager.default.fileExists(atPath: marker.path) { return }
        try? FileManager.default.removeItem(at: folder)
        print("  making the collection: \(cards) cards, about \(reviews) reviews (once; kept in \(folder.path))")
        let collection = try SyntheticCollection.make(
            cardCount: cards, reviewCount: reviews, days: 365, end: Self.end, seed: 42)
        let decksFolder = folder.appendingPathComponent("Decks")
        for deck in collection.decks { try DeckFile.write(deck, to: decksFolder) }
        let progress = folder.appendingPathComponent("Progress")
        try collection.write(to: progress)
        // Room for a thousand answers in one frozen-clock session; days counted in UTC like the simulation.
        let settings = "{\"newCardsPerDay\": 2000, \"reviewsPerDay\": 20000, \"timeZone\": \"UTC\"}\n"
        try Data(settings.utf8).write(to: progress.appendingPathComponent("settings.json"))
        // The same reviews as replay input, one card a line, as py-fsrs users keep them.
        var byCard: [CardID: [(Rating, Date)]] = [:]
        var order: [CardID] = []
        for line in collection.log where line.kind == .review {
            guard let rating = line.rating else { continue }
            if byCard[line.cardID] == nil { order.append(line.cardID) }
            byCard[line.cardID, default: []].append((rating, line.at))
        }
        var text = ""
        for (index, id) in order.enumerated() {
            let reviews = (byCard[id] ?? []).map {
                "{\"rating\": \($0.0.rawValue), \"time\": \"\(ISOTimestamp.format($0.1))\"}"
            }
            text += "{\"card_id\": \(index + 1), \"reviews\": [\(reviews.joined(separator: ", "))]}\n"
        }
        try Data(text.utf8).write(to: folder.appendingPathComponent("replay-input.jsonl"))
        let sample = text.split(separator: "\n").prefix(pythonSample).joined(separator: "\n") + "\n"
        try Data(sample.utf8).write(to: folder.appendingPathComponent("replay-sample.jsonl"))
        let reviewCount = byCard.values.reduce(0) { $0 + $1.count }
        try Data("\(reviewCount)\n".utf8).write(to: marker)
    }

    func describe(_ folder: URL) -> String {
        func megabytes(_ path: String) -> String {
            let url = folder.appendingPathComponent(path)
            var total = 0
            if let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) {
                for name in names {
                    total +=
                        (try? FileManager.default.attributesOfItem(atPath: url.appendingPathComponent(name).path))?[
                            .size] as? Int ?? 0
                }
            } else {
                total = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int ?? 0
            }
            return String(format: "%.0f MB", Double(total) / 1_048_576)
        }
        return "decks \(megabytes("Decks")), progress \(megabytes("Progress")), replay input "
            + megabytes("replay-input.jsonl")
    }

    /// Copies a progress folder, and has the copy written out before anything is timed: a learner's log
    /// was written long ago, while a fresh copy's 360 MB are still dirty in memory, and the first answer's
    /// fsync of the log would write them all out (a quarter of a second, timed as the first answer).
    func copyFolder(_ source: URL, to target: URL) throws {
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: source, to: target)
        sync()
    }

    // MARK: - Runs

    func arguments(decks: String, progress: String, now: String) -> [String] {
        ["review", "--decks", decks, "--progress", progress, "--now", now, "--seed", "1"]
    }

    /// Starts a review and stops it at the first card; the time until the card's header is on screen.
    func launch(_ roledeck: String, decks: String, progress: String, now: String) throws -> (
        milliseconds: Double, peak: Int
    ) {
        Memory.resetPeak()
        let start = monotonicNanoseconds()
        let child = try ChildProcess(roledeck, arguments(decks: decks, progress: progress, now: now))
        guard child.readUntil({ $0.hasPrefix("[") }) != nil else {
            throw BenchmarkFailure("roledeck showed no card (status \(child.wait().status))")
        }
        let elapsed = Double(monotonicNanoseconds() - start) / 1e6
        let end = child.wait()
        return (elapsed, end.peak)
    }

    /// Answers `answers` cards: a reply each kind accepts, then the rating, timed until the next card.
    func answerSession(_ roledeck: String, decks: String, progress: String, now: String) throws -> (
        times: [Double], peak: Int
    ) {
        Memory.resetPeak()
        let child = try ChildProcess(roledeck, arguments(decks: decks, progress: progress, now: now))
        var times: [Double] = []
        var header = child.readUntil { $0.hasPrefix("[") }
        while let current = header, times.count < answers {
            child.send(Self.reply(toHeader: current))
            guard child.readUntil({ $0.hasPrefix("1 다시 ") }) != nil else { break }
            let start = monotonicNanoseconds()
            child.send("3")
            header = child.readUntil { $0.hasPrefix("[") || $0.contains("복습을") }
            guard let next = header, next.hasPrefix("[") else { break }
            times.append(Double(monotonicNanoseconds() - start) / 1e6)
        }
        let end = child.wait()
        return (times, end.peak)
    }

    /// A reply the card's kind (named at the end of its header) accepts. A card whose answer is a role
    /// or a domain has only the counter before its kind (`[3/20] 업무 → 직무`).
    static func reply(toHeader header: String) -> String {
        let kind = CardKind.allCases.first { header.hasSuffix(" · " + $0.label) || header.hasSuffix("] " + $0.label) }
        switch kind?.format {
        case .choice?: return "1"
        case .trueFalse?: return "o"
        case .typed?, .typedMany?: return "?"
        case .flashcard?, nil: return ""
        }
    }

    /// `roledeck replay` on the collection's reviews as a whole process, and py-fsrs beside the
    /// scheduler on a sample: medians of several runs each.
    func compareReplay(_ roledeck: String, folder: URL) throws {
        let input = folder.appendingPathComponent("replay-input.jsonl")
        let marker = folder.appendingPathComponent("ready-\(cards)-\(reviews)")
        let reviewCount =
            Int(
                String(decoding: try Data(contentsOf: marker), as: UTF8.self).trimmingCharacters(
                    in: .whitespacesAndNewlines)) ?? 0
        var times: [Double] = []
        var peak = 0
        for _ in 0..<3 {
            let start = monotonicNanoseconds()
            let status = try runReplay(roledeck, input: input.path, peak: &peak)
            guard status == 0 else { throw BenchmarkFailure("roledeck replay failed with status \(status)") }
            times.append(Double(monotonicNanoseconds() - start) / 1e9)
        }
        times.sort()
        let median = times[times.count / 2]
        print(
            String(
                format: "  roledeck replay, whole process, %d reviews: median %.2f s (%.0f reviews/s) · peak %d MB",
                reviewCount, median, Double(reviewCount) / median, peak))

        // py-fsrs as its users call it, with card_id, beside the same scheduler in this process.
        let sampleURL = folder.appendingPathComponent("replay-sample.jsonl")
        let sample = try String(contentsOf: sampleURL, encoding: .utf8)
        let inputs = ReplayCodec.decode(sample).compactMap { try? $0.get() }
        let sampleReviews = inputs.reduce(0) { $0 + $1.reviews.count }
        let ours = measure(iterations: 5) {
            for input in inputs { _ = Replay.replay(input) }
        }
        let ourMedian = ours[ours.count / 2] / 1000
        guard let python = runPython(sampleURL), let runs = python["seconds"] as? [Double], !runs.isEmpty else {
            print("  (py-fsrs skipped: `pip install fsrs==6.3.2` and run from the repository)")
            return
        }
        let sorted = runs.sorted()
        let pyMedian = sorted[sorted.count / 2]
        print(
            String(
                format:
                    "  py-fsrs 6.3.2, %d cards (%d reviews), median of %d runs: %.3f s (%.0f reviews/s); "
                    + "roledeck's scheduler, median of 5: %.4f s -> %.0fx",
                inputs.count, sampleReviews, runs.count, pyMedian, Double(sampleReviews) / pyMedian, ourMedian,
                pyMedian / ourMedian))
    }

    func runReplay(_ roledeck: String, input: String, peak: inout Int) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        let argv = [strdup(roledeck), strdup("replay"), nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        Memory.resetPeak()
        guard posix_spawn(&pid, roledeck, &actions, nil, argv, environ) == 0 else {
            throw BenchmarkFailure("cannot start \(roledeck)")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        peak = max(peak, usage.ru_maxrss / 1024)
        return status
    }

    func runPython(_ input: URL) -> [String: Any]? {
        let script = scriptsFolder.appendingPathComponent("pyfsrs_replay.py")
        guard FileManager.default.fileExists(atPath: script.path) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--runs", "5"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle(forReadingAtPath: input.path)
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    }
}
