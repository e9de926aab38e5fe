import ArgumentParser
import Foundation
import RoledeckCore
import RoledeckREPL

/// `--revlog`, `--tz` and `--rollover`: fit or score an Anki review history instead of the progress log.
struct RevlogOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Read this Anki review history (CSV: card_id,review_rating,review_time[,review_duration]) "
                + "instead of the progress folder's reviews.jsonl.", valueName: "file"))
    var revlog: String?

    // Unconditional, so that `--tz -6` reads -6 as the value rather than as an option.
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "The --revlog history's time zone: a UTC offset such as -6 or +09:00, or a name such as Asia/Seoul "
                + "(default: settings.json's timeZone, else this computer's).", valueName: "zone"))
    var tz: String?

    @Option(
        help: ArgumentHelp(
            "The hour (0–23) the study day started at in the --revlog history (default: settings.json's "
                + "rolloverHour, Anki's 4).", valueName: "hour"))
    var rollover: String?

    func validate() throws {
        if revlog == nil, tz != nil || rollover != nil {
            throw ValidationError(
                "--tz와 --rollover는 --revlog 기록의 날을 셉니다. 진행 기록은 settings.json의 "
                    + "timeZone과 rolloverHour를 씁니다.")
        }
        do {
            if let tz { _ = try DayOptions.timeZone(tz) }
            if let rollover { _ = try DayOptions.rolloverHour(rollover) }
        } catch {
            throw ValidationError(error.errorDescription ?? "\(error)")
        }
    }

    /// The reviews to read: the `--revlog` file, else the progress folder's log (read without its lock).
    func source(progress: URL, settings: StudySettings) throws -> ReviewSource {
        let systemZone = TimeZone.current
        guard let revlog else {
            return .progress(
                ProgressStore.openReadOnly(folder: progress), days: settings.days(systemTimeZone: systemZone))
        }
        let zone = try tz.map(DayOptions.timeZone) ?? settings.timeZone ?? systemZone
        let hour = try rollover.map(DayOptions.rolloverHour) ?? settings.rolloverHour
        return .revlog(URL(fileURLWithPath: revlog), days: .anki(rolloverHour: hour, timeZone: zone))
    }
}

/// Where reports and the progress line go on the command line.
enum OptimizerConsole {
    static func make() -> (console: Console, isTerminal: Bool) {
        let style = TerminalIO.outputStyle(environment: ProcessInfo.processInfo.environment)
        let console = Console(palette: Palette(style: style)) { text in
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        return (console, isatty(STDOUT_FILENO) == 1)
    }
}
