import Foundation
import Testing

/// `generate` after a catalog edit, run as a learner runs it: it says what changes before writing,
/// `--dry-run` writes nothing, studied cards keep their history or are listed by `doctor`.
@Suite("Catalog edits keep progress", .serialized)
struct CatalogEditBinaryTests {
    static let before = """
        # 테스트

        ### 1. 데이터
        - **데이터 애널리틱스**
            - 업무: 데이터 수집, 정제, 분석 및 시각화; 비즈니스 인사이트 제공
            - 기술 스택: SQL, Python, R, Tableau, Power BI, Excel
        - **데이터 리서처**
            - 업무: 데이터 기반의 연구, 통계적 분석, 실험 설계 및 평가
            - 기술 스택: Python, R, 통계적 분석 방법, 실험 디자인
        - **데이터 엔지니어**
            - 업무: 데이터 파이프라인 구축 및 관리, 대규모 데이터 저장 및 처리
            - 기술 스택: SQL, Python, Java, Apache Spark, Hadoop, ETL 툴
        """

    static let after =
        before
        .replacingOccurrences(of: "데이터 파이프라인 구축 및 관리", with: "데이터 파이프라인 설계 및 관리")
        .replacingOccurrences(of: "ETL 툴", with: "ETL 도구")
        .replacingOccurrences(
            of: """
                - **데이터 리서처**
                    - 업무: 데이터 기반의 연구, 통계적 분석, 실험 설계 및 평가
                    - 기술 스택: Python, R, 통계적 분석 방법, 실험 디자인

                """, with: "")
            + """

            - **데이터 아키텍트**
                - 업무: 데이터 모델링, 데이터 거버넌스 수립
                - 기술 스택: SQL, ERwin, Snowflake

            """

    /// Each card's id and review count, as `cards --json` gives them.
    static func reviews(in folder: URL) throws -> [String: Int] {
        let listing = try Binary.run(["cards", "--json", "--now", "2026-03-03T09:00"], in: folder)
        let cards = try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: cards.map { ($0["id"] as? String ?? "", $0["reps"] as? Int ?? 0) })
    }

    @Test func studiedCardsAreKeptCarriedOrListedByDoctor() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalog = folder.appendingPathComponent("my.md")
        try Data(Self.before.utf8).write(to: catalog)
        #expect(try Binary.run(["generate", "--catalog", "my.md", "--out", "Decks"], in: folder).status == 0)
        let answers = String(repeating: "?\n3\n", count: 30)
        let study = try Binary.run(["review", "--now", "2026-03-02T09:00"], in: folder, input: Data(answers.utf8))
        #expect(study.status == 0, "\(study.stderr)")
        let studied = try Self.reviews(in: folder).filter { $0.value > 0 }
        #expect(studied.count == 20)

        try Data(Self.after.utf8).write(to: catalog)
        let decks = folder.appendingPathComponent("Decks")
        let bytes = try FileManager.default.contentsOfDirectory(atPath: decks.path).sorted().map {
            try Data(contentsOf: decks.appendingPathComponent($0))
        }
        let dry = try Binary.run(["generate", "--catalog", "my.md", "--dry-run"], in: folder)
        #expect(dry.status == 0)
        #expect(dry.stdout.hasPrefix("지금 덱과 비교한 변경: 새 카드 "))
        #expect(dry.stdout.contains("  기록을 이어받는 카드 (같은 직무, 같은 자리):\n"))
        #expect(dry.stdout.contains("'ETL 툴' → 'ETL 도구'"))
        #expect(dry.stdout.contains("'데이터 파이프라인 구축 및 관리' → '데이터 파이프라인 설계 및 관리'"))
        #expect(dry.stdout.contains("    - duties/데이터-리서처"))
        #expect(dry.stdout.contains("    + duties/데이터-아키텍트"))
        #expect(dry.stdout.hasSuffix("--dry-run: 아무것도 쓰지 않았습니다.\n"))
        let unchanged = try FileManager.default.contentsOfDirectory(atPath: decks.path).sorted().map {
            try Data(contentsOf: decks.appendingPathComponent($0))
        }
        #expect(unchanged == bytes)

        let written = try Binary.run(["generate", "--catalog", "my.md"], in: folder)
        #expect(written.status == 0)
        #expect(written.stdout.contains("썼습니다  "))
        let now = try Self.reviews(in: folder)
        let kept = studied.filter { now[$0.key] != nil }
        let gone = studied.filter { now[$0.key] == nil }
        #expect(!kept.isEmpty && !gone.isEmpty)
        // Every kept card has its reviews; every removed one is in doctor's list with them.
        #expect(kept.allSatisfy { now[$0.key] == $0.value })
        let doctor = try Binary.run(["doctor"], in: folder)
        #expect(doctor.stdout.contains("진행 기록이 있는 카드 \(gone.count)장이 덱에 없습니다"))
        for (id, count) in gone { #expect(doctor.stdout.contains("    \(id) (복습 \(count)번)\n")) }
        // A second run finds nothing to change, and the ids stay.
        let again = try Binary.run(["generate", "--catalog", "my.md"], in: folder)
        #expect(again.stdout.hasPrefix("카탈로그의 카드가 지금 덱과 같습니다"))
        #expect(try Self.reviews(in: folder) == now)
    }
}
