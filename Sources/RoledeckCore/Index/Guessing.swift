extension CatalogIndex {
    /// The words a learner reads as clues: informative stems and their Korean spellings,
    /// without words that most role names share (`엔지니어`).
    func cues(_ texts: [String]) -> [String] {
        if texts.count == 1, let known = textCues[texts[0]] { return known }
        let words = texts.flatMap(Words.of).filter { !genericRoleWords.contains($0.lowercased()) }
        return Self.informative(Self.expand(words, lexicon: lexicon), stop: subjectWords)
    }

    /// Whether an item's words echo the role's name (`ROS(Robot Operating System)` and 로보틱스 엔지니어).
    func itemEchoesName(_ item: StackItem, of role: Int) -> Bool {
        let names = nameWords[role]
        return cues([item.text]).contains { word in names.contains { Words.sameStem($0, word) } }
    }

    /// The words of a role's names as clues, without parenthesised qualifiers: `클라우드 엔지니어
    /// (AI/ML 포커스)` reads as 클라우드 엔지니어 (its alias `NLP 엔지니어` still counts).
    func nameCues(of role: Int) -> [String] {
        cues(roles[role].acceptedNames.map(DutySplitter.withoutParentheses))
    }

    /// Whether a text shares a stem with any of the cues.
    func shares(_ text: String, with cues: [String]) -> Bool {
        !echoed(text, in: cues).isEmpty
    }

    /// The cues a text echoes: those sharing a stem with one of its words.
    func echoed(_ text: String, in cues: [String]) -> Set<String> {
        let words = self.cues([text])
        return Set(cues.filter { cue in words.contains { Words.sameStem(cue, $0) } })
    }

    /// Whether a choice card gives its answer away: a right option echoes a word of the prompt that no
    /// wrong option echoes (`클라우드 기반의 … 관리` → 클라우드 엔지니어; `데이터 기반의 연구` → 데이터 리서처,
    /// though 데이터 애널리틱스 echoes `데이터` too).
    func givesAway(cues: [String], answers: [String], wrong: [String]) -> Bool {
        let byWrong = wrong.reduce(into: Set<String>()) { $0.formUnion(echoed($1, in: cues)) }
        return answers.contains { !echoed($0, in: cues).subtracting(byWrong).isEmpty }
    }

    /// How many roles use a word in their duties or names: the fewer, the more it says.
    func roleCount(usingStemOf word: String) -> Int {
        (stemOwners[word] ?? words.owners(sharingStemWith: word)).count
    }
}
