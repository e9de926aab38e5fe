import Foundation
import RoledeckCore
import Testing

/// The judge, reply by reply, with the reason each is accepted or rejected.
@Suite("Judging replies")
struct ReplyJudgeTests {
    let judge = ReplyJudge()

    func card(
        _ kind: CardKind, _ answers: [Answer], distractors: [String]? = nil, context: String? = nil,
        selection: Selection? = nil
    ) -> Card {
        Card(
            id: CardID(kind, "test"), kind: kind, domain: DomainKey(rawValue: "data"), role: nil, prompt: "?",
            context: context, answers: answers, distractors: distractors, selection: selection, explanation: "")
    }

    func accepts(_ reply: String, _ card: Card, knownNames: Set<NameKey> = []) -> Bool {
        ReplyJudge(knownNames: knownNames).check(reply, card: card).isCorrect
    }

    @Test func foldingIgnoresCaseSpacingAndPunctuation() {
        #expect(AnswerText.folded("Power BI") == "powerbi")
        #expect(AnswerText.folded(" 데이터  수집 ") == "데이터수집")
        #expect(AnswerText.folded("scikit-learn") == AnswerText.folded("Scikit Learn"))
        #expect(AnswerText.folded("C++") != AnswerText.folded("C#"))
        // NFD input (decomposed jamo) folds to the same NFC text.
        #expect(AnswerText.folded("\u{1100}\u{1161}") == "가")
    }

    @Test func aliasesCaseAndSpacing() {
        let ros = card(.cloze, [Answer("ROS(Robot Operating System)", aliases: ["ROS"])])
        #expect(accepts("ros", ros))
        #expect(accepts("ROS (Robot Operating System)", ros))
        #expect(!accepts("RSO", ros))  // three letters: no typo forgiven
        let nlp = card(.cloze, [Answer("자연어 처리(NLP) 엔지니어", aliases: ["자연어 처리 엔지니어", "NLP 엔지니어"])])
        #expect(accepts("nlp엔지니어", nlp))
        #expect(accepts("자연어처리 엔지니어", nlp))
    }

    @Test func aSwapOfTwoLettersIsOneTypoLikeAMissingLetter() {
        let python = card(.stackCloze, [Answer("Python", aliases: ["파이썬"])])
        let swapped = judge.check("pyhton", card: python)
        #expect(swapped.isCorrect && swapped.recalled.first?.typos == 1)
        #expect(accepts("pythn", python))
        #expect(accepts("파이선", python))  // one jamo off the Korean spelling
        #expect(!accepts("pyhotn", python))  // two edits in a six-letter name
    }

    @Test func oneWrongJamoIsOneTypo() {
        let refine = card(.cloze, [Answer("정제")])
        let check = judge.check("정재", card: refine)
        #expect(check.isCorrect && check.hasTypos && check.recalled.first?.typos == 1)
        #expect(!accepts("정보", refine))
        let collect = card(.cloze, [Answer("데이터 수집")])
        #expect(accepts("대이터 수짐", collect))  // two jamo off in a long answer
        #expect(!accepts("데이터 분석", collect))
    }

    @Test func shortLatinNamesVersionsAndAcronymsAreNeverTypos() {
        #expect(!accepts("GPT-4", card(.stackCloze, [Answer("GPT-3")])))  // a version is not a typo
        #expect(!accepts("BART", card(.stackCloze, [Answer("BERT")])))  // four letters: exact only
        #expect(!accepts("Jave", card(.stackCloze, [Answer("Java")])))
        #expect(!accepts("OpenCL", card(.stackCloze, [Answer("OpenCV")])))  // the CV is an acronym
        #expect(accepts("OpnCV", card(.stackCloze, [Answer("OpenCV")])))  // a typo outside it is forgiven
        #expect(!accepts("Power VI", card(.stackCloze, [Answer("Power BI")])))
        #expect(accepts("Powr BI", card(.stackCloze, [Answer("Power BI")])))
    }

    @Test func aTypoThatIsAnotherRealNameIsNotForgiven() {
        let spark = card(.stackCloze, [Answer("Apache Spark")])
        #expect(accepts("Apache Sprak", spark))
        #expect(!accepts("Apache Sprak", spark, knownNames: [NameKey("Apache Sprak")]))
        // The shipped table's names count: Unreal Editor is a real tool, not a typo of Unreal Engine.
        #expect(!ReplyJudge().check("Unreal Editor", card: card(.stackCloze, [Answer("Unreal Engine")])).isCorrect)
    }

    @Test func aTypoAsNearToAnOptionIsNotForgiven() {
        let spark = card(.stackCloze, [Answer("Spark")], distractors: ["Spack"])
        #expect(!accepts("Spack", spark))
        #expect(!accepts("Spabk", spark))  // as near to the option as to the answer
        #expect(accepts("Sparkk", spark))
    }

    @Test func koreanSpellingsOfTheShippedTableCount() throws {
        let catalog = try Fixture.shipped()
        let stack = try #require(
            DeckGenerator(catalog: catalog).decks().flatMap(\.cards).first {
                $0.id.rawValue == "stack-cloze/데이터-애널리틱스/tableau"
            })
        #expect(accepts("태블로", stack))
        let list = card(
            .stack,
            [Answer("Python", aliases: ["파이썬"]), Answer("Tableau", aliases: ["태블로"]), Answer("Excel", aliases: ["엑셀"])])
        #expect(accepts("파이썬, 태블로, 엑셀", list))
    }

    @Test func clozeRepliesMayRepeatTheWordsAroundTheBlank() {
        let refine = card(.cloze, [Answer("정제")], context: "데이터 수집, ＿＿＿, 분석 및 시각화; 비즈니스 인사이트 제공")
        let check = judge.check("데이터 정제", card: refine)
        #expect(check.isCorrect && check.recalled.first?.kind == .withVisibleWords)
        #expect(!accepts("데이터 분석", refine))
        let collect = card(.cloze, [Answer("수집")], context: "데이터 ＿＿＿, 정제, 분석 및 시각화; 비즈니스 인사이트 제공")
        let slip = judge.check("데이타 수집", card: collect)
        #expect(slip.isCorrect && slip.recalled.first?.kind == .typos(1))
        #expect(!accepts("데이타 정제", collect))
    }

    @Test func aJamoFromAcrossTheKeyboardMakesAnotherWord() {
        let model = card(.cloze, [Answer("모델")])
        #expect(!accepts("모듈", model))  // ㅔ (p) and ㅠ (b) are far apart: a module, not a model
        #expect(accepts("모댈", model))  // ㅐ beside ㅔ, and alike in sound
        #expect(!accepts("물류", card(.cloze, [Answer("물리")])))
        #expect(accepts("성쟝", card(.cloze, [Answer("성장")])))  // ㅑ (i) is above ㅏ (k)
        #expect(accepts("난위도", card(.cloze, [Answer("난이도")])))  // ㅟ is typed with the key of ㅣ
        #expect(accepts("비지니스 인사이트", card(.cloze, [Answer("비즈니스 인사이트")])))  // ㅡ/ㅣ sound alike
        #expect(Keyboard.areNeighbours("\u{1166}", "\u{1162}"))  // ㅔ ㅐ
        #expect(!Keyboard.areNeighbours("\u{1166}", "\u{1172}"))  // ㅔ ㅠ
    }

    @Test func aReplyTypedInTheOtherInputMode() {
        let python = card(.stackCloze, [Answer("Python", aliases: ["파이썬"])])
        let korean = judge.check("ㅔㅛ쇄ㅜ", card: python)
        #expect(korean.isCorrect && korean.recalled.first?.kind == .otherLayout)
        #expect(accepts("vkdlTjs", python))  // 파이썬 with Shift for ㅆ
        #expect(!accepts("vkdltjs", python))  // 파이선: ㅅ for ㅆ is another word typed in the other mode
        #expect(accepts("wjdwp", card(.cloze, [Answer("정제")])))
        #expect(Keyboard.keys(of: "판다스") == "vksektm")
        #expect(Keyboard.keys(of: "ㅔㅛ쇄ㅜ") == "python")
    }

    @Test func fullWidthLettersAreTheirASCIISelves() {
        #expect(accepts("ＳＱＬ", card(.stackCloze, [Answer("SQL")])))
    }

    @Test func aMakerAKindWordOrAVersionAroundTheName() {
        let excel = card(.stackCloze, [Answer("Excel", aliases: ["엑셀"])])
        let vendor = judge.check("MS 엑셀", card: excel)
        #expect(vendor.isCorrect && vendor.recalled.first?.kind == .otherForm)
        #expect(accepts("Microsoft Excel", excel))
        #expect(accepts("R 언어", card(.stackCloze, [Answer("R", aliases: ["알"])])))
        #expect(accepts("Spring Framework", card(.stackCloze, [Answer("Spring")])))
        #expect(accepts("DirectX 12", card(.stackCloze, [Answer("DirectX")])))
        #expect(!accepts("GPT 4", card(.stackCloze, [Answer("GPT-3")])))  // a version the answer has is no extra
        #expect(accepts("ETL", card(.stackCloze, [Answer("ETL 툴")])))  // the kind word left out
        #expect(!accepts("자연어 처리", card(.stackCloze, [Answer("자연어 처리 도구")])))  // a field, not its tool
        #expect(accepts("리깅 작업", card(.cloze, [Answer("리깅")])))
        // A version or a kind word glued to the name, a kind word after its Korean reading.
        #expect(accepts("HTML5", card(.stackCloze, [Answer("HTML")])))
        #expect(accepts("GATK4", card(.stackCloze, [Answer("GATK")])))
        #expect(accepts("GA4", card(.stackCloze, [Answer("Google Analytics")])))  // GA is its short name
        #expect(accepts("Google Analytics 4", card(.stackCloze, [Answer("Google Analytics")])))
        #expect(accepts("Go언어", card(.stackCloze, [Answer("Go")])))
        #expect(accepts("고 언어", card(.stackCloze, [Answer("Go")])))
        #expect(!accepts("GPT4", card(.stackCloze, [Answer("GPT-3")])))
        #expect(!accepts("HL8 FHIR", card(.stackCloze, [Answer("HL7 FHIR")])))
        #expect(!accepts("게임", card(.cloze, [Answer("게임 엔진")])))  // after a Korean word a kind word is a word
    }

    @Test func aScriptLibraryWithOrWithoutJS() {
        #expect(accepts("React.js", card(.stackCloze, [Answer("React")])))
        #expect(accepts("ReactJS", card(.stackCloze, [Answer("React")])))
        #expect(accepts("Next", card(.stackCloze, [Answer("Next.js")])))
        #expect(accepts("Nest", card(.stackCloze, [Answer("NestJS")])))
        #expect(accepts("Cypress.io", card(.stackCloze, [Answer("Cypress")])))
        let next = card(.stackCloze, [Answer("Next.js")])
        #expect(
            !ReplyJudge(catalogNames: [NameKey("NestJS"), NameKey("Nuxt.js")]).check("NestJS", card: next).isCorrect)
        #expect(!ReplyJudge(catalogNames: [NameKey("NestJS"), NameKey("Nuxt.js")]).check("Nuxt", card: next).isCorrect)
        #expect(!accepts("Java", card(.stackCloze, [Answer("JavaScript")])))
    }

    @Test func aProductNamedAfterTheAnswerUnlessTheCatalogListsIt() {
        #expect(accepts("Spring Boot", card(.stackCloze, [Answer("Spring")])))
        #expect(accepts("스프링 부트", card(.stackCloze, [Answer("Spring")])))
        #expect(accepts("ONNX Runtime", card(.stackCloze, [Answer("ONNX")])))
        #expect(accepts("Redux Toolkit", card(.stackCloze, [Answer("Redux")])))
        let oracle = card(.stackCloze, [Answer("Oracle")])
        #expect(ReplyJudge().check("Oracle Clinical", card: oracle).isCorrect)
        // Where the catalog lists it, it is another item: the learner named the wrong one.
        #expect(
            !ReplyJudge(catalogNames: [NameKey("Oracle Clinical")]).check("Oracle Clinical", card: oracle).isCorrect)
        #expect(
            !ReplyJudge(catalogNames: [NameKey("Excel")]).check(
                "Tableau Excel", card: card(.stackCloze, [Answer("Tableau")])
            ).isCorrect)
        #expect(!judge.check("Java Script", card: card(.stackCloze, [Answer("Java")])).isCorrect)  // JavaScript
        #expect(!judge.check("C Sharp", card: card(.stackCloze, [Answer("C")])).isCorrect)  // one letter: C#
        #expect(!judge.check("스프링 어쩌구", card: card(.stackCloze, [Answer("Spring")])).isCorrect)
    }

    @Test func aSpellingTwoNamesShareIsEachOnesButJoinsNeither() {
        let sass = card(.stackCloze, [Answer("Sass")])
        let sas = card(.stackCloze, [Answer("SAS")])
        #expect(judge.check("사스", card: sass).isCorrect)
        #expect(judge.check("사스", card: sas).isCorrect)
        #expect(!judge.check("SAS", card: sass).isCorrect)
        #expect(!judge.check("Sass", card: sas).isCorrect)
    }

    @Test func latinAndHangulMixedAreReadAloud() {
        #expect(accepts("파워BI", card(.stackCloze, [Answer("Power BI", aliases: ["파워 비아이"])])))
        #expect(accepts("지피티3", card(.stackCloze, [Answer("GPT-3", aliases: ["지피티 쓰리"])])))
        #expect(accepts("쓰리디 모델러", card(.cloze, [Answer("3D 모델러")])))
        #expect(!accepts("지피티4", card(.stackCloze, [Answer("GPT-3", aliases: ["지피티 쓰리"])])))
    }

    @Test func theBlanksPhraseInOtherWordsAndOrder() {
        let collect = card(.cloze, [Answer("수집")], context: "데이터 ＿＿＿, 정제, 분석 및 시각화")
        for reply in ["데이터를 수집", "데이터수집", "수집을"] {
            #expect(accepts(reply, collect), "\(reply)")
        }
        let refine = card(.cloze, [Answer("정제")], context: "데이터 수집, ＿＿＿, 분석 및 시각화")
        for reply in ["데이터 정제", "데이터정제", "데이터 수집, 정제"] {
            #expect(accepts(reply, refine), "\(reply)")
        }
        let evaluate = card(.cloze, [Answer("평가")], context: "데이터 기반의 연구, 통계적 분석, 실험 설계 및 ＿＿＿")
        #expect(accepts("실험 설계와 평가", evaluate))
        #expect(accepts("실험 평가 및 설계", evaluate))
        #expect(!accepts("실험 설계", evaluate))  // the words around the blank, without it
        let database = card(.cloze, [Answer("데이터베이스")], context: "게임 서버 구축, ＿＿＿ 설계")
        #expect(accepts("DB 설계", database))  // the table's short name, word by word
        #expect(!accepts("데이터베이스 구축", database))  // a word of another duty: building is not designing
        let handling = card(.cloze, [Answer("처리")], context: "UI 및 입력 ＿＿＿")
        #expect(accepts("UI와 입력 처리", handling))
        #expect(!accepts("UX 및 입력 처리", handling))  // no slip in a Latin name
        let masking = card(.cloze, [Answer("개인정보")], context: "＿＿＿ 비식별 처리")
        #expect(!accepts("개인정보 식별 처리", masking))  // one slip in a phrase, not a syllable
        #expect(!accepts("Tableau, Excel", card(.stackCloze, [Answer("Tableau")], context: "SQL, ＿＿＿, Excel")))
    }

    @Test func severalNamesJoinedOrSharingAWord() {
        let roles = card(.domainRoles, [Answer("컴퓨터 비전 엔지니어"), Answer("자연어 처리 엔지니어")])
        for reply in [
            "컴퓨터 비전 엔지니어 및 자연어 처리 엔지니어", "컴퓨터 비전 엔지니어와 자연어 처리 엔지니어",
            "컴퓨터 비전 엔지니어 / 자연어 처리 엔지니어", "컴퓨터 비전, 자연어 처리 엔지니어",
        ] {
            #expect(accepts(reply, roles), "\(reply)")
        }
        #expect(!accepts("컴퓨터 비전 엔지니어와 데이터 엔지니어", roles))
        let quants = card(.domainRoles, [Answer("퀀트 트레이더"), Answer("퀀트 리서처")])
        #expect(accepts("퀀트 트레이더, 리서처", quants))
        #expect(!accepts("퀀트 트레이더, 애널리스트", quants))
        let clinical = card(.domainRoles, [Answer("임상 데이터 분석가"), Answer("임상 데이터 매니저")])
        #expect(accepts("임상 데이터 분석가, 매니저", clinical))  // two shared words written once
        #expect(!accepts("임상 데이터 분석가, 엔지니어", clinical))
    }

    @Test func groupPartsCount() {
        let tools = card(
            .stackCloze, [Answer("자연어 처리 도구(NLTK, SpaCy)", aliases: ["자연어 처리 도구", "NLTK, SpaCy", "NLTK", "SpaCy"])])
        #expect(accepts("NLTK, SpaCy", tools))
        #expect(accepts("SpaCy, NLTK", tools))
        #expect(accepts("nltk", tools))
        #expect(!accepts("NLTK, Keras", tools))
    }

    @Test func synonymsFromTheTableCount() {
        #expect(accepts("학습", card(.cloze, [Answer("훈련")])))
        #expect(accepts("자료 구조", card(.cloze, [Answer("데이터 구조")])))
        #expect(accepts("SageMaker", card(.stackCloze, [Answer("AWS SageMaker")])))
        #expect(accepts("UE", card(.stackCloze, [Answer("Unreal Engine")])))
        #expect(!accepts("학습", card(.cloze, [Answer("평가")])))
    }

    @Test func longAnswersAreJudgedByTheirWords() {
        let duty = card(.cloze, [Answer("데이터 파이프라인 구축 및 관리")])
        let check = judge.check("데이터 파이프라인을 관리하고 구축", card: duty)
        #expect(check.isCorrect && check.recalled.first?.kind == .keywords)
        #expect(!accepts("데이터 파이프라인 설계", duty))
    }

    @Test func severalAnswersAreAllAskedForAndPartialRecallIsNoPass() throws {
        let stack = card(
            .stack,
            [Answer("SQL"), Answer("Python"), Answer("데이터베이스(SQL, NoSQL)", aliases: ["데이터베이스"])])
        let check = judge.check("python, 데이터베이스(SQL, NoSQL), Java", card: stack)
        #expect(check.recalled.map(\.answer) == [1, 2])
        #expect(check.missing == [0])
        #expect(check.unmatched == ["Java"])
        #expect(check.isPartial && !check.isCorrect)
        guard case .judged(let partial) = judge.judge("Python, SQL", card: stack, choice: nil, seconds: 5) else {
            Issue.record("not judged")
            return
        }
        #expect(partial.outcome == .partial && partial.suggestion == .again)
        guard case .judged(let all) = judge.judge("SQL; Python、데이터베이스", card: stack, choice: nil, seconds: 5)
        else {
            Issue.record("not judged")
            return
        }
        #expect(all.outcome == .correct && all.suggestion == .good)
    }

    @Test func questionMarkGivesUpOnEveryKind() {
        var rng = TestRandom(seed: 3)
        let choiceCard = card(.stackRole, [Answer("A")], distractors: ["B", "C", "D"], selection: .one)
        let choice = ChoiceQuestion(card: choiceCard, using: &rng)
        let cards: [(Card, ChoiceQuestion?)] = [
            (card(.cloze, [Answer("정제")]), nil), (card(.stack, [Answer("SQL"), Answer("R")]), nil),
            (choiceCard, choice), (card(.trueFalse, [TrueFalse.true.answer]), nil), (card(.duties, [Answer("x")]), nil),
        ]
        for (card, choice) in cards {
            guard case .judged(let judged) = judge.judge("?", card: card, choice: choice, seconds: 1) else {
                Issue.record("\(card.kind) refused ?")
                continue
            }
            #expect(judged.outcome == .gaveUp && judged.suggestion == .again, "\(card.kind)")
        }
    }

    @Test func aHintCapsTheSuggestionAtHard() {
        let refine = card(.cloze, [Answer("정제")])
        guard case .judged(let plain) = judge.judge("정제", card: refine, choice: nil, seconds: 3),
            case .judged(let hinted) = judge.judge("정제", card: refine, choice: nil, seconds: 3, hinted: true)
        else {
            Issue.record("not judged")
            return
        }
        #expect(plain.suggestion == .good)
        #expect(hinted.suggestion == .hard && hinted.outcome == .correct)
        #expect(Hint.text(for: refine, choice: nil) == "ㅈㅈ (2글자)")
        #expect(Hint.text(for: card(.cloze, [Answer("데이터 파이프라인")]), choice: nil) == "ㄷㅇㅌ ㅍㅇㅍㄹㅇ (8글자)")
        #expect(Hint.text(for: card(.stackCloze, [Answer("Apache Spark")]), choice: nil) == "A_____ S____ (11글자)")
        #expect(Hint.text(for: card(.trueFalse, [TrueFalse.true.answer]), choice: nil) == nil)
        let choiceCard = card(.stackRole, [Answer("A")], distractors: ["B", "C", "D"], selection: .one)
        let choice = ChoiceQuestion(options: ["B", "A", "C", "D"], correct: [1], selection: .one)
        #expect(Hint.text(for: choiceCard, choice: choice) == "답이 아닌 것: 4) D")
        let five = ChoiceQuestion(options: ["B", "A", "C", "D", "E"], correct: [1], selection: .one)
        #expect(Hint.text(for: choiceCard, choice: five) == "답이 아닌 것: 4) D, 5) E")
        let two = ChoiceQuestion(options: ["A", "B"], correct: [0], selection: .one)
        #expect(Hint.text(for: choiceCard, choice: two) == nil)  // striking the one wrong option is the answer
    }

    @Test func aListIsNotOneOptionByItsWords() {
        let options = ["로보틱스 엔지니어", "컴퓨터 비전 엔지니어", "머신 러닝 엔지니어", "AI 개발자"]
        #expect(ChoiceInput.parse("컴퓨터 비전, 자연어 처리 엔지니어", options: options, selection: .one) == .failure(.unrecognised))
        #expect(ChoiceInput.parse("컴퓨터 비전 엔지니어", options: options, selection: .one) == .success([1]))
        let pair = ["컴퓨터 비전 엔지니어", "자연어 처리(NLP) 엔지니어"]
        #expect(ChoiceInput.parse("NLP 엔지니어", options: pair, selection: .one) == .success([1]))
        #expect(ChoiceInput.parse("자연어 처리 엔지니어", options: pair, selection: .one) == .success([1]))
    }

    @Test func choiceRepliesByNumberOrText() {
        let options = ["데이터", "머신 러닝", "MLOps", "AutoML"]
        #expect(ChoiceInput.parse("2", options: options, selection: .one) == .success([1]))
        #expect(ChoiceInput.parse(" mlops ", options: options, selection: .one) == .success([2]))
        #expect(ChoiceInput.parse("머신러닝", options: options, selection: .one) == .success([1]))
        #expect(ChoiceInput.parse("5", options: options, selection: .one) == .failure(.outOfRange(5, count: 4)))
        #expect(ChoiceInput.parse("0", options: options, selection: .one) == .failure(.outOfRange(0, count: 4)))
        #expect(ChoiceInput.parse("1 3", options: options, selection: .one) == .failure(.severalForOne))
        #expect(ChoiceInput.parse("", options: options, selection: .one) == .failure(.empty))
        #expect(ChoiceInput.parse("요리", options: options, selection: .one) == .failure(.unrecognised))
        #expect(ChoiceInput.parse("99999999999999999999999", options: options, selection: .one).isFailure)
    }

    @Test func selectAllTakesSeveralNumbersAndHalfIsNoPass() {
        let options = ["A 엔지니어", "B 리서처", "C 개발자", "D 분석가"]
        #expect(ChoiceInput.parse("1 3", options: options, selection: .all) == .success([0, 2]))
        #expect(ChoiceInput.parse("1,3", options: options, selection: .all) == .success([0, 2]))
        #expect(ChoiceInput.parse("13", options: options, selection: .all) == .success([0, 2]))
        #expect(ChoiceInput.parse("a 엔지니어, c 개발자", options: options, selection: .all) == .success([0, 2]))
        #expect(ChoiceInput.parse("1 7", options: options, selection: .all) == .failure(.outOfRange(7, count: 4)))
        let question = ChoiceQuestion(options: options, correct: [0, 2], selection: .all)
        let all = card(
            .stackRole, [Answer("A 엔지니어"), Answer("C 개발자")], distractors: ["B 리서처", "D 분석가"], selection: .all)
        guard case .judged(let half) = judge.judge("1", card: all, choice: question, seconds: 2) else {
            Issue.record("not judged")
            return
        }
        #expect(half.outcome == .partial && half.suggestion == .again)
    }

    @Test func trueFalseWords() {
        for yes in ["o", "O", "y", "예", "네", "참", "true"] { #expect(TrueFalseInput.parse(yes) == true) }
        for no in ["x", "X", "n", "아니오", "아니요", "거짓", "false"] { #expect(TrueFalseInput.parse(no) == false) }
        #expect(TrueFalseInput.parse("maybe") == nil)
        #expect(TrueFalseInput.parse("") == nil)
    }

    @Test func suggestions() {
        #expect(RatingSuggestion.suggest(outcome: .wrong) == .again)
        #expect(RatingSuggestion.suggest(outcome: .partial) == .again)
        #expect(RatingSuggestion.suggest(outcome: .gaveUp) == .again)
        #expect(RatingSuggestion.suggest(outcome: .correct) == .good)
        #expect(RatingSuggestion.suggest(outcome: .correct, roughly: true) == .hard)
        #expect(RatingSuggestion.suggest(outcome: .correct, slow: true) == .hard)
        #expect(RatingSuggestion.suggest(outcome: .shown) == .good)
        #expect(RatingSuggestion.suggest(outcome: .shown, hinted: true) == .hard)
    }

    @Test func intervalsReadLikeAnki() {
        #expect(IntervalText.korean(seconds: 30) == "30초")
        #expect(IntervalText.korean(seconds: 60) == "1분")
        #expect(IntervalText.korean(seconds: 600) == "10분")
        #expect(IntervalText.korean(seconds: 3 * 3600) == "3시간")
        #expect(IntervalText.korean(seconds: 8 * 86_400) == "8일")
        #expect(IntervalText.korean(seconds: 69 * 86_400) == "2.3개월")
        #expect(IntervalText.korean(seconds: 60 * 86_400) == "2개월")
        #expect(IntervalText.korean(seconds: 438 * 86_400) == "1.2년")
        #expect(IntervalText.elapsed(seconds: 185) == "3분 5초")
        #expect(IntervalText.elapsed(seconds: 42) == "42초")
        #expect(IntervalText.elapsed(seconds: 3720) == "1시간 2분")
    }
}

extension Result {
    var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}
