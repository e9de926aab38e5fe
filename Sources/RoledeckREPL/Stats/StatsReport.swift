import Foundation
import RoledeckCore

/// Prints `Statistics` for a terminal: every line fits `width` columns (Hangul counts two), only
/// ASCII glyphs draw bars and the calendar (box and block characters are two columns wide in
/// some CJK terminals), and colour is added only when the caller says the output is a terminal.
public struct StatsReport {
    /// The statistics to print.
    public let stats: Statistics
    /// The number of columns to fit.
    public let width: Int
    /// Whether to add ANSI colours.
    public let colour: Bool
    /// How the learner starts studying from where the report is shown: `roledeck review` in a
    /// shell, `review` at the REPL's prompt.
    public let reviewCommand: String

    /// The glyphs of the calendar's levels: no review, then four levels up to the busiest day.
    public static let calendarGlyphs: [Character] = [".", ":", "+", "*", "#"]

    /// A report for `stats`.
    public init(_ stats: Statistics, width: Int = 80, colour: Bool = false, reviewCommand: String = "roledeck review") {
        self.stats = stats
        self.width = max(60, width)
        self.colour = colour
        self.reviewCommand = reviewCommand
    }

    /// The whole report.
    public static func render(
        _ stats: Statistics, width: Int = 80, colour: Bool = false, reviewCommand: String = "roledeck review"
    ) -> String {
        StatsReport(stats, width: width, colour: colour, reviewCommand: reviewCommand).render()
    }

    /// The whole report, one section after another.
    public func render() -> String {
        var lines = header()
        if stats.isEmpty {
            lines += emptyState()
        } else {
            lines += today()
            lines += mastery()
            lines += focus()
            lines += states()
            lines += retention()
            lines += forecast()
            lines += calendar()
            lines += confusions()
            lines += knowledge()
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Sections

    func header() -> [String] {
        var title = "학습 통계 · \(DayCounter.label(ofDay: stats.today)) 기준"
        if let scope = scopeName { title += " · \(scope)" }
        var lines = [bold(title)]
        if stats.laterReviews > 0 {
            lines.append("  그때까지의 기록으로 셉니다: 이 시각 뒤의 복습 \(stats.laterReviews)회는 뺐습니다.")
        }
        return lines
    }

    var scopeName: String? {
        if let role = stats.filter.role {
            let name = stats.domains.lazy.flatMap(\.roles).first { $0.key == role }?.name ?? role.rawValue
            return "직무: \(name)"
        }
        if let domain = stats.filter.domain {
            return "분야: \(stats.domains.first { $0.key == domain }?.name ?? domain.rawValue)"
        }
        return nil
    }

    func emptyState() -> [String] {
        let counts = stats.counts
        var lines = [
            "",
            "아직 공부한 카드가 없습니다. `\(reviewCommand)`\(Particle.direction.form(after: reviewCommand)) 첫 카드를 공부해 보세요.",
            "카드 \(counts.total)장 중 새 카드 \(counts.new)장 · 오늘 공부할 수 있는 새 카드 \(stats.day.newLeft)장",
        ]
        if counts.suspended + counts.buried > 0 {
            lines.append("(보류 \(counts.suspended)장 · 묻어 둠 \(counts.buried)장)")
        }
        return lines
    }

    func today() -> [String] {
        let day = stats.day
        var first = ["복습 \(day.reviews)회", "카드 \(day.cards)장"]
        if day.ahead > 0 { first.append("그중 미리 복습 \(day.ahead)회") }
        if day.cram > 0 { first.append((day.ahead > 0 ? "" : "그중 ") + "몰아 보기 \(day.cram)회") }
        if let accuracy = day.accuracy { first.append("통과율 \(percent(accuracy))") }
        first.append("공부 시간 \(Self.duration(milliseconds: day.timeMs))")
        let streak = stats.streak
        var streakText = "연속 학습 \(streak.current)일 (최장 \(streak.longest)일)"
        if !streak.studiedToday && streak.current > 0 { streakText += " · 오늘 복습하면 \(streak.current + 1)일째" }
        let held = LimitNotice.lines(heldBack: day.heldBack, limits: day.limits, newLeft: day.newLeft)
        return [""] + [bold("오늘")] + wrap(first) + wrap(["지금 복습할 카드 \(day.dueNow)장", "오늘 남은 새 카드 \(day.newLeft)장"])
            + held.flatMap { TextWrap.lines("  " + $0, width: width) }
            + ["  내일: 복습 \(day.dueTomorrow)장 · 새 카드 \(day.newTomorrow)장", "  " + streakText]
    }

    func mastery() -> [String] {
        // Right of the names: seen/total (12), retrievability (7), mature (6), bar (2 + 12), mastery (5).
        let rightWidth = 12 + 7 + 6 + 2 + 12 + 5
        var rows: [(name: String, figures: MasteryFigures, level: Int)] = []
        if stats.filter.isAll { rows.append(("전체", stats.catalog, 0)) }
        for domain in stats.domains {
            rows.append(("\(domain.number). \(domain.name)", domain.figures, 1))
            for role in domain.roles { rows.append((role.name, role.figures, 2)) }
            if domain.shared.cards > 0 { rows.append(("(분야 공통 카드)", domain.shared, 2)) }
        }
        let nameWidth = min(
            width - 2 - rightWidth, rows.map { DisplayWidth.of($0.name) + 2 * $0.level }.max() ?? 0)
        var lines = [
            "", bold("숙련도"),
            "  " + DisplayWidth.padded("", to: nameWidth)
                + Self.leftPadded("본 카드", to: 12) + Self.leftPadded("기억률", to: 7)
                + Self.leftPadded("성숙", to: 6) + "  숙련도",
        ]
        for row in rows {
            let indent = String(repeating: " ", count: 2 * row.level)
            let name = DisplayWidth.truncated(indent + row.name, to: nameWidth)
            let figures = row.figures
            let mean = figures.meanRetrievability.map(percent) ?? "-"
            var line = "  " + DisplayWidth.padded(name, to: nameWidth)
            line += Self.leftPadded("\(figures.seen)/\(figures.cards)", to: 12)
            line += Self.leftPadded(mean, to: 7) + Self.leftPadded(percent(figures.matureShare), to: 6)
            line += "  " + masteryBar(figures.mastery) + Self.leftPadded(percent(figures.mastery), to: 5)
            lines.append(row.level == 1 || stats.filter.isAll && row.level == 0 ? bold(line) : line)
        }
        lines.append("  기억률: 본 카드 평균 · 성숙: 안정도 21일 이상 · 숙련도: 지금 기억할 카드의 몫")
        return lines
    }

    func focus() -> [String] {
        let focus = stats.focus
        guard !focus.roles.isEmpty || !focus.facts.isEmpty else { return [] }
        var lines = ["", bold("다음에 집중할 것")]
        if stats.filter.role == nil {
            for role in focus.roles {
                lines.append(
                    DisplayWidth.truncated(
                        "  직무  \(role.name) · 기억률 \(percent(role.meanRetrievability)) · 숙련도 \(percent(role.mastery))",
                        to: width))
            }
        }
        for fact in focus.facts {
            let lead = "  카드  " + Self.leftPadded(percent(fact.retrievability), to: 4) + "  "
            lines += cardLines(
                lead: lead, prompt: fact.prompt, context: fact.context,
                note: fact.lapses > 0 ? "잊음 \(fact.lapses)회" : nil)
        }
        return lines
    }

    func states() -> [String] {
        let counts = stats.counts
        var items = [
            "새 카드 \(counts.new)", "학습 중 \(counts.learning)", "복습 \(counts.review)", "재학습 \(counts.relearning)",
            "보류 \(counts.suspended)", "묻어 둠 \(counts.buried)",
        ]
        items.append("거머리 \(counts.leeches)")
        var lines = ["", bold("카드 상태 (\(counts.total)장)")] + wrap(items)
        if stats.unknownCards > 0 {
            lines.append("  덱에 없는 카드 \(stats.unknownCards)장의 기록은 숙련도에서 뺐습니다 (카탈로그에서 바뀐 카드).")
        }
        return lines
    }

    func retention() -> [String] {
        let names = ["today": "오늘", "yesterday": "어제", "7d": "7일", "30d": "30일", "365d": "365일", "all": "전체"]
        let label = 10
        let column = 9
        var header = "  " + DisplayWidth.padded("기간", to: label)
        var rates = "  " + DisplayWidth.padded("통과율", to: label)
        var totals = "  " + DisplayWidth.padded("복습 수", to: label)
        for window in stats.retention {
            header += Self.leftPadded(names[window.window] ?? window.window, to: column)
            rates += Self.leftPadded(window.rate.map(percent) ?? "-", to: column)
            totals += Self.leftPadded("\(window.total)", to: column)
        }
        return [
            "", bold("실제 기억률 (Review 상태 카드 복습 중 Hard 이상 · 목표 \(percent(stats.desiredRetention)))"), header,
            rates, totals,
        ]
    }

    func forecast() -> [String] {
        let days = stats.forecast
        let peak = days.max() ?? 0
        var lines = [
            "", bold("앞으로 \(days.count)일 복습 예정 (합계 \(days.reduce(0, +))장 · 밀린 카드는 오늘에)"),
        ]
        let height = 5
        let axisWidth = max(3, String(peak).count)
        for row in stride(from: height, through: 1, by: -1) {
            let label = row == height ? String(peak) : ""
            var line = "  " + Self.leftPadded(label, to: axisWidth) + " |"
            for count in days {
                let bar =
                    peak == 0 || count == 0 ? 0 : max(1, Int((Double(count * height) / Double(peak)).rounded(.up)))
                line += bar >= row ? paint("#", code: "32") + " " : "  "
            }
            lines.append(Self.trimmedRight(line))
        }
        lines.append("  " + Self.leftPadded("0", to: axisWidth) + " +" + String(repeating: "-", count: 2 * days.count))
        var marks = [(0, "오늘")]
        for offset in stride(from: 7, to: days.count, by: 7) { marks.append((offset, "+\(offset)")) }
        lines.append(Self.place(marks.map { (2 + axisWidth + 2 + 2 * $0.0, $0.1) }))
        return lines
    }

    func calendar() -> [String] {
        let counts = stats.calendar
        let peak = counts.max() ?? 0
        let weeks = (counts.count + 6) / 7
        var lines = [
            "", bold("복습 달력 (최근 \(weeks)주 · 하루 최대 \(peak)회 · 총 \(counts.reduce(0, +))회)"),
        ]
        // A month's name over the first week starting in it; the first week gets one only when its
        // month lasts two more weeks, so the label does not run into the next month's.
        var months: [(column: Int, text: String)] = []
        for week in 0..<weeks {
            let date = DayCounter.date(ofDay: stats.calendarStart + 7 * week)
            let previous = DayCounter.date(ofDay: stats.calendarStart + 7 * week - 7)
            let later = DayCounter.date(ofDay: stats.calendarStart + 14)
            if week == 0 ? later.month == date.month : date.month != previous.month {
                months.append((5 + 2 * week, "\(date.month)월"))
            }
        }
        lines.append(Self.place(months))
        let weekdays = ["월", "화", "수", "목", "금", "토", "일"]
        for weekday in 0..<7 {
            var line = "  " + weekdays[weekday] + " "
            for week in 0..<weeks {
                let index = 7 * week + weekday
                if index < counts.count {
                    let level = Self.level(counts[index], peak: peak)
                    line += paint(String(Self.calendarGlyphs[level]), code: Self.calendarColour(level)) + " "
                } else {
                    line += "  "
                }
            }
            lines.append(Self.trimmedRight(line))
        }
        let legend = Self.calendarGlyphs.enumerated().map { paint(String($1), code: Self.calendarColour($0)) }
        lines.append("     적음 " + legend.joined(separator: " ") + " 많음")
        return lines
    }

    func confusions() -> [String] {
        guard !stats.confusions.isEmpty else { return [] }
        var lines = ["", bold("자주 헷갈린 것 (카드 · 고른 오답 · 그때 보인 정답)")]
        let countWidth = stats.confusions.map { String($0.count).count }.max() ?? 1
        for pair in stats.confusions {
            let lead = "  " + Self.leftPadded("\(pair.count)", to: countWidth) + "회  "
            lines += cardLines(lead: lead, prompt: pair.prompt, context: pair.context, note: nil)
            var choice = "'\(pair.chosen)' 고름"
            choice += pair.expected.map { " · 정답 '\($0)'" } ?? " · 그때 보인 정답은 기록되지 않음"
            lines.append(
                DisplayWidth.truncated(String(repeating: " ", count: DisplayWidth.of(lead)) + choice, to: width))
        }
        return lines
    }

    func knowledge() -> [String] {
        let catalog = stats.catalog
        return [
            "",
            bold("예상 총 지식: 지금 카드 약 \(String(format: "%.1f", stats.knowledge))장 분량을 기억")
                + " (본 카드 \(catalog.seen)장 · 전체 \(catalog.cards)장)",
        ]
    }

    // MARK: - Pieces

    /// A card in a list, named by its prompt on one line after `lead`; under it, lined up with the
    /// prompt, the line shown with it (a cloze card's blank, which tells cards of one prompt apart)
    /// and `note`. Every line is cut to the width.
    func cardLines(lead: String, prompt: String, context: String?, note: String?) -> [String] {
        let indent = String(repeating: " ", count: DisplayWidth.of(lead))
        var lines = [lead + DisplayWidth.line(prompt, fitting: width - DisplayWidth.of(lead))]
        let noteText = note.map { " · " + $0 } ?? ""
        if let context, !context.isEmpty {
            let room = width - indent.count - DisplayWidth.of(noteText)
            lines.append(indent + DisplayWidth.line(context, fitting: room) + noteText)
        } else if let note {
            lines.append(indent + note)
        }
        return lines
    }

    /// A 10-column bar in brackets, coloured by level on a terminal.
    func masteryBar(_ fraction: Double) -> String {
        let filled = min(10, max(0, Int((fraction * 10).rounded())))
        let code = fraction >= 0.8 ? "32" : fraction >= 0.5 ? "33" : "31"
        return "[" + paint(String(repeating: "#", count: filled), code: code)
            + String(repeating: "-", count: 10 - filled) + "]"
    }

    /// Items joined with ` · `, wrapped to the width, each line indented by two.
    func wrap(_ items: [String]) -> [String] {
        var lines: [String] = []
        var line = ""
        for item in items {
            let candidate = line.isEmpty ? "  " + item : line + " · " + item
            if !line.isEmpty && DisplayWidth.of(candidate) > width {
                lines.append(line)
                line = "  " + item
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    func percent(_ fraction: Double) -> String {
        "\(Int((fraction * 100).rounded()))%"
    }

    func bold(_ text: String) -> String {
        paint(text, code: "1")
    }

    func paint(_ text: String, code: String?) -> String {
        guard colour, let code else { return text }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    /// The calendar level of a day: 0 without reviews, else 1…4 by its share of the busiest day.
    static func level(_ count: Int, peak: Int) -> Int {
        guard count > 0, peak > 0 else { return 0 }
        return min(4, max(1, Int((Double(count * 4) / Double(peak)).rounded(.up))))
    }

    static func calendarColour(_ level: Int) -> String? {
        ["90", "38;5;22", "38;5;28", "38;5;34", "38;5;40"][level]
    }

    /// "1시간 5분", "12분 30초", "45초".
    static func duration(milliseconds: Int) -> String {
        let seconds = milliseconds / 1000
        if seconds >= 3600 { return "\(seconds / 3600)시간 \(seconds / 60 % 60)분" }
        if seconds >= 60 { return "\(seconds / 60)분 \(seconds % 60)초" }
        return "\(seconds)초"
    }

    /// `text` padded on the left to `columns`.
    static func leftPadded(_ text: String, to columns: Int) -> String {
        String(repeating: " ", count: max(0, columns - DisplayWidth.of(text))) + text
    }

    static func trimmedRight(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }

    /// Labels placed at display columns on one line; a label that would overlap the previous one is left out.
    static func place(_ labels: [(column: Int, text: String)]) -> String {
        var line = ""
        var used = 0
        for (column, text) in labels where column >= used {
            line += String(repeating: " ", count: column - used) + text
            used = column + DisplayWidth.of(text)
        }
        return line
    }
}
