import Foundation
import RoledeckCore
import Testing

/// The judge against typed replies to the real generated cards of five catalogs (`Fixtures/judge-corpus.tsv`):
/// natural right answers it must accept, near misses it must reject. Rows marked `known` are failures of the
/// judge that are reported and not yet fixed; a known row that starts to agree fails, so it gets unmarked.
@Suite("Judge corpus")
struct JudgeCorpusTests {
    /// The decks a catalog generates, and the judge that knows their names.
    struct Generated {
        var cards: [String: Card]
        var judge: ReplyJudge

        init(_ catalog: String) throws {
            let decks = DeckGenerator(catalog: try Catalog.load(from: JudgeCorpus.catalogURL(catalog))).decks()
            cards = Dictionary(decks.flatMap(\.cards).map { ($0.id.rawValue, $0) }) { first, _ in first }
            judge = ReplyJudge(decks: decks)
        }
    }

    let corpus: JudgeCorpus
    let generated: [String: Generated]

    init() throws {
        corpus = try JudgeCorpus.load()
        var generated: [String: Generated] = [:]
        for catalog in JudgeCorpus.catalogs { generated[catalog] = try Generated(catalog) }
        self.generated = generated
    }

    @Test func everyReplyGetsTheTeachersVerdict() {
        for row in corpus.rows {
            guard let card = generated[row.catalog]?.cards[row.card], let judge = generated[row.catalog]?.judge
            else { continue }  // reported by theCorpusNamesRealTypedCards
            let accepted = judge.check(row.reply, card: card).isCorrect
            let verdict: Comment =
                "\(row.label): \(row.accepts ? "accept" : "reject") (\(row.reason)), the judge \(accepted ? "accepts" : "rejects")"
            if row.known {
                withKnownIssue(verdict) { #expect(accepted == row.accepts, verdict) }
            } else {
                #expect(accepted == row.accepts, verdict)
            }
        }
    }

    @Test func theCorpusNamesRealTypedCards() {
        #expect(corpus.problems.isEmpty, "\(corpus.problems.joined(separator: "\n"))")
        var seen: Set<[String]> = []
        for row in corpus.rows {
            guard let catalog = generated[row.catalog] else {
                Issue.record("\(row.label): no catalog \(row.catalog)")
                continue
            }
            guard let card = catalog.cards[row.card] else {
                Issue.record("\(row.label): the catalog generates no card \(row.card)")
                continue
            }
            #expect([.typed, .typedMany].contains(card.kind.format), "\(row.label): \(card.kind) is not typed")
            #expect(seen.insert([row.catalog, row.card, row.reply]).inserted, "\(row.label): a second time")
        }
    }

    /// At least 200 replies, and every typed kind each catalog generates has both kinds of verdict.
    /// (No role of the five has a stack of three items or fewer, so none generates a `stack` card.)
    @Test func theCorpusCoversEveryTypedKindOfEveryCatalog() {
        #expect(corpus.rows.count >= 200)
        for (name, catalog) in generated {
            let kinds = Set(catalog.cards.values.filter { [.typed, .typedMany].contains($0.kind.format) }.map(\.kind))
            for kind in kinds.sorted() {
                let rows = corpus.rows.filter { $0.catalog == name && catalog.cards[$0.card]?.kind == kind }
                #expect(rows.contains { $0.accepts }, "\(name): no \(kind.rawValue) reply to accept")
                #expect(rows.contains { !$0.accepts }, "\(name): no \(kind.rawValue) reply to reject")
            }
        }
    }
}
