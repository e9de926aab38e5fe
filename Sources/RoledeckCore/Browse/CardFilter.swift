import Foundation

/// The states a listing can be narrowed to, as Anki's searches name them (`is:new`, `is:learn`, …):
/// a phase, or a flag a card of any phase may carry.
public enum BrowseState: String, CaseIterable, Codable, Sendable {
    /// Never studied.
    case new
    /// In the learning or relearning steps.
    case learning
    /// Scheduled in days.
    case review
    /// Taken out of study.
    case suspended
    /// Forgotten often enough to be flagged.
    case leech
    /// Hidden until the next study day.
    case buried

    /// The Korean names a learner may type for the state.
    public var koreanNames: [String] {
        switch self {
        case .new: ["새 카드", "새"]
        case .learning: ["학습 중", "학습", "재학습"]
        case .review: ["복습"]
        case .suspended: ["보류", "보류됨"]
        case .leech: ["거머리"]
        case .buried: ["묻힘", "묻은"]
        }
    }

    /// Whether a card in `summary` is in this state.
    public func includes(_ summary: CardSummary) -> Bool {
        switch self {
        case .new: summary.phase == .new
        case .learning: summary.phase == .learning || summary.phase == .relearning
        case .review: summary.phase == .review
        case .suspended: summary.suspended
        case .leech: summary.leech
        case .buried: summary.buried
        }
    }
}

/// What `roledeck cards` lists: every card, or those of a domain, a role, a kind, a state, or
/// with a text in them.
public struct CardFilter: Equatable, Sendable {
    /// The deck and role, named as `stats` names them.
    public var scope: StatsFilter
    public var kind: CardKind?
    public var state: BrowseState?
    /// Words that must each appear in the card (its prompt, line, answers, options, explanation,
    /// id, deck or role), compared as answers are (`AnswerText.folded`); empty: no search.
    public var searchTerms: [String]

    /// Creates a filter; nil and empty fields do not narrow.
    public init(scope: StatsFilter = .all, kind: CardKind? = nil, state: BrowseState? = nil, search: String? = nil) {
        self.scope = scope
        self.kind = kind
        self.state = state
        searchTerms = (search ?? "").split(whereSeparator: \.isWhitespace).map { AnswerText.folded(String($0)) }
            .filter { !$0.isEmpty }
    }

    /// The filter for the options as the learner typed them: a domain and a role as `stats` takes
    /// them, a kind by its name or Korean label, a state by its English or Korean name.
    public static func resolve(
        domain: String?, role: String?, kind: String?, state: String?, search: String?, decks: [Deck],
        catalog: Catalog?
    ) throws(BrowseError) -> CardFilter {
        let scope: StatsFilter
        do {
            scope = try StatsFilter.resolve(domain: domain, role: role, decks: decks, catalog: catalog)
        } catch {
            throw .unknownScope(error)
        }
        return CardFilter(
            scope: scope, kind: try kind.map(Self.kind(named:)), state: try state.map(Self.state(named:)),
            search: search)
    }

    /// The kind `name` names: its id (`cloze`) or its Korean label (`업무 빈칸`).
    public static func kind(named name: String) throws(BrowseError) -> CardKind {
        let wanted = AnswerText.folded(name)
        if let kind = CardKind.allCases.first(where: {
            AnswerText.folded($0.rawValue) == wanted || AnswerText.folded($0.label) == wanted
        }) {
            return kind
        }
        let names = CardKind.allCases.map(\.rawValue)
        throw .unknownKind(name: name, suggestion: NameMatcher<String>.nearest(to: name, among: names), known: names)
    }

    /// The state `name` names, in English or Korean.
    public static func state(named name: String) throws(BrowseError) -> BrowseState {
        let wanted = AnswerText.folded(name)
        if let state = BrowseState.allCases.first(where: { state in
            ([state.rawValue] + state.koreanNames).contains { AnswerText.folded($0) == wanted }
        }) {
            return state
        }
        throw .unknownState(
            name: name, known: BrowseState.allCases.map { "\($0.rawValue)(\($0.koreanNames[0]))" })
    }

    /// Whether the listing shows `summary`.
    public func includes(_ summary: CardSummary) -> Bool {
        let card = summary.card
        guard scope.includes(domain: card.domain, role: card.role) else { return false }
        if let kind, card.kind != kind { return false }
        if let state, !state.includes(summary) { return false }
        guard !searchTerms.isEmpty else { return true }
        let texts =
            [
                card.id.rawValue, card.prompt, card.context ?? "", card.explanation, summary.deckName,
                summary.roleName ?? "",
            ]
            + card.answers.flatMap(\.accepted) + (card.distractors ?? [])
        let haystack = texts.map(AnswerText.folded)
        return searchTerms.allSatisfy { term in haystack.contains { $0.contains(term) } }
    }
}
