import Foundation
import Testing

/// `roledeck optimize` and `roledeck evaluate`, run as a learner runs them.
@Suite("optimize and evaluate on the command line", .serialized)
struct OptimizeCommandTests {
    /// The real Anki history kept with the core tests' fixtures.
    static let revlog = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RoledeckCoreTests/Fixtures/revlog-josh.csv").path

    func settings(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("Progress/settings.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func anAnkiHistoryIsFittedSavedOnceAndThenScored() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = [
            "optimize", "--progress", "Progress", "--revlog", Self.revlog, "--tz", "-6", "--rollover", "4",
        ]
        let first = try Binary.run(arguments, in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("복습 12,580개 · 카드 1,205장 · 채점할 복습 6,372개 (하루 시작 4시, UTC-06:00)"))
        #expect(first.stdout.contains("  지금 매개변수     0.4652        8.38%   0.7244"))
        #expect(first.stdout.contains("  맞춘 매개변수     0.4534        5.68%   0.7367"))
        #expect(first.stdout.contains("previousParameters로 남겼습니다."))
        #expect(first.stdout.contains("  초기 안정도 w0–w3    0.1753 0.8609 2.6014 6.6731"))
        let saved = try settings(folder)
        let weights = try #require(saved["parameters"] as? [Double])
        #expect(abs(weights[0] - 0.175315) < 1e-5 && abs(weights[20] - 0.238648) < 1e-5)
        #expect(
            saved["previousParameters"] as? [Double] == [
                0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614,
                0.2629,
                1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
            ])

        // The same history again: the weights are the ones in use, nothing is written.
        let before = try Data(contentsOf: folder.appendingPathComponent("Progress/settings.json"))
        let second = try Binary.run(arguments, in: folder)
        #expect(second.status == 0)
        #expect(second.stdout.contains("지금 매개변수가 이미 이 기록에 맞춘 것입니다. settings.json은 바꾸지 않았습니다."))
        #expect(try Data(contentsOf: folder.appendingPathComponent("Progress/settings.json")) == before)

        let previous = try Binary.run(
            ["evaluate", "--progress", "Progress", "--revlog", Self.revlog, "--tz=-6", "--parameters", "previous"],
            in: folder)
        #expect(previous.status == 0)
        #expect(previous.stdout.contains("이전 매개변수로 채점할 복습 6,372개의 기억 여부를 예측했습니다:"))
        #expect(previous.stdout.contains("  이전 매개변수     0.4652        8.38%   0.7244"))
    }

    @Test func evaluateSplitsTheHistoryInTime() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Binary.run(
            ["evaluate", "--revlog", Self.revlog, "--tz", "UTC-6", "--split", "5", "--parameters", "default"],
            in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("시계열 분할 5겹: 지난 복습으로 매개변수를 맞추고 그다음 복습 5,310개를 예측했습니다:"))
        #expect(result.stdout.contains("  과거로 맞춘 매개변수     0.4389        4.10%   0.6750"))
        #expect(result.stdout.contains("  기본 매개변수            0.4417        6.25%   0.6753"))
    }

    @Test func aFreshProgressFolderIsRefusedWithHowManyMoreReviewsAreNeeded() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reviewed = try Binary.run(
            ["review", "--progress", "Progress", "--now", "2026-03-01T09:00"], in: folder,
            input: Data("1\n\n2\n\n".utf8))
        #expect(reviewed.status == 0)
        let result = try Binary.run(["optimize", "--progress", "Progress", "--now", "2026-03-05T09:00"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("채점할 복습 0개"))
        #expect(result.stdout.contains("채점할 수 있는 복습이 64개 필요합니다. 지금 0개라 64개 더 필요합니다."))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Progress/settings.json").path))
    }

    @Test(arguments: [
        (
            ["optimize", "--revlog", "h.csv", "--tz", "+15"], 64,
            "--tz \"+15\": -6, +09:00, UTC-6 같은 -12부터 +14까지의 UTC 오프셋"
        ),
        (["optimize", "--revlog", "h.csv", "--rollover", "24"], 64, "--rollover \"24\": 0부터 23까지의 시"),
        (["optimize", "--tz", "-6"], 64, "--tz와 --rollover는 --revlog 기록의 날을 셉니다"),
        (["evaluate", "--split", "1"], 64, "--split 1: 분할 수는 2부터 20까지여야 합니다."),
        (["evaluate", "--parameters", "1, 2"], 1, "--parameters: FSRS 매개변수는 21개(w0…w20)여야 하는데 2개입니다."),
        (["optimize", "--revlog", "bad.csv"], 1, "bad.csv:3: review_rating '0': 1 다시, 2 어려움, 3 좋음, 4 쉬움 중 하나여야 합니다."),
        (["optimize", "--revlog", "missing.csv"], 1, "missing.csv: 복습 기록을 읽을 수 없습니다"),
    ])
    func badValuesNameTheFlagOrTheFileAndLine(arguments: [String], status: Int32, message: String) throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("card_id,review_rating,review_time\n1,3,2024-01-01T10:00:00Z\n1,0,2024-01-02T10:00:00Z\n".utf8).write(
            to: folder.appendingPathComponent("bad.csv"))
        let result = try Binary.run(arguments + ["--progress", "Progress"], in: folder)
        #expect(result.status == status)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Progress/settings.json").path))
    }
}
