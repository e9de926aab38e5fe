import Foundation

/// The pure check behind `roledeck doctor`: compares the stored card states with the ones the log rebuilds.
public enum Doctor {
    /// Checks the stored states (nil: no `cards.json`; a failure: unreadable) against the log that
    /// `scanLog` streams (it calls its argument with each readable line and returns the unreadable ones).
    public static func check(
        stored: Result<[CardID: CardRecord], StoreError>?, knownCardIDs: Set<CardID>,
        scanLog: ((LogRecord, Int) -> Void) throws(StoreError) -> [LogLineIssue]
    ) -> DoctorReport {
        var report = DoctorReport()
        var storedCards: [CardID: CardRecord]?
        switch stored {
        case .none:
            storedCards = [:]
        case .success(let cards):
            storedCards = cards
            report.storedCount = cards.count
            report.cardsFileExists = true
        case .failure(let error):
            report.damagedFiles.append(error)
            report.cardsFileExists = true
        }
        var fold = LogFold(days: .pyFSRS)
        var mentioned = Set<CardID>()
        var logReadable = true
        do throws(StoreError) {
            report.logIssues = try scanLog { record, line in
                fold.apply(record, line: line)
                mentioned.insert(record.cardID)
            }
            report.reviewCount = fold.reviewCount
        } catch {
            report.damagedFiles.append(error)
            logReadable = false
        }
        report.rebuilt = fold.cards
        report.unmatchedUndoLines = fold.unmatchedUndoLines
        if let storedCards, logReadable {
            for id in Set(storedCards.keys).union(fold.cards.keys).sorted() where storedCards[id] != fold.cards[id] {
                report.disagreements.append(
                    CardDisagreement(cardID: id, stored: storedCards[id], rebuilt: fold.cards[id]))
            }
            mentioned.formUnion(storedCards.keys)
        }
        report.unknownCardIDs = mentioned.subtracting(knownCardIDs).sorted()
        return report
    }
}
