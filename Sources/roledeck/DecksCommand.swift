import ArgumentParser
import RoledeckCore
import RoledeckREPL

/// `roledeck decks`: lists the decks with their card counts by kind.
struct DecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decks",
        abstract: "List the decks with card counts per kind.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print the listing as JSON.")
    var json = false

    mutating func run() throws {
        let library = DeckLibrary(paths: global.paths())
        let decks = try library.decks()
        print(
            json ? DecksOverview.json(decks) : DecksOverview.render(decks, source: library.deckSourceDescription),
            terminator: "")
    }
}
