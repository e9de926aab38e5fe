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
        case (_, false): lines.append("\(cardsPath): 아직 없음")
        case (let count?, true): lines.append("\(cardsPath): 카드 \(count)장")
        case (nil, true): lines.append("\(cardsPath): 손상됨")
        }
        if let logBytes = report.logBytes {
            lines.append("\(logPath): 복습 \(report.reviewCount)개")
            if report.logIsShorterThanCheckpoint, let checkpoint = report.checkpointBytes {
                lines.append(
                    "  문제: \(Particle.topic.attach(to: logPath)) \(logBytes)바이트뿐인데 \(Particle.topic.attach(to: cardsPath)) "
                        + "\(checkpoint)바이트까지 담고 있습니다: 복습 기록이 체크포인트보다 짧습니다 (잘렸거나 옛 사본으로 바뀜)")
            }
        } else if let checkpoint = report.checkpointBytes, checkpoint > 0 {
            lines.append(
                "\(Particle.subject.attach(to: logPath)) 없는데 \(Particle.topic.attach(to: cardsPath)) 그중 \(checkpoint)바이트를 담고 있습니다"
            )
        } else {
            lines.append("\(logPath): 아직 없음")
        }
        if !report.removedTemporaryFiles.isEmpty {
            lines.append(
                "  고침: 저장 도중 멈춰서 남은 임시 파일 \(report.removedTemporaryFiles.count)개를 지웠습니다: "
                    + report.removedTemporaryFiles.joined(separator: ", "))
        }
        for error in report.damagedFiles {
            lines.append("  문제: \(error.localizedDescription)")
        }
        for issue in report.logIssues {
            let note =
                issue.isTornTail
                ? "마지막 답이 저장됐다고 알리기 전에 멈춰 잘렸습니다. 무시하고 그대로 둡니다"
                : "이 줄은 건너뛰고 그대로 둡니다"
            lines.append("  문제: \(issue.error.localizedDescription) (\(note))")
        }
        for line in report.unmatchedUndoLines {
            lines.append("  문제: \(logPath):\(line): 되돌릴 것이 남지 않은 undo입니다. 무시합니다")
        }
        let ahead = report.cardsAheadOfLog
        if !ahead.isEmpty {
            let sample = ahead.prefix(5).map(\.rawValue).joined(separator: ", ")
            lines.append(
                "  문제: \(cardsPath)의 카드 \(ahead.count)장에 복습 기록에 없는 답이 있습니다: \(sample)"
                    + (ahead.count > 5 ? ", …" : ""))
        }
        if !report.disagreements.isEmpty {
            let sample = report.disagreements.prefix(5).map(\.cardID.rawValue).joined(separator: ", ")
            let more = report.disagreements.count > 5 ? ", …" : ""
            lines.append(
                "  문제: \(cardsPath)의 카드 \(report.disagreements.count)장이 복습 기록과 다릅니다: \(sample)\(more)"
            )
        }
        if report.checkpointFoldDisagrees {
            lines.append(
                "  문제: \(cardsPath)에 함께 저장된 날짜별 복습 수와 되돌리기 기록이 복습 기록과 다릅니다 "
                    + "(캐시 없이 시작할 때 쓰는 것입니다)")
        }
        if !report.unknownCardIDs.isEmpty {
            // Cards a catalog edit removed: each one, with the reviews the log keeps of it.
            lines.append(
                "  참고: 진행 기록이 있는 카드 \(report.unknownCardIDs.count)장이 덱에 없습니다 (카탈로그가 다시 "
                    + "가져올 수 있으니 남겨 둡니다):")
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
            lines.append(clean ? "모두 맞습니다." : "카드 상태가 복습 기록과 맞습니다.")
        case .rebuilt(let cards, let kept):
            var text = "복습 기록에서 \(Particle.object.attach(to: cardsPath)) 다시 만들었습니다: 카드 \(cards)장."
            if let kept { text += " 바뀐 파일은 \(kept.path)에 남겨 두었습니다." }
            lines.append(text)
        case .impossible:
            lines.append("아무것도 다시 쓰지 않았습니다: 복습 기록을 읽을 수 없어 다시 만들 수 없습니다.")
        case .refused:
            lines.append(
                "아무것도 다시 쓰지 않았습니다: 이 복습 기록에서 \(Particle.object.attach(to: cardsPath)) 다시 만들면 "
                    + "진행이 뒤로 돌아갑니다. 백업에서 복습 기록을 되돌리거나, `roledeck doctor --force`로 지금의 기록대로 "
                    + "다시 만드세요 (\(Particle.topic.attach(to: cardsPath)) cards.json.bak-<시각>으로 남습니다).")
        }
        return lines.joined(separator: "\n")
    }
}
