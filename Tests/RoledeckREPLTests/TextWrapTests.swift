import Foundation
import Testing

@testable import RoledeckCore
@testable import RoledeckREPL

@Suite("Breaking lines at spaces")
struct TextWrapTests {
    @Test func aLineIsBrokenBetweenWordsNeverInsideOne() {
        let text = "정답: SQL, Python, Java, Apache Spark, Hadoop, ETL 툴, 데이터 시각화 도구(Tableau, Power BI)"
        let lines = TextWrap.lines(text, width: 80)
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { TextWrap.columns($0) <= 80 })
        // The words come back whole and in order.
        #expect(lines.joined(separator: " ") == text)
        #expect(!lines.contains { $0.hasSuffix("P") })
    }

    @Test func hangulCountsTwoColumnsAndColourNone() {
        #expect(TextWrap.columns("데이터 SQL") == 10)
        #expect(TextWrap.columns("\u{1B}[1m데이터\u{1B}[0m") == 6)
        let coloured = "\u{1B}[2m" + String(repeating: "가나 ", count: 30) + "\u{1B}[0m"
        for line in TextWrap.lines(coloured, width: 40) { #expect(TextWrap.columns(line) <= 40) }
    }

    @Test func aContinuationKeepsTheIndentAndALongWordStandsAlone() {
        let lines = TextWrap.lines("  " + String(repeating: "word ", count: 20), width: 30)
        #expect(lines.allSatisfy { $0.hasPrefix("  ") && !$0.hasPrefix("   ") })
        let long = String(repeating: "x", count: 50)
        #expect(TextWrap.lines("a " + long + " b", width: 20) == ["a", long, "b"])
        #expect(TextWrap.lines("short", width: 80) == ["short"])
    }

    @Test func theConsoleWrapsEachLineToItsWidthAndLeavesItAloneWithout() {
        var written = ""
        let narrow = Console(width: 20) { written += $0 }
        narrow.line("하루 복습 한도(2장)에 걸려 복습할 카드 1장이 기다립니다.\n둘째 줄")
        #expect(written.split(separator: "\n").allSatisfy { TextWrap.columns($0) <= 20 })
        #expect(written.hasSuffix("\n둘째 줄\n"))
        written = ""
        Console { written += $0 }.line(String(repeating: "가", count: 100))
        #expect(written == String(repeating: "가", count: 100) + "\n")
    }
}
