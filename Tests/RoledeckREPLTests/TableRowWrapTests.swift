import RoledeckREPL
import Testing

/// A table's last column wraps under itself (the settings, suspended and leech lists), never back to
/// the table's left edge and never inside a word.
@Suite("Table rows wrap under their last column")
struct TableRowWrapTests {
    @Test func continuationLinesStartAtTheLastColumn() {
        let row = "  newCardsPerDay  20  하루에 새로 배우는 카드 수 · 0–9999 · 기본 7"
        let lines = TextWrap.lines(row, width: 46, hanging: 22)
        #expect(lines == ["  newCardsPerDay  20  하루에 새로 배우는 카드", "                      수 · 0–9999 · 기본 7"])
        #expect(lines.allSatisfy { TextWrap.columns($0) <= 46 })
    }

    @Test func withoutAHangingColumnTheIndentCarriesOn() {
        #expect(TextWrap.lines("  가나다 라마바 사아자", width: 12) == ["  가나다", "  라마바", "  사아자"])
    }

    @Test func paddingAtABreakIsDroppedAndTheColumnIsAtMostHalfTheWidth() {
        #expect(TextWrap.lines("ab    cdefgh", width: 8, hanging: 6) == ["ab", "    cdefgh"])
    }
}
