/// How a typed phrase is read word by word when it is compared with an answer: without the
/// connectives of a list (`및`, `와`, `/`), with or without a particle on each word (`파이프라인을`,
/// `Python을`), and with each word or run of up to three words the spelling table knows put in one
/// form for all its names (`DB` and `데이터베이스`, `인공지능` and `AI`, `규칙` and `룰`).
struct Phrasing: Sendable {
    let lexicon: Lexicon?

    /// The words of a text, split at spaces, commas, semicolons and slashes, connectives dropped.
    static func words(of text: String) -> [String] {
        text.split { $0.isWhitespace || $0 == "," || $0 == ";" || $0 == "/" || $0 == "，" }.map(String.init)
            .filter { !connectors.contains($0) }
    }

    /// Words that join the items of a list.
    static let connectors: Set<String> = ["및", "와", "과", "그리고", "또는", "&", "/", "+"]

    /// The forms the words are compared in: folded as they are, and in one form for all their names,
    /// taken in runs of up to three words and word by word (a learner may join or split words the
    /// table knows: `탐지룰`, `구글 AutoML`).
    func forms(_ words: [String]) -> [String] {
        var seen: Set<String> = []
        return [canonical(words, run: 0), canonical(words, run: 3), canonical(words, run: 1)].filter {
            !$0.isEmpty && seen.insert($0).inserted
        }
    }

    /// The words folded and joined, each run of up to `run` words the spelling table knows in the
    /// first of its names in code-point order.
    func canonical(_ words: [String], run: Int = 3) -> String {
        let words = words.filter { !Self.connectors.contains($0) }
        var result = ""
        var start = 0
        while start < words.count {
            var step = 1
            var piece = NameKey(words[start]).rawValue
            if let lexicon, run > 0 {
                for length in stride(from: min(run, words.count - start), through: 1, by: -1) {
                    let key = NameKey(words[start..<start + length].joined(separator: " "))
                    guard lexicon.knows(key),
                        let first = lexicon.equivalents(of: key).min(by: { $0.rawValue < $1.rawValue })
                    else { continue }
                    (piece, step) = (first.rawValue, length)
                    break
                }
            }
            result += piece
            start += step
        }
        return result
    }

    /// Each word in every form it is compared in: folded, without its particle, and as the spelling
    /// table names it.
    func wordForms(_ words: [String]) -> [Set<String>] {
        words.filter { !Self.connectors.contains($0) }.map { word in
            let stripped = Self.withoutParticle(word)
            return Set(
                [word, stripped].flatMap { [NameKey($0).rawValue, canonical([$0], run: 1)] }.filter { !$0.isEmpty })
        }
    }

    /// The canonical forms of a reply's words, each word with and without its particle: as typed first.
    func readings(of words: [String]) -> [String] {
        let options = words.map { word -> [String] in
            let stripped = Self.withoutParticle(word)
            return stripped == word ? [word] : [word, stripped]
        }
        var combinations: [[String]] = [[]]
        if options.count(where: { $0.count > 1 }) > 6 {
            combinations = [options.map { $0[0] }, options.map { $0[$0.count - 1] }]
        } else {
            for choices in options { combinations = combinations.flatMap { prefix in choices.map { prefix + [$0] } } }
        }
        var seen: Set<String> = []
        return combinations.flatMap(forms).filter { seen.insert($0).inserted }
    }

    /// A word without a trailing particle: after Hangul as `Words.stem` takes it off, and after a Latin
    /// name or a digit (`Python을`, `UI와`, `3D로`).
    static func withoutParticle(_ word: String) -> String {
        let stem = Words.stem(word)
        if stem != word { return stem }
        for particle in particlesAfterLatin where word.hasSuffix(particle) {
            let rest = word.dropLast(particle.count)
            if let last = rest.unicodeScalars.last, last.isASCII,
                last.isLetterOrNumber || "+#)".unicodeScalars.contains(last)
            {
                return String(rest)
            }
        }
        return word
    }

    private static let particlesAfterLatin = ["으로", "에서", "을", "를", "은", "는", "이", "가", "의", "와", "과", "로", "에", "도"]

    /// Makers whose name may stand before a product's (`MS 엑셀`, `Google BigQuery`, `NICE Actimize`).
    static let makers: Set<String> = [
        "google", "구글", "microsoft", "마이크로소프트", "ms", "amazon", "아마존", "apple", "애플", "meta", "메타", "ibm",
        "oracle", "오라클", "adobe", "어도비", "autodesk", "오토데스크", "nice", "apache", "아파치", "nvidia", "엔비디아",
    ]

    /// Words that say what kind of thing a name is (`R 언어`, `Spring Framework`, `ETL 툴`).
    static let kindWords: Set<String> = [
        "언어", "language", "프레임워크", "framework", "라이브러리", "library", "툴", "tool", "도구", "엔진", "engine",
        "플랫폼", "platform",
    ]

    /// Words that may follow any answer without changing what it names (`리깅 작업`).
    static let fillerWords: Set<String> = ["작업", "업무"]

    /// A version number after a name (`12`, `v2`, `3.11`).
    static func isVersion(_ word: String) -> Bool {
        let digits = word.lowercased().hasPrefix("v") ? word.dropFirst() : Substring(word)
        return !digits.isEmpty && digits.first?.isNumber == true && digits.allSatisfy { $0.isNumber || $0 == "." }
    }
}
