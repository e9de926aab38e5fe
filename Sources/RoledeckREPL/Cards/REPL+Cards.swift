import Foundation
import RoledeckCore

extension REPL {
    /// `cards …` at the prompt: the same listing and card view as `roledeck cards`, over the session's
    /// own card states.
    func cardsLines(_ arguments: String, now: Date) -> [String] {
        let request: CardsRequest
        switch CardsRequest.parse(arguments) {
        case .success(let parsed): request = parsed
        case .failure(let error): return [presenter.palette.warn(error.message)]
        }
        let browser = CardBrowser(
            decks: state.decks, records: state.records, scheduler: state.scheduler, store: state.store)
        do {
            if let id = request.show {
                let (summary, reviews) = try browser.show(id, now: now)
                return request.json
                    ? [CardsJSON.detail(summary, reviews: reviews).trimmingCharacters(in: .newlines)]
                    : CardsText.detail(summary, reviews: reviews, now: now, days: browser.days)
            }
            let filter = try CardFilter.resolve(
                domain: request.domain, role: request.role, kind: request.kind, state: request.state,
                search: request.search, decks: state.decks, catalog: nil)
            let all = browser.summaries(now: now)
            let shown = all.filter(filter.includes)
            return request.json
                ? [CardsJSON.list(shown).trimmingCharacters(in: .newlines)]
                : CardsText.list(shown, total: all.count, now: now, days: browser.days)
        } catch {
            return [presenter.palette.warn((error as? LocalizedError)?.errorDescription ?? "\(error)")]
        }
    }
}
