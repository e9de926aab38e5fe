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
        var current = String.UnicodeScalarView()
        func flush() {
            while current.last == "." { current.removeLast() }
            while current.first == "." { current.removeFirst() }
            if !current.isEmpty { words.append(stem(String(current))) }
            current = String.UnicodeScalarView()
        }
        for scalar in Hangul.isPlainText(text) ? text.unicodeScalars : text.nfc.unicodeScalars
        {
            if scalar.isLetterOrNumber || scalar == "+" || scalar == "#"
                || (scalar == "." && !current.isEmpty)
            {
                current.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return words.filter { !$0.isEmpty }
    }

    /// The word without a trailing Korean particle, when at least two syllables are left.
    public static func stem(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        guard let last = scalars.last, Hangul.isSyllable(last) else { return word }
        for particle in particleScalars where scalars.count - particle.count >= 2 {
            guard scalars.suffix(particle.count).elementsEqual(particle) else { continue }
            let rest = scalars.dropLast(particle.count)
            if let end = rest.last, Hangul.isSyllable(end) { return String(String.UnicodeScalarView(rest)) }
        }
        return word
    }

    private static let particleScalars = particles.map { Array($0.unicodeScalars) }

    /// Particles and endings dropped from the end of a word, longest first.
    private static let particles = [
        "에서", "에게", "으로", "부터", "까지", "과의", "와의", "의", "에", "을", "를", "은", "는", "과", "와", "로",
    ]

    /// Whether two words (already stemmed) name the same thing, as far as a learner can tell.
    ///
    /// Hangul words agree in at least four jamo from the start, four fifths of the shorter word
    /// (`개발`/`개발자`, `로봇`/`로보틱스`); Latin words are equal but for case, one starts with the other
    /// and is at least three letters, or both start with the same two or more capitals (`MLflow`, `MLOps`).
    /// Counted scalar by scalar, without building strings: generating a catalog's cards asks this often.
    public static func sameStem(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        if a.unicodeScalars.contains(where: Hangul.isSyllable) || b.unicodeScalars.contains(where: Hangul.isSyllable) {
            var left = JamoSequence(a.unicodeScalars).makeIterator()
            var right = JamoSequence(b.unicodeScalars).makeIterator()
            var common = 0
            while let x = left.next(), let y = right.next(), x == y { common += 1 }
            let shorter = min(JamoSequence.count(of: a), JamoSequence.count(of: b))
            return common >= 4 && common * 5 >= shorter * 4
        }
        var common = 0
        var leftCount = 0
        var rightCount = 0
        var diverged = false
        var right = b.unicodeScalars.makeIterator()
        for x in a.unicodeScalars {
            leftCount += 1
            guard let y = right.next() else {
                diverged = true
                continue
            }
            rightCount += 1
            if !diverged && lower(x) == lower(y) { common += 1 } else { diverged = true }
        }
        while right.next() != nil { rightCount += 1 }
        let shorter = min(leftCount, rightCount)
        if common == shorter && (common == leftCount && common == rightCount || shorter >= 3) { return true }
        // `MLflow` and `MLOps` both start with the acronym ML.
        let capsA = a.unicodeScalars.prefix { $0.isASCII && $0.properties.isUppercase }
        let capsB = b.unicodeScalars.prefix { $0.isASCII && $0.properties.isUppercase }
        return capsA.count >= 2 && capsA.elementsEqual(capsB) && leftCount > capsA.count && rightCount > capsB.count
    }

    private static func lower(_ scalar: Unicode.Scalar) -> UInt32 {
        ("A"..."Z").contains(scalar) ? scalar.value + 32 : scalar.value
    }
}

/// The jamo of a text, lower-cased Latin letters as they are, produced one at a time.
struct JamoSequence: Sequence {
    let scalars: String.UnicodeScalarView

    init(_ scalars: String.UnicodeScalarView) { self.scalars = scalars }

    struct Iterator: IteratorProtocol {
        var base: String.UnicodeScalarView.Iterator
        var pending: [Unicode.Scalar] = []

        mutating func next() -> Unicode.Scalar? {
            if !pending.isEmpty { return pending.removeFirst() }
            guard let scalar = base.next() else { return nil }
            guard Hangul.isSyllable(scalar) else {
                return ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) : scalar
            }
            let jamo = Hangul.jamo(of: scalar)
            pending = Array(jamo.dropFirst())
            return jamo.first
        }
    }

    func makeIterator() -> Iterator { Iterator(base: scalars.makeIterator()) }

    /// How many jamo the text has.
    static func count(of text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            guard let final = Hangul.finalIndex(of: scalar) else { return total + 1 }
            return total + (final == 0 ? 2 : 3)
        }
    }
}
