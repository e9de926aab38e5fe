import Foundation

extension Card {
    /// The fact a card asks about: its role (or domain) and the catalog item, when the id names one.
    /// Cards with the same fact are siblings (`cloze/데이터-엔지니어/x` and `duty-role/데이터-엔지니어/x`;
    /// `stack/r` and `duties/r` share the role's fact).
    public var factKey: String {
        let parts = id.rawValue.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        let owner = role?.rawValue ?? domain.rawValue
        if kind == .stackRole, let item = parts.last { return "item/\(item)" }
        if parts.count >= 2, let item = parts.last { return "\(owner)/\(item)" }
        return "\(owner)/\(kind == .domainRoles ? "roles" : "role")"
    }
}

extension DayConvention {
    /// The start of the day after the one holding `date`: when a card buried at `date` comes back.
    public func nextDayStart(after date: Date) -> Date {
        let today = dayNumber(of: date)
        // Step forward by hours: the day boundary is at most 26 hours away, even across a DST change.
        var candidate = date
        for _ in 0..<27 {
            candidate = candidate.addingTimeInterval(3600)
            if dayNumber(of: candidate) > today { break }
        }
        // Walk back to the exact minute the day begins.
        var lower = candidate.addingTimeInterval(-3600)
        while candidate.timeIntervalSince(lower) > 1 {
            let middle = lower.addingTimeInterval(candidate.timeIntervalSince(lower) / 2)
            if dayNumber(of: middle) > today { candidate = middle } else { lower = middle }
        }
        return Date(timeIntervalSince1970: candidate.timeIntervalSince1970.rounded(.up))
    }
}
