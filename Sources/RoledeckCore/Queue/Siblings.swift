import Foundation

extension Card {
    /// The fact a card asks about: its role (or domain) and the catalog item, when the id names one.
    /// Cards with the same fact are siblings (`cloze/데이터-엔지니어/x` and `duty-role/데이터-엔지니어/x`;
    /// `stack/r` and `duties/r` share the role's fact).
    public var factKey: String {
        let owner = role?.rawValue ?? domain.rawValue
        let raw = id.rawValue
        // The parts after the id's first: as many as it has slashes, the last one after the last slash.
        let slashes: Int
        let last: Substring?
        if Hangul.isPlainText(raw) {
            // Each scalar is a character of its own: the slashes are found in the bytes (a split by
            // characters cost most of building the siblings of 100,000 cards).
            slashes = raw.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
            last = raw.utf8.lastIndex(of: UInt8(ascii: "/")).map { raw[raw.utf8.index(after: $0)...] }
        } else {
            let parts = raw.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            slashes = parts.count
            last = parts.last
        }
        if kind == .stackRole, let item = last { return "item/\(item)" }
        if slashes >= 2, let item = last { return "\(owner)/\(item)" }
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
