import Foundation
import RoledeckREPL
import Testing

@Suite struct ClockOptionTests {
    let seoul = TimeZone(identifier: "Asia/Seoul")!
    let berlin = TimeZone(identifier: "Europe/Berlin")!

    @Test func anOffsetOrZIsAbsolute() throws {
        let utc = try #require(ClockOption.parse("2026-12-01T00:00:00Z", timeZone: seoul))
        #expect(utc == Date(timeIntervalSince1970: 1_796_083_200))
        #expect(ClockOption.parse("2026-12-01T09:00:00+09:00", timeZone: berlin) == utc)
    }

    @Test func withoutAnOffsetItIsLocalTimeAndADateAloneIsNoon() {
        let utcMidnight = Date(timeIntervalSince1970: 1_796_083_200)
        #expect(ClockOption.parse("2026-12-01T09:00", timeZone: seoul) == utcMidnight)
        #expect(ClockOption.parse("2026-12-01", timeZone: seoul) == utcMidnight.addingTimeInterval(3 * 3600))
        // Summer time in Berlin is UTC+2, winter UTC+1.
        #expect(ClockOption.parse("2026-07-01T02:00", timeZone: berlin) == Date(timeIntervalSince1970: 1_782_864_000))
        #expect(ClockOption.parse("2026-12-01T01:00", timeZone: berlin) == utcMidnight)
    }

    @Test func theOptionWinsOverTheVariableAndBadValuesNameTheirSource() throws {
        let environment = ["ROLEDECK_NOW": "2026-12-02"]
        #expect(
            try ClockOption.resolve(option: "2026-12-01T09:00", environment: environment, timeZone: seoul)
                == Date(timeIntervalSince1970: 1_796_083_200))
        #expect(
            try ClockOption.resolve(option: nil, environment: environment, timeZone: seoul)
                == Date(timeIntervalSince1970: 1_796_180_400))
        #expect(try ClockOption.resolve(option: nil, environment: [:], timeZone: seoul) == nil)
        #expect(throws: ClockOption.InvalidValue(source: "--now", value: "tomorrow")) {
            try ClockOption.resolve(option: "tomorrow", environment: environment, timeZone: seoul)
        }
        let error = ClockOption.InvalidValue(source: "ROLEDECK_NOW", value: "2026-13-01")
        #expect(throws: error) {
            try ClockOption.resolve(option: nil, environment: ["ROLEDECK_NOW": "2026-13-01"], timeZone: seoul)
        }
        #expect(error.localizedDescription.hasPrefix("ROLEDECK_NOW \"2026-13-01\": ISO-8601 시각이 아닙니다."))
    }
}
