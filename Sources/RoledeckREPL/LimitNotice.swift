import RoledeckCore

/// What the day's limits hold back, said plainly with the way on (`more`), wherever a learner is told
/// what is due: the opening line, the end of a session, `stats`.
public enum LimitNotice {
    /// One line for each limit that holds cards back now; none when nothing is held back.
    ///
    /// Due reviews past the review limit are always named (they are overdue by tomorrow); new cards
    /// only once today's new cards are used up (more new cards than a day's limit is the usual case).
    public static func lines(_ queue: DailyQueue) -> [String] {
        lines(heldBack: queue.heldBack, limits: queue.dayLimits, newLeft: queue.newCards.count)
    }

    /// The same from the figures (`stats`).
    public static func lines(heldBack: StudiedToday, limits: QueueLimits, newLeft: Int) -> [String] {
        var lines: [String] = []
        if heldBack.reviews > 0 {
            lines.append(
                "하루 복습 한도(\(limits.reviewsPerDay)장)에 걸려 복습할 카드 \(heldBack.reviews)장이 기다립니다. "
                    + "오늘 더 하려면 more \(heldBack.reviews) 복습.")
        }
        if heldBack.newCards > 0 && newLeft == 0 && limits.newPerDay == 0 {
            lines.append(
                "하루 새 카드 한도가 0장이라 새 카드 \(heldBack.newCards)장이 나오지 않습니다. "
                    + "오늘 보려면 more \(min(10, heldBack.newCards)).")
        } else if heldBack.newCards > 0 && newLeft == 0 {
            lines.append(
                "오늘 새 카드 \(limits.newPerDay)장을 다 보았습니다. 남은 새 카드 \(heldBack.newCards)장은 내일부터 나옵니다. "
                    + "오늘 더 보려면 more \(min(10, heldBack.newCards)).")
        }
        return lines
    }
}
