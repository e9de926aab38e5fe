/// Matches a typed reply against a card's answers the way a fair teacher does (`ReplyJudge` uses it).
///
/// In this order, the first that holds:
/// 1. the folded reply is an answer or one of its spellings (aliases, group parts, Korean spellings,
///    and the spelling table's names and synonyms for it: `SageMaker`, `자료 구조`, `학습`);
/// 2. every comma-separated piece of it is (`NLTK, SpaCy` for `자연어 처리 도구(NLTK, SpaCy)`);
/// 3. it says the answer in other words of the same phrase: with particles (`데이터를 수집`), with the
///    words the cloze line shows around the blank, spaced otherwise, with 와/과 for 및, each word or
///    run of words as the spelling table knows it (`DB 설계`, `인공지능 리서처`, `탐지 규칙 작성`);
/// 4. it is the answer with a maker's name before it, a word for what kind of thing it is after it, or
///    a version (`MS 엑셀`, `R 언어`, `Go언어`, `DirectX 12`, `HTML5`), or the answer without such a last word
///    (`ETL`); a script library's name with or without `.js` (`React.js`, `Next`) or its site's `.io`; or a
///    product named after a Latin answer (`Spring Boot` for Spring, `ONNX Runtime` for ONNX) that is no
///    other name of the catalog (`Oracle Clinical` is not `Oracle` where the catalog lists both);
/// 5. it is within the typo allowance of one answer, or of the answer with the words around the blank
///    (Damerau distance on jamo: a swap is one edit, a jamo from a key that is not beside the right one
///    two), except for Latin names of four characters or fewer, a change of digits or of a capitalised
///    acronym (`GPT-4`, `OpenCL`), a reply that is itself another real name, and a reply as near to
///    another answer or option;
/// 6. it is an answer typed with the input method in the other mode (`ㅔㅛ쇄ㅜ`, `vksekt`);
/// 7. a long answer: every informative word of it is in the reply, in any order and form.
public struct AnswerMatcher: Sendable {
    /// How a reply matched.
    public enum Kind: Equatable, Sendable {
        case exact
        /// In the answer's own words, spaced otherwise, with particles or with the words the card shows.
        case withVisibleWords
        /// With a maker's name, a kind word or a version added, or a kind word left out.
        case otherForm
        /// Typed with the input method in the other mode.
        case otherLayout
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
        /// The spelling with one of its Latin words left out, folded: another name, not a typo
        /// (`ISMS` of `ISMS-P`).
        var lessOneWord: Set<String>
    }

    /// One way of saying an answer in words: a spelling of it alone, or a run of the cloze line's
    /// phrase with the blank filled by a spelling.
    private struct Phrase: Sendable {
        var answer: Int
        /// `Phrasing.canonical` of the words.
        var canonical: String
        var jamo: [Unicode.Scalar]
        /// Whether it holds words the card shows besides the answer.
        var visible: Bool
        /// The typo allowance of the answer alone.
        var allowance: Int
        var digits: String
        var acronyms: [String]
    }

    private let spellings: [Spelling]
    /// Other names of the answers in the spelling table, folded, with the answer each stands for.
    private let equivalents: [String: Int]
    private let phrases: [Phrase]
    private let phraseIndex: [String: Int]
    /// Spellings that end in a kind word (`ETL 툴`), without it, with the answer.
    private let shortForms: [String: Int]
    /// The letters of each Latin spelling, and the keys that type each Hangul one, for replies typed
    /// in the other mode.
    private let latinKeys: [String: Int]
    private let hangulKeys: [String: Int]
    /// The words of each spelling, each in all its forms, with the answer.
    private let answerWords: [(answer: Int, words: [Set<String>])]
    /// Each spelling with its Latin letters and digits read aloud in Hangul (`파워비아이`, `쓰리디모델러`).
    private let readAloud: [String: Int]
    private let lexicon: Lexicon?
    /// The words of the blank's part of a cloze line, in all their forms.
    private let visibleWords: Set<String>
    /// The same, folded, as a reply may join them to the answer (`데이터정제`).
    private let besideTheBlank: [String]
    private let rivals: [[Unicode.Scalar]]
    private let rivalKeys: Set<String>
    private let knownNames: Set<NameKey>
    /// The names the catalog itself uses (answers, options, stack items): a reply that is one of them
    /// names that, not a form of the answer.
    private let catalogNames: Set<NameKey>
    /// Each spelling without a script library's `.js` or a site's `.io` (`react`, `next`), with the answer.
    private let bareNames: [String: Int]
    /// The words of each Latin answer as written, for products named after it.
    private let latinAnswers: [(answer: Int, words: [String])]
    private let keywords: [[String]]
    private let phrasing: Phrasing

    /// A matcher for the given answers. `distractors` are options a typo must not be as near to;
    /// `knownNames` are real names (of the decks and the spelling table) a typo must not be;
    /// `catalogNames` are the names the catalog itself uses (a subset of `knownNames`); `context` is what
    /// the card shows besides the prompt (a cloze line with its blank).
    public init(
        answers: [Answer], distractors: [String] = [], knownNames: Set<NameKey> = [],
        catalogNames: Set<NameKey> = [], context: String? = nil, lexicon: Lexicon? = nil
    ) {
        let phrasing = Phrasing(lexicon: lexicon)
        var spellings: [Spelling] = []
        var equivalents: [String: Int] = [:]
        var phrases: [Phrase] = []
        var shortForms: [String: Int] = [:]
        var latinKeys: [String: Int] = [:]
        var hangulKeys: [String: Int] = [:]
        var answerWords: [(Int, [Set<String>])] = []
        var readAloud: [String: Int] = [:]
        var bareNames: [String: Int] = [:]
        var latinAnswers: [(Int, [String])] = []
        let blanked = context.map(Self.blankedSegment) ?? nil
        for (index, answer) in answers.enumerated() {
            let allowance = Self.allowance(answer.text)
            if Self.isLatinName(answer.text) { latinAnswers.append((index, Phrasing.words(of: answer.text))) }
            for text in answer.accepted {
                let folded = AnswerText.folded(text)
                guard !folded.isEmpty else { continue }
                let digits = folded.filter(\.isNumber)
                let acronyms = Self.acronyms(in: text)
                spellings.append(
                    Spelling(
                        answer: index, folded: folded, jamo: AnswerText.jamo(folded), allowance: Self.allowance(text),
                        digits: digits, acronyms: acronyms, lessOneWord: Self.lessOneWord(text)))
                for key in lexicon?.acceptedKeys(of: NameKey(text)) ?? [] where equivalents[key.rawValue] == nil {
                    equivalents[key.rawValue] = index
                }
                for (words, visible) in Self.runs(of: text, in: blanked) {
                    var forms = phrasing.forms(words)
                    forms += phrasing.forms(words.map(Phrasing.withoutParticle)).filter { !forms.contains($0) }
                    for canonical in forms {
                        phrases.append(
                            Phrase(
                                answer: index, canonical: canonical, jamo: AnswerText.jamo(canonical), visible: visible,
                                allowance: allowance, digits: digits, acronyms: acronyms))
                    }
                }
                let words = Phrasing.words(of: text)
                if words.count >= 2, let last = words.last, Phrasing.kindWords.contains(last.lowercased()),
                    words.dropLast().allSatisfy({ $0.unicodeScalars.allSatisfy(\.isASCII) })
                {
                    shortForms[phrasing.canonical(Array(words.dropLast())), default: index] = index
                }
                if text.unicodeScalars.allSatisfy(\.isASCII) {
                    let letters = folded.filter(\.isLetter)
                    if letters.count >= 3 { latinKeys[letters, default: index] = index }
                } else if folded.unicodeScalars.allSatisfy(Hangul.isSyllable) {
                    hangulKeys[Keyboard.normalized(Keyboard.keys(of: folded)), default: index] = index
                }
                answerWords.append((index, phrasing.wordForms(Phrasing.words(of: text))))
                if let read = lexicon?.readAloud(text).map(AnswerText.folded), !read.isEmpty {
                    readAloud[read, default: index] = index
                }
                if let bare = Self.bareName(text) { bareNames[bare, default: index] = index }
            }
        }
        self.spellings = spellings
        self.equivalents = equivalents
        // Runs with the fewest visible words first: `＿＿＿` alone says the answer is given as asked.
        self.phrases = phrases.enumerated().sorted {
            ($0.element.visible ? 1 : 0, $0.offset) < ($1.element.visible ? 1 : 0, $1.offset)
        }
        .map(\.element)
        var phraseIndex: [String: Int] = [:]
        for (position, phrase) in self.phrases.enumerated() where phraseIndex[phrase.canonical] == nil {
            phraseIndex[phrase.canonical] = position
        }
        self.phraseIndex = phraseIndex
        self.shortForms = shortForms
        self.latinKeys = latinKeys
        self.hangulKeys = hangulKeys
        self.answerWords = answerWords
        self.readAloud = readAloud
        self.bareNames = bareNames
        self.latinAnswers = latinAnswers
        self.lexicon = lexicon
        let beside = context.map(Self.wordsBesideTheBlank) ?? []
        visibleWords = Set(phrasing.wordForms(beside).flatMap { $0 })
        besideTheBlank = beside.map(AnswerText.folded).filter { $0.count >= 2 }
        rivals = distractors.map { AnswerText.jamo(AnswerText.folded($0)) }
        rivalKeys = Set(distractors.map(AnswerText.folded))
        self.knownNames = knownNames
        self.catalogNames = catalogNames
        self.phrasing = phrasing
        // Only Korean phrases are judged by their words; a Latin name is a name, spelled or not.
        keywords = answers.map { answer in
            let words = Words.of(answer.text).filter { !CatalogIndex.stopWords.contains($0) && $0 != "및" }
            return words.count >= 2 && words.contains(where: CatalogIndex.isHangul) ? words : []
        }
    }

    /// The answer `item` stands for, and how; nil when it stands for none. Answers in `taken` are
    /// matched only when nothing else is.
    public func match(_ item: String, preferringOtherThan taken: Set<Int> = []) -> Match? {
        let item = AnswerText.halfWidth(item)
        let folded = AnswerText.folded(item)
        guard !folded.isEmpty else { return nil }
        if let answer = exact(folded, preferringOtherThan: taken) { return Match(answer: answer, kind: .exact) }
        let pieces = AnswerText.items(item).map(AnswerText.folded)
        if pieces.count > 1, let first = exact(pieces[0], preferringOtherThan: taken),
            pieces.allSatisfy({ exact($0, preferringOtherThan: []) == first })
        {
            return Match(answer: first, kind: .exact)
        }
        let words = Phrasing.words(of: item)
        // The answer's own words (spaced otherwise, with particles, with the line's words) first; then
        // with other names from the table for some of them (`DB 설계`).
        if let phrase = Phrasing(lexicon: nil).readings(of: words).lazy.compactMap({ self.phraseIndex[$0] }).first {
            return Match(answer: phrases[phrase].answer, kind: .withVisibleWords)
        }
        let readings = phrasing.readings(of: words)
        if let phrase = readings.lazy.compactMap({ self.phraseIndex[$0] }).first.map({ phrases[$0] }) {
            return Match(answer: phrase.answer, kind: phrase.visible ? .withVisibleWords : .exact)
        }
        if let answer = inAnyOrder(words) { return Match(answer: answer, kind: .withVisibleWords) }
        if let answer = otherForm(words) ?? otherForm(Self.splittingGluedWords(words)) {
            return Match(answer: answer, kind: .otherForm)
        }
        if let answer = bareName(item) ?? productNamedAfter(item) { return Match(answer: answer, kind: .otherForm) }
        // Read aloud, a name in letters is the answer (`파워BI`), unless it is another name that sounds
        // the same (`SAS` for Sass, both 사스).
        if let read = lexicon?.readAloud(item).map(AnswerText.folded), let answer = readAloud[read],
            !knownNames.contains(NameKey(folded))
        {
            return Match(answer: answer, kind: .otherForm)
        }
        if let match = forgivingTypos(folded) ?? forgivingTypos(inPhrases: readings, folded: folded) { return match }
        if let answer = otherLayout(item) { return Match(answer: answer, kind: .otherLayout) }
        guard !knownNames.contains(NameKey(folded)) else { return nil }
        return byKeywords(item)
    }

    private func exact(_ folded: String, preferringOtherThan taken: Set<Int>) -> Int? {
        let hits = spellings.filter { $0.folded == folded }
        return (hits.first { !taken.contains($0.answer) } ?? hits.first)?.answer ?? equivalents[folded]
    }

    /// The segment of a cloze line that holds the blank (between commas and semicolons), and how many
    /// blanks it has.
    private static func blankedSegment(_ context: String) -> Blanked? {
        let segments = AnswerText.items(context)
        guard let index = segments.firstIndex(where: { $0.contains(blank) }) else { return nil }
        let segment = segments[index]
        return Blanked(
            words: segment.split(separator: " ").map(String.init),
            blanks: segment.components(separatedBy: blank).count - 1,
            before: segments[..<index].map(Phrasing.words))
    }

    /// The blank's part of a cloze line and the parts before it.
    private struct Blanked {
        var words: [String]
        var blanks: Int
        /// The words of each part before, in order.
        var before: [[String]]
    }

    private static let blank = "＿＿＿"

    /// The ways of saying `text` in the words of the blanked segment: every run of the segment's words
    /// that holds all of the blank, with the blank filled by `text` (split at 및 when the segment
    /// has one blank a piece), and whether the run shows words besides the answer.
    private static func runs(of text: String, in blanked: Blanked?) -> [([String], Bool)] {
        let alone = (Phrasing.words(of: text), false)
        guard let blanked, blanked.blanks > 0 else { return [alone] }
        let pieces = blanked.blanks == 1 ? [text] : text.components(separatedBy: " 및 ")
        guard pieces.count == blanked.blanks else { return [alone] }
        var words: [(text: String, blank: Bool)] = []
        var next = 0
        for word in blanked.words {
            guard word.contains(blank) else {
                words.append((word, false))
                continue
            }
            let filled = word.replacingOccurrences(of: blank, with: pieces[min(next, pieces.count - 1)])
            next += 1
            words += filled.split(separator: " ").map { (String($0), true) }
        }
        guard let first = words.firstIndex(where: \.blank), let last = words.lastIndex(where: \.blank) else {
            return [alone]
        }
        var runs = [alone]
        for start in 0...first {
            for end in last..<words.count {
                let run = words[start...end]
                runs.append(
                    (
                        run.flatMap { Phrasing.words(of: $0.text) },
                        run.contains { !$0.blank && !Phrasing.connectors.contains($0.text) }
                    ))
            }
        }
        // The line recited from the start of an earlier part up to the blank (`데이터 수집, 정제`).
        let throughTheBlank = words[...last].flatMap { Phrasing.words(of: $0.text) }
        for start in blanked.before.indices {
            runs.append((blanked.before[start...].flatMap { $0 } + throughTheBlank, true))
        }
        return runs
    }

    /// The words of the blank's part of a cloze line, the blank left out; for a part that is only the
    /// blank, an action on the object an earlier part names (`데이터 수집, ＿＿＿`), that object.
    private static func wordsBesideTheBlank(_ context: String) -> [String] {
        guard let blanked = blankedSegment(context) else { return [] }
        let beside = blanked.words.filter { !$0.contains(blank) && !Phrasing.connectors.contains($0) }
        guard beside.isEmpty else { return beside }
        guard let object = blanked.before.last(where: { $0.count >= 2 }),
            blanked.before.reversed().prefix(while: { $0.count < 2 }).allSatisfy({ $0.count == 1 })
        else { return [] }
        return Array(object.dropLast())
    }

    /// The answer's words and words of the blank's part, in any order and form: `실험 평가 및 설계` for
    /// `실험 설계 및 ＿＿＿`, `자동화 테스트` for `테스트 ＿＿＿`, `정제데이터` for `데이터 ＿＿＿`.
    private func inAnyOrder(_ words: [String]) -> Int? {
        guard !visibleWords.isEmpty else { return nil }
        let words = words.flatMap(splitAtVisibleWords)
        guard words.count >= 2 else { return nil }
        let given = phrasing.wordForms(words)
        for (answer, wanted) in answerWords where !wanted.isEmpty && wanted.count < given.count {
            var left = given
            var found = true
            for forms in wanted {
                guard let position = left.firstIndex(where: { !$0.isDisjoint(with: forms) }) else {
                    found = false
                    break
                }
                left.remove(at: position)
            }
            if found && left.allSatisfy({ !$0.isDisjoint(with: visibleWords) }) { return answer }
        }
        return nil
    }

    /// A word that joins a word of the blank's part to something else, as two words.
    private func splitAtVisibleWords(_ word: String) -> [String] {
        let folded = AnswerText.folded(word)
        for visible in besideTheBlank where folded.count > visible.count {
            if folded.hasPrefix(visible) { return [visible, String(folded.dropFirst(visible.count))] }
            if folded.hasSuffix(visible) { return [String(folded.dropLast(visible.count)), visible] }
        }
        return [word]
    }

    /// The reply with a maker's name before the answer, a kind word or a version after it, or the
    /// answer without its kind word.
    private func otherForm(_ words: [String]) -> Int? {
        var withoutMaker = words
        while withoutMaker.count > 1, let first = withoutMaker.first, Phrasing.makers.contains(first.lowercased()) {
            withoutMaker.removeFirst()
        }
        // The maker may be part of the name (`Google Analytics 4`): with it first, then without.
        for start in withoutMaker.count < words.count ? [words, withoutMaker] : [words] {
            var trimmed = start
            while trimmed.count > 1, let last = trimmed.last,
                Phrasing.isVersion(last) || Phrasing.fillerWords.contains(Phrasing.withoutParticle(last))
                    || (Phrasing.kindWords.contains(last.lowercased()) && trimmed.dropLast().allSatisfy(isLatinOrRead))
            {
                trimmed.removeLast()
            }
            let canonical = phrasing.canonical(trimmed)
            if trimmed.count < words.count, let position = phraseIndex[canonical], !phrases[position].visible,
                phrases[position].digits.isEmpty || trimmed.joined().contains(phrases[position].digits)
            {
                return phrases[position].answer
            }
            if let answer = shortForms[canonical] { return answer }
        }
        return nil
    }

    /// A word in Latin letters, or a Korean reading of one the table gives (`고` for Go): a kind word
    /// after it says what the name is (`고 언어`), where after a Korean word it may be part of a phrase
    /// (`게임 엔진`).
    private func isLatinOrRead(_ word: String) -> Bool {
        if word.unicodeScalars.allSatisfy(\.isASCII) { return true }
        guard let lexicon else { return false }
        let key = NameKey(word)
        return lexicon.knows(key)
            && lexicon.equivalents(of: key).contains { $0.rawValue.unicodeScalars.allSatisfy(\.isASCII) }
    }

    /// The words with a version or a kind word glued to a Latin name split off (`HTML5`, `GATK4`, `Go언어`).
    /// A name of one letter keeps its digit (`S3` is a name of its own).
    static func splittingGluedWords(_ words: [String]) -> [String] {
        words.flatMap { word -> [String] in
            let latin = word.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || "+#.-".contains($0)) }
            let rest = word.dropFirst(latin.count)
            if !rest.isEmpty, latin.contains(where: \.isLetter), Phrasing.kindWords.contains(String(rest)) {
                return [String(latin), String(rest)]
            }
            guard rest.isEmpty, let last = word.last, last.isNumber else { return [word] }
            let name = word.reversed().drop { $0.isNumber }.reversed()
            let letters = name.filter(\.isLetter)
            guard letters.count >= 2, letters.allSatisfy(\.isASCII), name.last?.isLetter == true else { return [word] }
            return [String(name), String(word.dropFirst(name.count))]
        }
    }

    /// A spelling without a script library's `.js` (`React.js`, `ReactJS`, `Next.js`) or a site's `.io`
    /// (`Cypress.io`), folded; nil when it has neither or too little is left.
    static func bareName(_ text: String) -> String? {
        let lowered = text.trimmingSpaces.lowercased()
        guard lowered.unicodeScalars.allSatisfy(\.isASCII) else { return nil }
        for suffix in [".js", "js", ".io"] where lowered.hasSuffix(suffix) {
            let rest = AnswerText.folded(String(lowered.dropLast(suffix.count)))
            if rest.filter(\.isLetter).count >= 3 { return rest }
        }
        return nil
    }

    /// A reply that is an answer with or without `.js` or `.io`, where the answer has one or the reply
    /// has one (`React.js` for React, `Next` for Next.js), and is no other name of the catalog.
    private func bareName(_ item: String) -> Int? {
        let folded = AnswerText.folded(item)
        guard !catalogNames.contains(NameKey(folded)), !rivalKeys.contains(folded) else { return nil }
        if let bare = Self.bareName(item), let answer = exact(bare, preferringOtherThan: []) ?? bareNames[bare] {
            return answer
        }
        return bareNames[folded]
    }

    /// A product named after a Latin answer: the answer as written, then one or two Latin words or Korean
    /// readings of them (`Spring Boot`, `스프링 부트` for Spring; `ONNX Runtime` for ONNX). Not when the
    /// reply is another name of the catalog or an option, nor when the table knows it under a name that
    /// is not the answer's followed by more words (`Java Script` is JavaScript, not a kind of Java), nor
    /// when the words after it are another name of the catalog (`Tableau Excel`, `Tableau, Excel`).
    private func productNamedAfter(_ item: String) -> Int? {
        guard !item.contains(where: { ",;/+&，".contains($0) }) else { return nil }
        let words = item.split(whereSeparator: \.isWhitespace).map(String.init)
        let key = NameKey(words.joined(separator: " "))
        guard !catalogNames.contains(key), !rivalKeys.contains(key.rawValue) else { return nil }
        for (answer, answerWords) in latinAnswers
        where (answerWords.count + 1...answerWords.count + 2).contains(words.count) {
            guard phrasing.canonical(Array(words.prefix(answerWords.count))) == phrasing.canonical(answerWords),
                words.dropFirst(answerWords.count).allSatisfy(isLatinOrRead),
                case let extra = Array(words.dropFirst(answerWords.count)),
                !(extra + [extra.joined(separator: " ")]).contains(where: { catalogNames.contains(NameKey($0)) })
            else { continue }
            if let lexicon, lexicon.knows(key) {
                let answerKey = NameKey(answerWords.joined(separator: " "))
                guard
                    lexicon.writtenNames(of: key).contains(where: { name in
                        let nameWords = Phrasing.words(of: name)
                        return nameWords.count > answerWords.count
                            && NameKey(nameWords.prefix(answerWords.count).joined(separator: " ")) == answerKey
                    })
                else { continue }
            }
            return answer
        }
        return nil
    }

    /// A name in Latin letters of two letters or more (`Go`, `Spring`), where one letter (`R`, `C`) names
    /// too little to be followed by a product's words.
    static func isLatinName(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(\.isASCII) && text.filter(\.isLetter).count >= 2
    }

    private func forgivingTypos(_ folded: String) -> Match? {
        guard !rivalKeys.contains(folded), !knownNames.contains(NameKey(folded)) else { return nil }
        let jamo = AnswerText.jamo(folded)
        let digits = folded.filter(\.isNumber)
        var best: (answer: Int, distance: Int)?
        var tie = false
        for spelling in spellings where spelling.allowance > 0 && spelling.digits == digits {
            guard spelling.acronyms.allSatisfy({ folded.contains($0) }), !spelling.lessOneWord.contains(folded)
            else { continue }
            let distance = Self.typos(jamo, spelling.jamo)
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
        if rivals.contains(where: { Self.typos(jamo, $0) <= best.distance }) { return nil }
        return Match(answer: best.answer, kind: .typos(best.distance))
    }

    /// Typos in a reply that repeats the words around the blank (`데이타 수집` for `데이터 ＿＿＿`),
    /// within the allowance of the answer alone.
    private func forgivingTypos(inPhrases readings: [String], folded: String) -> Match? {
        guard !knownNames.contains(NameKey(folded)) else { return nil }
        var best: (answer: Int, distance: Int)?
        for reading in readings {
            let jamo = AnswerText.jamo(reading)
            let latin = reading.filter(\.isASCII)
            // One slip in the whole phrase, and none in a Latin name (`UX` is not `UI`).
            for phrase in phrases
            where phrase.visible && phrase.allowance > 0 && phrase.canonical.filter(\.isASCII) == latin {
                let distance = Self.typos(jamo, phrase.jamo)
                if distance <= 1, best.map({ distance < $0.distance }) ?? true {
                    best = (phrase.answer, distance)
                }
            }
        }
        return best.map { Match(answer: $0.answer, kind: .typos($0.distance)) }
    }

    /// Typos counted on jamo: a jamo typed with a key that is not beside the right one counts twice,
    /// unless the two sound alike and are often confused in writing (`비지니스` for 비즈니스).
    static func typos(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        EditDistance.damerau(a, b) { x, y in
            guard Keyboard.key(ofJamo: x) != nil, Keyboard.key(ofJamo: y) != nil else { return 1 }
            return Keyboard.areNeighbours(x, y) || soundAlike.contains([x, y]) || soundAlike.contains([y, x]) ? 1 : 2
        }
    }

    /// Vowels Korean writers confuse because they sound alike: ㅔ/ㅐ, ㅖ/ㅒ, ㅚ/ㅙ/ㅞ and ㅡ/ㅣ/ㅢ.
    private static let soundAlike: Set<[Unicode.Scalar]> = {
        let pairs: [(UInt32, UInt32)] = [
            (0x1166, 0x1162), (0x1168, 0x1164), (0x116C, 0x116B), (0x116C, 0x1170), (0x116B, 0x1170),
            (0x1173, 0x1175), (0x1174, 0x1175), (0x1174, 0x1173),
        ]
        return Set(
            pairs.compactMap { pair in Unicode.Scalar(pair.0).flatMap { x in Unicode.Scalar(pair.1).map { [x, $0] } } })
    }()

    /// An answer typed with the input method in the other mode: Hangul for a Latin name, Latin letters
    /// for a Korean word.
    private func otherLayout(_ item: String) -> Int? {
        let compact = item.filter { !$0.isWhitespace }
        let hangul = compact.unicodeScalars.contains { Hangul.isSyllable($0) || Keyboard.key(ofJamo: $0) != nil }
        let keys = hangul ? Keyboard.keys(of: compact) : compact
        guard keys.count >= 3, keys.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return hangul ? latinKeys[keys.lowercased()] : hangulKeys[Keyboard.normalized(keys)]
    }

    /// Every informative word of a long answer is in the reply, each within a typo of its own length.
    private func byKeywords(_ item: String) -> Match? {
        // One phrase: a list that holds the answer's words among others' is not the answer.
        guard AnswerText.items(item).count == 1 else { return nil }
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
        return min(left.count, right.count) >= 4 && typos(left, right) <= 1
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

    /// Capitalised runs of two to five letters (`CV` of OpenCV, `BI` of Power BI, `CDISC`), folded: a
    /// typo there makes another name. A longer run is a word in capitals (`MATLAB`), where a typo is a typo.
    static func acronyms(in text: String) -> [String] {
        var runs: [String] = []
        var current = ""
        for character in text + " " {
            if character.isASCII && character.isUppercase {
                current.append(character)
            } else {
                if (2...5).contains(current.count) { runs.append(current.lowercased()) }
                current = ""
            }
        }
        return runs
    }

    /// A Latin spelling of several words with one left out, folded (`ISMS-P` → `isms`, `p`).
    static func lessOneWord(_ text: String) -> Set<String> {
        let words = text.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init)
        guard words.count >= 2, text.unicodeScalars.allSatisfy(\.isASCII) else { return [] }
        return Set(
            words.indices.map { skip in
                AnswerText.folded(words.enumerated().filter { $0.offset != skip }.map(\.element).joined(separator: " "))
            })
    }
}
