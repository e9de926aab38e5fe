/// Divides an `업무:` line into duties the way Korean reads it.
///
/// The line is cut into clauses at semicolons and into phrases at commas outside parentheses. Then:
/// - a phrase inside an open `…부터` range is joined to the phrases up to its `…까지`
///   (`머신 러닝 모델의 개발부터 배포, 모니터링까지 전체 라이프사이클 관리` is one part);
/// - a phrase that opens with `특히`, `즉`, `예를 들어`, `예컨대` or `이를테면` joins the phrase before it,
///   across a semicolon too;
/// - a phrase that ends in no duty word (see `duty-words.txt`) is a topic and joins the duty after it
///   (`알고리즘, 데이터 구조, 소프트웨어 설계 및 개발`), or the one before when it comes last;
/// - a phrase of bare actions (`정제`, `분석 및 시각화`, `훈련`) right after the clause's first duty, when
///   that duty names an object, shares the object and joins it (`데이터 수집, 정제, 분석 및 시각화`);
///   anywhere else it is a duty of its own (`캐릭터 및 배경 모델링, UV 작업 및 텍스처링, 리깅`).
/// A clause with no duty word at all is read as it stands, one duty a phrase; `및` lists are never cut.
enum DutySplitter {
    static func duties(_ text: String, source: String, line: Int, lexicon: Lexicon = .shipped)
        throws(CatalogError) -> [Duty]
    {
        var duties: [Duty] = []
        let clauses = try ItemSplitter.split(text, at: [";", "；"], source: source, line: line)
        for (clauseIndex, clause) in clauses.enumerated() {
            let phrases = try ItemSplitter.split(clause, at: [",", "，"], source: source, line: line)
                .filter { !$0.isEmpty }
            var merged: [String] = []
            for phrase in phrases {
                if let last = merged.last, opensRange(last) || elaborates(phrase) {
                    merged[merged.count - 1] = last + ", " + phrase
                } else if merged.isEmpty, elaborates(phrase), var previous = duties.popLast(),
                    var lastPart = previous.parts.popLast()
                {
                    // `…; 예를 들어 …`: the example still belongs to the duty before the semicolon.
                    lastPart = DutyPart(text: lastPart.text + ", " + phrase, isTopic: lastPart.isTopic)
                    previous.parts.append(lastPart)
                    duties.append(previous)
                } else {
                    merged.append(phrase)
                }
            }
            duties += group(merged, clause: clauseIndex, lexicon: lexicon)
        }
        return duties
    }

    /// Groups a clause's phrases into duties: topics forward, bare actions backward. A phrase with an
    /// elaboration is work when what it elaborates is (`실시간 기능 구현, 예를 들어 … 채팅과 알림`) or when
    /// it ends in work (`자연어 처리 시스템, 특히 … 프롬프트 설계 및 최적화`).
    static func group(_ phrases: [String], clause: Int, lexicon: Lexicon) -> [Duty] {
        let isWork = phrases.map {
            endsInDutyWord($0, lexicon: lexicon) || endsInDutyWord(beforeElaboration($0), lexicon: lexicon)
        }
        guard isWork.contains(true) else {
            return phrases.map { Duty(parts: [DutyPart(text: $0, isTopic: false)], clause: clause) }
        }
        var duties: [Duty] = []
        var topics: [DutyPart] = []
        for (index, phrase) in phrases.enumerated() {
            guard isWork[index] else {
                topics.append(DutyPart(text: phrase, isTopic: true))
                continue
            }
            let part = DutyPart(text: phrase, isTopic: false)
            if !topics.isEmpty {
                duties.append(Duty(parts: topics + [part], clause: clause))
                topics = []
            } else if index > 0, isBareAction(phrase), duties.count == 1,
                let object = duties.first?.parts.first(where: { !$0.isTopic }),
                object.text.contains(" ")
            {
                // `데이터 수집, 정제, 분석 및 시각화`: bare actions right after the clause's first duty share its
                // object. After a second duty (`…, UV 작업 및 텍스처링, 리깅`) a bare action is a duty of its own.
                duties[0].parts.append(part)
            } else {
                duties.append(Duty(parts: [part], clause: clause))
            }
        }
        if !topics.isEmpty {
            if duties.isEmpty {
                duties.append(Duty(parts: topics, clause: clause))
            } else {
                duties[duties.count - 1].parts += topics
            }
        }
        return duties
    }

    /// `…부터` without its `…까지` yet.
    static func opensRange(_ phrase: String) -> Bool {
        guard let from = phrase.range(of: "부터", options: .backwards) else { return false }
        return !phrase[from.upperBound...].contains("까지")
    }

    /// The phrase up to its first elaboration (`실시간 기능 구현` of `실시간 기능 구현, 예를 들어 …`).
    static func beforeElaboration(_ phrase: String) -> String {
        var cut = phrase.endIndex
        for opener in elaborationOpeners {
            if let range = phrase.range(of: ", " + opener), range.lowerBound < cut { cut = range.lowerBound }
        }
        return String(phrase[..<cut])
    }

    /// A phrase that elaborates the one before it rather than naming a duty of its own.
    static func elaborates(_ phrase: String) -> Bool {
        elaborationOpeners.contains { phrase.hasPrefix($0 + " ") || phrase.hasPrefix($0 + ",") || phrase == $0 }
    }

    static let elaborationOpeners = ["특히", "즉", "예를 들어", "예를 들면", "예컨대", "이를테면"]

    /// Whether the phrase's last word (parentheses and particle aside) names work.
    static func endsInDutyWord(_ phrase: String, lexicon: Lexicon) -> Bool {
        guard let last = Words.of(withoutTrailingParentheses(phrase)).last else { return false }
        return lexicon.isDutyWord(last)
    }

    /// Bare actions: every `및`-joined piece is one word (`정제`, `분석 및 시각화`).
    static func isBareAction(_ phrase: String) -> Bool {
        phrase.components(separatedBy: " 및 ").allSatisfy { !$0.trimmingSpaces.contains(" ") }
    }

    /// The text with every parenthesised part taken out (`클라우드 엔지니어 (AI/ML 포커스)` → `클라우드 엔지니어`).
    static func withoutParentheses(_ text: String) -> String {
        var result = ""
        var depth = 0
        for character in text {
            if character == "(" || character == "（" {
                depth += 1
            } else if character == ")" || character == "）" {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                result.append(character)
            }
        }
        return result.split(separator: " ").joined(separator: " ")
    }

    static func withoutTrailingParentheses(_ phrase: String) -> String {
        var text = phrase.trimmingSpaces
        while text.hasSuffix(")"), let open = text.lastIndex(of: "("), open > text.startIndex {
            text = String(text[..<open]).trimmingSpaces
        }
        return text
    }
}
