/// Matches a typed reply against a card's answers the way a fair teacher does (`ReplyJudge` uses it).
///
/// In this order, the first that holds:
/// 1. the folded reply is an answer or one of its spellings (aliases, group parts, Korean spellings,
///    and the spelling table's names and synonyms for it: `SageMaker`, `자료 구조`, `학습`);
/// 2. every comma-separated piece of it is (`NLTK, SpaCy` for `자연어 처리 도구(NLTK, SpaCy)`);
/// 3. it is, once words already visible in the card's context are set aside (`데이터 정제` where the
///    blank follows `데이터 수집`);
/// 4. it is within the typo allowance of one answer (Damerau distance on jamo: a swap is one edit),
///    except for Latin names of four characters or fewer, a change of digits or of a capitalised
///    acronym (`GPT-4`, `OpenCL`), a reply that is itself another real name, and a reply as near to
///    another answer or option;
/// 5. a long answer: every informative word of it is in the reply, in any order and form.
public struct AnswerMatcher: Sendable {
    /// How a reply matched.
    public enum Kind: Equatable, Sendable {
        case exact
        /// With words the card already shows.
        case withVisibleWords
        /// With this many typos forgiven.
        case typos(Int)
        /// Every informative word of a long answer, worded otherwise.
        case keywords
    }

    /// A reply matched to an answer.
    public struct Match: Equatable, Sendable {
        public var answer: Int
        public var kind: Kind
    }

    private struct Spelling: Sendable {
        var answer: Int
        var folded: String
        var jamo: [Unicode.Scalar]
        var allowance: Int
        var digits: String
        var acronyms: [String]
    }

    private let spellings: [Spelling]
    /// Other names of the answers in the spelling table, folded, with the answer each stands for.
    private let equivalents: [String: Int]
    private let rivals: [[Unicode.Scalar]]
    private let rivalKeys: Set<String>
    private let knownNames: Set<NameKey>
    private let visibleWords: Set<String>
    private let keywords: [[String]]

    /// A matcher for the given answers. `distractors` are options a typo must not be as near to;
    /// `knownNames` are real names (of the decks and the spelling table) a typo must not be;
    /// `context` is what the card shows besides the prompt (a cloze line with its blank).
    public init(
        answers: [Answer], distractors: [String] = [], knownNames: Set<NameKey> = [], context: String? = nil,
        lexicon: Lexicon? = nil
    ) {
        var spellings: [Spelling] = []
        var equivalents: [String: Int] = [:]
        for (index, answer) in answers.enumerated() {
            for text in answer.accepted {
                let folded = AnswerText.folded(text)
                guard !folded.isEmpty else { continue }
                spellings.append(
                    Spelling(
                        answer: index, folded: folded, jamo: AnswerText.jamo(folded), allowance: Self.allowance(text),
                        digits: folded.filter(\.isNumber), acronyms: Self.acronyms(in: text)))
                for key in lexicon?.equivalents(of: NameKey(text)) ?? [] where equivalents[key.rawValue] == nil {
                    equivalents[key.rawValue] = index
                }
            }
        }
        self.spellings = spellings
        self.equivalents = equivalents
        rivals = distractors.map { AnswerText.jamo(AnswerText.folded($0)) }
        rivalKeys = Set(distractors.map(AnswerText.folded))
        self.knownNames = knownNames
        let blankFree = (context ?? "").replacingOccurrences(of: "＿＿＿", with: " ")
        visibleWords = Set(
            blankFree.split { $0 == " " || $0 == "," || $0 == ";" }.map { AnswerText.folded(String($0)) })
        // Only Korean phrases are judged by their words; a Latin name is a name, spelled or not.
        keywords = answers.map { answer in
            let words = Words.of(answer.text).filter { !CatalogIndex.stopWords.contains($0) && $0 != "및" }
            return words.count >= 2 && words.contains(where: CatalogIndex.isHangul) ? words : []
        }
    }

    /// The answer `item` stands for, and how; nil when it stands for none. Answers in `taken` are
    /// matched only when nothing else is.
    public func match(_ item: String, preferringOtherThan taken: Set<Int> = []) -> Match? {
        let folded = AnswerText.folded(item)
        guard !folded.isEmpty else { return nil }
        if let answer = exact(folded, preferringOtherThan: taken) { return Match(answer: answer, kind: .exact) }
        let pieces = AnswerText.items(item).map(AnswerText.folded)
        if pieces.count > 1, let first = exact(pieces[0], preferringOtherThan: taken),
            pieces.allSatisfy({ exact($0, preferringOtherThan: []) == first })
        {
            return Match(answer: first, kind: .exact)
        }
        if let (answer, slips) = withoutVisibleWords(item, preferringOtherThan: taken) {
            return Match(answer: answer, kind: slips == 0 ? .withVisibleWords : .typos(slips))
        }
        if let match = forgivingTypos(folded) { return match }
        guard !knownNames.contains(NameKey(folded)) else { return nil }
        return byKeywords(item)
    }

    private func exact(_ folded: String, preferringOtherThan taken: Set<Int>) -> Int? {
        let hits = spellings.filter { $0.folded == folded }
        return (hits.first { !taken.contains($0.answer) } ?? hits.first)?.answer ?? equivalents[folded]
    }

    /// The reply with leading and trailing words the card shows taken off, one at a time, with the
    /// answer and how many of those words were misspelt (`데이타 수집` where `데이터 ＿＿＿` shows).
    private func withoutVisibleWords(_ item: String, preferringOtherThan taken: Set<Int>) -> (Int, Int)? {
        guard !visibleWords.isEmpty else { return nil }
        var words = item.split(separator: " ").map(String.init)
        var slips = 0
        while words.count > 1 {
            if let seen = visible(words[0]) {
                words.removeFirst()
                slips += seen ? 0 : 1
            } else if let seen = visible(words[words.count - 1]) {
                words.removeLast()
                slips += seen ? 0 : 1
            } else {
                return nil
            }
            if let answer = exact(AnswerText.folded(words.joined()), preferringOtherThan: taken) {
                return (answer, slips)
            }
        }
        return nil
    }

    /// Whether `word` is one the card shows: true as shown, false within a typo of one, nil otherwise.
    private func visible(_ word: String) -> Bool? {
        let folded = AnswerText.folded(word)
        if visibleWords.contains(folded) { return true }
        return visibleWords.contains { Self.nearlySame($0, folded) } ? false : nil
    }

    private func forgivingTypos(_ folded: String) -> Match? {
        guard !rivalKeys.contains(folded), !knownNames.contains(NameKey(folded)) else { return nil }
        let jamo = AnswerText.jamo(folded)
        let digits = folded.filter(\.isNumber)
        var best: (answer: Int, distance: Int)?
        var tie = false
        for spelling in spellings where spelling.allowance > 0 && spelling.digits == digits {
            guard spelling.acronyms.allSatisfy({ folded.contains($0) }) else { continue }
            let distance = EditDistance.damerau(jamo, spelling.jamo)
            guard distance <= spelling.allowance else { continue }
            if let current = best {
                if distance < current.distance {
                    (best, tie) = ((spelling.answer, distance), false)
                } else if distance == current.distance && spelling.answer != current.answer {
                    tie = true
                }
            } else {
                best = (spelling.answer, distance)
            }
        }
        guard let best, !tie else { return nil }
        if rivals.contains(where: { EditDistance.damerau(jamo, $0) <= best.distance }) { return nil }
        return Match(answer: best.answer, kind: .typos(best.distance))
    }

    /// Every informative word of a long answer is in the reply, each within a typo of its own length.
    private func byKeywords(_ item: String) -> Match? {
        let given = Words.of(item)
        guard given.count >= 2 else { return nil }
        let hits = keywords.indices.filter { index in
            !keywords[index].isEmpty
                && keywords[index].allSatisfy { word in
                    given.contains { Words.sameStem($0, word) || Self.nearlySame($0, word) }
                }
        }
        guard hits.count == 1, let answer = hits.first else { return nil }
        return Match(answer: answer, kind: .keywords)
    }

    private static func nearlySame(_ a: String, _ b: String) -> Bool {
        let left = AnswerText.jamo(AnswerText.folded(a))
        let right = AnswerText.jamo(AnswerText.folded(b))
        return min(left.count, right.count) >= 4 && EditDistance.damerau(left, right) <= 1
    }

    /// Typos forgiven in a spelling: none in a Latin name of four characters or fewer (`BERT`, `Java`)
    /// or anything under four jamo or letters (`정제` has five); one up to seven, two up to nineteen,
    /// three from twenty (`머신 러닝 모델 개발`).
    static func allowance(_ text: String) -> Int {
        let folded = AnswerText.folded(text)
        let latin = folded.unicodeScalars.allSatisfy(\.isASCII)
        if latin && folded.count <= 4 { return 0 }
        let length = AnswerText.jamo(folded).count
        switch length {
        case ..<4: return 0
        case 4...7: return 1
        case 8...19: return 2
        default: return 3
        }
    }

    /// Capitalised runs of two or more letters (`CV` of OpenCV, `BI` of Power BI), folded: a typo
    /// there makes another name.
    static func acronyms(in text: String) -> [String] {
        var runs: [String] = []
        var current = ""
        for character in text + " " {
            if character.isASCII && character.isUppercase {
                current.append(character)
            } else {
                if current.count >= 2 { runs.append(current.lowercased()) }
                current = ""
            }
        }
        return runs
    }
}
