/// Judges a learner's reply to any card and suggests a rating; the REPL only presents the verdict.
///
/// Typed replies go through `AnswerMatcher`; choice replies through `ChoiceInput`; true/false through
/// `TrueFalseInput`. `?` (or `모름`) gives up on any card. Several answers all have to be recalled to
/// pass: partial recall is shown as such and suggested as Again.
public struct ReplyJudge: Sendable {
    /// Real names a typo must not turn into: every answer, spelling and option of the decks, and the
    /// names of the spelling table.
    public let knownNames: Set<NameKey>
    /// The names the decks themselves use (answers, options, stack items): a reply that is one of them
    /// names that, never a form of another answer.
    public let catalogNames: Set<NameKey>
    /// The spelling table: its names and synonyms of an answer count as the answer.
    public let lexicon: Lexicon

    public init(
        knownNames: Set<NameKey> = Lexicon.shipped.knownKeys, catalogNames: Set<NameKey> = [],
        lexicon: Lexicon = .shipped
    ) {
        self.knownNames = knownNames.union(catalogNames)
        self.catalogNames = catalogNames
        self.lexicon = lexicon
    }

    /// A judge that knows every name the decks use.
    public init(decks: [Deck], lexicon: Lexicon = .shipped) {
        var names: Set<NameKey> = []
        // Each text is made a name once: the same answers, options and stack lines come back on many
        // cards (a role's stack line on each of its stack cards), and a name costs far more than a
        // look-up by the text's bytes (at 100,000 cards the judge took seconds of a core to build).
        var seen: Set<UTF8Key> = []
        func add(_ text: String) {
            if seen.insert(UTF8Key(text)).inserted { names.insert(NameKey(text)) }
        }
        var seenContexts: Set<UTF8Key> = []
        var seenItems: Set<UTF8Key> = []
        for card in decks.lazy.flatMap(\.cards) {
            for answer in card.answers { for text in answer.accepted { add(text) } }
            for distractor in card.distractors ?? [] { add(distractor) }
            // A stack line names every item of the role, asked about or not (`Next.js` beside `NestJS`).
            if card.kind == .stackCloze, let context = card.context, seenContexts.insert(UTF8Key(context)).inserted {
                for item in AnswerText.items(context)
                where !item.contains("＿") && seenItems.insert(UTF8Key(item)).inserted {
                    add(item)
                    for alias in RoleName(item).aliases { AnswerText.items(alias).forEach(add) }
                }
            }
        }
        self.init(knownNames: lexicon.knownKeys, catalogNames: names, lexicon: lexicon)
    }

    /// Replies that mean "I don't know".
    public static let giveUpWords: Set<String> = ["?", "？", "모름", "몰라", "모르겠음", "모르겠어요", "pass", "패스"]

    /// Whether a reply gives up.
    public static func givesUp(_ reply: String) -> Bool {
        giveUpWords.contains(reply.trimmingSpaces.lowercased())
    }

    /// The verdict on `reply` to `card`; `choice` is the choice question as shown, `seconds` the time
    /// taken, `hinted` whether a hint was shown.
    public func judge(
        _ reply: String, card: Card, choice: ChoiceQuestion?, seconds: Double, hinted: Bool = false
    ) -> Verdict {
        let slow = seconds > RatingSuggestion.slowAfter(format: card.kind.format, answerCount: card.answers.count)
        let givenUp = Self.givesUp(reply)
        func judged(
            _ outcome: Judgement.Outcome, check: AnswerCheck? = nil, picked: Set<Int> = [], answer: String?,
            chosen: String? = nil, roughly: Bool = false
        ) -> Verdict {
            let suggestion = RatingSuggestion.suggest(outcome: outcome, roughly: roughly, slow: slow, hinted: hinted)
            return .judged(
                Judgement(
                    outcome: outcome, suggestion: suggestion, check: check, picked: picked, answer: answer,
                    chosen: chosen, hinted: hinted))
        }
        switch card.kind.format {
        case .flashcard:
            return judged(givenUp ? .gaveUp : .shown, answer: reply.isEmpty || givenUp ? nil : reply)
        case .choice:
            guard let choice else { return .notAnAnswer(nil) }
            if givenUp { return judged(.gaveUp, answer: nil) }
            switch ChoiceInput.parse(reply, options: choice.options, selection: choice.selection) {
            case .failure(let problem):
                return .notAnAnswer(problem)
            case .success(let picked):
                let wrong = picked.subtracting(choice.correct).sorted().map { choice.options[$0] }
                let outcome: Judgement.Outcome =
                    picked == choice.correct
                    ? .correct : (wrong.isEmpty && !picked.isDisjoint(with: choice.correct) ? .partial : .wrong)
                return judged(
                    outcome, picked: picked,
                    answer: picked.sorted().map { choice.options[$0] }.joined(separator: " | "),
                    chosen: wrong.isEmpty ? nil : wrong.joined(separator: " | "))
            }
        case .trueFalse:
            if givenUp { return judged(.gaveUp, answer: nil) }
            guard let value = TrueFalseInput.parse(reply) else { return .notAnAnswer(nil) }
            return judged(value == card.statementIsTrue ? .correct : .wrong, answer: value ? "O" : "X")
        case .typed, .typedMany:
            if givenUp { return judged(.gaveUp, check: check("", card: card), answer: reply) }
            guard !reply.trimmingSpaces.isEmpty else { return .notAnAnswer(nil) }
            let check = check(reply, card: card)
            let outcome: Judgement.Outcome = check.isCorrect ? .correct : (check.isPartial ? .partial : .wrong)
            let roughly = check.recalled.contains { recall in
                switch recall.kind {
                case .exact, .withVisibleWords, .otherForm, .otherLayout: false
                case .typos, .keywords: true
                }
            }
            return judged(outcome, check: check, answer: reply, roughly: roughly)
        }
    }

    /// The typed reply against the card's answers: one item for a one-answer card, items split at
    /// commas (outside parentheses) for a several-answer card.
    public func check(_ reply: String, card: Card) -> AnswerCheck {
        let many = card.kind.format == .typedMany
        let matcher = AnswerMatcher(
            answers: card.answers, distractors: card.distractors ?? [], knownNames: knownNames,
            catalogNames: catalogNames, context: card.context, lexicon: lexicon)
        let items = many ? AnswerText.items(reply) : [reply.trimmingSpaces].filter { !$0.isEmpty }
        var recalled: [AnswerCheck.Recall] = []
        var unmatched: [String] = []
        for item in items {
            let taken = Set(recalled.map(\.answer))
            let matches =
                matcher.match(item, preferringOtherThan: taken).map { [($0, item)] }
                ?? (many ? Self.joined(item, matcher: matcher, taken: taken) : nil)
                ?? (many ? Self.sharingAWord(item, with: items, matcher: matcher, taken: taken) : nil)
            guard let matches else {
                unmatched.append(item)
                continue
            }
            for (match, given) in matches {
                // A second spelling of an answer already given adds nothing and costs nothing.
                if recalled.contains(where: { $0.answer == match.answer }) { continue }
                recalled.append(AnswerCheck.Recall(answer: match.answer, given: given, kind: match.kind))
            }
            if !many { break }
        }
        let got = Set(recalled.map(\.answer))
        let missing = card.answers.indices.filter { !got.contains($0) }
        return AnswerCheck(
            recalled: recalled, missing: many || got.isEmpty ? missing : [], unmatched: unmatched,
            expected: many ? card.answers.count : min(1, card.answers.count))
    }

    /// Several answers in one item joined as Korean joins them (`A 및 B`, `A와 B`, `A / B`), each matched.
    static func joined(_ item: String, matcher: AnswerMatcher, taken: Set<Int>) -> [(AnswerMatcher.Match, String)]? {
        var pieces: [[String]] = [[]]
        for word in item.split(separator: " ").map(String.init) {
            if Phrasing.connectors.contains(word) {
                pieces.append([])
            } else if word.count >= 2, word.hasSuffix("와") || word.hasSuffix("과"),
                case let stripped = Phrasing.withoutParticle(word), stripped != word
            {
                pieces[pieces.count - 1].append(stripped)
                pieces.append([])
            } else {
                pieces[pieces.count - 1].append(word)
            }
        }
        let texts = pieces.filter { !$0.isEmpty }.map { $0.joined(separator: " ") }
        guard texts.count > 1 else { return nil }
        var matches: [(AnswerMatcher.Match, String)] = []
        var used = taken
        for text in texts {
            guard let match = matcher.match(text, preferringOtherThan: used) else { return nil }
            used.insert(match.answer)
            matches.append((match, text))
        }
        return matches
    }

    /// An item that leaves out words the list's first or last item gives, as Korean lists do
    /// (`컴퓨터 비전, 자연어 처리 엔지니어`, `퀀트 트레이더, 리서처`, `임상 데이터 분석가, 매니저`).
    static func sharingAWord(
        _ item: String, with items: [String], matcher: AnswerMatcher, taken: Set<Int>
    ) -> [(AnswerMatcher.Match, String)]? {
        guard items.count > 1, let first = items.first?.split(separator: " "),
            let last = items.last?.split(separator: " ")
        else { return nil }
        var candidates: [String] = []
        if item != items.last {
            for count in 1..<max(1, last.count) {
                candidates.append(item + " " + last.suffix(count).joined(separator: " "))
            }
        }
        if item != items.first {
            for count in 1..<max(1, first.count) {
                candidates.append(first.prefix(count).joined(separator: " ") + " " + item)
            }
        }
        for text in candidates {
            if let match = matcher.match(text, preferringOtherThan: taken), !taken.contains(match.answer) {
                return [(match, item)]
            }
        }
        return nil
    }
}
