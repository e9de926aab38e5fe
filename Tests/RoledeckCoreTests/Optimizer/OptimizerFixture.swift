import Foundation

@testable import RoledeckCore

/// The optimizer's test data: a real Anki history (py-fsrs's test log, MIT), two histories simulated
/// with py-fsrs from known parameters, and what the reference (fsrs-rs-python 0.9.3 and the oracle
/// script's metrics) says about them; all made by `bench/optimizer_reference.py fixture`.
enum OptimizerFixture {
    /// The oracle's figures, decoded.
    struct Oracle: Decodable {
        struct Metrics: Decodable {
            var logLoss: Double
            var rmseBins: Double
            var auc: Double?
            var n: Int
        }
        struct Vector: Decodable {
            var parameters: [Double]
            var logLoss: Double
            var rmseBins: Double
            var auc: Double?
            var n: Int
        }
        struct Prefix: Decodable {
            var rows: Int
            var parameters: [Double]
        }
        struct Fold: Decodable {
            var train: Int
            var test: Int
            var parameters: [Double]
        }
        struct Split: Decodable {
            var fitted: Metrics
            var defaults: Metrics
            var folds: [Fold]
        }
        struct Synthetic: Decodable {
            var trueParameters: [Double]
            var fittedParameters: [Double]
            var testTrue: Metrics
            var testFitted: Metrics
            var testDefaults: Metrics
        }
        var reviews: Int
        var cards: Int
        var scorable: Int
        var metrics: [Vector]
        var fit: [Double]
        var prefixFits: [Prefix]
        var tss: Split
        var synthetic: Synthetic
    }

    static let utcMinus6 = TimeZone(secondsFromGMT: -6 * 3600) ?? .current
    static let utc = TimeZone(secondsFromGMT: 0) ?? .current

    static func oracle() throws -> Oracle {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Oracle.self, from: Data(contentsOf: Fixture.url("optimizer-oracle.json")))
    }

    /// The real history, days counted in UTC−6 from 04:00 as the oracle counts them.
    static func josh() throws -> ReviewDataset {
        try RevlogCSV.load(from: Fixture.url("revlog-josh.csv")).dataset(
            days: .anki(rolloverHour: 4, timeZone: utcMinus6))
    }

    /// A simulated history ("train" or "test"), days in UTC from 04:00.
    static func synthetic(_ part: String) throws -> ReviewDataset {
        try RevlogCSV.load(from: Fixture.url("revlog-synthetic-\(part).csv")).dataset(
            days: .anki(rolloverHour: 4, timeZone: utc))
    }

    /// The largest difference between two weight lists, relative to the larger magnitude (at least 1e-3).
    static func largestDifference(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).map { abs($0 - $1) / max(abs($0), abs($1), 1e-3) }.max() ?? .infinity
    }
}
