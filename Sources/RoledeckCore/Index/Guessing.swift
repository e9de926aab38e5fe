extension CatalogIndex {
    /// The words a learner reads as clues: informative stems and their Korean spellings,
    /// without words that most role names share (`엔지니어`).
    func cues(_ texts: [String]) -> [String] {
        let words = texts.flatMap(Words.of).filter { !genericRoleWords.contains($0.lowercased()) }
        return Self.informative(Self.expand(words, lexicon: lexicon), stop: subjectWords)
    }

    /// The words of a role's names as clues, without parenthesised qualifiers: `클라우드 엔지니어
    /// (AI/ML 포커스)` reads as 클라우드 엔지니어 (its alias `NLP 엔지니어` still counts).
    func nameCues(of role: Int) -> [String] {
        cues(roles[role].acceptedNames.map(DutySplitter.withoutParentheses))
    }

    /// Whether a text shares a stem with any of the cues.
    func shares(_ text: String, with cues: [String]) -> Bool {
        let words = self.cues([text])
        return words.contains { word in cues.contains { Words.sameStem($0, word) } }
    }

    /// Whether a choice card gives its answer away: a right option echoes the words the prompt
    /// shows and no wrong option does (`클라우드 기반의 … 관리` → 클라우드 엔지니어).
    func givesAway(cues: [String], answers: [String], wrong: [String]) -> Bool {
        answers.contains { shares($0, with: cues) } && !wrong.contains { shares($0, with: cues) }
    }

    /// How many roles use a word in their duties or names: the fewer, the more it says.
    func roleCount(usingStemOf word: String) -> Int {
        words.owners(sharingStemWith: word).count
    }
}
