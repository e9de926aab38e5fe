/// A duty as a question can show it: an item, or an item with the neighbours it leans on
/// (`데이터 수집, 정제, 분석 및 시각화` is one phrase of three items).
struct DutyPhrase {
    var text: String
    var keys: [String]

    /// A stable key: the key of the phrase's first item.
    var key: String { keys.first ?? "" }

    /// The role's duties grouped into self-contained phrases.
    static func phrases(of role: Role) -> [DutyPhrase] {
        var phrases: [DutyPhrase] = []
        var previousClause = -1
        for duty in role.duties {
            if duty.leansOnPrevious, duty.clause == previousClause, var last = phrases.popLast() {
                last.text += ", " + duty.text
                last.keys.append(duty.key)
                phrases.append(last)
            } else {
                phrases.append(DutyPhrase(text: duty.text, keys: [duty.key]))
            }
            previousClause = duty.clause
        }
        return phrases
    }

    /// The whole duty line with one item replaced by a blank.
    static func line(of role: Role, blanking index: Int) -> String {
        var clauses: [[String]] = []
        for (position, duty) in role.duties.enumerated() {
            let text = position == index ? blank : duty.text
            if duty.clause < clauses.count { clauses[duty.clause].append(text) } else { clauses.append([text]) }
        }
        return clauses.map { $0.joined(separator: ", ") }.joined(separator: "; ")
    }

    static let blank = "＿＿＿"
}
