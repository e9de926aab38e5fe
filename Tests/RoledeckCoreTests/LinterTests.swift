import Foundation
import RoledeckCore
import Testing

/// The linter finds each class of problem a careful reader found, naming the card and the catalog line.
@Suite("Lint")
struct LinterTests {
    let catalog: Catalog
    let decks: [Deck]

    init() throws {
        catalog = try Fixture.shipped()
        decks = DeckGenerator(catalog: catalog).decks()
    }

    func problems(after change: (inout [Deck]) throws -> Void) rethrows -> [LintProblem] {
        var decks = self.decks
        try change(&decks)
        return Linter(catalog: catalog).lint(decks)
    }

    func card(_ id: String, in decks: [Deck]) throws -> (deck: Int, card: Int) {
        for (deckIndex, deck) in decks.enumerated() {
            if let cardIndex = deck.cards.firstIndex(where: { $0.id.rawValue == id }) { return (deckIndex, cardIndex) }
        }
        throw FixtureMissing(name: id)
    }

    func add(_ card: Card, to decks: inout [Deck]) {
        decks[0].cards.append(card)
    }

    func handMade(
        _ id: String, _ kind: CardKind, role: String?, prompt: String, answers: [String], distractors: [String]? = nil
    ) -> Card {
        Card(
            id: CardID(rawValue: id), kind: kind, domain: DomainKey(rawValue: "data"), role: role.map(RoleKey.init),
            prompt: prompt, answers: answers.map { Answer($0) }, distractors: distractors,
            selection: distractors == nil ? nil : .one, explanation: "손으로 쓴 카드")
    }

    @Test func theShippedCatalogsDecksAreClean() {
        #expect(Linter(catalog: catalog).lint(decks) == [])
    }

    @Test func aDutyCutInsideARangeOrBeforeAnElaboration() throws {
        let found = problems { decks in
            add(
                handMade(
                    "duties/mlops-엔지니어", .duties, role: "mlops-엔지니어", prompt: "MLOps 엔지니어는 어떤 업무를 맡나요? (2가지)",
                    answers: ["머신 러닝 모델의 개발부터 배포", "모니터링까지 전체 라이프사이클 관리"]), to: &decks)
            add(
                handMade(
                    "duties/프롬프트-엔지니어", .duties, role: "프롬프트-엔지니어", prompt: "프롬프트 엔지니어는 어떤 업무를 맡나요? (2가지)",
                    answers: ["자연어 처리 시스템", "특히 대형 언어 모델을 위한 프롬프트 설계 및 최적화"]), to: &decks)
        }
        #expect(
            found.contains {
                $0.card?.rawValue == "duties/mlops-엔지니어" && $0.message.contains("'…부터 …까지'") && $0.line == 76
            })
        #expect(found.contains { $0.card?.rawValue == "duties/프롬프트-엔지니어" && $0.message.contains("('특히'로 시작합니다)") })
        #expect(
            found.contains { $0.card?.rawValue == "duties/mlops-엔지니어" && $0.message.contains("같은 id를 쓰는 카드가 또 있습니다") })
    }

    @Test func aTopicOfferedAsADuty() {
        let found = problems { decks in
            add(
                handMade(
                    "duty-role/x", .dutyRole, role: "컴퓨터-사이언티스트", prompt: "이 카탈로그에서 다음 업무를 맡는 직무는 무엇인가요? '알고리즘'",
                    answers: ["컴퓨터 사이언티스트"], distractors: ["데이터 애널리틱스", "MLOps 엔지니어"]), to: &decks)
        }
        #expect(
            found.contains {
                $0.card?.rawValue == "duty-role/x" && $0.message.contains("일이 아니라 주제입니다") && $0.line == 91
            })
    }

    @Test func aCountThatDiffersFromTheAnswersAndAListTooLong() {
        let found = problems { decks in
            add(
                handMade(
                    "duties/x", .duties, role: "ai-개발자", prompt: "AI 개발자는 어떤 업무를 맡나요? (3가지)",
                    answers: ["알고리즘 구현", "시스템 최적화"]), to: &decks)
            add(
                handMade(
                    "stack/x", .stack, role: "데이터-엔지니어", prompt: "데이터 엔지니어의 기술 스택을 모두 적어 보세요. (6개, 쉼표로 구분)",
                    answers: ["SQL", "Python", "Java", "Apache Spark", "Hadoop", "ETL 툴"]), to: &decks)
        }
        #expect(found.contains { $0.card?.rawValue == "duties/x" && $0.message.contains("질문은 3개라고 하는데 답은 2개입니다") })
        #expect(
            found.contains {
                $0.card?.rawValue == "stack/x" && $0.message.contains("한 번에 6개를 묻습니다") && $0.line == 43
            })
    }

    @Test func aWrongOptionThatIsRightTooByTheCatalogOrTheTable() throws {
        let found = try problems { decks in
            let keras = try card("stack-role/keras", in: decks)
            decks[keras.deck].cards[keras.card].distractors?.append("AI 개발자")  // lists TensorFlow
            let sql = try card("stack-role/sql", in: decks)
            decks[sql.deck].cards[sql.card].distractors?.append("컴퓨터 사이언티스트")  // both right and wrong
        }
        #expect(found.contains { $0.card?.rawValue == "stack-role/keras" && $0.message.contains("'AI 개발자'") })
        #expect(found.contains { $0.card?.rawValue == "stack-role/sql" && $0.message.contains("정답 보기와 오답 보기에 함께") })
    }

    @Test func aWrongStatementAndAWrongOddOneOut() throws {
        let found = try problems { decks in
            let statement = try #require(decks.flatMap(\.cards).first { $0.kind == .trueFalse && !$0.statementIsTrue })
            let place = try card(statement.id.rawValue, in: decks)
            decks[place.deck].cards[place.card].answers = [TrueFalse.true.answer]
            let odd = try card("odd-one-out/데이터-엔지니어", in: decks)
            decks[odd.deck].cards[odd.card].answers.append(Answer("SQL"))
        }
        #expect(found.contains { $0.message.contains("참이라고 되어 있지만 그 직무의 기술 스택에") })
        #expect(found.contains { $0.card?.rawValue == "odd-one-out/데이터-엔지니어" && $0.message.contains("'SQL'") })
    }

    @Test func aPromptThatGivesTheAnswerAway() {
        let found = problems { decks in
            add(
                handMade(
                    "role-domain/데이터-엔지니어", .roleDomain, role: "데이터-엔지니어", prompt: "이 카탈로그에서 데이터 엔지니어는 어느 분야에 속하나요?",
                    answers: ["데이터"], distractors: ["머신 러닝", "MLOps", "AutoML"]), to: &decks)
        }
        #expect(
            found.contains {
                $0.card?.rawValue == "role-domain/데이터-엔지니어" && $0.message.contains("질문이 답을 알려 줍니다")
            })
    }

    @Test func aClozeLineThatShowsItsBlankElsewhere() throws {
        let found = try problems { decks in
            let place = try card("cloze/컴퓨터-사이언티스트/소프트웨어-설계-및-개발", in: decks)
            decks[place.deck].cards[place.card].context = "알고리즘, 데이터 구조, ＿＿＿ 설계 및 개발, 컴퓨터 시스템과 소프트웨어의 이론적 기초 연구 및 개발"
            decks[place.deck].cards[place.card].answers = [Answer("소프트웨어")]
        }
        #expect(
            found.map(\.message) == ["빈칸 말고도 줄에 '소프트웨어'가 보입니다."]
                && found.first?.card?.rawValue == "cloze/컴퓨터-사이언티스트/소프트웨어-설계-및-개발" && found.first?.line == 91)
    }

    @Test func twoCardsThatAskTheSameThing() throws {
        let found = try problems { decks in
            let original = try card("stack-role/keras", in: decks)
            var copy = decks[original.deck].cards[original.card]
            copy.id = CardID(rawValue: "stack-role/keras-again")
            decks[0].cards.append(copy)
        }
        // The copy sits in an earlier deck, so it is the original that is reported as asking it again.
        #expect(
            found.contains {
                $0.card?.rawValue == "stack-role/keras"
                    && $0.message.hasPrefix("stack-role/keras-again") && $0.message.hasSuffix("똑같은 것을 묻습니다.")
            })
    }

    @Test func particlesThatDisagreeOrThatNoTableDecided() {
        let found = problems { decks in
            add(
                handMade(
                    "true-false/x", .trueFalse, role: "데이터-엔지니어", prompt: "이 카탈로그에서 데이터 엔지니어의 기술 스택에는 Hadoop를 쓴다.",
                    answers: ["X"]), to: &decks)
            add(
                handMade(
                    "true-false/y", .trueFalse, role: "데이터-엔지니어", prompt: "이 카탈로그에서 데이터 엔지니어의 기술 스택에는 Zorblax가 있다.",
                    answers: ["X"]), to: &decks)
            add(
                handMade(
                    "true-false/z", .trueFalse, role: "데이터-엔지니어", prompt: "이 카탈로그에서 데이터 엔지니어는 C#을(를) 쓴다.",
                    answers: ["X"]), to: &decks)
        }
        #expect(
            found.contains {
                $0.card?.rawValue == "true-false/x" && $0.message.contains("'Hadoop를'은 'Hadoop을'이어야 합니다")
            })
        #expect(found.contains { $0.card?.rawValue == "true-false/y" && $0.message.contains("표가 아니라 철자 규칙으로") })
        #expect(found.contains { $0.card?.rawValue == "true-false/z" && $0.message.contains("조사가 정해지지 않았습니다") })
    }

    @Test func aTypedAnswerWithALatinWordTheTableCannotRead() {
        let found = problems { decks in
            add(
                handMade(
                    "stack-cloze/x/zorblax", .stackCloze, role: "데이터-엔지니어", prompt: "빈칸에 들어갈 항목은?",
                    answers: ["Zorblax"]), to: &decks)
            add(
                handMade(
                    "stack-cloze/x/hadoop", .stackCloze, role: "데이터-엔지니어", prompt: "빈칸에 들어갈 항목은?",
                    answers: ["Hadoop"]), to: &decks)
        }
        #expect(
            found.contains {
                $0.card?.rawValue == "stack-cloze/x/zorblax" && $0.message.contains("'Zorblax'에 한글 읽기가 없어")
            })
        #expect(
            !found.contains { $0.card?.rawValue == "stack-cloze/x/hadoop" && $0.message.contains("한글 읽기가 없어") })
    }

    @Test func tooManyStatementsAndMissingCoverage() throws {
        let found = problems { decks in
            for index in 0..<60 {
                add(
                    handMade(
                        "true-false/extra-\(index)", .trueFalse, role: "데이터-엔지니어",
                        prompt: "이 카탈로그에서 데이터 엔지니어의 기술 스택에는 SQL이 있다. (\(index))", answers: ["O"]), to: &decks)
            }
            decks[1].cards.removeAll { $0.role?.rawValue == "ai-리서처" && ($0.kind == .cloze || $0.kind == .duties) }
            decks[1].cards.removeAll { $0.role?.rawValue == "ai-리서처" && [.dutyRole, .contrast].contains($0.kind) }
        }
        #expect(found.contains { $0.card == nil && $0.message.contains("O/X 문제입니다") })
        #expect(
            found.contains {
                $0.card == nil && $0.message.contains("'AI 리서처'의 업무 '실험 및 연구'를 묻는 카드가 없습니다") && $0.line == 50
            })
    }
}

@Suite("Deck files")
struct DeckFileTests {

    @Test func malformedJSONNamesLineAndColumn() {
        let data = Data("{\n  \"schemaVersion\": 1,\n  oops\n}".utf8)
        #expect {
            try DeckFile.decode(data, path: "Decks/x.json")
        } throws: { error in
            guard case .malformed(let path, let line, _, _) = error as? DeckError else { return false }
            return path == "Decks/x.json" && line == 3
        }
    }

    @Test func newerSchemaIsRefused() {
        let data = Data("{\"schemaVersion\": 99}".utf8)
        #expect(throws: DeckError.newerSchema(path: "x.json", found: 99, supported: Deck.currentSchemaVersion)) {
            try DeckFile.decode(data, path: "x.json")
        }
    }

    @Test func wrongTypeNamesTheField() throws {
        let deck = DeckGenerator(catalog: try Fixture.shipped()).decks()[0]
        var text = String(decoding: DeckFile.encode(deck), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"kind\" : \"duties\"", with: "\"kind\" : 7")
        #expect {
            try DeckFile.decode(Data(text.utf8), path: "x.json")
        } throws: { error in
            guard case .wrongShape(_, let field, _) = error as? DeckError else { return false }
            return field == "cards[0].kind"
        }
    }

    @Test func writeLoadAndSkipUnchanged() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roledeck-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let decks = DeckGenerator(catalog: try Fixture.shipped()).decks()
        for deck in decks { #expect(try DeckFile.write(deck, to: folder)) }
        for deck in decks { #expect(try DeckFile.write(deck, to: folder) == false) }
        #expect(try DeckFile.loadAll(from: folder) == decks)
    }

    @Test func emptyFolderSaysToGenerate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roledeck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: DeckError.noDecks(path: folder.path)) { try DeckFile.loadAll(from: folder) }
    }
}
