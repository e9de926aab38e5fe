import Foundation

/// The pure check behind `roledeck doctor`: compares the stored card states with the ones the log rebuilds.
public enum Doctor {
    /// Checks the stored states (nil: no `cards.json`; a failure: unreadable) against the log that
    /// `scanLog` streams (it calls its argument with each readable line and returns the unreadable ones).
    ///
    /// `checkpoint` is the fold `cards.json` carries, when it is one of exactly the whole log (its
    /// `logBytes` are the log's and its fingerprint is the log's): the log's own fold, counted in the
    /// same day convention, must then give the same day counts, undo window and counts.
    static func check(
        stored: Result<[CardID: CardRecord], StoreError>?, checkpoint: FoldCheckpoint? = nil,
        knownCardIDs: Set<CardID>, scanLog: ((LogRecord, Int) -> Void) throws(StoreError) -> [LogLineIssue]
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
        var fold = LogFold(days: checkpoint.flatMap { LogDigest.convention(forKey: $0.convention) } ?? .pyFSRS)
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
        if let checkpoint, logReadable {
            let own = FoldCheckpoint(fold: fold, logLines: checkpoint.logLines, fingerprint: checkpoint.fingerprint)
            report.checkpointFoldDisagrees = own != checkpoint
        }
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
