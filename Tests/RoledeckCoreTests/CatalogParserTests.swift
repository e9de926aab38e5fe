import Foundation
import RoledeckCore
import Testing

@Suite("Catalog parser: constructs")
struct CatalogParserTests {
    let minimal = """
        # 제목

        ### 1. 데이터
        - **데이터 엔지니어**
            - 업무: 파이프라인 구축, 데이터 저장
            - 기술 스택: SQL, Spark
        """

    @Test func titleDomainRoleDutiesStack() throws {
        let catalog = try parse(minimal)
        #expect(catalog.title == "제목")
        #expect(catalog.mindmap == nil)
        let role = try #require(catalog.roles.first)
        #expect(role.name == "데이터 엔지니어")
        #expect(role.line == 4)
        #expect(role.dutiesLine == 5 && role.stackLine == 6)
        #expect(role.duties.map(\.text) == ["파이프라인 구축", "데이터 저장"])
        #expect(role.stack.map(\.text) == ["SQL", "Spark"])
        #expect(catalog.domains[0].line == 3)
    }

    @Test func domainHeadingWithEnglishName() throws {
        let catalog = try parse(minimal.replacingOccurrences(of: "### 1. 데이터", with: "### 4. 빅 데이터 (Big Data)"))
        #expect(catalog.domains[0].number == 4)
        #expect(catalog.domains[0].name == "빅 데이터")
        #expect(catalog.domains[0].englishName == "Big Data")
        #expect(catalog.domains[0].key.rawValue == "big-data")
    }

    @Test func domainWithoutEnglishNameIsRomanised() throws {
        #expect(try parse(minimal).domains[0].key.rawValue == "deiteo")
    }

    @Test func semicolonsStartClauses() throws {
        let catalog = try parse(minimal.replacingOccurrences(of: "파이프라인 구축, 데이터 저장", with: "로그 수집, 정제; 보고서 작성"))
        let duties = try #require(catalog.roles.first).duties
        #expect(duties.map(\.text) == ["로그 수집, 정제", "보고서 작성"])
        #expect(duties.map(\.clause) == [0, 1])
    }

    @Test func stackCommasInsideParenthesesDoNotSplit() throws {
        let catalog = try parse(
            minimal.replacingOccurrences(of: "SQL, Spark", with: "DB(MySQL, Redis), ROS(Robot OS), Go"))
        let stack = try #require(catalog.roles.first).stack
        #expect(stack.map(\.text) == ["DB(MySQL, Redis)", "ROS(Robot OS)", "Go"])
        #expect(stack[0].parts == ["MySQL", "Redis"])
        #expect(stack[1].alias == "Robot OS")
        #expect(stack[1].acceptedTexts == ["ROS(Robot OS)", "ROS", "Robot OS"])
    }

    @Test func roleNameWithInnerAndTrailingParentheses() throws {
        let text =
            minimal + "\n- **음성 인식(ASR) 엔지니어**\n    - 업무: 모델 개발\n    - 기술 스택: Kaldi\n"
            + "- **보안 엔지니어 (AI 포커스)**\n    - 업무: 점검\n    - 기술 스택: Burp\n"
        let roles = try parse(text).roles
        #expect(roles[1].aliases == ["음성 인식 엔지니어", "ASR 엔지니어"])
        #expect(roles[1].key.rawValue == "음성-인식-엔지니어")
        #expect(roles[2].aliases == ["보안 엔지니어"])
    }

    @Test func mindmapShapesAndIndentation() throws {
        let text = """
            ```mermaid
            mindmap
              root((루트))
                id1[Data]
                  Data 엔지니어
                Other
                  Nobody 엔지니어
            ```
            """ + "\n" + minimal
        let catalog = try parse(text)
        let mindmap = try #require(catalog.mindmap)
        #expect(mindmap.root == "루트")
        #expect(mindmap.branches.map(\.label) == ["Data", "Other"])
        #expect(mindmap.branches[0].leaves.first?.role?.rawValue == "데이터-엔지니어")
        #expect(mindmap.branches[1].leaves.first?.role == nil)
        #expect(catalog.warnings.map(\.line) == [7])
        #expect(catalog.domains[0].branchLabel == "Data")
        #expect(catalog.domains[0].key.rawValue == "data")
    }

    @Test func unknownLinesAreWarningsWithTheirLine() throws {
        let text = minimal + "\n그냥 문장입니다.\n- 연봉: 많음\n#### 네 번째 단계\n### 번호 없는 제목\n"
        let catalog = try parse(text)
        #expect(catalog.warnings.map(\.line) == [7, 8, 9, 10])
        #expect(catalog.warnings[0].description.hasPrefix("test.md:7: warning:"))
    }

    @Test func crlfAndByteOrderMark() throws {
        let text = "\u{FEFF}" + minimal.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try parse(text) == parse(minimal))
    }

    @Test func repeatedStackItemIsKeptOnceWithAWarning() throws {
        let catalog = try parse(minimal.replacingOccurrences(of: "SQL, Spark", with: "SQL, Spark, SQL"))
        #expect(catalog.roles[0].stack.map(\.text) == ["SQL", "Spark"])
        #expect(catalog.warnings.map(\.line) == [6])
    }

    @Test func nfdInputIsNormalised() throws {
        let nfd = minimal.decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count != minimal.unicodeScalars.count)
        let catalog = try parse(nfd)
        #expect(catalog == (try parse(minimal)))
        #expect(catalog.roles[0].key.rawValue.unicodeScalars.count == "데이터-엔지니어".unicodeScalars.count)
    }

    @Test func nfdShippedCatalogGivesTheSameDecks() throws {
        let text = String(decoding: ShippedCatalog.data, as: UTF8.self)
        let nfd = try CatalogParser.parse(Data(text.decomposedStringWithCanonicalMapping.utf8), source: "ai-jobs.md")
        let nfc = try Fixture.shipped()
        let left = DeckGenerator(catalog: nfd).decks().map(DeckFile.encode)
        let right = DeckGenerator(catalog: nfc).decks().map(DeckFile.encode)
        #expect(left == right)
    }
}

extension CatalogParser {
    static func parse(_ data: Data, source: String) throws -> Catalog { try parse(data: data, source: source) }
}

@Suite("Catalog parser: errors name the file and line")
struct CatalogErrorTests {
    let header = "# T\n\n### 1. 데이터\n"

    @Test func emptyFile() {
        #expect(parseError("") == .emptyFile(source: "bad.md"))
        #expect(parseError("  \n\n") == .emptyFile(source: "bad.md"))
    }

    @Test func invalidUTF8NamesTheLine() {
        var bytes = Data("# T\n\n### 1. 데이터\n".utf8)
        bytes.append(contentsOf: [0x2D, 0x20, 0xFF, 0xFE, 0x0A])
        #expect(throws: CatalogError.invalidUTF8(source: "bad.md", line: 4)) {
            try CatalogParser.parse(data: bytes, source: "bad.md")
        }
    }

    @Test func roleWithoutDuties() {
        let error = parseError(header + "- **A**\n    - 기술 스택: X\n")
        #expect(error == .missingDuties(source: "bad.md", line: 4, role: "A"))
        #expect(error?.errorDescription == "bad.md:4: 직무 'A'에 `업무:` 줄이 없습니다.")
    }

    @Test func roleWithoutStack() {
        #expect(
            parseError(header + "- **A**\n    - 업무: Y\n- **B**\n    - 업무: Y\n    - 기술 스택: X\n")
                == .missingStack(source: "bad.md", line: 4, role: "A"))
    }

    @Test func lastRoleWithoutStack() {
        #expect(parseError(header + "- **A**\n    - 업무: Y\n") == .missingStack(source: "bad.md", line: 4, role: "A"))
    }

    @Test func stackLineOutsideARole() {
        #expect(parseError(header + "- 기술 스택: X\n") == .stackOutsideRole(source: "bad.md", line: 4))
    }

    @Test func dutiesLineOutsideARole() {
        #expect(parseError("# T\n- 업무: X\n") == .dutiesOutsideRole(source: "bad.md", line: 2))
    }

    @Test func duplicateRole() {
        let role = "- **데이터 엔지니어**\n    - 업무: Y\n    - 기술 스택: X\n"
        #expect(
            parseError(header + role + "### 2. 둘\n" + role)
                == .duplicateRole(source: "bad.md", line: 8, role: "데이터 엔지니어", firstLine: 4))
    }

    @Test func duplicateRoleUnderAnotherSpelling() {
        let text =
            header + "- **NLP 엔지니어**\n    - 업무: Y\n    - 기술 스택: X\n"
            + "- **NLP  엔지니어**\n    - 업무: Y\n    - 기술 스택: X\n"
        #expect(parseError(text) == .duplicateRole(source: "bad.md", line: 7, role: "NLP  엔지니어", firstLine: 4))
    }

    @Test func roleBeforeAnyDomain() {
        #expect(parseError("# T\n- **A**\n") == .roleOutsideDomain(source: "bad.md", line: 2, role: "A"))
    }

    @Test func secondDutiesLine() {
        #expect(
            parseError(header + "- **A**\n    - 업무: Y\n    - 업무: Z\n")
                == .repeatedLine(source: "bad.md", line: 6, role: "A", label: "업무"))
    }

    @Test func emptyStackLine() {
        #expect(
            parseError(header + "- **A**\n    - 업무: Y\n    - 기술 스택: , \n")
                == .emptyItems(source: "bad.md", line: 6, label: "기술 스택"))
    }

    @Test func unbalancedParentheses() {
        #expect(
            parseError(header + "- **A**\n    - 업무: Y\n    - 기술 스택: DB(SQL, X\n")
                == .unbalancedParentheses(source: "bad.md", line: 6))
    }

    @Test func domainWithoutRoles() {
        #expect(
            parseError(header + "### 2. 빈 분야\n- **A**\n    - 업무: Y\n    - 기술 스택: X\n")
                == .domainWithoutRoles(source: "bad.md", line: 3, domain: "데이터"))
    }

    @Test func noDomains() {
        #expect(parseError("# T\n\n그냥 글\n") == .noDomains(source: "bad.md"))
    }

    @Test func unreadableFileNamesThePath() {
        #expect(throws: CatalogError.self) { try Catalog.load(from: URL(fileURLWithPath: "/nonexistent/x.md")) }
    }
}
