import Foundation
import RoledeckCore
import Testing

@Suite struct AnswerCheckerTests {
    func card(
        _ kind: CardKind, _ answers: [Answer], distractors: [String]? = nil
    ) -> Card {
        Card(
            id: CardID(kind, "test"), kind: kind, domain: DomainKey(rawValue: "data"), role: nil, prompt: "?",
            answers: answers, distractors: distractors, explanation: "")
    }

    @Test func foldingIgnoresCaseSpacingAndJoiners() {
        #expect(AnswerText.folded("Power BI") == "powerbi")
        #expect(AnswerText.folded(" 데이터  수집 ") == "데이터수집")
        #expect(AnswerText.folded("scikit-learn") == AnswerText.folded("Scikit Learn"))
        // NFD input (decomposed jamo) folds to the same NFC text.
        #expect(AnswerText.folded("\u{1100}\u{1161}") == "가")
    }

    @Test func typedAnswerAcceptsAliasesCaseAndSpacing() {
        let checker = AnswerChecker(card: card(.cloze, [Answer("ROS(Robot Operating System)", aliases: ["ROS"])]))
        #expect(checker.check("ros").isCorrect)
        #expect(checker.check("ROS (Robot Operating System)").isCorrect)
        #expect(!checker.check("RSO").isCorrect)  // three letters: no typo forgiven
        let nlp = AnswerChecker(
            card: card(.cloze, [Answer("자연어 처리(NLP) 엔지니어", aliases: ["자연어 처리 엔지니어", "NLP 엔지니어"])]))
        #expect(nlp.check("nlp엔지니어").isCorrect)
        #expect(nlp.check("자연어처리 엔지니어").isCorrect)
    }

    @Test func oneWrongJamoIsOneTypo() {
        let checker = AnswerChecker(card: card(.cloze, [Answer("정제")]))
        // 정재: ㅔ → ㅐ is one jamo, not a whole syllable.
        let check = checker.check("정재")
        #expect(check.isCorrect && check.hasTypos)
        #expect(check.recalled.first?.typos == 1)
        #expect(!checker.check("정보").isCorrect)
        let long = AnswerChecker(card: card(.cloze, [Answer("데이터 수집")]))
        #expect(long.check("대이터 수짐").isCorrect)  // two jamo off in a long answer
        #expect(!long.check("데이터 분석").isCorrect)
    }

    @Test func aTypoThatLandsOnADistractorIsNotForgiven() {
        let checker = AnswerChecker(
            answers: [Answer("Spark")], distractors: ["Spack"], expectsAll: false)
        #expect(!checker.check("Spack").isCorrect)
        #expect(!checker.check("Spabk").isCorrect)  // as near to the distractor as to the answer
        #expect(checker.check("Sparkk").isCorrect)
    }

    @Test func severalAnswersAreScoredByRecall() {
        let stack = card(
            .stack,
            [Answer("SQL"), Answer("Python"), Answer("데이터베이스(SQL, NoSQL)", aliases: ["데이터베이스"]), Answer("Excel")])
        let check = AnswerChecker(card: stack).check("python, 데이터베이스(SQL, NoSQL), sql, Pyton, Java")
        #expect(check.recalled.map(\.answer) == [1, 2, 0])
        #expect(check.missing == [3])
        #expect(check.unmatched == ["Java"])
        #expect(check.expected == 4)
        #expect(!check.isCorrect)
        #expect(check.score == 0.75)
        let all = AnswerChecker(card: stack).check("SQL; Python、데이터베이스 , excel")
        #expect(all.isCorrect && all.score == 1)
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
        #expect(
            ChoiceInput.parse("99999999999999999999999", options: options, selection: .one).isFailure)
    }

    @Test func selectAllTakesSeveralNumbers() {
        let options = ["A 엔지니어", "B 리서처", "C 개발자", "D 분석가"]
        #expect(ChoiceInput.parse("1 3", options: options, selection: .all) == .success([0, 2]))
        #expect(ChoiceInput.parse("1,3", options: options, selection: .all) == .success([0, 2]))
        #expect(ChoiceInput.parse("13", options: options, selection: .all) == .success([0, 2]))
        #expect(ChoiceInput.parse("a 엔지니어, c 개발자", options: options, selection: .all) == .success([0, 2]))
        #expect(ChoiceInput.parse("1 7", options: options, selection: .all) == .failure(.outOfRange(7, count: 4)))
    }

    @Test func trueFalseWords() {
        for yes in ["o", "O", "y", "예", "네", "참", "true"] { #expect(TrueFalseInput.parse(yes) == true) }
        for no in ["x", "X", "n", "아니오", "아니요", "거짓", "false"] { #expect(TrueFalseInput.parse(no) == false) }
        #expect(TrueFalseInput.parse("maybe") == nil)
        #expect(TrueFalseInput.parse("") == nil)
    }

    @Test func suggestions() {
        #expect(RatingSuggestion.suggest(correct: false) == .again)
        #expect(RatingSuggestion.suggest(correct: true) == .good)
        #expect(RatingSuggestion.suggest(correct: true, typos: true) == .hard)
        #expect(RatingSuggestion.suggest(correct: true, slow: true) == .hard)
        #expect(RatingSuggestion.suggest(correct: false, score: 0.5) == .hard)
        #expect(RatingSuggestion.suggest(correct: false, score: 0.4) == .again)
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
