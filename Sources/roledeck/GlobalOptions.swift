import ArgumentParser
import Foundation
import RoledeckREPL

/// Options every command takes: where the decks and the progress files are, and the clock.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Read decks from this folder (default: $ROLEDECK_HOME/Decks, ./Decks, the data folder's Decks, else the built-in "
                + "catalog).", valueName: "dir"))
    var decks: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Keep progress in this folder (default: $ROLEDECK_HOME/Progress, ./Progress, else $XDG_DATA_HOME/roledeck).",
            valueName: "dir"))
    var progress: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Take this ISO-8601 time as now, frozen for the run (also ROLEDECK_NOW); local time without an offset.",
            valueName: "time"))
    var now: String?

    /// The instant to use as now: `--now`, else `ROLEDECK_NOW`, else the system clock (read here, at the edge).
    func clock() throws -> Date {
        try ClockOption.resolve(option: now, environment: ProcessInfo.processInfo.environment, timeZone: .current)
            ?? Date()
    }

    /// The paths, from these options, the environment (read here, once) and the current folder; what
    /// the learner should know about them is said on standard error.
    func paths(announce: Bool = true) -> AppPaths {
        let manager = FileManager.default
        let paths = AppPaths.resolve(
            decks: decks, progress: progress, environment: ProcessInfo.processInfo.environment,
            currentDirectory: URL(fileURLWithPath: manager.currentDirectoryPath),
            isDirectory: { url in
                var isDirectory: ObjCBool = false
                return manager.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
            },
            fileExists: { manager.fileExists(atPath: $0.path) })
        if announce { for notice in paths.notices { say(notice) } }
        return paths
    }

    /// Says so when the progress folder does not exist yet: it is about to be made (`creating`), or
    /// there is nothing in it to read (a mistyped `--progress`, say).
    func announceProgress(_ folder: URL, creating: Bool) {
        guard !FileManager.default.fileExists(atPath: folder.path) else { return }
        say(creating ? "진행 기록 폴더를 새로 만듭니다: \(folder.path)" : "진행 기록 폴더가 아직 없습니다: \(folder.path)")
    }

    private func say(_ line: String) {
        FileHandle.standardError.write(Data("roledeck: \(line)\n".utf8))
    }
}
