/// Words of catalog text and when two of them name the same thing, for judging relatedness and guessing.
///
/// Korean words lose a trailing particle (`모델의` is `모델`, `시스템과` is `시스템`) when at least two
/// syllables are left; two words share a stem when one starts with the other (`개발` and `개발자`,
/// `데이터` and `데이터베이스`) or when they agree in nearly all their jamo from the start
/// (`로봇` and `로보틱스`, `프로그래머` and `프로그래밍`, `테스트` and `테스터`).
public enum Words {
    /// The words of a text: split at spaces and punctuation (`AI/ML` is two words), each without its particle.
    public static func of(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.nfc {
            if character.isLetter || character.isNumber || character == "+" || character == "#"
                || (character == "." && !current.isEmpty)
            {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.map { stem(String($0.trimmingCharacters("."))) }.filter { !$0.isEmpty }
    }

    /// The word without a trailing Korean particle, when at least two syllables are left.
    public static func stem(_ word: String) -> String {
        for particle in particles where word.hasSuffix(particle) {
            let rest = String(word.dropLast(particle.count))
            if rest.count >= 2, rest.unicodeScalars.last.map(Hangul.isSyllable) == true { return rest }
        }
        return word
    }

    /// Particles and endings dropped from the end of a word, longest first.
    private static let particles = [
        "에서", "에게", "으로", "부터", "까지", "과의", "와의", "의", "에", "을", "를", "은", "는", "과", "와", "로",
    ]

    /// Whether two words (already stemmed) name the same thing, as far as a learner can tell.
    public static func sameStem(_ a: String, _ b: String) -> Bool {
        let left = a.lowercased()
        let right = b.lowercased()
        if left == right { return true }
        let (short, long) = left.count <= right.count ? (left, right) : (right, left)
        let hangul = short.unicodeScalars.contains(where: Hangul.isSyllable)
        if long.hasPrefix(short) && short.count >= (hangul ? 2 : 3) { return true }
        if hangul {
            let leftJamo = AnswerText.jamo(left)
            let rightJamo = AnswerText.jamo(right)
            let common = zip(leftJamo, rightJamo).prefix { $0 == $1 }.count
            return common >= 4 && common * 5 >= min(leftJamo.count, rightJamo.count) * 4
        }
        // `MLflow` and `MLOps` both start with the acronym ML.
        let leadingCapitals = { (word: String) in word.prefix { $0.isUppercase && $0.isASCII } }
        let capsA = leadingCapitals(a)
        let capsB = leadingCapitals(b)
        return capsA.count >= 2 && capsA == capsB && a.count > capsA.count && b.count > capsB.count
    }
}

extension String {
    fileprivate func trimmingCharacters(_ character: Character) -> Substring {
        var text = Substring(self)
        while text.first == character { text.removeFirst() }
        while text.last == character { text.removeLast() }
        return text
    }
}
