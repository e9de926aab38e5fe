import Foundation
import RoledeckCore

/// What `roledeck doctor` prints about a progress folder: one finding per line, the fix it made last.
public enum DoctorText {
    /// What doctor did about a disagreement or a damaged `cards.json`.
    public enum Repair: Equatable, Sendable {
        /// Nothing needed doing.
        case none
        /// `cards.json` was rewritten from the log; `keptCopy` is where the file it replaced was kept.
        case rebuilt(cards: Int, keptCopy: URL?)
        /// The log could not be read, so nothing was rewritten.
        case impossible
        /// Rebuilding would roll progress back (the log is missing, short, or lacks answers), so
        /// nothing was rewritten without `--force`.
        case refused
    }

    /// The report as lines of text; `cardsPath` and `logPath` name the files as the user knows them.
    public static func render(_ report: DoctorReport, repair: Repair, cardsPath: String, logPath: String) -> String {
        var lines: [String] = []
        switch (report.storedCount, report.cardsFileExists) {
        case (_, false): lines.append("\(cardsPath): not written yet")
        case (let count?, true): lines.append("\(cardsPath): \(count) card(s)")
        case (nil, true): lines.append("\(cardsPath): damaged")
        }
        if let logBytes = report.logBytes {
            lines.append("\(logPath): \(report.reviewCount) review(s)")
            if report.logIsShorterThanCheckpoint, let checkpoint = report.checkpointBytes {
                lines.append(
                    "  problem: \(logPath) holds only \(logBytes) bytes, but \(cardsPath) includes \(checkpoint): the log is "
                        + "shorter than the checkpoint (cut, or replaced by an older copy)")
            }
        } else if let checkpoint = report.checkpointBytes, checkpoint > 0 {
            lines.append("\(logPath) is missing, but \(cardsPath) includes \(checkpoint) bytes of it")
        } else {
            lines.append("\(logPath): not written yet")
        }
        if !report.removedTemporaryFiles.isEmpty {
            lines.append(
                "  fixed: removed \(report.removedTemporaryFiles.count) stale temporary file(s) left by saves a crash "
                    + "interrupted: " + report.removedTemporaryFiles.joined(separator: ", "))
        }
        for error in report.damagedFiles {
            lines.append("  problem: \(error.localizedDescription)")
        }
        for issue in report.logIssues {
            let note =
                issue.isTornTail
                ? "the last answer was cut short by a crash before it was acknowledged; it is ignored and kept"
                : "the line is skipped and kept as it is"
            lines.append("  problem: \(issue.error.localizedDescription) (\(note))")
        }
        for line in report.unmatchedUndoLines {
            lines.append("  problem: \(logPath):\(line): an undo with no answer left to take back; it is ignored")
        }
        let ahead = report.cardsAheadOfLog
        if !ahead.isEmpty {
            let sample = ahead.prefix(5).map(\.rawValue).joined(separator: ", ")
            lines.append(
                "  problem: \(ahead.count) card(s) in \(cardsPath) have answers the log does not: \(sample)"
                    + (ahead.count > 5 ? ", …" : ""))
        }
        if !report.disagreements.isEmpty {
            let sample = report.disagreements.prefix(5).map(\.cardID.rawValue).joined(separator: ", ")
            let more = report.disagreements.count > 5 ? ", …" : ""
            lines.append(
                "  problem: \(report.disagreements.count) card(s) in \(cardsPath) differ from the log: \(sample)\(more)"
            )
        }
        if !report.unknownCardIDs.isEmpty {
            // Cards a catalog edit removed: each one, with the reviews the log keeps of it.
            lines.append(
                "  note: \(report.unknownCardIDs.count) card(s) with progress are not in the decks (kept, "
                    + "in case the catalog brings them back):")
            for id in report.unknownCardIDs {
                let reps = report.rebuilt[id]?.reps ?? 0
                lines.append("    \(id.rawValue)" + (reps > 0 ? " (복습 \(reps)번)" : ""))
            }
        }
        switch repair {
        case .none:
            let clean =
                report.damagedFiles.isEmpty && report.logIssues.isEmpty && report.unmatchedUndoLines.isEmpty
                && report.removedTemporaryFiles.isEmpty
            lines.append(clean ? "Everything agrees." : "The card states agree with the log.")
        case .rebuilt(let cards, let kept):
            var text = "Rebuilt \(cardsPath) from the log: \(cards) card(s)."
            if let kept { text += " The file it replaced was kept as \(kept.path)." }
            lines.append(text)
        case .impossible:
            lines.append("Nothing was rewritten: the log cannot be read, so it cannot be used to rebuild.")
        case .refused:
            lines.append(
                "Nothing was rewritten: rebuilding \(cardsPath) from this log would roll progress back. Put the log back "
                    + "from a backup, or run `roledeck doctor --force` to rebuild from the log as it is (\(cardsPath) "
                    + "is kept as cards.json.bak-<time>).")
        }
        return lines.joined(separator: "\n")
    }
}
