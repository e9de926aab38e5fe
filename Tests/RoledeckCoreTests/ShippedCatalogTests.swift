import Foundation
import RoledeckCore
import Testing

@Suite("The shipped catalog")
struct ShippedCatalogTests {
    let catalog: Catalog

    init() throws { catalog = try Fixture.shipped() }

    @Test func titleAndMindmap() throws {
        #expect(catalog.title == "MLOPs-AutoML")
        let mindmap = try #require(catalog.mindmap)
        #expect(mindmap.root == "AI JOB")
        #expect(
            mindmap.branches.map(\.label) == [
                "Data", "ML", "S/W Dev", "AI Theory", "Cloud & Infra", "MLOps", "Prompt", "Computer Science",
            ])
        #expect(mindmap.branches[0].leaves.map(\.label) == ["Data 리서처", "Data 엔지니어", "Data 애널리틱스"])
        #expect(catalog.warnings.isEmpty, "\(catalog.warnings)")
    }

    @Test func nineDomainsWithTheirKeys() {
        #expect(catalog.domains.count == 9)
        #expect(
            catalog.domains.map(\.name) == [
                "데이터", "머신 러닝", "소프트웨어 개발", "인공지능 이론", "클라우드 및 인프라", "MLOps", "AutoML", "프롬프트 엔지니어링",
                "컴퓨터 사이언스",
            ])
        #expect(
            catalog.domains.map(\.key.rawValue) == [
                "data", "ml", "sw-dev", "ai-theory", "cloud-infra", "mlops", "automl", "prompt", "computer-science",
            ])
        #expect(catalog.domains[5].englishName == "Machine Learning Operations")
        #expect(catalog.domains[6].englishName == "Automated Machine Learning")
        #expect(catalog.domains[6].branchLabel == nil)
        #expect(catalog.domains[0].branchLabel == "Data")
    }

    /// The issue speaks of 15 roles; the document lists 14 (and its mindmap 13 leaves).
    @Test func everyRoleWithItsExactDutiesAndStack() throws {
        let expected: [(String, [String], [String])] = [
            (
                "데이터 애널리틱스", ["데이터 수집, 정제, 분석 및 시각화", "비즈니스 인사이트 제공"],
                ["SQL", "Python", "R", "Tableau", "Power BI", "Excel"]
            ),
            (
                "데이터 리서처", ["데이터 기반의 연구", "통계적 분석", "실험 설계 및 평가"],
                ["Python", "R", "통계적 분석 방법", "실험 디자인", "머신 러닝"]
            ),
            (
                "데이터 엔지니어", ["데이터 파이프라인 구축 및 관리", "대규모 데이터 저장 및 처리"],
                ["SQL", "Python", "Java", "Apache Spark", "Hadoop", "ETL 툴"]
            ),
            (
                "머신 러닝 엔지니어", ["머신 러닝 모델 개발, 훈련, 평가 및 배포"],
                ["Python", "TensorFlow", "PyTorch", "Scikit-learn", "Keras", "AWS", "Azure"]
            ),
            (
                "AI 리서처", ["새로운 AI 알고리즘 개발, 실험 및 연구"],
                ["Python", "TensorFlow", "PyTorch", "강화학습", "GANs", "뉴럴 네트워크"]
            ),
            (
                "AI 개발자", ["AI 애플리케이션 개발 및 통합", "알고리즘 구현", "시스템 최적화"],
                ["Python", "Java", "C++", "Node.js", "TensorFlow", "PyTorch"]
            ),
            (
                "로보틱스 엔지니어", ["로봇 시스템 설계 및 개발", "센서 통합", "자동화 솔루션 구현"],
                ["C++", "Python", "ROS(Robot Operating System)", "MATLAB"]
            ),
            (
                "컴퓨터 비전 엔지니어", ["이미지 및 비디오 데이터 처리 및 분석", "객체 인식 및 추적"],
                ["Python", "OpenCV", "TensorFlow", "PyTorch", "이미지 및 비디오 처리"]
            ),
            (
                "자연어 처리(NLP) 엔지니어", ["텍스트 데이터 처리", "언어 모델 개발", "음성 인식 및 번역 시스템 개발"],
                ["Python", "NLTK", "SpaCy", "TensorFlow", "BERT", "GPT", "LangChain", "streamlit"]
            ),
            (
                "클라우드 엔지니어 (AI/ML 포커스)", ["클라우드 기반의 AI/ML 서비스 관리 및 최적화", "인프라 설계 및 운영"],
                ["AWS", "Azure", "Google Cloud", "Docker", "Kubernetes", "Terraform"]
            ),
            (
                "MLOps 엔지니어", ["머신 러닝 모델의 개발부터 배포, 모니터링까지 전체 라이프사이클 관리"],
                [
                    "Docker", "Kubernetes", "Jenkins", "CircleCI", "TensorFlow Serving", "MLflow", "Prometheus",
                    "Grafana",
                ]
            ),
            (
                "AutoML 전문가", ["머신 러닝 모델 설계 및 튜닝의 자동화", "데이터 전처리", "피처 엔지니어링", "모델 선택 및 하이퍼파라미터 최적화"],
                ["Google AutoML", "Azure Machine Learning", "AWS SageMaker", "DataRobot", "H2O.ai"]
            ),
            (
                "프롬프트 엔지니어",
                [
                    "자연어 처리 시스템, 특히 대형 언어 모델을 위한 프롬프트 설계 및 최적화", "사용자 질의에 대한 효과적인 응답 생성",
                ],
                ["GPT-3", "BERT", "OpenAI API", "자연어 처리 도구(NLTK, SpaCy)", "LangChain", "streamlit"]
            ),
            (
                "컴퓨터 사이언티스트", ["알고리즘, 데이터 구조, 소프트웨어 설계 및 개발", "컴퓨터 시스템과 소프트웨어의 이론적 기초 연구 및 개발"],
                ["Python", "Java", "C++", "Git", "데이터베이스(SQL, NoSQL)", "클라우드 서비스(AWS, Azure)"]
            ),
        ]
        #expect(catalog.roles.count == 14)
        #expect(catalog.roles.map(\.name) == expected.map(\.0))
        for (role, (_, duties, stack)) in zip(catalog.roles, expected) {
            #expect(role.duties.map(\.text) == duties, "duties of \(role.name)")
            #expect(role.stack.map(\.text) == stack, "stack of \(role.name)")
        }
    }

    @Test func rolesOfEachDomain() {
        #expect(catalog.domains.map(\.roles.count) == [3, 2, 2, 2, 1, 1, 1, 1, 1])
        let data = catalog.domains[0]
        #expect(data.roles.allSatisfy { $0.domain == data.key })
    }

    @Test func aliasesAndParts() throws {
        let nlp = try #require(catalog.roles.first { $0.key.rawValue == "자연어-처리-엔지니어" })
        #expect(nlp.aliases == ["자연어 처리 엔지니어", "NLP 엔지니어"])
        let cloud = try #require(catalog.roles.first { $0.key.rawValue == "클라우드-엔지니어" })
        // The mindmap's spelling is one more name for the role.
        #expect(cloud.aliases == ["클라우드 엔지니어", "Cloud 엔지니어"])
        let robotics = try #require(catalog.roles.first { $0.name == "로보틱스 엔지니어" })
        let ros = robotics.stack[2]
        #expect(ros.name == "ROS" && ros.alias == "Robot Operating System" && ros.parts.isEmpty)
        let scientist = try #require(catalog.roles.last)
        let database = scientist.stack[4]
        #expect(database.name == "데이터베이스" && database.parts == ["SQL", "NoSQL"] && database.alias == nil)
        #expect(scientist.stack[5].parts == ["AWS", "Azure"])
    }

    /// Duties as a Korean reader divides the line: parts that share an object stay one duty, a range
    /// and a `특히` clause stay whole, topics join the duty after them.
    @Test func dutiesAreDividedTheWayKoreanReads() throws {
        let analytics = catalog.roles[0]
        #expect(analytics.duties.map(\.clause) == [0, 1])
        #expect(analytics.duties[0].parts.map(\.text) == ["데이터 수집", "정제", "분석 및 시각화"])
        let mlops = try #require(catalog.roles.first { $0.name == "MLOps 엔지니어" })
        #expect(mlops.dutyParts.map(\.text) == ["머신 러닝 모델의 개발부터 배포, 모니터링까지 전체 라이프사이클 관리"])
        let prompt = try #require(catalog.roles.first { $0.name == "프롬프트 엔지니어" })
        #expect(prompt.duties.count == 2)
        #expect(prompt.dutyParts[0].text.hasPrefix("자연어 처리 시스템, 특히 "))
        let scientist = try #require(catalog.roles.last)
        #expect(scientist.duties[0].parts.map(\.isTopic) == [true, true, false])
        #expect(scientist.dutyParts.count == 4)
    }

    @Test func mindmapLeavesAreLinkedToRoles() throws {
        let leaves = try #require(catalog.mindmap).branches.flatMap(\.leaves)
        #expect(leaves.count == 13)
        #expect(leaves.allSatisfy { $0.role != nil })
        let researcher = try #require(catalog.roles.first { $0.name == "데이터 리서처" })
        #expect(catalog.leaf(of: researcher)?.label == "Data 리서처")
        let ml = try #require(catalog.roles.first { $0.name == "머신 러닝 엔지니어" })
        #expect(catalog.branch(of: ml)?.label == "ML")
        let automl = try #require(catalog.roles.first { $0.name == "AutoML 전문가" })
        #expect(catalog.branch(of: automl) == nil)
    }

    @Test func shippedCopyMatchesTheRepositoryCatalog() throws {
        let copy = try Data(contentsOf: Fixture.repositoryRoot.appendingPathComponent("Decks/catalog/ai-jobs.md"))
        #expect(copy == ShippedCatalog.data)
    }
}
