/// Reads the plain-text tables roledeck ships (`spellings.txt`, `related.txt`, `duty-words.txt`).
///
/// Lines are `KEY = VALUE, VALUE` or `KEY ~ VALUE, VALUE` entries, bare words, `[section]` headings,
/// `#` comments and blank lines. A line that fits none of these is kept as a problem, so a test can
/// hold the shipped tables to having none.
struct LexiconText {
    struct Entry {
        var section: String
        var key: String
        var values: [String]
        var line: Int
    }

    var entries: [Entry] = []
    var problems: [String] = []

    init(_ text: String, name: String, separator: Character?) {
        var section = ""
        for (index, raw) in text.nfc.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                section = String(line.dropFirst().dropLast()).trimmingSpaces
                continue
            }
            guard let separator else {
                entries.append(Entry(section: section, key: line, values: [], line: index + 1))
                continue
            }
            guard let split = line.firstIndex(of: separator) else {
                problems.append("\(name):\(index + 1): `이름 \(separator) …` 꼴이어야 합니다: \(line)")
                continue
            }
            let key = line[..<split].trimmingSpaces
            let values = line[line.index(after: split)...].split(separator: ",").map(\.trimmingSpaces)
                .filter { !$0.isEmpty }
            if key.isEmpty || values.isEmpty {
                problems.append("\(name):\(index + 1): 항목에는 이름과 값이 하나 이상 있어야 합니다: \(line)")
                continue
            }
            entries.append(Entry(section: section, key: key, values: values, line: index + 1))
        }
    }
}
