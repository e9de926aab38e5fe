import Foundation
import Glibc
import RoledeckCore

/// Times the progress store and the scheduler on a synthetic collection, beside Python's `json` module
/// loading the same `cards.json` (`bench/python_json_load.py`); py-fsrs is compared in `session`.
struct StoreBenchmark {
    var cards: Int
    var reviewsPerCard: Int
    var answers: Int
    var pythonSample: Int
    var scriptsFolder: URL

    /// One card's synthetic history: the ratings and review times the replay feeds the scheduler.
    struct History {
        var id: CardID
        var reviews: [(rating: Rating, at: Date)]
    }

    func run() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roledeck-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scheduler = Scheduler(parameters: try SchedulerParameters(enableFuzzing: false))
        let total = cards * reviewsPerCard
        print("store: \(cards) cards, \(total) review-log entries, in \(folder.path)")

        Memory.resetPeak()
        var histories = simulate(scheduler: scheduler)
        print("  synthetic histories ready (peak memory \(Memory.peakMegabytes()) MB)")

        // Replay (as `roledeck replay` does): the same ratings and times through the scheduler.
        Memory.resetPeak()
        var replayed: [CardID: CardRecord] = [:]
        let replaySeconds = seconds {
            replayed = replay(histories, scheduler: scheduler)
        }
        let replayRate = Double(total) / replaySeconds
        print(
            String(
                format: "  replay %d reviews through the scheduler: %.3f s (%.0f reviews/s, peak %d MB)", total,
                replaySeconds, replayRate, Memory.peakMegabytes()))

        let store = try ProgressStore.open(folder: folder)
        let writeSeconds = try seconds { try writeLog(histories, replayed: replayed, scheduler: scheduler, to: store) }
        let logSize = try FileManager.default.attributesOfItem(atPath: store.logURL.path)[.size] as? Int ?? 0
        print(String(format: "  write the log (%.0f MB): %.2f s", Double(logSize) / 1_048_576, writeSeconds))

        Memory.resetPeak()
        let save = try measure(iterations: 5) { try store.saveCards(replayed) }
        let cardsSize = try FileManager.default.attributesOfItem(atPath: store.cardsURL.path)[.size] as? Int ?? 0
        print(summary(String(format: "  save cards.json (%.1f MB)", Double(cardsSize) / 1_048_576), save))

        // From here on the benchmark holds nothing but what the store loads, so the peaks are the store's.
        let expected = fingerprint(replayed)
        histories = []
        replayed = [:]
        Memory.returnFreedMemory()
        Memory.resetPeak()
        var loaded: [CardID: CardRecord] = [:]
        let load = try measure(iterations: 5) {
            loaded = [:]
            loaded = try ProgressStore.openReadOnly(folder: folder).loadCards()
        }
        let loadPeak = Memory.peakMegabytes()
        print(summary("  load all progress      ", load) + " · peak \(loadPeak) MB")
        guard fingerprint(loaded) == expected else {
            throw BenchmarkFailure("the loaded cards differ from the saved ones")
        }
        if let python = python(["python_json_load.py", store.cardsURL.path, "5"]),
            let runs = python["seconds"] as? [Double], !runs.isEmpty
        {
            let pythonMedian = runs.sorted()[runs.count / 2]
            let ours = load[load.count / 2] / 1000
            print(
                String(
                    format: "  Python json.load of the same cards.json: median %.3f s of %d -> roledeck %.2fx as fast",
                    pythonMedian, runs.count, pythonMedian / ours))
        }
        // The answers below pick among these ids; the loaded states go first, so the fold's peak is the
        // fold's own, not the fold's plus the 100,000 states still held here.
        let ids = Array(loaded.keys)
        loaded = [:]
        Memory.returnFreedMemory()

        Memory.resetPeak()
        var lines = 0
        let scanSeconds = try seconds { try store.scanLog { _, _ in lines += 1 } }
        print(
            String(
                format: "  read and decode the log: %.2f s (%d lines, %.2f µs/line)", scanSeconds, lines,
                scanSeconds * 1e6 / Double(max(lines, 1))))

        Memory.resetPeak()
        var rebuiltCount = 0
        let rebuildSeconds = try seconds { rebuiltCount = try store.foldLog().cards.count }
        let rebuildPeak = Memory.peakMegabytes()
        print(
            String(
                format: "  fold the %d-line log (doctor): %.2f s, %d cards, peak %d MB", total,
                rebuildSeconds, rebuiltCount, Memory.peakMegabytes()))

        // The answer on the real path: ProgressRecorder, the one code that records answers (append,
        // fsync, the fold in memory, checkpoints by policy), as a study session calls it.
        let days = DayConvention.anki(rolloverHour: 4, timeZone: TimeZone(identifier: "UTC") ?? .current)
        var rng = SeededGenerator(seed: 11)
        let base = Date(timeIntervalSince1970: 1_900_000_000)
        var index = 0
        for (label, policy) in [
            ("default policy: every 100 changes or 5 minutes", CheckpointPolicy()),
            ("a checkpoint every 50 answers", CheckpointPolicy(everyAnswers: 50)),
        ] {
            Memory.resetPeak()
            let uptime = { DispatchTime.now().uptimeNanoseconds }
            var opened: ProgressRecorder?
            let openSeconds = try seconds {
                opened = try ProgressRecorder.open(
                    store: store, settings: StudySettings(checkpoint: policy), days: days, uptimeNanoseconds: uptime())
            }
            guard let recorder = opened else { continue }
            let answers = try measure(iterations: answers) {
                let id = ids[Int.random(in: 0..<ids.count, using: &rng)]
                let at = base.addingTimeInterval(Double(index))
                index += 1
                try recorder.answer(
                    id, rating: .good, given: GivenAnswer(answer: "x", durationMs: 4000), now: at,
                    uptimeNanoseconds: uptime(), rng: &rng)
            }
            let finish = try seconds { try recorder.finish() }
            print(
                summary("  answer, ProgressRecorder (\(label))", answers)
                    + String(format: " · p99 %.3f ms", answers[min(answers.count - 1, answers.count * 99 / 100)]))
            print(
                String(
                    format:
                        "    open (fold from .stats-cache or the log): %.2f s · final checkpoint %.2f s · peak %d MB",
                    openSeconds, finish, Memory.peakMegabytes()))
        }

        print(
            "  peak memory of the store: \(max(loadPeak, rebuildPeak)) MB (load \(loadPeak) MB, fold \(rebuildPeak) MB)"
        )
        print(
            "  targets: load at least as fast as Python json; answer p50 <= 1 ms, p99 <= 5 ms; < 200 MB"
        )
    }

    /// Histories of realistic shape: each card answered when due, mostly Good, sometimes Again.
    func simulate(scheduler: Scheduler) -> [History] {
        var rng = SeededGenerator(seed: 2026)
        let start = Date(timeIntervalSince1970: 1_750_000_000)
        var histories: [History] = []
        histories.reserveCapacity(cards)
        for index in 0..<cards {
            var card = FSRSCard.new(due: start.addingTimeInterval(Double(index % 3650) * 600))
            var reviews: [(rating: Rating, at: Date)] = []
            reviews.reserveCapacity(reviewsPerCard)
            for _ in 0..<reviewsPerCard {
                let roll = Int.random(in: 0..<100, using: &rng)
                let rating: Rating = roll < 10 ? .again : roll < 20 ? .hard : roll < 92 ? .good : .easy
                let at = card.due.addingTimeInterval(Double(Int.random(in: 0..<3600, using: &rng)))
                card = scheduler.review(card, rating: rating, at: at, rng: &rng).card
                reviews.append((rating, at))
            }
            histories.append(History(id: CardID(rawValue: "stack/role-\(index / 10)/item-\(index)"), reviews: reviews))
        }
        return histories
    }

    /// A summary that two equal collections share whatever their order: ids, counters, due times, memory.
    func fingerprint(_ cards: [CardID: CardRecord]) -> [UInt64] {
        var sums: [UInt64] = [UInt64(cards.count), 0, 0, 0]
        for (id, record) in cards {
            sums[1] &+= UInt64(id.rawValue.utf8.count) &* 31 &+ UInt64(record.reps) &* 7 &+ UInt64(record.lapses)
            sums[2] &+= UInt64(bitPattern: Int64((record.card.due.timeIntervalSince1970 * 1e6).rounded()))
            sums[3] &+= (record.card.stability ?? 0).bitPattern ^ (record.card.difficulty ?? 0).bitPattern
        }
        return sums
    }

    func replay(_ histories: [History], scheduler: Scheduler) -> [CardID: CardRecord] {
        var rng = SeededGenerator(seed: 1)
        var result: [CardID: CardRecord] = [:]
        result.reserveCapacity(histories.count)
        for history in histories {
            var record = CardRecord(card: .new(due: history.reviews.first?.at ?? Date(timeIntervalSince1970: 0)))
            for (rating, at) in history.reviews {
                let after = scheduler.review(record.card, rating: rating, at: at, rng: &rng).card
                record.applyReview(
                    rating: rating, before: PriorState(record.reps == 0 ? nil : record.card), after: after)
            }
            result[history.id] = record
        }
        return result
    }

    /// Writes the log in one stream (the store's append fsyncs each line, which is for answers, not for setup).
    func writeLog(
        _ histories: [History], replayed: [CardID: CardRecord], scheduler: Scheduler, to store: ProgressStore
    ) throws {
        guard let handle = FileHandle(forWritingAtPath: store.logURL.path) ?? create(store.logURL) else {
            throw BenchmarkFailure("cannot write \(store.logURL.path)")
        }
        defer { try? handle.close() }
        var rng = SeededGenerator(seed: 1)
        var buffer = Data()
        for history in histories {
            var card = FSRSCard.new(due: history.reviews.first?.at ?? Date(timeIntervalSince1970: 0))
            for (rating, at) in history.reviews {
                let after = scheduler.review(card, rating: rating, at: at, rng: &rng).card
                buffer.append(
                    ReviewLogFile.encodeLine(
                        .review(
                            cardID: history.id, at: at, rating: rating, before: card, after: after,
                            correct: rating != .again, durationMs: 4000)))
                card = after
            }
            if buffer.count > 1 << 22 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
        try handle.synchronize()
    }

    private func create(_ url: URL) -> FileHandle? {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        return FileHandle(forWritingAtPath: url.path)
    }

    /// Runs a script from `bench/` and parses its one-line JSON answer; nil (with a note) when Python cannot.
    func python(_ arguments: [String], stdin: URL? = nil) -> [String: Any]? {
        let script = scriptsFolder.appendingPathComponent(arguments[0])
        guard FileManager.default.fileExists(atPath: script.path) else {
            print("  (skipped: \(script.path) not found; run from the repository)")
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + arguments.dropFirst()
        let output = Pipe()
        process.standardOutput = output
        if let stdin { process.standardInput = FileHandle(forReadingAtPath: stdin.path) }
        do {
            try process.run()
        } catch {
            print("  (skipped: python3 not available)")
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else {
            print("  (skipped: \(arguments[0]) failed; `pip install fsrs==6.3.2` for the py-fsrs comparison)")
            return nil
        }
        return object
    }
}

/// A benchmark that could not run as planned.
struct BenchmarkFailure: Error, LocalizedError {
    var message: String
    init(_ message: String) { self.message = message }
    var errorDescription: String? { message }
}

/// Wall-clock seconds of `body`.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000_000
}

/// The process's peak resident memory, from Linux's /proc.
enum Memory {
    /// Hands memory freed by the benchmark back to the system (glibc's malloc_trim, not in Swift's Glibc module).
    static func returnFreedMemory() {
        typealias Trim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
    }

    /// Starts a new peak: writing 5 to clear_refs resets VmHWM to the current RSS.
    static func resetPeak() {
        try? Data("5".utf8).write(to: URL(fileURLWithPath: "/proc/self/clear_refs"))
    }

    /// VmHWM in megabytes (0 where /proc is missing).
    static func peakMegabytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        return kilobytes / 1024
    }
}
