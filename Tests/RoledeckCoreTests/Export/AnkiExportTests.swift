import Foundation
import Testing

@testable import RoledeckCore

/// How roledeck's schedules become Anki's numbers, checked on hand-made states at a fixed clock in Seoul
/// (days start at 04:00). The import by Anki itself is checked in `AnkiInteropTests`.
@Suite struct AnkiExportTests {
    static let seoul = TimeZone(identifier: "Asia/Seoul")!
    static let days = DayConvention.anki(rolloverHour: 4, timeZone: seoul)
    /// 2026-03-12 12:00 in Seoul.
    static let now = Date(timeIntervalSince1970: 1_773_284_400)
    static let settings = StudySettings(
        parameters: try! SchedulerParameters(learningSteps: [600, 86_400], relearningSteps: [600]))

    static func decks() throws -> [Deck] {
        DeckGenerator(
            catalog: try parse(
                """
                # T

                ### 1. 데이터
                - **데이터 엔지니어**
                    - 업무: 데이터 파이프라인 구축 및 관리, 대규모 데이터 저장 및 처리
                    - 기술 스택: SQL, Python, Apache Spark, Hadoop
                - **데이터 애널리틱스**
                    - 업무: 데이터 수집, 정제, 분석 및 시각화; 비즈니스 인사이트 제공
                    - 기술 스택: SQL, Tableau, Power BI, Excel
                """)
        ).decks()
    }

    static func at(_ day: Double, _ hours: Double = 0) -> Date {
        now.addingTimeInterval(day * 86_400 + hours * 3600)
    }

    @Test func schedulesBecomeAnkisTypesQueuesAndDues() throws {
        let decks = try Self.decks()
        let ids = IntroductionOrder.sorted(decks.flatMap(\.cards)).map(\.id)
        let review = FSRSCard(
            state: .review, stability: 12.5, difficulty: 4.25, due: Self.at(3), lastReview: Self.at(-9))
        let overdue = FSRSCard(state: .review, stability: 3, difficulty: 6, due: Self.at(-2), lastReview: Self.at(-6))
        let today = FSRSCard(
            state: .learning, step: 1, stability: 2.3, difficulty: 2.1, due: Self.at(0, 0.5),
            lastReview: Self.at(0, -0.5))
        let tomorrow = FSRSCard(
            state: .learning, step: 1, stability: 2.3, difficulty: 2.1, due: Self.at(1), lastReview: Self.at(0))
        let lapsed = FSRSCard(
            state: .relearning, step: 0, stability: 1.4, difficulty: 7.7, due: Self.at(0, 0.2), lastReview: Self.at(0))
        let records: [CardID: CardRecord] = [
            ids[0]: CardRecord(card: review, lapses: 1, reps: 5, leech: true),
            ids[1]: CardRecord(card: overdue, reps: 3),
            ids[2]: CardRecord(card: today, reps: 1),
            ids[3]: CardRecord(card: tomorrow, reps: 1),
            ids[4]: CardRecord(card: lapsed, lapses: 1, reps: 4, suspended: true),
            ids[5]: CardRecord(card: review, reps: 2, buriedUntil: Self.at(0, 16)),
            ids[6]: CardRecord(card: review, reps: 2, buriedUntil: Self.at(0, -1)),
        ]
        let collection = try AnkiExport.collection(
            decks: decks, progress: AnkiExport.Progress(records: records, reviews: [:]), settings: Self.settings,
            days: Self.days, now: Self.now)
        // The collection starts at 04:00 on the earliest day a due date counts from (the overdue card's).
        #expect(
            collection.creation
                == Int64(Self.days.start(ofDay: Self.days.dayNumber(of: Self.at(-2))).timeIntervalSince1970))
        #expect(collection.creation % 86_400 == 19 * 3600)  // 04:00 in Seoul is 19:00 UTC
        #expect(collection.rolloverHour == 4 && collection.creationMinutesWest == -540)
        let cards = collection.cards
        func numbers(_ index: Int) -> [Int64] {
            let card = cards[index]
            return [Int64(card.type), Int64(card.queue), card.due, Int64(card.interval), Int64(card.left)]
        }
        #expect(numbers(0) == [2, 2, 5, 12, 0])  // due in 3 days, 2 days after the start; 12 days since the review
        #expect(numbers(1) == [2, 2, 0, 4, 0])
        #expect(numbers(2) == [1, 1, Int64(Self.at(0, 0.5).timeIntervalSince1970), 0, 1])
        #expect(numbers(3) == [1, 3, 3, 0, 1])
        #expect(numbers(4) == [3, -1, Int64(Self.at(0, 0.2).timeIntervalSince1970), 1, 1])
        #expect(cards[5].queue == -3 && cards[6].queue == 2)
        #expect(numbers(7) == [0, 0, 8, 0, 0] && cards[7].data == "" && cards[7].factor == 0)
        #expect(cards[0].reps == 5 && cards[0].lapses == 1 && cards[0].factor == 2500)
        let lastReview = Int64(Self.at(-9).timeIntervalSince1970)
        #expect(cards[0].data == "{\"pos\":1,\"s\":12.5,\"d\":4.25,\"dr\":0.9,\"decay\":0.1542,\"lrt\":\(lastReview)}")
        #expect(collection.notes[0].tags.contains("leech") && !collection.notes[1].tags.contains("leech"))
        #expect(collection.nextPosition == cards.count + 1)
        #expect(collection.deckConfig.learningSteps == [10, 1440] && collection.deckConfig.weights.count == 21)
        #expect(collection.decks.map(\.name) == ["AI 직무", "AI 직무::데이터"])
        #expect(Set(cards.map(\.deckID)) == [collection.decks[1].id])
    }

    @Test func reviewsThatStandBecomeTheRevlog() throws {
        let decks = try Self.decks()
        let id = IntroductionOrder.sorted(decks.flatMap(\.cards))[0].id
        var rng = SeededGenerator(seed: 9)
        let scheduler = Scheduler(parameters: Self.settings.parameters, dayConvention: Self.days)
        var state: FSRSCard?
        var reviews: [CardReview] = []
        for (time, rating, ms) in [
            (Self.at(-10), Rating.good, 3_000), (Self.at(-10, 0.2), .good, 90_000), (Self.at(-9), .again, nil),
        ] {
            let after = scheduler.review(state ?? .new(due: time), rating: rating, at: time, rng: &rng).card
            reviews.append(
                CardReview(
                    at: time, rating: rating, before: PriorState(state), stateBefore: state, after: after,
                    durationMs: ms))
            state = after
        }
        // Two reviews in the same millisecond keep both, a millisecond apart.
        var twin = reviews[2]
        twin.at = reviews[2].at
        reviews.append(twin)
        let collection = try AnkiExport.collection(
            decks: decks,
            progress: AnkiExport.Progress(
                records: [id: CardRecord(card: try #require(state), reps: 4)], reviews: [id: reviews]),
            settings: Self.settings, days: Self.days, now: Self.now)
        let revlog = collection.revlog
        #expect(
            revlog.map(\.id) == [
                Int64(Self.at(-10).timeIntervalSince1970 * 1000), Int64(Self.at(-10, 0.2).timeIntervalSince1970 * 1000),
                Int64(Self.at(-9).timeIntervalSince1970 * 1000), Int64(Self.at(-9).timeIntervalSince1970 * 1000) + 1,
            ])
        #expect(revlog.map(\.ease) == [3, 3, 1, 1])
        #expect(revlog.map(\.type) == [0, 0, 1, 1])
        #expect(revlog.map(\.time) == [3_000, 60_000, 0, 0])
        // Good on a new card takes the one-day step; Good again graduates it (2 days); Again lapses it
        // into the 10-minute relearning step.
        #expect(revlog.map(\.interval) == [1, 2, -600, -600])
        #expect(revlog.map(\.lastInterval) == [0, 1, 2, 2])
        let difficulty = try #require(reviews[0].after.difficulty)
        #expect(revlog[0].factor == Int((((difficulty - 1) / 9 + 0.1) * 1000).rounded()))
        #expect(Set(revlog.map(\.cardID)) == [collection.cards[0].id])
    }

    @Test func withoutProgressEveryCardIsNewAndNothingIsEmptyToExport() throws {
        let decks = try Self.decks()
        let collection = try AnkiExport.collection(
            decks: decks, progress: nil, settings: StudySettings(), days: Self.days, now: Self.now)
        #expect(collection.cards.allSatisfy { $0.type == 0 && $0.queue == 0 && $0.data.isEmpty })
        #expect(collection.cards.map(\.due) == (1...Int64(collection.cards.count)).map { $0 })
        #expect(collection.revlog.isEmpty)
        #expect(Set(collection.notes.map(\.guid)).count == collection.notes.count)
        // The same card gets the same guid in every export, so a second import updates it.
        let later = try AnkiExport.collection(
            decks: decks, progress: nil, settings: StudySettings(), days: Self.days, now: Self.at(30))
        #expect(later.notes.map(\.guid) == collection.notes.map(\.guid))
        #expect(later.notetype.id == collection.notetype.id && later.deckConfig.id == collection.deckConfig.id)
        #expect(throws: ExportError.nothingToExport) {
            try AnkiExport.collection(
                decks: [], progress: nil, settings: StudySettings(), days: Self.days, now: Self.now)
        }
    }

    @Test func notesHoldEscapedNFCFieldsAndTagsByKindAndRole() throws {
        let deck = try Self.decks()[0]
        var card = try #require(deck.cards.first { $0.kind.format == .choice && $0.role != nil })
        card.prompt = "R&D <팀>에서 \("쓰는".decomposedStringWithCanonicalMapping) 도구는?"
        let note = ExportedNote(card: card, deck: deck)
        #expect(note.field("질문") == "R&amp;D &lt;팀&gt;에서 쓰는 도구는?")
        #expect(note.field("질문")?.unicodeScalars.elementsEqual("R&amp;D &lt;팀&gt;에서 쓰는 도구는?".unicodeScalars) == true)
        #expect(note.deckName == "AI 직무::데이터")
        #expect(note.tags.contains("roledeck::kind::\(card.kind.rawValue)") && note.tags.first == "roledeck")
        #expect(note.field("종류") == card.kind.label && note.field("id") == card.id.rawValue)
        let options = try #require(note.field("보기"))
        let answer = try #require(note.field("정답"))
        #expect(options.hasPrefix("<ol><li>") && options.contains(answer.components(separatedBy: ", ")[0]))
        #expect(ExportedNote(card: card, deck: deck) == note)
        let typed = try #require(deck.cards.first { $0.kind == .cloze })
        let typedNote = ExportedNote(card: typed, deck: deck, leech: true)
        #expect(typedNote.field("보기") == "" && typedNote.field("문맥") == typed.context)
        #expect(
            typedNote.tags.contains("roledeck::role::\(typed.role?.rawValue ?? "")") && typedNote.tags.last == "leech")
    }

    @Test func theTextFileHasAnkisHeaderAndOneQuotedLineANote() throws {
        var decks = try Self.decks()
        decks[0].cards[0].explanation = "탭\t과 \"따옴표\""
        let text = try AnkiTextFile.text(decks: decks)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            Array(lines.prefix(7)) == [
                "#separator:tab", "#html:true", "#notetype:Basic", "#guid column:1", "#deck column:4", "#tags column:5",
                "#columns:guid\tFront\tBack\tdeck\ttags",
            ])
        #expect(lines.count == 7 + decks[0].cards.count + 1 && lines.last == "")
        let first = try #require(IntroductionOrder.sorted(decks[0].cards).first)
        let line = try #require(lines.first { $0.contains(first.prompt) })
        #expect(line.contains("\t\"") && line.contains("탭\t과 &quot;") == false && line.contains("\"\"따옴표\"\""))
        #expect(
            line.hasSuffix(
                "\tAI 직무::데이터\troledeck roledeck::kind::\(first.kind.rawValue) roledeck::role::\(first.role?.rawValue ?? "") roledeck::domain::\(first.domain.rawValue)"
            ))
    }

    @Test func anExportNeverReplacesAFileUnlessTold() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "roledeck-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("cards.txt")
        try Data("mine".utf8).write(to: file)
        #expect(throws: ExportError.fileExists(path: file.path)) {
            try ExportFile.write(Data("new".utf8), to: file, replacing: false)
        }
        #expect(try Data(contentsOf: file) == Data("mine".utf8))
        try ExportFile.write(Data("new".utf8), to: file, replacing: true)
        #expect(try Data(contentsOf: file) == Data("new".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["cards.txt"])
        let nowhere = folder.appendingPathComponent("missing/cards.txt")
        let noFolder = ExportError.unwritable(
            path: nowhere.path, reason: "없는 폴더입니다: \(folder.appendingPathComponent("missing").path)")
        #expect(throws: noFolder) { try ExportFile.write(Data("x".utf8), to: nowhere, replacing: false) }
        #expect(throws: ExportError.unwritable(path: folder.path, reason: "폴더입니다; 파일 이름을 주세요")) {
            try ExportFile.write(Data("x".utf8), to: folder, replacing: true)
        }
    }
}
