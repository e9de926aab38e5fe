/// Particles written after Latin names in card text, found so they can be checked
/// (`Python을` agrees, `PlayFab를` does not, `C#을(를)` is left undecided).
public struct ParticleUse: Equatable, Sendable {
    /// The name before the particle, as written.
    public var word: String
    /// The particle as written (`을`, `를`, `으로`, `을(를)`).
    public var particle: String
    /// The form the name's reading calls for.
    public var expected: String
    /// What decided the expected form.
    public var source: Pronunciation.Source

    /// Whether the particle is written in both forms, `을(를)`.
    public var isUndecided: Bool { particle.contains("(") }

    /// Every particle after a name that does not end in Hangul, in order.
    public static func scan(_ text: String, lexicon: Lexicon = .shipped) -> [ParticleUse] {
        let characters = Array(text.nfc)
        var uses: [ParticleUse] = []
        var index = 0
        while index < characters.count {
            defer { index += 1 }
            guard index > 0, !isHangul(characters[index - 1]), !characters[index - 1].isWhitespace,
                let (particle, kind) = match(characters, at: index)
            else { continue }
            let after = index + particle.count
            guard after == characters.count || !isHangul(characters[after]) else { continue }
            let word = String(characters[nameStart(characters, before: index)..<index])
            guard word.contains(where: { $0.isLetter || $0.isNumber }) else { continue }
            let reading = Pronunciation.reading(of: word, lexicon: lexicon)
            uses.append(
                ParticleUse(
                    word: word, particle: particle, expected: kind.form(for: reading.ending), source: reading.source))
            index = after - 1
        }
        return uses
    }

    /// Where the name before a particle begins: back over a parenthesised part (`ROS(Robot Operating
    /// System)`), the word, and the Latin words before it (`TensorFlow Serving`), not into Korean.
    private static func nameStart(_ characters: [Character], before end: Int) -> Int {
        var start = end
        func wordStart(_ from: Int) -> Int {
            var position = from
            var depth = 0
            while position > 0 {
                let previous = characters[position - 1]
                if previous == ")" { depth += 1 } else if previous == "(" { depth -= 1 }
                if depth <= 0 && (previous.isWhitespace || "'\"‘“".contains(previous)) && previous != "(" { break }
                position -= 1
            }
            return position
        }
        start = wordStart(start)
        // A parenthesised qualifier after a space (`클라우드 엔지니어 (AI/ML 포커스)`) belongs to the word before it.
        if characters[start] == "(", start > 1, characters[start - 1] == " " { start = wordStart(start - 1) }
        while start > 1, characters[start - 1] == " " {
            let before = wordStart(start - 1)
            let token = characters[before..<(start - 1)]
            guard !token.isEmpty, !token.contains(where: isHangul), token.contains(where: { $0.isLetter }) else {
                break
            }
            start = before
        }
        return start
    }

    private static func isHangul(_ character: Character) -> Bool {
        character.unicodeScalars.contains(where: Hangul.isSyllable)
    }

    /// The particle starting at `index`, longest first, with the particle it is a form of.
    private static func match(_ characters: [Character], at index: Int) -> (String, Particle)? {
        for (form, particle) in forms {
            let end = index + form.count
            guard end <= characters.count, String(characters[index..<end]) == form else { continue }
            return (form, particle)
        }
        return nil
    }

    private static let forms: [(String, Particle)] = [
        ("을(를)", .object), ("를(을)", .object), ("은(는)", .topic), ("는(은)", .topic), ("이(가)", .subject),
        ("가(이)", .subject), ("과(와)", .with), ("와(과)", .with), ("(으)로", .direction), ("으로", .direction),
        ("을", .object), ("를", .object), ("은", .topic), ("는", .topic), ("이", .subject), ("가", .subject),
        ("과", .with), ("와", .with), ("로", .direction),
    ]
}

extension Particle {
    /// The form for a word with the given ending.
    func form(for ending: Pronunciation.Ending) -> String {
        switch ending {
        case .vowel: forms.vowel
        case .rieul: self == .direction ? forms.vowel : forms.consonant
        case .consonant: forms.consonant
        }
    }
}
