import Foundation

/// The tables roledeck reads catalogs with, shipped as reviewable text files in `Resources/`:
/// Korean spellings of Latin names (`spellings.txt`), related terms (`related.txt`) and the words
/// that make a phrase a duty (`duty-words.txt`).
public struct Lexicon: Sendable {
    /// Korean spellings by name; the first is how the name is read aloud.
    private let spellingsByKey: [NameKey: [String]]
    /// Every key with the keys of its other spellings (`ml`, `엠엘`, `머신러닝`, `machinelearning` are one class).
    private let classes: [NameKey: Set<NameKey>]
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
        var groups = EquivalenceClasses()
        for entry in spellingText.entries {
            switch entry.section {
            case "synonyms":
                let key = NameKey(entry.key)
                for value in entry.values { groups.join(key, NameKey(value)) }
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
