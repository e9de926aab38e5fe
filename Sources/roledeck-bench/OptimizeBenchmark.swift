import Foundation
import RoledeckCore

/// Options of `roledeck-bench optimize`.
struct OptimizeBenchmarkOptions {
    /// The real history (default: the copy kept with the tests) and how its days are counted.
    var revlog = "Tests/RoledeckCoreTests/Fixtures/revlog-josh.csv"
    var timeZoneHours = -6
    var rolloverHour = 4
    /// Timed runs per measurement (the median is reported).
    var runs = 11
    /// The simulated history timed against the reference at a larger scale.
    var scaleReviews = 100_000
    /// The simulated history the memory target is measured on.
    var largeReviews = 1_000_000
}

/// The optimizer beside fsrs-rs-python in one run: prediction on the real history (5-fold time-series
/// split), the fit of the whole history, recovery of known parameters, fit times, and the memory of
/// `roledeck optimize` on a million reviews.
func benchmarkOptimize(_ options: OptimizeBenchmarkOptions) throws {
    let fixtures = "Tests/RoledeckCoreTests/Fixtures"
    let zone = TimeZone(secondsFromGMT: options.timeZoneHours * 3600) ?? .current
    let days = DayConvention.anki(rolloverHour: options.rolloverHour, timeZone: zone)
    let url = URL(fileURLWithPath: options.revlog)
    let dataset = try RevlogCSV.load(from: url).dataset(days: days)
    print(
        "optimize: \(options.revlog): \(dataset.reviewCount) reviews, \(dataset.cardCount) cards, "
            + "\(dataset.scorable.count) scorable (UTC\(options.timeZoneHours), rollover \(options.rolloverHour):00)")
    let reference = OptimizerReference.run([
        "bench", "--revlog", options.revlog, "--tz", "\(options.timeZoneHours)", "--rollover",
        "\(options.rolloverHour)",
        "--runs", "\(options.runs)", "--synthetic", fixtures,
    ])
    if let reference { print("  reference: fsrs-rs-python \(reference["fsrs_rs_python"] ?? "?"), same run") }

    // Prediction: fit on the past, predict the next fold.
    guard let split = try TimeSeriesSplit.evaluate(dataset) else { throw BenchmarkFailure("too few reviews to split") }
    let referenceSplit = reference?["tss"] as? [String: Any]
    print("  5-fold time-series split (\(split.fitted.count) predicted reviews):")
    print("                        log loss   RMSE(bins)      AUC")
    printMetrics("    roledeck fitted   ", split.fitted)
    printMetrics("    fsrs-rs fitted    ", referenceSplit?["fitted"])
    printMetrics("    default params    ", split.defaults)
    printMetrics("    (reference)       ", referenceSplit?["defaults"])
    if let fitted = (referenceSplit?["fitted"] as? [String: Any])?["log_loss"] as? Double {
        let gap = (split.fitted.logLoss - fitted) / fitted * 100
        print(
            String(
                format: "    target: log loss within 0.5%% of fsrs-rs-python's: %+.3f%% %@", gap,
                verdict(abs(gap) <= 0.5)))
    }
    print(
        String(
            format: "    target: RMSE(bins) at most 0.0430: %.4f %@", split.fitted.rmseBins,
            verdict(split.fitted.rmseBins <= 0.0430)))

    // The whole history: the same weights?
    let fit = try FSRSOptimizer.fit(dataset)
    if let weights = reference?["parameters"] as? [Double] {
        let difference = zip(fit.weights, weights).map { abs($0 - $1) / max(abs($1), 1e-3) }.max() ?? 0
        print("  whole-history fit, roledeck vs fsrs-rs-python (largest relative difference \(format(difference))):")
        for index in 0..<21 {
            print(String(format: "    w%-2d  %9.4f  %9.4f", index, fit.weights[index], weights[index]))
        }
    }

    // Fit time, the same log.
    let fitTimes = measure(iterations: options.runs) { _ = try? FSRSOptimizer.fit(dataset) }
    let endToEnd = measure(iterations: options.runs) {
        if let loaded = try? RevlogCSV.load(from: url).dataset(days: days) { _ = try? FSRSOptimizer.fit(loaded) }
    }
    print(summary("  fit (roledeck)                 ", fitTimes))
    printReferenceTime("  fit (fsrs-rs-python compute_parameters)", reference?["fit_seconds_median"], ours: fitTimes)
    print(summary("  CSV to parameters (roledeck)   ", endToEnd))
    printReferenceTime(
        "  CSV to parameters (fsrs-rs-python, items built in Python)", reference?["end_to_end_seconds_median"],
        ours: endToEnd)

    // Known parameters: simulated with py-fsrs, fitted, predicted on a second simulated history.
    let utc = DayConvention.anki(rolloverHour: 4, timeZone: TimeZone(secondsFromGMT: 0) ?? .current)
    let train = try RevlogCSV.load(from: URL(fileURLWithPath: "\(fixtures)/revlog-synthetic-train.csv")).dataset(
        days: utc)
    let test = try RevlogCSV.load(from: URL(fileURLWithPath: "\(fixtures)/revlog-synthetic-test.csv")).dataset(
        days: utc)
    let synthetic = reference?["synthetic"] as? [String: Any]
    if let truth = synthetic?["true_parameters"] as? [Double] {
        let fitted = try FSRSOptimizer.fit(train)
        if let ours = RecallPrediction.metrics(
            test, model: try MemoryModel(parameters: .init(weights: fitted.weights))),
            let exact = RecallPrediction.metrics(test, model: try MemoryModel(parameters: .init(weights: truth)))
        {
            let gap = (ours.logLoss - exact.logLoss) / exact.logLoss * 100
            let referenceLoss = (synthetic?["test_fitted"] as? [String: Any])?["log_loss"] as? Double ?? .nan
            print(
                String(
                    format:
                        "  simulated history (%d reviews, known parameters), held-out log loss: true %.4f · roledeck "
                        + "fit %.4f (%+.2f%%) · fsrs-rs-python fit %.4f; target within 1%%: %@",
                    train.reviewCount, exact.logLoss, ours.logLoss, gap, referenceLoss, verdict(abs(gap) <= 1)
                ))
        }
    }

    try benchmarkScale(options)
    try benchmarkMemory(options)
}

/// Fit time against the reference on a longer simulated history.
private func benchmarkScale(_ options: OptimizeBenchmarkOptions) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roledeck-bench-optimize-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("scale.csv")
    let count = try RevlogSimulation(reviews: options.scaleReviews).write(to: file)
    let days = DayConvention.anki(rolloverHour: 4, timeZone: TimeZone(secondsFromGMT: 0) ?? .current)
    let dataset = try RevlogCSV.load(from: file).dataset(days: days)
    let runs = max(3, options.runs / 3)
    let times = measure(iterations: runs) { _ = try? FSRSOptimizer.fit(dataset) }
    print("  simulated history of \(count) reviews, \(dataset.scorable.count) scorable:")
    print(summary("    fit (roledeck)               ", times))
    let reference = OptimizerReference.run([
        "bench", "--revlog", file.path, "--tz", "0", "--rollover", "4", "--runs", "\(runs)", "--no-tss",
    ])
    printReferenceTime("    fit (fsrs-rs-python)", reference?["fit_seconds_median"], ours: times)
    if let weights = reference?["parameters"] as? [Double], let ours = try? FSRSOptimizer.fit(dataset).weights {
        let difference = zip(ours, weights).map { abs($0 - $1) / max(abs($1), 1e-3) }.max() ?? 0
        print("    largest relative difference of the fitted weights: \(format(difference))")
    }
}

/// Time and peak memory of the real `roledeck optimize` on a million reviews, from a revlog and from
/// a progress folder.
///
/// The peak is the child's `ru_maxrss`. A child started with `posix_spawn` shares this process's
/// memory until it executes, so its peak is at least this process's resident memory then: that is
/// kept small (the progress folder is written by another process), the peak mark is reset first,
/// and this process's resident memory at the start is printed too.
private func benchmarkMemory(_ options: OptimizeBenchmarkOptions) throws {
    let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let binary = here.appendingPathComponent("roledeck")
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
        print("  (memory skipped: build roledeck beside roledeck-bench: swift build -c release)")
        return
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roledeck-bench-memory-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("large.csv")
    let count = try RevlogSimulation(reviews: options.largeReviews, seed: 5).write(to: file)
    let progress = folder.appendingPathComponent("Progress")
    let end = "2026-03-08T10:00:00Z"
    let written = try ChildProcess.run(
        here.appendingPathComponent("roledeck-bench"),
        [
            "stats", "--cards", "\(options.largeReviews / 10)", "--reviews", "\(options.largeReviews)", "--days", "365",
            "--end", end, "--write", progress.path,
        ])
    guard written.status == 0 else { throw BenchmarkFailure("could not write the synthetic progress folder") }
    let lines = try String(contentsOf: progress.appendingPathComponent(ReviewLogFile.fileName), encoding: .utf8)
        .utf8.count { $0 == 0x0A }

    func measureOptimize(_ arguments: [String]) throws -> ChildProcess.Result {
        Memory.returnFreedMemory()
        Memory.resetPeak()
        return try ChildProcess.run(binary, ["optimize", "--dry-run"] + arguments)
    }
    let parent = Memory.residentMegabytes()
    let revlog = try measureOptimize(["--progress", folder.appendingPathComponent("P1").path, "--revlog", file.path])
    print(
        String(
            format: "  roledeck optimize --revlog, %d reviews: %.2f s, peak memory %d MB; target under 100 MB %@",
            count, revlog.seconds, revlog.peakKilobytes / 1024,
            verdict(revlog.status == 0 && revlog.peakKilobytes < 100 * 1024)))
    let logged = try measureOptimize(["--progress", progress.path, "--now", end])
    print(
        String(
            format:
                "  roledeck optimize, progress folder of %d log lines (1M reviews with undos): %.2f s, peak memory %d MB %@",
            lines, logged.seconds, logged.peakKilobytes / 1024,
            verdict(logged.status == 0 && logged.peakKilobytes < 100 * 1024)))
    print("    (this benchmark's own resident memory when they started: \(parent) MB)")
}

private func verdict(_ met: Bool) -> String {
    met ? "met" : "MISSED"
}

private func printMetrics(_ label: String, _ metrics: Any?) {
    if let metrics = metrics as? PredictionMetrics {
        print(
            String(format: "%@  %8.4f   %9.4f   %6.4f", label, metrics.logLoss, metrics.rmseBins, metrics.auc ?? .nan))
    } else if let metrics = metrics as? [String: Any], let loss = metrics["log_loss"] as? Double,
        let rmse = metrics["rmse_bins"] as? Double
    {
        print(String(format: "%@  %8.4f   %9.4f   %6.4f", label, loss, rmse, metrics["auc"] as? Double ?? .nan))
    }
}

private func printReferenceTime(_ label: String, _ seconds: Any?, ours: [Double]) {
    guard let seconds = seconds as? Double else { return }
    let median = ours[ours.count / 2] / 1000
    print(
        String(
            format: "%@: median %.3f ms -> roledeck %.2fx as fast (target: no slower) %@", label, seconds * 1000,
            seconds / median, verdict(median <= seconds)))
}

private func format(_ value: Double) -> String {
    String(format: "%.2e", value)
}

/// `bench/optimizer_reference.py`, run by `python3` from the repository.
enum OptimizerReference {
    static func run(_ arguments: [String]) -> [String: Any]? {
        let script = URL(fileURLWithPath: "bench/optimizer_reference.py")
        guard FileManager.default.fileExists(atPath: script.path) else {
            print("  (reference skipped: bench/optimizer_reference.py not found; run from the repository)")
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            print("  (reference skipped: python3 not available)")
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else {
            print(
                "  (reference skipped: pip install fsrs==6.3.2 fsrs-rs-python==0.9.3, and ../shared/fsrs/optimizer_oracle.py)"
            )
            return nil
        }
        return object
    }
}

extension Memory {
    /// VmRSS in megabytes (0 where /proc is missing).
    static func residentMegabytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return 0 }
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
    }
}
