import Foundation
import Testing

@testable import RoledeckCore

/// Thousands of seeded mutations each of `cards.json`, `settings.json`, the review log and
/// `.stats-cache`: whatever the bytes, reading gives a value or an error, and what is read is then
/// used (scheduled, queued, counted, written back) without a crash. A trap ends the test run, so
/// getting to the end of each test is the assertion; the counts only show the mutations did bite.
@Suite struct ProgressFuzzTests {
    static let mutations = 2500
    static let days = DayConvention.anki(rolloverHour: 4, timeZone: TimeZone(identifier: "Asia/Seoul")!)
    static let now = StoreFixtures.now.addingTimeInterval(86_400 * 400)

    /// Numbers a damaged or hand-edited file may hold where a number belongs.
    static let extremes = [
        "-5", "0", "-0", "1e308", "-1e308", "1e-308", "5e-324", "9223372036854775807", "-9223372036854775808",
        "99999999999999999999", "2147483648", "-2147483649", "3.5", "1e300", "NaN", "Infinity", "null", "true", "\"x\"",
    ]

    /// `bytes` with one seeded change: a number swapped for an extreme one, a byte changed, a piece cut,
    /// repeated or dropped.
    static func mutate(_ bytes: [UInt8], using rng: inout SeededGenerator) -> [UInt8] {
        guard !bytes.isEmpty else { return bytes }
        var out = bytes
        let at = Int.random(in: 0..<out.count, using: &rng)
        switch Int.random(in: 0..<6, using: &rng) {
        case 0, 1:
            // Replace the number (or the token) at or after `at`.
            var start = at
            while start < out.count, !(out[start] == UInt8(ascii: "-") || (0x30...0x39).contains(out[start])) {
                start += 1
            }
            var end = start
            while end < out.count,
                out[end] == UInt8(ascii: "-") || out[end] == UInt8(ascii: ".") || out[end] == UInt8(ascii: "e")
                    || (0x30...0x39).contains(out[end])
            {
                end += 1
            }
            let value = extremes[Int.random(in: 0..<extremes.count, using: &rng)]
            out.replaceSubrange(start..<end, with: Array(value.utf8))
        case 2:
            out[at] = [0x00, 0x22, 0x7B, 0x7D, 0x2C, 0x3A, 0x5C, 0xFF, 0x0A, 0x39][Int.random(in: 0..<10, using: &rng)]
        case 3:
            out.removeSubrange(at..<min(out.count, at + Int.random(in: 1...40, using: &rng)))
        case 4:
            let piece = out[at..<min(out.count, at + Int.random(in: 1...60, using: &rng))]
            out.insert(contentsOf: piece, at: Int.random(in: 0...out.count, using: &rng))
        default:
            out.removeSubrange(at...)
        }
        return out
    }

    /// Uses card states as a session would: schedule each with every rating, queue them, count them, write them.
    static func use(_ cards: [CardID: CardRecord], history: ReviewHistory? = nil) {
        var rng = SeededGenerator(seed: 1)
        let scheduler = Scheduler(parameters: .default, dayConvention: days)
        for (id, var record) in cards.prefix(20) {
            for rating in Rating.allCases {
                let result = scheduler.review(record.card, rating: rating, at: now, rng: &rng)
                // A value the limits refuse is an error to report, never one to write.
                if ProgressLimits.check(result.card, at: "after") == nil {
                    _ = FastEncoding.logLine(
                        .review(cardID: id, at: now, rating: rating, before: record.card, after: result.card))
                }
            }
            record.applyReview(
                rating: .again, before: .review,
                after: scheduler.review(record.card, rating: .again, at: now, rng: &rng).card)
        }
        let deckCards = cards.keys.sorted().map {
            Card(
                id: $0, kind: .cloze, domain: DomainKey(rawValue: "d"), role: nil, prompt: "?", answers: [Answer("a")],
                explanation: "e")
        }
        let deck = Deck(
            catalog: CatalogReference(source: "t", title: "t"),
            domain: DeckDomain(
                key: DomainKey(rawValue: "d"), number: 1, name: "d", englishName: nil, branch: nil, roles: []),
            cards: deckCards)
        if ProgressLimits.check(cards: cards, logBytes: 0) == nil { _ = CardsFile.encode(cards, logBytes: 0) }
        let queue = DailyQueue(
            cards: deckCards, states: cards, now: now, days: days, limits: QueueLimits(), studied: StudiedToday())
        _ = queue.ordered
        // Statistics over a history spanning millennia (a day number read as year 1) are slow, not wrong:
        // they are computed when the history is of a sane length.
        let span = (history?.reviews.map(\.day).max() ?? 0) - (history?.reviews.map(\.day).min() ?? 0)
        guard span < 36_500 else { return }
        _ = Statistics.compute(
            StatsInput(
                decks: [deck], records: cards, history: history ?? ReviewHistory(now: now, days: days),
                settings: StudySettings(), days: days))
    }

    static func baseLog() -> [LogRecord] {
        FastDecodingTests.records(count: 60)
    }

    @Test func cardsFiles() throws {
        var cards: [CardID: CardRecord] = [:]
        for record in Self.baseLog() where record.after != nil {
            cards[record.cardID] = CardRecord(card: record.after!, lapses: 1, reps: 3, buriedUntil: record.until)
        }
        // With the fold a checkpoint carries (day counts, the undo window): a session may start from it.
        let fold = LogFold(days: Self.days, keepsHistory: false).folding(FoldCheckpointTests.lines(count: 120, seed: 2))
        let checkpoint = try #require(FoldCheckpoint(fold: fold, logLines: 120, fingerprint: 99))
        let base = Array(CardsFile.encode(cards, logBytes: 100_000, fold: checkpoint))
        var rng = SeededGenerator(seed: 11)
        var (read, refused, foldsKept) = (0, 0, 0)
        for _ in 0..<Self.mutations {
            let mutated = Self.mutate(base, using: &rng)
            do {
                let snapshot = try CardsFile.decodeSnapshot(Data(mutated))
                read += 1
                Self.use(snapshot.cards)
                // A fold that is kept holds together, and a session goes on from it.
                if let kept = snapshot.fold, let logBytes = snapshot.logBytes {
                    #expect(kept.isConsistent(logBytes: logBytes))
                    guard var resumed = kept.fold(cards: snapshot.cards, days: Self.days) else { continue }
                    foldsKept += 1
                    for (offset, line) in Self.baseLog().prefix(30).enumerated() {
                        resumed.apply(line, line: kept.logLines + offset + 1)
                    }
                    _ = resumed.days.streak(through: Int(Self.days.dayNumber(of: Self.now)))
                    _ = FoldCheckpoint(fold: resumed, logLines: kept.logLines + 30, fingerprint: 1)
                }
            } catch {
                refused += 1
                _ = error.errorDescription
            }
        }
        #expect(read > 0 && refused > Self.mutations / 4)
        #expect(foldsKept > 0 && foldsKept < read)
    }

    @Test func settingsFiles() throws {
        let base = Array(
            #"{"desiredRetention": 0.9, "newCardsPerDay": 20, "reviewsPerDay": 200, "rolloverHour": 4, "learningSteps": ["1m", "10m"], "relearningSteps": ["10m"], "maximumIntervalDays": 36500, "learnAheadMinutes": 20, "leechThreshold": 8, "checkpointAnswers": 100, "checkpointSeconds": 300, "parameters": [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542]}"#
                .utf8)
        var rng = SeededGenerator(seed: 12)
        var (read, refused) = (0, 0)
        for _ in 0..<Self.mutations {
            let mutated = Self.mutate(base, using: &rng)
            do {
                let settings = try SettingsFile.decode(Data(mutated), path: "settings.json")
                read += 1
                let scheduler = Scheduler(
                    parameters: settings.parameters, dayConvention: settings.days(systemTimeZone: .gmt))
                var card = FSRSCard.new(due: Self.now)
                var sample = SeededGenerator(seed: 2)
                for rating in [Rating.again, .hard, .good, .good, .easy, .again, .good] {
                    card = scheduler.review(card, rating: rating, at: card.due, rng: &sample).card
                }
                _ = DailyQueue(
                    cards: [], states: [:], now: Self.now, days: settings.days(systemTimeZone: .gmt),
                    limits: settings.limits, studied: StudiedToday())
                _ = settings.checkpoint.isDue(changes: 1, seconds: 1)
            } catch {
                refused += 1
                _ = error.errorDescription
            }
        }
        #expect(read > 0 && refused > Self.mutations / 4)
    }

    @Test func reviewLogs() throws {
        var base: [UInt8] = []
        for record in Self.baseLog() { base += ReviewLogFile.encodeLine(record) }
        var rng = SeededGenerator(seed: 13)
        var damagedLines = 0
        for _ in 0..<Self.mutations {
            let mutated = Self.mutate(base, using: &rng)
            do {
                let contents = try ReviewLogFile.decode(Data(mutated))
                damagedLines += contents.issues.count
                let fold = LogFold(contents.records, days: Self.days, horizon: Self.now)
                _ = fold.days.streak(through: Self.days.dayNumber(of: Self.now))
                Self.use(fold.cards, history: fold.history)
            } catch {
                _ = error.errorDescription
            }
        }
        #expect(damagedLines > Self.mutations / 4)
    }

    @Test func statsCaches() throws {
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        for record in Self.baseLog() { try store.append(record) }
        _ = try LogDigest.load(store: store, days: Self.days, now: Self.now)
        let base = Array(try Data(contentsOf: store.folder.appendingPathComponent(LogDigest.cacheFileName)))
        var rng = SeededGenerator(seed: 14)
        var (read, refused) = (0, 0)
        for round in 0..<Self.mutations {
            var mutated = base
            if round % 2 == 0 {
                // Extreme values laid over a field's bytes: the largest double, NaN, -1, Int32.max, …
                let patterns: [[UInt8]] = [
                    withUnsafeBytes(of: Double.greatestFiniteMagnitude.bitPattern) { Array($0) },
                    withUnsafeBytes(of: Double.nan.bitPattern) { Array($0) },
                    withUnsafeBytes(of: Double.infinity.bitPattern) { Array($0) },
                    withUnsafeBytes(of: Int32(-1)) { Array($0) }, withUnsafeBytes(of: Int32.max) { Array($0) },
                    withUnsafeBytes(of: Int32.min) { Array($0) }, withUnsafeBytes(of: Int64.max) { Array($0) },
                    [0xFF], [0x00], [0x04],
                ]
                let pattern = patterns[Int.random(in: 0..<patterns.count, using: &rng)]
                let at = Int.random(in: 0..<max(1, mutated.count - pattern.count), using: &rng)
                mutated.replaceSubrange(at..<min(mutated.count, at + pattern.count), with: pattern)
            } else {
                mutated = Self.mutate(base, using: &rng)
            }
            if let decoded = LogDigest.decode(Data(mutated), days: Self.days, keepingHistory: false) {
                // A session's reading: the states, the day counts and undo, without the reviews.
                var fold = decoded.value.fold
                let latest = fold.latestUndoable
                fold.apply(.undo(latest?.kind ?? .review, cardID: latest?.card ?? "x", at: Self.now), line: 1)
                _ = fold.days.streak(through: Self.days.dayNumber(of: Self.now))
                Self.use(fold.cards, history: fold.history)
            }
            if let decoded = LogDigest.decode(Data(mutated), days: Self.days) {
                read += 1
                var fold = decoded.value.fold
                // As `LogDigest.load` does: the statistics are taken at now.
                fold.history.now = Self.now
                let latest = fold.latestUndoable
                fold.apply(.undo(latest?.kind ?? .review, cardID: latest?.card ?? "x", at: Self.now), line: 1)
                _ = fold.days.streak(through: Self.days.dayNumber(of: Self.now))
                Self.use(fold.cards, history: fold.history)
            } else {
                refused += 1
            }
        }
        #expect(read > 0 && refused > Self.mutations / 4)
    }
}
