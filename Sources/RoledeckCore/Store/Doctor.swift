import Foundation

/// The pure check behind `roledeck doctor`: compares `cards.json` with the state the log rebuilds.
public enum Doctor {
    /// Checks the bytes of both files (nil when a file does not exist) against the known card ids.
    public static func check(
        cardsData: Data?, logData: Data?, knownCardIDs: Set<CardID>,
        cardsSource: String = CardsFile.fileName, logSource: String = ReviewLogFile.fileName
    ) -> DoctorReport {
        var report = DoctorReport()
        var stored: [CardID: CardRecord]? = [:]
        if let cardsData {
            do throws(StoreError) {
                let snapshot = try CardsFile.decodeSnapshot(cardsData, source: cardsSource)
                stored = snapshot.cards
                // Answers logged after the checkpoint are part of the stored state, as loading sees it.
                if let logBytes = snapshot.logBytes, let logData, logBytes < logData.count {
                    var tail = LogRebuilder(cards: snapshot.cards)
                    let start = logData.index(logData.startIndex, offsetBy: logBytes)
                    _ = try? ReviewLogFile.scan(logData[start...], source: logSource) { record, line in
                        tail.apply(record, line: line)
                    }
                    stored = tail.cards
                }
            } catch {
                report.damagedFiles.append(error)
                stored = nil
            }
        }
        var rebuilder = LogRebuilder()
        var mentioned = Set<CardID>()
        var logReadable = true
        if let logData {
            do throws(StoreError) {
                report.logIssues = try ReviewLogFile.scan(logData, source: logSource) { record, line in
                    rebuilder.apply(record, line: line)
                    mentioned.insert(record.cardID)
                }.issues
                report.reviewCount = rebuilder.reviewCount
            } catch {
                report.damagedFiles.append(error)
                logReadable = false
            }
        }
        report.rebuilt = rebuilder.cards
        report.unmatchedUndoLines = rebuilder.unmatchedUndoLines
        if let stored, logReadable {
            for id in Set(stored.keys).union(rebuilder.cards.keys).sorted() where stored[id] != rebuilder.cards[id] {
                report.disagreements.append(
                    CardDisagreement(cardID: id, stored: stored[id], rebuilt: rebuilder.cards[id]))
            }
        }
        if let stored { mentioned.formUnion(stored.keys) }
        report.unknownCardIDs = mentioned.subtracting(knownCardIDs).sorted()
        report.storedCount = cardsData == nil ? nil : stored?.count
        report.cardsFileExists = cardsData != nil
        return report
    }
}
