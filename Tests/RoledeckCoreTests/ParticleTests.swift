import RoledeckCore
import Testing

@Suite("Korean particles agree with the word before them")
struct ParticleTests {
    @Test(arguments: [
        ("데이터 엔지니어", "데이터 엔지니어는"), ("MLOps 엔지니어", "MLOps 엔지니어는"), ("기술 스택", "기술 스택은"),
        ("Spark", "Spark는"), ("Apache Spark", "Apache Spark는"), ("Python", "Python은"), ("SQL", "SQL은"),
        ("데이터베이스(SQL, NoSQL)", "데이터베이스(SQL, NoSQL)는"), ("클라우드 엔지니어 (AI/ML 포커스)", "클라우드 엔지니어 (AI/ML 포커스)는"),
    ])
    func topic(word: String, expected: String) {
        #expect(Particle.topic.attach(to: word) == expected)
    }

    @Test(arguments: [
        ("스택", "스택을"), ("파이프라인", "파이프라인을"), ("SQL", "SQL을"), ("ROS", "ROS를"),
        ("ROS(Robot Operating System)", "ROS(Robot Operating System)를"),
        ("Hadoop", "Hadoop을"), ("Git", "Git을"), ("streamlit", "streamlit을"), ("DataRobot", "DataRobot을"),
        ("Docker", "Docker를"),
        ("Kubernetes", "Kubernetes를"), ("Terraform", "Terraform을"), ("Excel", "Excel을"), ("R", "R을"), ("C++", "C++를"),
        ("Node.js", "Node.js를"), ("GPT-3", "GPT-3를"), ("MATLAB", "MATLAB을"), ("LangChain", "LangChain을"),
        ("Scikit-learn", "Scikit-learn을"),
        ("Google AutoML", "Google AutoML을"), ("H2O.ai", "H2O.ai를"), ("TensorFlow Serving", "TensorFlow Serving을"),
        ("BERT", "BERT를"),
        ("GANs", "GANs를"), ("Tableau", "Tableau를"), ("Java", "Java를"), ("Azure", "Azure를"), ("Google", "Google을"),
        ("Pipeline", "Pipeline을"),
        ("Stack", "Stack을"), ("ETL 툴", "ETL 툴을"), ("OpenCV", "OpenCV를"), ("Power BI", "Power BI를"), ("AWS", "AWS를"),
    ])
    func object(word: String, expected: String) {
        #expect(Particle.object.attach(to: word) == expected)
    }

    @Test func subjectWithAndDirection() {
        #expect(Particle.subject.attach(to: "OpenCV") == "OpenCV가")
        #expect(Particle.subject.attach(to: "Google AutoML") == "Google AutoML이")
        #expect(Particle.with.attach(to: "데이터") == "데이터와")
        #expect(Particle.with.attach(to: "스택") == "스택과")
        #expect(Particle.direction.attach(to: "파이프라인") == "파이프라인으로")
        #expect(Particle.direction.attach(to: "데이터") == "데이터로")
        #expect(Particle.direction.attach(to: "ETL 툴") == "ETL 툴로")
        #expect(Particle.direction.attach(to: "SQL") == "SQL로")
        #expect(Particle.direction.attach(to: "Python") == "Python으로")
        #expect(Particle.copula.attach(to: "엔지니어") == "엔지니어다")
        #expect(Particle.copula.attach(to: "스택") == "스택이다")
        #expect(Particle.mustBe.attach(to: "정수") == "정수여야")
        #expect(Particle.mustBe.attach(to: "문자열") == "문자열이어야")
        #expect(Particle.mustBe.attach(to: "배열이나 null") == "배열이나 null이어야")
        #expect(Particle.called.attach(to: "덱") == "덱이라는")
        #expect(Particle.called.attach(to: "revew") == "revew라는")
    }

    /// The table decides names the spelling rules would get wrong or could not tell; never `을(를)`.
    @Test func theTableDecidesAndTheFallbackAlwaysPicksOneForm() {
        #expect(Particle.object.attach(to: ".NET") == ".NET을")  // 닷넷
        #expect(Particle.object.attach(to: "PlayFab") == "PlayFab을")  // 플레이팹
        #expect(Particle.object.attach(to: "C#") == "C#을")  // 씨샵
        #expect(Particle.subject.attach(to: "C#(.NET)") == "C#(.NET)이")
        #expect(Particle.topic.attach(to: "QKD") == "QKD는")  // 큐케이디, by the letter table
        #expect(Particle.direction.attach(to: "XDR") == "XDR로")  // 엑스디알
        #expect(Particle.subject.attach(to: "GPT-5") == "GPT-5가")  // 파이브, by the digit table
        #expect(Pronunciation.reading(of: ".NET").source == .table)
        #expect(Pronunciation.reading(of: "QKD").source == .letters)
        #expect(Pronunciation.reading(of: "데이터").source == .hangul)
        let unknown = Pronunciation.reading(of: "Foobarix")
        #expect(unknown.source == .rules && unknown.ending == .vowel)
        #expect(!Particle.object.attach(to: "%").contains("("))
        #expect(!Particle.topic.attach(to: "").contains("("))
    }

    @Test func aCatalogsOwnSpellingDecidesItsName() {
        let lexicon = Lexicon.shipped.adding(spellings: [(name: "Zorblax", spellings: ["조블락스"])])
        #expect(Particle.object.attach(to: "Zorblax", lexicon: lexicon) == "Zorblax를")
        #expect(Pronunciation.reading(of: "Zorblax", lexicon: lexicon).source == .table)
    }

    @Test func particlesInCardTextAreFoundWithTheirWholeName() {
        let uses = ParticleUse.scan("기술 스택에 TensorFlow Serving이 있고 PlayFab를 쓰며 C#을(를) 안다; 데이터베이스(SQL, NoSQL)가 있다")
        #expect(uses.map(\.word) == ["TensorFlow Serving", "PlayFab", "C#", "데이터베이스(SQL, NoSQL)"])
        #expect(uses[0].particle == uses[0].expected)
        #expect(uses[1].particle == "를" && uses[1].expected == "을")
        #expect(uses[2].isUndecided)
        #expect(uses[3].source == .hangul && uses[3].particle == uses[3].expected)
    }
}

@Suite("Hangul, widths and keys")
struct TextTests {
    @Test func romanisation() {
        #expect(Hangul.romanize("데이터") == "deiteo")
        #expect(Hangul.romanize("머신 러닝") == "meosin reoning")
        #expect(Slug.fileName("클라우드 및 인프라") == "keullaudeu-mit-inpeura")
        #expect(Slug.fileName("S/W Dev") == "sw-dev")
        #expect(Slug.fileName("Cloud & Infra") == "cloud-infra")
    }

    @Test func keysKeepHangulAndAreNFC() {
        #expect(Slug.key("데이터 엔지니어") == "데이터-엔지니어")
        #expect(Slug.key("C++") == "c++")
        #expect(Slug.key("  Apache   Spark ") == "apache-spark")
        #expect(Slug.key("데이터 엔지니어".decomposedStringWithCanonicalMapping) == "데이터-엔지니어")
    }

    @Test func hangulIsTwoColumnsWide() {
        #expect(DisplayWidth.of("데이터") == 6)
        #expect(DisplayWidth.of("MLOps 엔지니어") == 14)
        #expect(DisplayWidth.of("데이터".decomposedStringWithCanonicalMapping) == 6)
        #expect(DisplayWidth.padded("가", to: 4) == "가  ")
    }

    @Test func jamo() {
        #expect(Hangul.jamo(of: "각").count == 3)
        #expect(Hangul.jamo(of: "가").count == 2)
        #expect(Hangul.jamo(of: "A") == ["A"])
    }
}
