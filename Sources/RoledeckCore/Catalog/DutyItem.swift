/// One item of a role's `업무:` line, kept as written.
public struct DutyItem: Equatable, Sendable {
    /// The text as written (`정제`, `데이터 파이프라인 구축 및 관리`).
    public var text: String
    /// A stable key from the text.
    public var key: String
    /// Which semicolon-separated clause of the line the item is in, from 0.
    public var clause: Int
    /// Whether the item only makes sense with its neighbours: it shares their object (`정제` in
    /// `데이터 수집, 정제, 분석 및 시각화`) or continues the item before it (`특히 …`, `…까지`).
    public var leansOnPrevious: Bool

    public init(text: String, clause: Int, leansOnPrevious: Bool) {
        self.text = text
        self.key = Slug.key(text)
        self.clause = clause
        self.leansOnPrevious = leansOnPrevious
    }
}
