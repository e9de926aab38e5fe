/// A catalog `scale` times the size of a given one, for measuring how generation grows: the domains
/// are repeated with numbered names (`데이터 2`, `데이터 엔지니어 2`), and the stack items are kept as
/// they are, so popular items (`Python`) are listed by `scale` times as many roles, as in a large
/// real catalog.
enum ScaledCatalog {
    static func text(from original: String, scale: Int) -> String {
        guard scale > 1 else { return original }
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let firstDomain = lines.firstIndex(where: { $0.hasPrefix("### ") }) else { return original }
        let head = lines[..<firstDomain]
        let body = lines[firstDomain...]
        var out = Array(head)
        var number = 0
        for copy in 1...scale {
            for line in body {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("### "), let dot = trimmed.firstIndex(of: ".") {
                    number += 1
                    let name = trimmed[trimmed.index(after: dot)...].trimmingCharacters(in: .whitespaces)
                    out.append("### \(number). " + (copy == 1 ? name : "\(numbered(name, copy))"))
                } else if copy > 1, let open = line.range(of: "**"),
                    let close = line.range(of: "**", range: open.upperBound..<line.endIndex)
                {
                    let name = line[open.upperBound..<close.lowerBound]
                    out.append(line[..<open.upperBound] + "\(name) \(copy)" + line[close.lowerBound...])
                } else {
                    out.append(line)
                }
            }
        }
        return out.joined(separator: "\n")
    }

    /// `MLOps (Machine Learning Operations)` → `MLOps 2 (Machine Learning Operations 2)`.
    private static func numbered(_ name: String, _ copy: Int) -> String {
        guard let open = name.firstIndex(of: "("), name.hasSuffix(")") else { return "\(name) \(copy)" }
        let base = name[..<open].trimmingCharacters(in: .whitespaces)
        let english = name[name.index(after: open)..<name.index(before: name.endIndex)]
        return "\(base) \(copy) (\(english) \(copy))"
    }
}
