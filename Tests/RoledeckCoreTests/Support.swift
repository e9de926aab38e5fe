import Foundation
import RoledeckCore

/// Test helpers: fixture files, the shipped catalog and a seeded random generator.
enum Fixture {
    static func url(_ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw FixtureMissing(name: name)
        }
        return url
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: url(name), encoding: .utf8)
    }

    static func shipped() throws -> Catalog { try Catalog.shipped() }

    /// The repository root, found from this file's path.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }
}

struct FixtureMissing: Error {
    var name: String
}

/// SplitMix64: a small generator with a seed, so shuffles repeat in tests.
struct TestRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Parses catalog text, for tests that write small catalogs inline.
func parse(_ text: String, source: String = "test.md") throws -> Catalog {
    try CatalogParser.parse(text, source: source)
}

/// The error a catalog text throws, or nil when it parses.
func parseError(_ text: String) -> CatalogError? {
    do {
        _ = try CatalogParser.parse(text, source: "bad.md")
        return nil
    } catch {
        return error
    }
}
