/// The kinds of question the generator writes.
public enum CardKind: String, Codable, Sendable, CaseIterable, Comparable {
    /// Role → its domain (choice), when the role's name does not give it away.
    case roleDomain = "role-domain"
    /// Role → the mindmap branch that holds it (choice), when the branch groups roles otherwise than the domains.
    case mindmap
    /// Role → its duties (flashcard, self-graded), for roles with at most three duties.
    case duties
    /// Role → its whole tech stack (typed, several answers), for stacks of at most three items.
    case stack
    /// A duty → the role that does it (choice).
    case dutyRole = "duty-role"
    /// The duty line with one part, or one word of a long part, blanked (typed).
    case cloze
    /// The stack line with one item blanked (typed), for stacks of more than three items.
    case stackCloze = "stack-cloze"
    /// A stack item → the roles that list it (choice, one or all).
    case stackRole = "stack-role"
    /// Which item is not in this role's stack (choice).
    case oddOneOut = "odd-one-out"
    /// A statement about a role and a stack item (true/false).
    case trueFalse = "true-false"
    /// Domain → its roles (typed, several answers).
    case domainRoles = "domain-roles"
    /// Which of two easily confused roles has this duty or item (choice of two).
    case contrast
    /// The learner's own card answered by typing one answer (`Decks/*.json` with `"kind": "own"`).
    case ownTyped = "own-typed"
    /// The learner's own card that asks for several answers.
    case ownList = "own-list"
    /// The learner's own card with options.
    case ownChoice = "own-choice"
    /// The learner's own O/X statement.
    case ownTrueFalse = "own-true-false"
    /// The learner's own card, shown and graded by the learner.
    case ownFlashcard = "own-flashcard"

    /// How the learner answers this kind.
    public var format: AnswerFormat {
        switch self {
        case .duties, .ownFlashcard: .flashcard
        case .stack, .domainRoles, .ownList: .typedMany
        case .cloze, .stackCloze, .ownTyped: .typed
        case .roleDomain, .mindmap, .dutyRole, .stackRole, .oddOneOut, .contrast, .ownChoice: .choice
        case .trueFalse, .ownTrueFalse: .trueFalse
        }
    }

    /// A short Korean name for listings.
    public var label: String {
        switch self {
        case .roleDomain: "직무 → 분야"
        case .mindmap: "마인드맵 가지"
        case .duties: "직무 → 업무"
        case .stack: "직무 → 기술 스택"
        case .dutyRole: "업무 → 직무"
        case .cloze: "업무 빈칸"
        case .stackCloze: "기술 스택 빈칸"
        case .stackRole: "기술 → 직무"
        case .oddOneOut: "스택이 아닌 것"
        case .trueFalse: "참/거짓"
        case .domainRoles: "분야 → 직무"
        case .contrast: "헷갈리는 두 직무"
        case .ownTyped: "내 카드 (입력)"
        case .ownList: "내 카드 (여러 답)"
        case .ownChoice: "내 카드 (객관식)"
        case .ownTrueFalse: "내 카드 (O/X)"
        case .ownFlashcard: "내 카드 (뒤집기)"
        }
    }

    /// True for the kinds of the learner's own cards, which no catalog generates or checks.
    public var isOwn: Bool {
        switch self {
        case .ownTyped, .ownList, .ownChoice, .ownTrueFalse, .ownFlashcard: true
        default: false
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// How a card is answered.
public enum AnswerFormat: String, Codable, Sendable {
    /// Shown, then graded by the learner.
    case flashcard
    /// One typed answer.
    case typed
    /// Several typed answers, scored by how many were recalled.
    case typedMany = "typed-many"
    /// Numbered options.
    case choice
    /// O or X.
    case trueFalse = "true-false"
}

/// Whether a choice card has one right option or asks for all that apply.
public enum Selection: String, Codable, Sendable {
    case one
    case all
}
