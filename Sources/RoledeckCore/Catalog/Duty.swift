/// One duty of a role, as a Korean reader divides the `업무:` line: a piece of work
/// (`데이터 파이프라인 구축 및 관리`), or a list of parts that share their object or topic
/// (`데이터 수집, 정제, 분석 및 시각화`; `알고리즘, 데이터 구조, 소프트웨어 설계 및 개발`).
public struct Duty: Equatable, Sendable {
    /// The parts, in catalog order.
    public var parts: [DutyPart]
    /// Which semicolon-separated clause of the line the duty is in, from 0.
    public var clause: Int

    public init(parts: [DutyPart], clause: Int) {
        self.parts = parts
        self.clause = clause
    }

    /// The duty as the catalog writes it: its parts joined by commas.
    public var text: String { parts.map(\.text).joined(separator: ", ") }

    /// A stable key: the key of the first part.
    public var key: String { parts.first?.key ?? "" }
}

/// A comma-separated part of a duty, kept whole where Korean reads it as one
/// (`…부터 …까지` ranges and `특히 …` / `즉 …` / `예를 들어 …` clauses stay with the part before them).
public struct DutyPart: Equatable, Sendable {
    /// The text as written.
    public var text: String
    /// A stable key from the text.
    public var key: String
    /// Whether the part names a topic rather than work (`알고리즘`, `데이터 구조`): it ends in no duty word.
    public var isTopic: Bool

    public init(text: String, isTopic: Bool) {
        self.text = text
        self.key = Slug.key(text)
        self.isTopic = isTopic
    }
}
