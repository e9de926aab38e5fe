import Foundation
import RoledeckCore
import Testing

/// How an `업무:` line is divided into duties, rule by rule.
@Suite("Duties divided the way Korean reads")
struct DutySplitterTests {
    func duties(_ line: String) throws -> [Duty] {
        let text = """
            # 제목
            ### 1. 분야
            - **직무**
                - 업무: \(line)
                - 기술 스택: Python
            """
        return try #require(try parse(text).roles.first).duties
    }

    @Test func aRangeIsNeverCut() throws {
        let found = try duties("게임 서버 설계부터 구축, 운영까지 백엔드 전반 담당, 매치메이킹 구현")
        #expect(found.map(\.text) == ["게임 서버 설계부터 구축, 운영까지 백엔드 전반 담당", "매치메이킹 구현"])
        #expect(found[0].parts.count == 1)
    }

    @Test func anElaborationJoinsThePhraseBeforeItEvenAcrossASemicolon() throws {
        let especially = try duties("자연어 처리 시스템, 특히 대형 언어 모델을 위한 프롬프트 설계, 응답 생성")
        #expect(especially.map(\.text) == ["자연어 처리 시스템, 특히 대형 언어 모델을 위한 프롬프트 설계", "응답 생성"])
        let namely = try duties("인터페이스 구축, 즉 타 기관과의 전문 송수신 처리")
        #expect(namely.count == 1)
        let example = try duties("테이블 작성 및 관리; 예를 들어 보상 구조 같은 수치 설계")
        #expect(example.map(\.text) == ["테이블 작성 및 관리, 예를 들어 보상 구조 같은 수치 설계"])
    }

    @Test func topicsJoinTheDutyAfterThem() throws {
        let topics = try duties("알고리즘, 데이터 구조, 소프트웨어 설계 및 개발, 이론 연구")
        #expect(topics.map(\.text) == ["알고리즘, 데이터 구조, 소프트웨어 설계 및 개발", "이론 연구"])
        #expect(topics[0].parts.map(\.isTopic) == [true, true, false])
        // A topic at the end joins the duty before it.
        let last = try duties("시스템 설계, 보안")
        #expect(last.map(\.text) == ["시스템 설계, 보안"])
    }

    @Test func bareActionsShareTheObjectBeforeThem() throws {
        let found = try duties("데이터 수집, 정제, 분석 및 시각화; 비즈니스 인사이트 제공")
        #expect(found.map(\.text) == ["데이터 수집, 정제, 분석 및 시각화", "비즈니스 인사이트 제공"])
        #expect(found[0].parts.map(\.text) == ["데이터 수집", "정제", "분석 및 시각화"])
        #expect(found.map(\.clause) == [0, 1])
    }

    @Test func phrasesWithTheirOwnObjectAreDutiesOfTheirOwnAndAndListsStayWhole() throws {
        let found = try duties("데이터 파이프라인 구축 및 관리, 대규모 데이터 저장 및 처리, 센서 통합")
        #expect(found.map(\.text) == ["데이터 파이프라인 구축 및 관리", "대규모 데이터 저장 및 처리", "센서 통합"])
    }

    @Test func aLineWithNoDutyWordIsReadAsItStands() throws {
        let found = try duties("머신러닝, 딥러닝, 통계")
        #expect(found.map(\.text) == ["머신러닝", "딥러닝", "통계"])
        #expect(found.allSatisfy { !$0.parts[0].isTopic })
    }

    @Test func dutyWordsComeFromTheShippedTable() {
        let lexicon = Lexicon.shipped
        for word in ["개발", "구축", "유지보수", "전처리", "최적화", "모니터링", "포팅", "튜닝"] {
            #expect(lexicon.isDutyWord(word), "\(word)")
        }
        for word in ["알고리즘", "구조", "성장", "경제", "데이터"] { #expect(!lexicon.isDutyWord(word), "\(word)") }
    }
}
