/// Korean particles whose form depends on whether the word before them ends in a consonant.
public enum Particle: String, Sendable, CaseIterable {
    /// 은/는, the topic marker.
    case topic
    /// 이/가, the subject marker.
    case subject
    /// 을/를, the object marker.
    case object
    /// 과/와, "and" / "with".
    case with
    /// 으로/로, "as" / "to"; ㄹ-final words take 로.
    case direction
    /// 이다/다, the copula.
    case copula
    /// 이어야/여야, the copula's "must be" (`… 수여야 합니다`, `… 정수이어야 합니다`).
    case mustBe
    /// 이라는/라는, the copula's "called" (`'덱'이라는`, `'revew'라는`).
    case called

    /// The forms after a consonant and after a vowel.
    var forms: (consonant: String, vowel: String) {
        switch self {
        case .topic: ("은", "는")
        case .subject: ("이", "가")
        case .object: ("을", "를")
        case .with: ("과", "와")
        case .direction: ("으로", "로")
        case .copula: ("이다", "다")
        case .mustBe: ("이어야", "여야")
        case .called: ("이라는", "라는")
        }
    }

    /// The particle form that agrees with `word`, read with the given spelling table.
    public func form(after word: String, lexicon: Lexicon = .shipped) -> String {
        form(for: Pronunciation.reading(of: word, lexicon: lexicon).ending)
    }

    /// `word` followed by the agreeing form of this particle (`데이터 엔지니어` + topic = `데이터 엔지니어는`).
    public func attach(to word: String, lexicon: Lexicon = .shipped) -> String {
        word + form(after: word, lexicon: lexicon)
    }
}

/// How the last syllable of a word is pronounced, as far as particle choice needs to know.
public enum Pronunciation {
    /// The sound a word ends in.
    public enum Ending: Equatable, Sendable {
        case vowel
        /// The consonant ㄹ, which takes 로 rather than 으로.
        case rieul
        case consonant
    }

    /// What decided the ending: the Hangul itself, the spelling table, its letter and digit
    /// readings, or the spelling rules for names the table does not list.
    public enum Source: Equatable, Sendable {
        case hangul
        case table
        case letters
        case rules
    }

    /// How a word ends and what decided it.
    public struct Reading: Equatable, Sendable {
        public var ending: Ending
        public var source: Source
    }

    /// The ending of a Korean, English or mixed word, read the way a Korean speaker says it.
    public static func ending(of word: String) -> Ending {
        reading(of: word).ending
    }

    /// The ending of `word` and what decided it, in this order: a final Hangul syllable; the spelling
    /// table for the last name (`.NET` 닷넷, `C#` 씨샵, `PlayFab` 플레이팹); the table's readings of
    /// letters and digits for acronyms and numbers (`EDR` 이디알, `GPT-5` 파이브); and for any other
    /// Latin word the loanword spelling rules (`Spark` 스파크, `Hadoop` 하둡), which `roledeck lint`
    /// reports so the name can be added to the table. Trailing parentheses are skipped
    /// (`데이터베이스(SQL, NoSQL)` ends like `데이터베이스`).
    public static func reading(of word: String, lexicon: Lexicon = .shipped) -> Reading {
        let text = stripTrailingParentheses(word.nfc)
        guard let last = text.unicodeScalars.last(where: { !isIgnoredTrailing($0) }) else {
            return Reading(ending: .vowel, source: .rules)
        }
        if let ending = hangulEnding(of: last) { return Reading(ending: ending, source: .hangul) }
        if let spelled = lexicon.reading(ofLastNameIn: text), let ending = ending(ofSpelling: spelled) {
            return Reading(ending: ending, source: .table)
        }
        if ("0"..."9").contains(last), let spelled = lexicon.reading(of: Character(last)),
            let ending = ending(ofSpelling: spelled)
        {
            return Reading(ending: ending, source: .letters)
        }
        guard last.isASCII, last.properties.isAlphabetic else { return Reading(ending: .vowel, source: .rules) }
        let token = lastLatinToken(of: text)
        let finalLetter = Character(token.last.map(String.init) ?? String(last))
        let letterEnding = lexicon.reading(of: finalLetter).flatMap(ending(ofSpelling:)) ?? .vowel
        if isAcronym(token) { return Reading(ending: letterEnding, source: .letters) }
        return Reading(ending: wordEnding(token.lowercased()) ?? letterEnding, source: .rules)
    }

    /// The ending of a Hangul spelling: its last syllable's final consonant.
    static func ending(ofSpelling spelling: String) -> Ending? {
        spelling.unicodeScalars.reversed().lazy.compactMap(hangulEnding(of:)).first
    }

    private static func hangulEnding(of scalar: Unicode.Scalar) -> Ending? {
        guard let final = Hangul.finalIndex(of: scalar) else { return nil }
        if final == 0 { return .vowel }
        return final == Hangul.rieulFinal ? .rieul : .consonant
    }

    private static func isIgnoredTrailing(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "+" || scalar == "." || scalar == "!" || scalar == "?" || scalar == "\""
            || scalar == "'" || scalar == "”" || scalar == "’" || scalar == "»" || scalar == "」"
    }

    private static func stripTrailingParentheses(_ text: String) -> String {
        var result = text.trimmingSpaces
        while result.hasSuffix(")"), let open = matchingOpen(in: result), open > result.startIndex {
            result = String(result[..<open]).trimmingSpaces
        }
        return result
    }

    private static func matchingOpen(in text: String) -> String.Index? {
        var depth = 0
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            if text[index] == ")" { depth += 1 }
            if text[index] == "(" {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    /// The last run of Latin letters (`C++` gives `C`).
    private static func lastLatinToken(of text: String) -> String {
        var token = ""
        for scalar in text.unicodeScalars.reversed() {
            if scalar.isASCII && scalar.properties.isAlphabetic {
                token.unicodeScalars.insert(scalar, at: token.unicodeScalars.startIndex)
            } else if token.isEmpty && isIgnoredTrailing(scalar) {
                continue
            } else {
                break
            }
        }
        return token
    }

    private static func isAcronym(_ token: String) -> Bool {
        token.count == 1 || (token.count <= 5 && token.allSatisfy { $0.isUppercase })
    }

    /// Loanword spelling of a final English sound (국립국어원 외래어 표기법, simplified to what is clear);
    /// nil when the spelling does not tell.
    private static func wordEnding(_ word: String) -> Ending? {
        let letters = Array(word)
        guard let last = letters.last else { return nil }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        let beforeLast = letters.count >= 2 ? letters[letters.count - 2] : nil
        switch last {
        case "a", "i", "o", "u", "y", "w", "r", "s", "x", "z", "f", "v", "h":
            // Java 자바, SpaCy 시, flow 플로, Docker 도커, Keras 스, Linux 스 (sh 시, th 스)
            return .vowel
        case "n", "m":
            return .consonant  // Python 파이썬, LangChain 체인, Terraform 폼; -ng 링 as well
        case "l":
            return .rieul  // Excel 엑셀, Tool 툴
        case "e":
            // A silent e: the consonant before it decides (Google 구글, Pipeline 라인, Azure 애저, Node 노드).
            switch beforeLast {
            case "l": return .rieul
            case "n", "m": return .consonant
            default: return .vowel
            }
        case "b", "d", "g":
            if last == "g" && beforeLast == "n" { return .consonant }  // -ng 링
            return .vowel  // Hub 허브, Node 드, Log 로그
        case "p", "t", "k", "c":
            if last == "k" && beforeLast == "c" { return .consonant }  // Stack 스택
            guard let before = beforeLast, vowels.contains(before) else { return .vowel }  // Spark 스파크, Sort 소트
            let third = letters.count >= 3 ? letters[letters.count - 3] : nil
            if let third, vowels.contains(third) {
                // A vowel pair: oo is short in loanwords (Hadoop 하둡, Notebook 북); others are long (sheet 시트).
                return third == "o" && before == "o" && last != "t" ? .consonant : .vowel
            }
            return .consonant  // Git 깃, streamlit 릿, Robot 봇, Basic 식
        default:
            return nil
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space.
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
