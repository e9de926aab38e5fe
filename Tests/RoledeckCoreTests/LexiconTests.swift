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

    @Test func relatedTermsGoBothWaysAndOneHopOnly() {
        let lexicon = Lexicon.shipped
        #expect(lexicon.related(to: [NameKey("Keras")]).contains(NameKey("TensorFlow")))
        #expect(lexicon.related(to: [NameKey("TensorFlow")]).contains(NameKey("Keras")))
        #expect(lexicon.related(to: [NameKey("AWS SageMaker")]).contains(NameKey("AWS")))
        // GANs ~ TensorFlow and TensorFlow ~ Python do not make GANs ~ Python.
        #expect(!lexicon.related(to: [NameKey("GANs")]).contains(NameKey("Python")))
    }
}
