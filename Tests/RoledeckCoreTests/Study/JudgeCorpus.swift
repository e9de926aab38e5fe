import Foundation
import RoledeckCore

/// The rows of `Fixtures/judge-corpus.tsv`: typed replies to generated cards, each with the verdict a fair
/// Korean teacher gives and why. The file's header comment documents the columns.
struct JudgeCorpus {
    /// The file, as the tests name it.
    static let fileName = "judge-corpus.tsv"

    /// The header row, column by column.
    static let columns = ["catalog", "card", "reply", "expected", "reason", "status"]

    /// One reply and its verdict.
    struct Row: Sendable {
        /// The line of the file the row is on (1-based).
        var line: Int
        /// `ai-jobs.md`, or one of the catalogs in `Fixtures` (`game-jobs.md`, …).
        var catalog: String
        var card: String
        var reply: String
        /// Whether a fair teacher accepts the reply.
        var accepts: Bool
        var reason: String
        /// The judge disagrees today; the row is a known failure until the judge is fixed.
        var known: Bool

        /// Names the row in a failure: file, line, catalog, card and reply.
        var label: String { "\(JudgeCorpus.fileName):\(line) \(catalog) \(card) «\(reply)»" }
    }

    var rows: [Row] = []
    /// Lines that are not a well-formed row, each naming the file and line.
    var problems: [String] = []

    /// Reads the corpus from its text.
    init(_ text: String) {
        var sawHeader = false
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            let content = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if content.isEmpty || content.hasPrefix("#") { continue }
            let fields = content.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if !sawHeader {
                sawHeader = true
                if fields != Self.columns { problem(line, "the header must be \(Self.columns.joined(separator: " "))") }
                continue
            }
            guard fields.count == Self.columns.count else {
                problem(line, "\(fields.count) columns, \(Self.columns.count) expected")
                continue
            }
            guard ["accept", "reject"].contains(fields[3]) else {
                problem(line, "expected is \(fields[3]), not accept or reject")
                continue
            }
            guard ["ok", "known"].contains(fields[5]) else {
                problem(line, "status is \(fields[5]), not ok or known")
                continue
            }
            guard !fields[2].isEmpty, !fields[4].isEmpty else {
                problem(line, "the reply and the reason must not be empty")
                continue
            }
            rows.append(
                Row(
                    line: line, catalog: fields[0], card: fields[1], reply: fields[2], accepts: fields[3] == "accept",
                    reason: fields[4], known: fields[5] == "known"))
        }
        if !sawHeader { problems.append("\(Self.fileName): no header row") }
    }

    private mutating func problem(_ line: Int, _ text: String) {
        problems.append("\(Self.fileName):\(line): \(text)")
    }

    /// The corpus shipped with the tests.
    static func load() throws -> JudgeCorpus {
        JudgeCorpus(try Fixture.text(fileName))
    }

    /// The catalog a row names, from the repository (`ai-jobs.md` is the shipped catalog's copy in `Decks/`).
    static func catalogURL(_ name: String) throws -> URL {
        name == "ai-jobs.md"
            ? Fixture.repositoryRoot.appendingPathComponent("Decks/catalog/ai-jobs.md") : try Fixture.url(name)
    }

    /// The catalogs the corpus covers.
    static let catalogs = ["ai-jobs.md", "game-jobs.md", "finance-jobs.md", "health-jobs.md", "web-jobs.md"]
}
