import Foundation
import RoledeckCore
import Testing

/// Every sentence an error puts before the learner is Korean, and keeps the file and line (or the value)
/// it is about: names, paths, JSON keys and formats may stay as written, but no English sentence is left.
@Suite("Errors speak Korean")
struct LearnerLanguageTests {
    /// The text with quoted names, code and paths taken out: what is left is the sentence.
    static func sentence(of text: String) -> String {
        var result = text
        for pattern in [#"'[^']*'"#, #""[^"]*""#, "`[^`]*`", #"\S*[/.]\S*"#] {
            result = result.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        return result
    }

    /// Korean when it has Hangul and no three English words in a row outside quotes and paths.
    static func isKorean(_ text: String) -> Bool {
        let rest = sentence(of: text)
        let hasHangul = rest.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }
        let english = rest.range(of: #"[A-Za-z]{2,}[ ,;]+[A-Za-z]{2,}[ ,;]+[A-Za-z]{2,}"#, options: .regularExpression)
        return hasHangul && english == nil
    }

    @Test func theCheckTellsEnglishFromKorean() {
        #expect(!Self.isKorean("bad.md:4: the role 'A' has no `업무:` line."))
        #expect(Self.isKorean("bad.md:4: 직무 'A'에 `업무:` 줄이 없습니다."))
    }

    static let catalogErrors: [CatalogError] = [
        .unreadable(source: "c.md", reason: "권한이 없습니다"), .emptyFile(source: "c.md"),
        .invalidUTF8(source: "c.md", line: 3), .noDomains(source: "c.md"),
        .roleOutsideDomain(source: "c.md", line: 3, role: "A"), .dutiesOutsideRole(source: "c.md", line: 3),
        .stackOutsideRole(source: "c.md", line: 3), .repeatedLine(source: "c.md", line: 3, role: "A", label: "업무"),
        .missingDuties(source: "c.md", line: 3, role: "A"), .missingStack(source: "c.md", line: 3, role: "A"),
        .emptyItems(source: "c.md", line: 3, label: "업무"),
        .duplicateRole(source: "c.md", line: 9, role: "A", firstLine: 3),
        .domainWithoutRoles(source: "c.md", line: 3, domain: "데이터"), .unbalancedParentheses(source: "c.md", line: 3),
    ]

    static let deckErrors: [DeckError] = [
        .unreadable(path: "D", reason: "폴더가 없습니다"), .malformed(path: "D/a.json", line: 2, column: 5, reason: "x"),
        .wrongShape(path: "D/a.json", field: "cards", reason: "배열 값이어야 함"),
        .newerSchema(path: "D/a.json", found: 9, supported: 1), .noDecks(path: "D"),
        .unwritable(path: "D", reason: "권한이 없습니다"),
    ]

    static let settingsErrors: [SettingsError] = [
        .unreadable(path: "s.json", reason: "권한이 없습니다"),
        .malformed(path: "s.json", line: 1, column: 2, reason: "x"), .notAnObject(path: "s.json"),
        .unknownKey(path: "s.json", key: "newCard", suggestion: "newCardsPerDay"),
        .unknownKey(path: "s.json", key: "zzz", suggestion: nil),
        .invalidValue(path: "s.json", key: "newCardsPerDay", expected: "0부터 9999까지의 정수"),
        .newerSchema(path: "s.json", found: 9, supported: 1), .unwritable(path: "s.json", reason: "권한이 없습니다"),
    ]

    static let storeErrors: [StoreError] =
        [
            .locked(path: "P/.lock", pid: 42), .locked(path: "P/.lock", pid: nil),
            .damaged(
                file: "P/cards.json", position: FilePosition(line: 3, column: 12), field: "cards.x.reps", reason: "x"),
            .damaged(file: "P/reviews.jsonl", position: nil, field: nil, reason: "x"),
            .newerSchema(file: "P/cards.json", found: 9, supported: 1), .readOnly(path: "P"),
            .unwritable(file: "P/cards.json", field: "due", value: "10000-01-01", expected: "1년에서 9999년 사이의 시각"),
            .logShorterThanCheckpoint(log: "P/reviews.jsonl", logBytes: 10, checkpointBytes: 99),
            .logShorterThanCheckpoint(log: "P/reviews.jsonl", logBytes: nil, checkpointBytes: 99),
            .sessionStopped(reason: "P/reviews.jsonl: 쓸 수 없습니다 (디스크 공간이 없습니다)."),
        ] + StoreError.Operation.allCases.map { .io(path: "P/reviews.jsonl", operation: $0, code: ENOSPC) }

    static let optimizerErrors: [OptimizerError] = [
        .notEnoughReviews(scorable: 30, needed: 64), .noFirstIntervals, .diverged,
        .unreadable(path: "h.csv", reason: "권한이 없습니다"),
        .missingColumn(path: "h.csv", column: "card_id", header: "id,rating"),
        .invalidField(path: "h.csv", line: 3, column: "review_rating", value: "0", expected: "수"),
        .missingField(path: "h.csv", line: 3, column: "review_time"), .noReviews(path: "h.csv"),
        .invalidParameters(source: "--parameters", reason: "w5 = 'x': 수가 아닙니다"),
    ]

    static let parametersErrors: [ParametersError] = [
        .wrongWeightCount(expected: 21, actual: 2), .weightOutOfRange(index: 5, value: 9, lower: 0.001, upper: 4),
        .desiredRetentionOutOfRange(1.5), .invalidLearningStep(index: 0, seconds: -1),
        .invalidRelearningStep(index: 0, seconds: 0), .maximumIntervalTooSmall(0), .maximumIntervalTooLarge(99_999),
        .several([.maximumIntervalTooSmall(0), .desiredRetentionOutOfRange(2)]),
    ]

    static let replayErrors: [ReplayError] = [
        .invalidJSON(line: 3, column: 28, detail: "뜻밖의 문자"), .notAnObject(line: 1),
        .invalidSetting(line: 1, key: "seed", expected: "정수나 null"), .invalidReviews(line: 1),
        .invalidReview(line: 1, review: 0), .invalidRating(line: 1, review: 1, found: "5"),
        .invalidTime(line: 1, review: 0, found: "yesterday"), .reviewsOutOfOrder(line: 1, review: 1),
        .invalidParameters(line: 1, .maximumIntervalTooSmall(0)), .progressLogLine(line: 1),
    ]

    @Test func everyErrorSentenceIsKorean() {
        let errors: [any LocalizedError] =
            Self.catalogErrors + Self.deckErrors + Self.settingsErrors + Self.storeErrors + Self.optimizerErrors
            + Self.parametersErrors + Self.replayErrors
            + [NameError.unknown(.domain, name: "요리", suggestion: nil, known: ["데이터", "머신 러닝"])]
        for error in errors {
            let text = error.errorDescription ?? ""
            #expect(Self.isKorean(text), "\(text)")
        }
    }

    @Test func theSentencesKeepWhereAndWhat() {
        #expect(
            CatalogError.missingStack(source: "c.md", line: 3, role: "A").errorDescription?.hasPrefix("c.md:3: ")
                == true)
        #expect(
            DeckError.malformed(path: "D/a.json", line: 2, column: 5, reason: "x").errorDescription?.hasPrefix(
                "D/a.json:2:5: ") == true)
        #expect(
            SettingsError.invalidValue(path: "s.json", key: "newCardsPerDay", expected: "0부터 9999까지의 정수")
                .errorDescription == "s.json: 설정 'newCardsPerDay'의 값은 0부터 9999까지의 정수여야 합니다.")
        #expect(
            StoreError.io(path: "P/reviews.jsonl", operation: .write, code: ENOSPC).errorDescription
                == "P/reviews.jsonl: 쓸 수 없습니다 (디스크 공간이 없습니다).")
        #expect(
            OptimizerError.invalidField(path: "h.csv", line: 3, column: "review_rating", value: "0", expected: "수")
                .errorDescription == "h.csv:3: review_rating '0': 수여야 합니다.")
    }

    @Test func ratingsAreNamedAsOnAnkisKoreanButtons() {
        #expect(Rating.allCases.map(\.korean) == ["다시", "어려움", "좋음", "쉬움"])
        #expect(Rating.koreanList == "1 다시, 2 어려움, 3 좋음, 4 쉬움")
    }
}
