import Foundation
import RoledeckCore
import Testing

/// The deck cache as a learner meets it through the binary: `.deck-cache` in the progress folder is
/// only ever a faster way to the decks the files hold now.
@Suite("The deck cache with the binary")
struct DeckCacheBinaryTests {
    /// A folder with decks generated into `D` and an empty progress folder `P`.
    func collection() throws -> URL {
        let folder = try Binary.temporaryFolder()
        let generated = try Binary.run(["generate", "--out", "D"], in: folder)
        #expect(generated.status == 0, "\(generated.stderr)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("P"), withIntermediateDirectories: true)
        return folder
    }

    func decks(_ folder: URL, progress: String = "P") throws -> Binary.Result {
        try Binary.run(["decks", "--decks", "D", "--progress", progress], in: folder)
    }

    @Test func anEditedDeckIsShownAsEditedAndADamagedCacheIsMadeAgain() throws {
        let folder = try collection()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = folder.appendingPathComponent("P/\(DeckFile.cacheFileName)")
        let first = try decks(folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: cache.path))
        #expect(try decks(folder).stdout == first.stdout)

        // The learner renames a domain in its deck file: the next listing shows the new name.
        let file = folder.appendingPathComponent("D/data.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "\"name\" : \"데이터\",", with: "\"name\" : \"데이터 과학\",")
        #expect(edited != text)
        try Data(edited.utf8).write(to: file)
        let renamed = try decks(folder)
        #expect(renamed.status == 0, "\(renamed.stderr)")
        #expect(renamed.stdout.contains("데이터 과학"))
        // Exactly what the files give without any cache (a progress folder that does not exist).
        let uncached = try decks(folder, progress: "none")
        #expect(renamed.stdout == uncached.stdout)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("none").path))

        // A damaged cache is read past, and made again.
        try Data(repeating: 0x5A, count: 4096).write(to: cache)
        let afterDamage = try decks(folder)
        #expect(afterDamage.status == 0, "\(afterDamage.stderr)")
        #expect(afterDamage.stdout == uncached.stdout)
        #expect(try Data(contentsOf: cache).prefix(8) != Data(repeating: 0x5A, count: 8))

        // A deck file broken after the cache was made is an error naming it, never the cached deck.
        try Data(edited.utf8.dropLast(3)).write(to: file)
        let broken = try decks(folder)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("data.json"))
    }

    @Test func aStaleTemporaryCacheFileIsRemovedAndReportedByDoctor() throws {
        let folder = try collection()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Left by a roledeck killed while it wrote the cache; no process has this pid.
        let stale = folder.appendingPathComponent("P/\(DeckFile.cacheFileName).tmp-4999999")
        try Data(repeating: 0x20, count: 1000).write(to: stale)
        let doctor = try Binary.run(["doctor", "--decks", "D", "--progress", "P"], in: folder)
        #expect(doctor.status == 0, "\(doctor.stderr)")
        #expect(doctor.stdout.contains("임시 파일 1개를 지웠습니다: \(DeckFile.cacheFileName).tmp-4999999"))
        #expect(!FileManager.default.fileExists(atPath: stale.path))
    }

    @Test func aLaunchWithoutCachesShowsTheSameFirstCardAndCountsAndLeavesBothCaches() throws {
        let folder = try collection()
        defer { try? FileManager.default.removeItem(at: folder) }
        func review(_ progress: String, input: String) throws -> Binary.Result {
            try Binary.run(
                ["review", "--decks", "D", "--progress", progress, "--now", "2026-03-08T10:00:00Z", "--seed", "3"],
                in: folder, input: Data(input.utf8))
        }
        // Some history first, so the day's counts and the queue depend on the log.
        let studied = try review("P", input: String(repeating: "?\n3\n", count: 12) + ":q\n")
        #expect(studied.status == 0, "\(studied.stderr)")
        let caches = [DeckFile.cacheFileName, LogDigest.cacheFileName]
        for name in caches {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("P/\(name)").path), "\(name)")
        }
        for name in ["cold", "warm"] {
            try FileManager.default.copyItem(
                at: folder.appendingPathComponent("P"), to: folder.appendingPathComponent(name))
        }
        for name in caches { try FileManager.default.removeItem(at: folder.appendingPathComponent("cold/\(name)")) }

        // The first card, the day's counts and the summary, the same with the caches as without them.
        let warm = try review("warm", input: "")
        let cold = try review("cold", input: "")
        #expect(warm.status == 0 && cold.status == 0, "\(warm.stderr) \(cold.stderr)")
        #expect(cold.stdout.contains("오늘 복습"))
        #expect(cold.stdout.contains("[1/"))
        #expect(cold.stdout == warm.stdout)
        // The cold launch wrote both caches (the deck cache once its first card was on screen), and the
        // next launch, from them, shows the same again.
        for name in caches {
            #expect(
                FileManager.default.fileExists(atPath: folder.appendingPathComponent("cold/\(name)").path), "\(name)")
        }
        #expect(try review("cold", input: "").stdout == warm.stdout)

        // The first session's checkpoint carries the fold (the day counts and undo window beside the
        // states) that a start without the stats cache begins from, instead of reading the whole log.
        let header = try ProgressStore.openReadOnly(folder: folder.appendingPathComponent("P")).checkpointHeader()
        #expect(header.logLines != nil)
        // A cards.json from before the fold (or without one) starts from the whole log: the same screen,
        // and the session's end writes the fold for next time.
        try FileManager.default.copyItem(
            at: folder.appendingPathComponent("P"), to: folder.appendingPathComponent("old"))
        let old = ProgressStore.openReadOnly(folder: folder.appendingPathComponent("old"))
        try CardsFile.encode(try old.loadCards(), logBytes: try old.logSize()).write(to: old.cardsURL)
        for name in caches { try FileManager.default.removeItem(at: folder.appendingPathComponent("old/\(name)")) }
        #expect(try old.checkpointHeader().logLines == nil)
        #expect(try review("old", input: "").stdout == warm.stdout)
        #expect(try old.checkpointHeader().logLines == header.logLines)
    }
}
