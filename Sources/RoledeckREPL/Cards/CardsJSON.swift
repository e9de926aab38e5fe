import Foundation
import RoledeckCore

/// `cards --json`: every card listed, with its state, for scripts (keys sorted, times ISO-8601 UTC).
public enum CardsJSON {
    struct Entry: Encodable {
        var id: String
        var deck: String
        var domain: String
        var role: String?
        var roleName: String?
        var kind: String
        var prompt: String
        var context: String?
        var answers: [String]
        var state: String
        var suspended: Bool
        var leech: Bool
        var buried: Bool
        var due: String?
        var stability: Double?
        var difficulty: Double?
        var retrievability: Double?
        var reps: Int
        var lapses: Int
        var reviews: [Review]?
    }

    struct Review: Encodable {
        var at: String
        var rating: Int
        var before: String
        var due: String
        var stability: Double?
        var difficulty: Double?
        var ms: Int?
        var answer: String?
    }

    static func entry(_ summary: CardSummary, reviews: [CardReview]? = nil) -> Entry {
        let card = summary.card
        let state = summary.record?.card
        return Entry(
            id: card.id.rawValue, deck: summary.deckName, domain: card.domain.rawValue, role: card.role?.rawValue,
            roleName: summary.roleName, kind: card.kind.rawValue, prompt: card.prompt, context: card.context,
            answers: card.answers.map(\.text), state: summary.phase.rawValue, suspended: summary.suspended,
            leech: summary.leech, buried: summary.buried, due: summary.due.map(ISOTimestamp.format),
            stability: state?.stability, difficulty: state?.difficulty, retrievability: summary.retrievability,
            reps: summary.reps, lapses: summary.lapses,
            reviews: reviews?.map { review in
                Review(
                    at: ISOTimestamp.format(review.at), rating: review.rating.rawValue, before: review.before.rawValue,
                    due: ISOTimestamp.format(review.after.due), stability: review.after.stability,
                    difficulty: review.after.difficulty, ms: review.durationMs, answer: review.answer)
            })
    }

    /// The listing as a JSON array.
    public static func list(_ summaries: [CardSummary]) -> String {
        encode(summaries.map { entry($0) })
    }

    /// One card with its reviews (`reviews`), as a JSON object.
    public static func detail(_ summary: CardSummary, reviews: [CardReview]) -> String {
        encode(entry(summary, reviews: reviews))
    }

    private static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Stabilities, difficulties and retrievabilities are finite (range-checked when read).
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
