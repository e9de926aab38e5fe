import Foundation
import RoledeckCore
import Testing

/// The shipped tables: readable, and doing what their headers say.
@Suite("Shipped tables")
struct LexiconTests {
    @Test func theShippedTablesReadWithoutProblems() {
        #expect(Lexicon.shipped.problems == [])
    }

    @Test func aBrokenLineIsReportedWithItsFileAndLine() {
        let lexicon = Lexicon(spellings: "Python = 파이썬\nno separator here\n", related: "A ~\n", dutyWords: "개발\n")
        #expect(lexicon.problems.count == 2)
        #expect(lexicon.problems[0].hasPrefix("spellings.txt:2:"))
        #expect(lexicon.problems[1].hasPrefix("related.txt:1:"))
    }

    @Test func spellingsAreKoreanAndNameTheSameThing() {
        let lexicon = Lexicon.shipped
        #expect(lexicon.spellings(of: "python") == ["파이썬"])
        #expect(lexicon.spellings(of: "Scikit Learn").first == "사이킷런")
        #expect(lexicon.equivalents(of: NameKey("머신러닝")).contains(NameKey("ML")))
        #expect(lexicon.equivalents(of: NameKey("Machine Learning")).contains(NameKey("머신 러닝")))
        #expect(lexicon.spelledVariants(of: "ETL 툴") == ["이티엘 툴"])
        #expect(lexicon.spelledVariants(of: "데이터 엔지니어") == [])
    }

    @Test func aSharedSpellingIsEachNamesReadingWithoutJoiningThem() {
        let lexicon = Lexicon.shipped
        #expect(lexicon.spellings(of: "SAS") == ["사스"] && lexicon.spellings(of: "Sass") == ["사스"])
        #expect(!lexicon.equivalents(of: NameKey("SAS")).contains(NameKey("Sass")))
        #expect(lexicon.acceptedKeys(of: NameKey("Sass")).contains(NameKey("사스")))
        #expect(lexicon.writtenNames(of: NameKey("스프링부트")).contains("Spring Boot"))
    }

    @Test func theLatinWordsATypedAnswerHasNoKoreanReadingFor() {
        let lexicon = Lexicon.shipped
        #expect(lexicon.unreadWords(in: "Kubernetes") == [])
        #expect(lexicon.unreadWords(in: "3ds Max") == [])  // a run of words the table lists
        #expect(lexicon.unreadWords(in: "클러스터 작업 스케줄러(Slurm)") == [])
        #expect(lexicon.unreadWords(in: "HL7, SDTM, DLP") == [])  // read letter by letter
        #expect(lexicon.unreadWords(in: "Zorblax Engine") == ["Zorblax"])
        #expect(lexicon.unreadWords(in: "FROBNIK") == ["FROBNIK"])  // capitals said as a word need the table
        // Every typed answer of the five catalogs is read (`roledeck lint` holds new catalogs to it).
        let extra = Lexicon(spellings: "[names]\nZorblax = 조블락스\n", related: "", dutyWords: "")
        #expect(extra.unreadWords(in: "Zorblax") == [])
    }

    @Test func readingsAreKoreanAndWellKnown() {
        let lexicon = Lexicon.shipped
        for (name, reading) in [
            ("Python", "파이썬"), ("Kubernetes", "쿠버네티스"), ("Apache Spark", "스파크"), ("Hadoop", "하둡"),
            ("Airflow", "에어플로우"), ("React", "리액트"), ("DICOM", "다이콤"), ("Figma", "피그마"),
        ] {
            #expect(lexicon.equivalents(of: NameKey(name)).contains(NameKey(reading)), "\(name)")
        }
        #expect(lexicon.equivalents(of: NameKey("워크플로")).contains(NameKey("워크플로우")))
        #expect(lexicon.equivalents(of: NameKey("세그멘테이션")).contains(NameKey("분할")))
        #expect(lexicon.equivalents(of: NameKey("기기")).contains(NameKey("디바이스")))
        #expect(lexicon.equivalents(of: NameKey("리그레션")).contains(NameKey("회귀")))
        #expect(lexicon.equivalents(of: NameKey("잠금")).contains(NameKey("락")))
    }

    @Test func relatedTermsGoBothWaysAndOneHopOnly() {
        let lexicon = Lexicon.shipped
        #expect(lexicon.related(to: [NameKey("Keras")]).contains(NameKey("TensorFlow")))
        #expect(lexicon.related(to: [NameKey("TensorFlow")]).contains(NameKey("Keras")))
        #expect(lexicon.related(to: [NameKey("AWS SageMaker")]).contains(NameKey("AWS")))
        // GANs ~ TensorFlow and TensorFlow ~ Python do not make GANs ~ Python.
        #expect(!lexicon.related(to: [NameKey("GANs")]).contains(NameKey("Python")))
    }
}
