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

    /// The forms after a consonant, after a vowel, and when the ending cannot be told.
    var forms: (consonant: String, vowel: String, unknown: String) {
        switch self {
        case .topic: ("은", "는", "은(는)")
        case .subject: ("이", "가", "이(가)")
        case .object: ("을", "를", "을(를)")
        case .with: ("과", "와", "과(와)")
        case .direction: ("으로", "로", "(으)로")
        case .copula: ("이다", "다", "(이)다")
        }
    }

    /// The particle form that agrees with `word`.
    public func form(after word: String) -> String {
        switch Pronunciation.ending(of: word) {
        case .vowel: forms.vowel
        case .rieul: self == .direction ? forms.vowel : forms.consonant
        case .consonant: forms.consonant
        case .unknown: forms.unknown
        }
    }

    /// `word` followed by the agreeing form of this particle (`데이터 엔지니어` + topic = `데이터 엔지니어는`).
    public func attach(to word: String) -> String {
        word + form(after: word)
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
        case unknown
    }

    /// The ending of a Korean, English or mixed word, read the way a Korean speaker says it.
    ///
    /// Trailing parentheses are skipped (`데이터베이스(SQL, NoSQL)` ends like `데이터베이스`), acronyms are
    /// read letter by letter (`SQL` ends in 엘), words by Korean loanword spelling (`Spark` is 스파크,
    /// `Hadoop` is 하둡), digits by their English names (`GPT-3` is 쓰리).
    public static func ending(of word: String) -> Ending {
        let text = stripTrailingParentheses(word.nfc)
        guard let last = text.unicodeScalars.last(where: { !isIgnoredTrailing($0) }) else { return .unknown }
        if let final = Hangul.finalIndex(of: last) {
            if final == 0 { return .vowel }
            return final == Hangul.rieulFinal ? .rieul : .consonant
        }
        if ("0"..."9").contains(last) { return digitEnding(last) }
        guard last.isASCII, last.properties.isAlphabetic else { return .unknown }
        let token = lastLatinToken(of: text)
        if let known = knownEndings[token.lowercased()] { return known }
        if isAcronym(token) { return letterNameEnding(token.last ?? "a") }
        return wordEnding(token.lowercased())
    }

    /// Names whose usual Korean reading the spelling rules below would get wrong.
    private static let knownEndings: [String: Ending] = [
        "matlab": .consonant,  // 매트랩
        "web": .consonant,  // 웹
        "lab": .consonant,  // 랩
    ]

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

    /// `C++` ends like `C` (씨플러스플러스 is read with vowels throughout).
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

    /// Korean names of the Latin letters: L 엘, M 엠, N 엔 and R 알 end in a consonant.
    private static func letterNameEnding(_ letter: Character) -> Ending {
        switch letter.uppercased() {
        case "L", "R": .rieul
        case "M", "N": .consonant
        default: .vowel
        }
    }

    /// English digit names as Koreans say them after a Latin name (`GPT-3` 쓰리, `Python 2` 투).
    private static func digitEnding(_ digit: Unicode.Scalar) -> Ending {
        switch digit {
        case "1", "7", "9": .consonant  // 원, 세븐, 나인
        case "8": .consonant  // 에잇
        default: .vowel  // 제로 투 쓰리 포 파이브 식스
        }
    }

    /// Loanword spelling of a final English sound (국립국어원 외래어 표기법, simplified to what is clear).
    private static func wordEnding(_ word: String) -> Ending {
        let letters = Array(word)
        guard let last = letters.last else { return .unknown }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        let beforeLast = letters.count >= 2 ? letters[letters.count - 2] : nil
        switch last {
        case "a", "i", "o", "u", "y", "w", "r", "s", "x", "z", "f", "v", "h":
            // Java 자바, SpaCy 시, flow 플로, Docker 도커, Keras 스, Linux 스, Flask... (sh 시, th 스)
            return .vowel
        case "n":
            return .consonant  // Python 파이썬, LangChain 체인; -ng 링 as well
        case "m":
            return .consonant  // Terraform 폼
        case "l":
            return .rieul  // Excel 엑셀, Tool 툴
        case "e":
            // A silent e: the consonant before it decides (Google 구글, Pipeline 라인, Azure 애저, Node 노드).
            switch beforeLast {
            case "l": return .rieul
            case "n", "m": return .consonant
            case .some(let c) where vowels.contains(c): return .vowel  // Tableau-like vowel runs
            case .some: return .vowel
            case .none: return .unknown
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
            return .unknown
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
