import ArgumentParser
import RoledeckCore
import RoledeckREPL

/// The subcommand a learner typed, found by the core's one `NameMatcher`: `roledeck 통계` and
/// `roledeck Stats` are `roledeck stats`; a word that is no command gets the one suggestion rule.
enum SubcommandName {
    /// The root options that take a value (`--now 2026-12-01`): their values are not the subcommand.
    static let valuedOptions: Set<String> = ["--decks", "--progress", "--now", "--seed"]

    /// `arguments` with the subcommand's name made the one ArgumentParser knows; throws when the
    /// first word that is no option names no command.
    static func resolve(_ arguments: [String], commands: [any ParsableCommand.Type]) throws(NameError) -> [String] {
        var index = 0
        while index < arguments.count, arguments[index].hasPrefix("-") {
            index += valuedOptions.contains(arguments[index]) ? 2 : 1
        }
        guard index < arguments.count else { return arguments }
        let word = arguments[index]
        let names = commands.compactMap { $0.configuration.commandName } + ["help"]
        if names.contains(word) { return arguments }
        let matcher = NameMatcher(
            names.map { name in
                .init(name, names: [name] + (REPLCommand.names.first { $0.name == name }?.aliases ?? []))
            })
        guard let name = matcher.match(word) else {
            throw .unknown(.command, name: word, suggestion: matcher.suggestion(for: word), known: names)
        }
        var resolved = arguments
        resolved[index] = name
        return resolved
    }
}
