import Foundation
import Testing

@testable import RoledeckCore
@testable import RoledeckREPL

@Suite("--tz and --rollover")
struct DayOptionsTests {
    @Test(arguments: [
        ("-6", -21_600), ("+9", 32_400), ("UTC-6", -21_600), ("utc+05:30", 19_800), ("-0600", -21_600),
        ("+14", 50_400), ("GMT", 0), ("0", 0), ("+5:45", 20_700),
    ])
    func offsetsAreFixedZones(text: String, seconds: Int) throws {
        #expect(try DayOptions.timeZone(text).secondsFromGMT() == seconds)
    }

    @Test func namesAreZonesWithTheirRules() throws {
        let zone = try DayOptions.timeZone("America/Chicago")
        #expect(zone.identifier == "America/Chicago")
        #expect(DayOptions.describe(zone) == "America/Chicago")
        #expect(DayOptions.describe(try DayOptions.timeZone("-6")) == "UTC-06:00")
        #expect(DayOptions.describe(try DayOptions.timeZone("+5:30")) == "UTC+05:30")
    }

    @Test(arguments: ["+15", "-13", "+5:20", "6:5", "UTC+", "Mars/Olympus", "", "--6", "+123"])
    func badZonesNameTheFlagAndValue(text: String) {
        #expect(throws: DayOptions.InvalidValue(option: "--tz", value: text)) { try DayOptions.timeZone(text) }
    }

    @Test func rolloverIsAnHourOfTheDay() throws {
        #expect(try DayOptions.rolloverHour("0") == 0)
        #expect(try DayOptions.rolloverHour(" 23") == 23)
        for bad in ["24", "-1", "4.5", "four"] {
            #expect(throws: DayOptions.InvalidValue(option: "--rollover", value: bad)) {
                try DayOptions.rolloverHour(bad)
            }
        }
        #expect(
            DayOptions.InvalidValue(option: "--rollover", value: "24").errorDescription
                == "--rollover \"24\": 0부터 23까지의 시(학습일이 시작되는 시각, Anki의 기본값 4)여야 합니다.")
    }

    @Test func theProgressLineIsDrawnOnATerminalOnlyAndCleared() {
        let progress = FSRSOptimizer.Progress(epoch: 2, epochs: 5, itemsDone: 256, itemsPerEpoch: 512)
        var text = ""
        let console = Console { text += $0 }
        let line = FitProgressLine(console: console, isTerminal: true)
        line.update(progress)
        line.update(progress)
        #expect(text == "\r매개변수 맞추는 중 [######--------------] 30% (에포크 2/5)")
        line.update(progress, fold: 1, folds: 5)
        let folded = "매개변수 맞추는 중 [#####---------------] 26% (2/5겹 · 에포크 2/5)"
        #expect(text.hasSuffix("\r" + folded))
        line.finish()
        #expect(text.hasSuffix("\r" + String(repeating: " ", count: DisplayWidth.of(folded)) + "\r"))
        var plain = ""
        let quiet = FitProgressLine(console: Console { plain += $0 }, isTerminal: false)
        quiet.update(progress)
        quiet.finish()
        #expect(plain.isEmpty)
    }
}
