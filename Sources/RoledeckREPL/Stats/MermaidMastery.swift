import RoledeckCore

/// The catalog's mindmap as Mermaid text, each node annotated with its mastery percentage.
///
/// Branches take the figures of the domains drawn under them (their roles' and shared cards'
/// together), leaves their role's; the root takes the whole scope's. Domains the mindmap has no
/// branch for (AutoML in the shipped catalog) are left out of the drawing and listed in a `%%`
/// comment with their figures, so nothing is lost and the diagram stays the catalog's own.
/// Without a mindmap in the catalog, one is drawn from the domains and roles.
public enum MermaidMastery {
    /// The Mermaid `mindmap` for `stats`, drawn on `mindmap` (nil: draw one from the domains).
    public static func render(_ stats: Statistics, mindmap: Mindmap?) -> String {
        var lines = ["mindmap"]
        lines.append("  %% roledeck stats --mermaid, \(DayCounter.label(ofDay: stats.today)): 숙련도 = 지금 기억할 카드의 몫")
        let roles = Dictionary(
            stats.domains.flatMap(\.roles).map { ($0.key, $0.figures) }, uniquingKeysWith: { first, _ in first })
        var drawn = Set<DomainKey>()
        if let mindmap {
            lines.append("  root((\(label(mindmap.root)) \(percent(stats.catalog))))")
            for branch in mindmap.branches {
                let domains = stats.domains.filter { $0.branch == branch.label }
                let leaves = branch.leaves.compactMap { leaf in leaf.role.flatMap { roles[$0] }.map { (leaf, $0) } }
                guard !domains.isEmpty || !leaves.isEmpty else { continue }
                drawn.formUnion(domains.map(\.key))
                for role in leaves.compactMap(\.0.role) {
                    if let owner = stats.domains.first(where: { $0.roles.contains { $0.key == role } }) {
                        drawn.insert(owner.key)
                    }
                }
                let figures =
                    domains.isEmpty
                    ? leaves.reduce(MasteryFigures()) { $0 + $1.1 }
                    : domains.reduce(MasteryFigures()) { $0 + $1.figures }
                lines.append("    \(label(branch.label)) \(percent(figures))")
                for (leaf, figures) in leaves {
                    lines.append("      \(label(leaf.label)) \(percent(figures))")
                }
            }
        } else {
            lines.append("  root((\(label(stats.filter.isAll ? "AI JOB" : "roledeck")) \(percent(stats.catalog))))")
            for domain in stats.domains {
                drawn.insert(domain.key)
                lines.append("    \(label(domain.name)) \(percent(domain.figures))")
                for role in domain.roles { lines.append("      \(label(role.name)) \(percent(role.figures))") }
            }
        }
        for domain in stats.domains where !drawn.contains(domain.key) {
            let roleList = domain.roles.map { "\($0.name) \(percent($0.figures))" }.joined(separator: ", ")
            lines.append(
                "  %% 마인드맵에 없는 분야: \(domain.number). \(domain.name) \(percent(domain.figures))"
                    + (roleList.isEmpty ? "" : " (\(roleList))"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func percent(_ figures: MasteryFigures) -> String {
        "\(Int((figures.mastery * 100).rounded()))%"
    }

    /// A node's text without the characters Mermaid reads as shapes or ids.
    static func label(_ text: String) -> String {
        let replacements: [Character: String] = [
            "(": "（", ")": "）", "[": "［", "]": "］", "{": "｛", "}": "｝", "\"": "'",
        ]
        return text.map { replacements[$0] ?? String($0) }.joined()
    }
}
