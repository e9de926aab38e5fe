import Foundation
import RoledeckCore

/// The text of `optimize` and `evaluate`, the same at the prompt and on the command line.
public struct OptimizerText {
    public var palette: Palette

    public init(palette: Palette = .plain) {
        self.palette = palette
    }

    /// What was read: the file, its reviews and cards, and how days were counted.
    public func source(_ loaded: ReviewSource.Loaded) -> [String] {
        let dataset = loaded.dataset
        var lines = [
            "복습 기록 \(loaded.path): 복습 \(Self.grouped(dataset.reviewCount))개 · 카드 \(Self.grouped(dataset.cardCount))장 · "
                + "채점할 복습 \(Self.grouped(dataset.scorable.count))개 (\(Self.describe(loaded.days)))"
        ]
        if loaded.cardsWithoutStart > 0 {
            lines.append(
                palette.dim("  첫 복습이 기록에 없는 카드 \(Self.grouped(loaded.cardsWithoutStart))장은 뺐습니다."))
        }
        if loaded.unreadableLines > 0 {
            lines.append(
                palette.warn(
                    "  reviews.jsonl에서 읽을 수 없는 줄 \(Self.grouped(loaded.unreadableLines))개를 건너뛰었습니다: roledeck doctor로 확인하세요."
                ))
        }
        return lines
    }

    /// Why nothing was fitted: how many scorable reviews there are and how many more are needed.
    public func refusal(scorable: Int, needed: Int) -> [String] {
        [
            palette.warn(
                "매개변수를 맞추려면 채점할 수 있는 복습이 \(Self.grouped(needed))개 필요합니다. "
                    + "지금 \(Self.grouped(scorable))개라 \(Self.grouped(needed - scorable))개 더 필요합니다."),
            "채점할 수 있는 복습: 카드의 첫 복습이 아니고, 앞 복습과 다른 날에 한 복습. 아무것도 바꾸지 않았습니다.",
        ]
    }

    /// Why nothing was scored.
    public func nothingToScore() -> [String] {
        [
            palette.warn("채점할 복습이 아직 없습니다."),
            "채점할 수 있는 복습: 카드의 첫 복습이 아니고, 앞 복습과 다른 날에 한 복습.",
        ]
    }

    /// The report of `optimize`.
    public func optimization(_ result: ParameterFitting.Optimization) -> [String] {
        var lines = source(result.loaded)
        let fit = result.fit
        switch fit.stage {
        case .trained:
            lines.append(
                "FSRS-6 매개변수 21개를 맞췄습니다: 복습 \(Self.grouped(fit.trainingItems))개로 학습했고, "
                    + "카드별 첫 복습 \(Self.grouped(fit.initialisationItems))개로 초기 안정도(w0–w3)를 먼저 추정했습니다.")
        case .initialStabilityOnly:
            lines.append(
                "학습할 복습이 적어(\(Self.grouped(fit.trainingItems))개) 초기 안정도(w0–w3)만 "
                    + "카드별 첫 복습 \(Self.grouped(fit.initialisationItems))개로 추정했습니다; 나머지는 기본값입니다.")
        case .defaults:
            lines.append(
                "이상치를 빼고 나니 학습할 복습이 8개보다 적어 기본 매개변수 그대로입니다 "
                    + "(첫 평가마다 카드가 20장은 있어야 이상치를 가려낼 수 있습니다).")
        }
        lines.append("")
        lines += table([("지금 매개변수", result.before), ("맞춘 매개변수", result.after)])
        lines.append("")
        let change = (result.before.logLoss - result.after.logLoss) / result.before.logLoss * 100
        switch result.decision {
        case .saved(let path):
            lines.append(
                palette.good("log loss가 \(String(format: "%.1f", change))% 낮아졌습니다.")
                    + " 새 매개변수를 \(path)에 저장했습니다; 바뀌기 전 매개변수는 previousParameters로 남겼습니다.")
        case .dryRun:
            lines.append(
                palette.good("log loss가 \(String(format: "%.1f", change))% 낮아집니다.")
                    + " --dry-run이라 settings.json은 바꾸지 않았습니다.")
        case .notBetter:
            if result.fit.stage == .defaults {
                lines.append("settings.json은 바꾸지 않았습니다.")
            } else if result.fit.weights == result.currentWeights {
                lines.append("지금 매개변수가 이미 이 기록에 맞춘 것입니다. settings.json은 바꾸지 않았습니다.")
            } else {
                lines.append(
                    palette.warn("맞춘 매개변수가 지금 것보다 낫지 않아(log loss가 낮아지지 않음) settings.json을 바꾸지 않았습니다."))
            }
        }
        lines.append("")
        lines += weights(result.fit.weights, title: "맞춘 매개변수")
        return lines
    }

    /// The report of `evaluate`.
    public func evaluation(_ result: ParameterFitting.Evaluation) -> [String] {
        var lines = source(result.loaded)
        let name = Self.name(result.label)
        lines.append(
            "\(Particle.direction.attach(to: name)) 채점할 복습 \(Self.grouped(result.metrics.count))개의 기억 여부를 예측했습니다:")
        lines.append("")
        var rows = [(name, result.metrics)]
        if result.weights != SchedulerParameters.defaultWeights { rows.append(("기본 매개변수", result.defaults)) }
        lines += table(rows)
        lines.append(
            "  실제 기억률 \(Self.percent(result.metrics.meanRecall)) · 예측 평균 \(Self.percent(result.metrics.meanPrediction))"
        )
        if let split = result.split {
            lines.append("")
            lines.append(
                "시계열 분할 \(split.folds.count)겹: 지난 복습으로 매개변수를 맞추고 그다음 복습 \(Self.grouped(split.fitted.count))개를 예측했습니다:")
            lines += table([("과거로 맞춘 매개변수", split.fitted), ("기본 매개변수", split.defaults)])
        } else if let folds = result.splitFolds {
            lines.append("")
            lines.append(palette.warn("시계열 분할 \(folds)겹에는 채점할 복습이 적어도 \(folds + 1)개 필요합니다."))
        } else if result.label == .current {
            lines.append(
                palette.dim(
                    "  이 기록으로 맞춘 매개변수는 이 기록에서 좋아 보이기 마련입니다. "
                        + "정직한 비교는 roledeck evaluate --split 5 (시계열 분할)."))
        }
        lines.append("")
        lines.append(palette.dim("읽는 법: log loss와 RMSE(bins)는 낮을수록, AUC는 높을수록 좋습니다. 자세히는 docs/optimizer.md."))
        lines.append("")
        lines += weights(result.weights, title: name)
        return lines
    }

    /// The metrics as a small table, one row per weight set.
    func table(_ rows: [(String, PredictionMetrics)]) -> [String] {
        let width = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        let header = "  " + DisplayWidth.padded("", to: width) + "   log loss   RMSE(bins)      AUC"
        return [palette.dim(header)]
            + rows.map { label, metrics in
                let auc = metrics.auc.map { String(format: "%8.4f", $0) } ?? "       —"
                return "  " + DisplayWidth.padded(label, to: width)
                    + String(format: "   %8.4f   %9.2f%%", metrics.logLoss, metrics.rmseBins * 100) + " " + auc
            }
    }

    /// The 21 weights in groups, four decimals as Anki shows them.
    func weights(_ weights: [Double], title: String) -> [String] {
        let groups: [(String, Range<Int>)] = [
            ("초기 안정도 w0–w3", 0..<4), ("난이도 w4–w7", 4..<8), ("기억 성공 w8–w10", 8..<11),
            ("잊음 w11–w14", 11..<15), ("어려움·쉬움 w15–w16", 15..<17), ("같은 날 w17–w19", 17..<20), ("망각 곡선 w20", 20..<21),
        ]
        let width = groups.map { DisplayWidth.of($0.0) }.max() ?? 0
        return ["\(title):"]
            + groups.map { label, range in
                "  " + DisplayWidth.padded(label, to: width) + "  "
                    + weights[range].map { String(format: "%.4f", $0) }.joined(separator: " ")
            }
    }

    static func name(_ label: ParametersChoice.Label) -> String {
        switch label {
        case .current: "지금 매개변수"
        case .defaults: "기본 매개변수"
        case .previous: "이전 매개변수"
        case .typed: "입력한 매개변수"
        case .file(let path): "파일의 매개변수(\(path))"
        }
    }

    static func describe(_ days: DayConvention) -> String {
        switch days {
        case .pyFSRS: "날짜: 24시간 단위"
        case .anki(let hour, let zone): "하루 시작 \(hour)시, \(DayOptions.describe(zone))"
        }
    }

    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (number < 0 ? "-" : "") + result
    }

    static func percent(_ fraction: Double) -> String {
        String(format: "%.1f%%", fraction * 100)
    }
}
