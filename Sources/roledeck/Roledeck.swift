import ArgumentParser
import Foundation
import RoledeckCore
import RoledeckREPL

/// The `roledeck` command: parses arguments and turns every error into `roledeck: error: …` and an exit code.
@main
struct Roledeck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roledeck",
        abstract: "Study the AI-jobs catalog with flashcards and spaced repetition. (AI 직무 카탈로그 학습 도구)",
        version: "roledeck 0.1.0",
        subcommands: [
            ReviewCommand.self, StudyCommand.self, StatsCommand.self, GenerateCommand.self, DecksCommand.self,
            LintCommand.self, ReplayCommand.self, DoctorCommand.self, OptimizeCommand.self, EvaluateCommand.self,
            LeechesCommand.self, SuspendedCommand.self, UnsuspendCommand.self, SettingsCommand.self, MoreCommand.self,
            AheadCommand.self, CramCommand.self, CardsCommand.self, ExportCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var study: StudyOptions

    /// Without a subcommand: the study REPL, which offers today's review at once.
    mutating func run() throws {
        var repl = try study.openREPL(global, needsWriting: false)
        repl.run()
        try repl.reportFailure()
    }

    static func main() {
        // Past a file-size limit, a write fails with EFBIG and is reported; the default would kill roledeck.
        signal(SIGXFSZ, SIG_IGN)
        do {
            let arguments = try SubcommandName.resolve(
                Array(CommandLine.arguments.dropFirst()), commands: configuration.subcommands)
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch let error as CommandFailure {
            Foundation.exit(error.code)
        } catch let error as NameError where error.kind == .command {
            // A word that names no command is a usage error.
            FileHandle.standardError.write(
                Data("roledeck: error: \(error.errorDescription ?? "\(error)")\n명령 목록은 roledeck --help.\n".utf8))
            Foundation.exit(64)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help and --version.
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = (error as? LocalizedError)?.errorDescription ?? UsageMessage.korean(self.message(for: error))
            FileHandle.standardError.write(Data("roledeck: error: \(message)\n".utf8))
            if isUsageError(error) {
                FileHandle.standardError.write(Data("\(usageString())\n".utf8))
            }
            Foundation.exit(code == .validationFailure || isUsageError(error) ? 64 : 1)
        }
    }

    static func isUsageError(_ error: any Error) -> Bool {
        !(error is LocalizedError) && exitCode(for: error) == .validationFailure
    }
}

/// A command that has already said what went wrong and only needs to exit with a code.
struct CommandFailure: Error {
    var code: Int32
}
