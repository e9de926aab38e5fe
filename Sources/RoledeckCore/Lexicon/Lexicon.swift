import Foundation

/// The tables roledeck reads catalogs with, shipped as reviewable text files in `Resources/`:
/// Korean spellings of Latin names (`spellings.txt`), related terms (`related.txt`) and the words
/// that make a phrase a duty (`duty-words.txt`).
public struct Lexicon: Sendable {
    /// Korean spellings by name; the first is how the name is read aloud.
    private let spellingsByKey: [NameKey: [String]]
    /// Every key with the keys of its other spellings (`ml`, `엠엘`, `머신러닝`, `machinelearning` are one class).
    private let classes: [NameKey: Set<NameKey>]
    /// Every name and spelling as the table writes it, by key (`Spring Boot` for `springboot`).
    private let writtenByKey: [NameKey: [String]]
    /// The spellings a name shares with another name (`[homophones]`): accepted for it, never joining the two.
    private let homophonesByKey: [NameKey: Set<NameKey>]
    /// Related keys, both ways, one hop.
    private let relatedByKey: [NameKey: Set<NameKey>]
    /// How letters and digits are read (`L` 엘, `3` 쓰리).
    private let characterReadings: [Character: String]
    private let dutyWords: Set<String>
    private let dutyEndings: [String]
    private let notDutyWords: Set<String>
    /// Lines of the tables that could not be read; empty for the shipped tables.
    public let problems: [String]
    private let texts: (spellings: String, related: String, dutyWords: String)

    /// The tables built into roledeck.
    public static let shipped = Lexicon(
        spellings: String(decoding: PackageResources.spellings_txt, as: UTF8.self),
        related: String(decoding: PackageResources.related_txt, as: UTF8.self),
        dutyWords: String(decoding: PackageResources.duty_words_txt, as: UTF8.self))

    /// Tables from their text, in the formats described at the top of each shipped file.
    public init(spellings: String, related: String, dutyWords: String) {
        texts = (spellings, related, dutyWords)
        let spellingText = LexiconText(spellings, name: "spellings.txt", separator: "=")
        let relatedText = LexiconText(related, name: "related.txt", separator: "~")
        let wordText = LexiconText(dutyWords, name: "duty-words.txt", separator: nil)
        var problems = spellingText.problems + relatedText.problems + wordText.problems

        var byKey: [NameKey: [String]] = [:]
        var readings: [Character: String] = [:]
        var homophones: [NameKey: Set<NameKey>] = [:]
        var written: [NameKey: [String]] = [:]
        var groups = EquivalenceClasses()
        for entry in spellingText.entries {
            if !["letters", "digits"].contains(entry.section) {
                for name in [entry.key] + entry.values where !(written[NameKey(name)]?.contains(name) ?? false) {
                    written[NameKey(name), default: []].append(name)
                }
            }
            switch entry.section {
            case "synonyms":
                let key = NameKey(entry.key)
                for value in entry.values { groups.join(key, NameKey(value)) }
            case "homophones":
                // A spelling two names share: each name is read so and accepts it, but the spelling
                // joins neither to the other (`사스` for SAS and for Sass).
                for name in entry.values {
                    byKey[NameKey(name), default: []].append(entry.key)
                    homophones[NameKey(name), default: []].insert(NameKey(entry.key))
                }
                groups.add(NameKey(entry.key))
                for name in entry.values { groups.add(NameKey(name)) }
            case "letters", "digits":
                guard entry.key.count == 1, let character = entry.key.uppercased().first else {
                    problems.append("spellings.txt:\(entry.line): [\(entry.section)] 항목은 한 글자여야 합니다.")
                    continue
                }
                readings[character] = entry.values[0]
            default:
                let key = NameKey(entry.key)
                byKey[key, default: []] += entry.values
                for value in entry.values { groups.join(key, NameKey(value)) }
            }
        }
        var related: [NameKey: Set<NameKey>] = [:]
        for entry in relatedText.entries {
            let key = NameKey(entry.key)
            for value in entry.values.map(NameKey.init) where value != key {
                related[key, default: []].insert(value)
                related[value, default: []].insert(key)
            }
        }
        var words: Set<String> = []
        var endings: [String] = []
        var notWords: Set<String> = []
        for entry in wordText.entries {
            switch entry.section {
            case "endings": endings.append(entry.key)
            case "not": notWords.insert(entry.key)
            default: words.insert(entry.key)
            }
        }
        spellingsByKey = byKey
        classes = groups.classes
        homophonesByKey = homophones
        writtenByKey = written
        relatedByKey = related
        characterReadings = readings
        self.dutyWords = words
        dutyEndings = endings
        notDutyWords = notWords
        self.problems = problems
    }

    /// These tables with more spellings, such as a catalog's own (`PlayFab(플레이팹)` spells PlayFab).
    public func adding(spellings extra: [(name: String, spellings: [String])]) -> Lexicon {
        guard !extra.isEmpty else { return self }
        let lines = extra.map { entry in
            "\(entry.name.replacingOccurrences(of: "=", with: " ")) = "
                + entry.spellings.map { $0.replacingOccurrences(of: ",", with: " ") }.joined(separator: ", ")
        }
        return Lexicon(
            spellings: texts.spellings + "\n[names]\n" + lines.joined(separator: "\n"), related: texts.related,
            dutyWords: texts.dutyWords)
    }

    // MARK: - Spellings

    /// The Korean spellings of a name (`Python` → `파이썬`), empty when the table has none.
    public func spellings(of name: String) -> [String] {
        spellingsByKey[NameKey(name)] ?? []
    }

    /// Korean ways of writing a name a learner may type: the table's spellings of the whole name, else
    /// the name with each listed Latin word in its Korean spelling (`ETL 툴` → `이티엘 툴`). Texts with
    /// parentheses are left alone: their parts are spelled one by one.
    public func spelledVariants(of text: String) -> [String] {
        let whole = spellings(of: text)
        if !whole.isEmpty { return whole }
        guard !text.contains("(") else { return [] }
        var changed = false
        let words = text.split(separator: " ").map { word -> String in
            guard word.unicodeScalars.contains(where: { $0.isASCII && $0.properties.isAlphabetic }),
                let spelled = spellings(of: String(word)).first
            else { return String(word) }
            changed = true
            return spelled
        }
        return changed ? [words.joined(separator: " ")] : []
    }

    /// The keys that name the same thing: the name's own, its spellings', and those of names
    /// that share a spelling with it (`ML`, `엠엘`, `머신 러닝`, `Machine Learning`).
    public func equivalents(of key: NameKey) -> Set<NameKey> {
        classes[key] ?? [key]
    }

    /// The keys a typed answer for the name may be: its equivalents, and the spellings it shares with
    /// another name (`사스` for Sass, which is no answer for SAS for all that).
    public func acceptedKeys(of key: NameKey) -> Set<NameKey> {
        let own = equivalents(of: key)
        return own.union(own.flatMap { homophonesByKey[$0] ?? [] })
    }

    /// The names the table writes for a name and its equivalents (`Spring Boot`, `스프링 부트`).
    public func writtenNames(of key: NameKey) -> [String] {
        equivalents(of: key).sorted { $0.rawValue < $1.rawValue }.flatMap { writtenByKey[$0] ?? [] }
    }

    /// Whether the table knows the name, under any of its spellings.
    public func knows(_ key: NameKey) -> Bool {
        classes[key] != nil
    }

    /// Every name and spelling the table knows: real names a typo must not turn into.
    public var knownKeys: Set<NameKey> { Set(classes.keys) }

    /// How the text's last name is read, by the longest run of last words the table lists
    /// (`Azure Machine Learning`, then `Machine Learning`, then `Learning`); nil when none is listed.
    func reading(ofLastNameIn text: String) -> String? {
        let words = text.split(whereSeparator: { $0 == " " })
        guard !words.isEmpty else { return nil }
        for start in words.indices {
            let key = NameKey(words[start...].joined(separator: " "))
            if let first = spellingsByKey[key]?.first { return first }
            if let other = classes[key]?.lazy.compactMap({ self.spellingsByKey[$0]?.first }).first { return other }
        }
        return nil
    }

    /// How a letter or digit is read (`R` 알, `3` 쓰리).
    func reading(of character: Character) -> String? {
        characterReadings[Character(character.uppercased())]
    }

    /// The text with every run of Latin letters and digits in it read aloud in Hangul: by the table
    /// when it lists the run (`Max` 맥스), else letter by letter when the run is short or in capitals
    /// (`BI` 비아이, `3ds` 쓰리디에스, `3` 쓰리); nil when a run can be read neither way.
    public func readAloud(_ text: String) -> String? {
        var result = ""
        var run = ""
        func flush() -> Bool {
            defer { run = "" }
            guard !run.isEmpty else { return true }
            if let spelled = spellings(of: run).first {
                result += spelled
                return true
            }
            guard run.count <= 4 || run.allSatisfy({ $0.isUppercase || $0.isNumber }) else { return false }
            for character in run {
                guard let reading = reading(of: character) else { return false }
                result += reading
            }
            return true
        }
        for character in text {
            if character.isASCII && (character.isLetter || character.isNumber || character == "+" || character == "#") {
                run.append(character)
            } else {
                guard flush() else { return nil }
                result.append(character)
            }
        }
        return flush() ? result : nil
    }

    // MARK: - Readings

    /// The Latin words of `text` the table gives no Korean reading, so that a learner who types the
    /// answer in Hangul cannot be judged right. A word is read when the table knows it, or a run of
    /// Latin words it stands in (`3ds Max`, `Burp Suite`), under a name with a Hangul spelling; or when
    /// it is an initialism read letter by letter: capitals (and digits) with at most three letters or
    /// no vowel (`DLP`, `HL7`, `SDTM`). A word in capitals that is said as a word (`MONAI`, `CVAT`)
    /// needs the table.
    public func unreadWords(in text: String) -> [String] {
        var unread: [String] = []
        for run in Self.latinRuns(in: text) {
            var start = 0
            while start < run.count {
                if let end = stride(from: run.count, to: start, by: -1).first(where: {
                    hasReading(run[start..<$0].joined(separator: " "))
                }) {
                    start = end
                    continue
                }
                let word = run[start]
                let pieces = word.split(separator: "-").map(String.init)
                let read =
                    pieces.count > 1
                    ? pieces.allSatisfy { hasReading($0) || Self.isReadByLetters($0) } : Self.isReadByLetters(word)
                if !read { unread.append(word) }
                start += 1
            }
        }
        return unread
    }

    /// Whether the name, or a name it is one with, has a Hangul spelling.
    private func hasReading(_ name: String) -> Bool {
        let key = NameKey(name)
        guard !key.isEmpty, let members = classes[key] else { return false }
        return members.contains { member in
            member.rawValue.unicodeScalars.contains(where: Hangul.isSyllable) || homophonesByKey[member] != nil
        }
    }

    /// A word said letter by letter (and digit by digit): one letter, or capitals with at most three
    /// letters or no vowel; digits alone need no reading.
    static func isReadByLetters(_ word: String) -> Bool {
        let letters = word.filter { $0.isASCII && $0.isLetter }
        if letters.count <= 1 { return true }
        guard letters.allSatisfy(\.isUppercase) else { return false }
        return letters.count <= 3 || !letters.contains { "AEIOU".contains($0) }
    }

    /// The runs of Latin words in a text: words of ASCII letters and digits (with `.`, `+`, `#`, `-`,
    /// `&` and `'` inside) separated by spaces only; any other character ends a run.
    static func latinRuns(in text: String) -> [[String]] {
        var runs: [[String]] = []
        var run: [String] = []
        var word = ""
        func endWord() {
            let trimmed = word.trimmingCharacters(in: CharacterSet(charactersIn: "-'&"))
            if trimmed.contains(where: { $0.isASCII && $0.isLetter }) { run.append(trimmed) }
            word = ""
        }
        for character in text {
            if character.isASCII && (character.isLetter || character.isNumber || ".+#-&'".contains(character)) {
                word.append(character)
            } else if character == " " {
                endWord()
            } else {
                endWord()
                if !run.isEmpty { runs.append(run) }
                run = []
            }
        }
        endWord()
        if !run.isEmpty { runs.append(run) }
        return runs
    }

    // MARK: - Related terms

    /// The keys related to any of the given keys by the table (one hop), the keys themselves excluded.
    public func related(to keys: Set<NameKey>) -> Set<NameKey> {
        var result: Set<NameKey> = []
        for key in keys {
            for class_ in equivalents(of: key) {
                for neighbour in relatedByKey[class_] ?? [] { result.formUnion(equivalents(of: neighbour)) }
            }
        }
        return result.subtracting(keys)
    }

    // MARK: - Duty words

    /// Whether a word (without its particle) names an action, so a phrase ending in it is a duty.
    public func isDutyWord(_ word: String) -> Bool {
        if dutyWords.contains(word) { return true }
        let characters = Array(word)
        let suffixes = (1..<max(1, characters.count)).map { String(characters[$0...]) }
        if suffixes.contains(where: notDutyWords.contains) || notDutyWords.contains(word) { return false }
        if characters.count >= 3, suffixes.contains(where: { $0.count >= 2 && dutyWords.contains($0) }) { return true }
        guard characters.count >= 2, let last = characters.last else { return false }
        return dutyEndings.contains(String(last))
    }
}

/// Union–find over name keys: each key ends up with the set of keys joined to it.
private struct EquivalenceClasses {
    private var parent: [NameKey: NameKey] = [:]

    /// A key in a class of its own until it is joined.
    mutating func add(_ key: NameKey) {
        guard !key.isEmpty else { return }
        _ = root(key)
    }

    mutating func join(_ a: NameKey, _ b: NameKey) {
        guard !a.isEmpty, !b.isEmpty else { return }
        let rootA = root(a)
        let rootB = root(b)
        if rootA != rootB { parent[rootB] = rootA }
    }

    private mutating func root(_ key: NameKey) -> NameKey {
        var current = key
        if parent[current] == nil { parent[current] = current }
        while let next = parent[current], next != current { current = next }
        var walk = key
        while let next = parent[walk], next != current {
            parent[walk] = current
            walk = next
        }
        return current
    }

    var classes: [NameKey: Set<NameKey>] {
        var copy = self
        var members: [NameKey: Set<NameKey>] = [:]
        for key in parent.keys { members[copy.root(key), default: []].insert(key) }
        var result: [NameKey: Set<NameKey>] = [:]
        for group in members.values {
            for key in group { result[key] = group }
        }
        return result
    }
}
