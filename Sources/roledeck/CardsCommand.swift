import ArgumentParser
import Foundation
import RoledeckCore
import RoledeckREPL

/// `roledeck cards`: lists the cards with where the learner stands; `cards show ID` prints one in full.
struct CardsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cards",
        abstract: "Browse and search the cards: state, due, stability, retrievability, lapses. (카드 목록)",
        subcommands: [CardsListCommand.self, CardsShowCommand.self],
        defaultSubcommand: CardsListCommand.self)
}

/// `roledeck cards [--domain D] [--role R] [--kind K] [--state S] [--search TEXT] [--json]`.
struct CardsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "One line a card: state, due, stability, retrievability, lapses, id and prompt.")

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Only this domain (its name, English name, key or number).", valueName: "name"))
    var domain: String?

    @Option(help: ArgumentHelp("Only this role (its name or key).", valueName: "name"))
    var role: String?

    @Option(
        help: ArgumentHelp("Only this kind (cloze, stack-cloze, duty-role, …, or its Korean label).", valueName: "kind")
    )
    var kind: String?

    @Option(
        help: ArgumentHelp(
            "Only cards in this state: new, learning, review, suspended, leech, buried.", valueName: "state"))
    var state: String?

    @Option(
        help: ArgumentHelp(
            "Only cards whose text holds every word of this (spacing and case ignored).", valueName: "text"))
    var search: String?

    @Flag(help: "Print the cards as JSON.")
    var json = false

    mutating func run() throws {
        let now = try global.clock()
        let library = DeckLibrary(paths: global.paths())
        let browser = try CardBrowser.open(library: library, systemTimeZone: .current, now: now)
        warnIfShort(browser)
        let filter = try CardFilter.resolve(
            domain: domain, role: role, kind: kind, state: state, search: search, decks: browser.decks,
            catalog: try? library.catalog(at: nil))
        let all = browser.summaries(now: now)
        let shown = all.filter(filter.includes)
        if json {
            print(CardsJSON.list(shown), terminator: "")
        } else {
            print(CardsText.list(shown, total: all.count, now: now, days: browser.days).joined(separator: "\n"))
        }
    }
}

/// `roledeck cards show ID [--json]`.
struct CardsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one card in full with its review history.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The card's id, or the end of it (`데이터-엔지니어/sql`).", valueName: "id"))
    var id: String

    @Flag(help: "Print the card and its reviews as JSON.")
    var json = false

    mutating func run() throws {
        let now = try global.clock()
        let browser = try CardBrowser.open(
            library: DeckLibrary(paths: global.paths()), systemTimeZone: .current, now: now)
        warnIfShort(browser)
        let (summary, reviews) = try browser.show(id, now: now)
        if json {
            print(CardsJSON.detail(summary, reviews: reviews), terminator: "")
        } else {
            print(CardsText.detail(summary, reviews: reviews, now: now, days: browser.days).joined(separator: "\n"))
        }
    }
}

/// Says on standard error that the states shown are `cards.json`'s, when the log is shorter.
private func warnIfShort(_ browser: CardBrowser) {
    guard let shortfall = browser.logShortfall else { return }
    FileHandle.standardError.write(
        Data("roledeck: warning: \(shortfall.errorDescription ?? "\(shortfall)") cards.json의 상태를 보여 줍니다.\n".utf8))
}
