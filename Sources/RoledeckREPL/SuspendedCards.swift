import Foundation
import RoledeckCore

/// The suspended cards as `suspended` numbers them, and the card `unsuspend` means by a number, an
/// id or the start of one.
public struct SuspendedCards: Equatable, Sendable {
    /// The suspended cards in study order (cards no deck has any more last, by id); number N is `ids[N - 1]`.
    public let ids: [CardID]

    /// The suspended cards of `records`, in the order of `cards` (the study order).
    public init(records: [CardID: CardRecord], cards: [Card]) {
        let suspended = Set(records.filter { $0.value.suspended }.keys)
        let known = cards.map(\.id).filter { suspended.contains($0) }
        ids = known + suspended.subtracting(known).sorted()
    }

    /// The card `text` names: its number in the listing, its whole id, or the unique start of its id.
    public func card(for text: String) throws(SuspendedCardsError) -> CardID {
        let wanted = text.trimmingCharacters(in: .whitespaces).nfc
        guard !ids.isEmpty else { throw .noneSuspended }
        if let number = Int(wanted) {
            guard ids.indices.contains(number - 1) else { throw .noSuchNumber(number, count: ids.count) }
            return ids[number - 1]
        }
        if let exact = ids.first(where: { $0.rawValue == wanted }) { return exact }
        let starting = ids.indices.filter { !wanted.isEmpty && ids[$0].rawValue.hasPrefix(wanted) }
        guard starting.count <= 1 else { throw .several(wanted, numbers: starting.map { $0 + 1 }) }
        guard let index = starting.first else { throw .notFound(wanted, count: ids.count) }
        return ids[index]
    }
}

/// Why `unsuspend` cannot tell which card is meant.
public enum SuspendedCardsError: Error, Equatable, Sendable, LocalizedError {
    case noneSuspended
    /// A number outside 1...count.
    case noSuchNumber(Int, count: Int)
    /// No suspended card's id is or begins with the text.
    case notFound(String, count: Int)
    /// Several ids begin with the text; their numbers in the listing.
    case several(String, numbers: [Int])

    public var errorDescription: String? {
        switch self {
        case .noneSuspended:
            "보류된 카드가 없습니다."
        case .noSuchNumber(let number, let count):
            "보류된 카드 중 \(number)번은 없습니다: 1–\(count)번이 있습니다 (목록은 suspended)."
        case .notFound(let text, let count):
            "'\(text)'\(Particle.direction.form(after: text)) 시작하는 보류된 카드가 없습니다: 번호(1–\(count))나 id의 앞부분을 쓰세요 (목록은 suspended)."
        case .several(let text, let numbers):
            "'\(text)'\(Particle.direction.form(after: text)) 시작하는 보류된 카드가 \(numbers.count)장입니다 "
                + "(\(numbers.map(String.init).joined(separator: ", "))번): 번호로 고르세요."
        }
    }
}
