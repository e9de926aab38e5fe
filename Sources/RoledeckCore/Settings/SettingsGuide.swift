/// What each key of `settings.json` means, its range and how its value reads: what `roledeck
/// settings` shows and `docs/settings.md` lists (a test holds both, and `SettingsFile`'s checks, to it).
public struct SettingGuide: Sendable {
    /// The key in `settings.json`.
    public var key: String
    /// What it does, in a few Korean words.
    public var meaning: String
    /// The values it takes, as a learner reads them (`0–9999`).
    public var range: String
    /// The smallest and largest number it takes, for numeric keys.
    public var bounds: ClosedRange<Double>?
    /// The value in `settings`, as the table shows it.
    public var value: @Sendable (StudySettings) -> String

    /// The value when `settings.json` leaves the key out.
    public var defaultValue: String { value(StudySettings()) }
}

extension SettingGuide {
    /// Every key a settings file may hold, but `schemaVersion`, in the order the table shows them.
    public static let all: [SettingGuide] = [
        SettingGuide(
            key: "newCardsPerDay", meaning: "하루에 새로 배우는 카드 수", range: "0–9999", bounds: 0...9999,
            value: { "\($0.limits.newPerDay)" }),
        SettingGuide(
            key: "reviewsPerDay", meaning: "하루에 복습하는 카드 수의 상한", range: "0–99999", bounds: 0...99_999,
            value: { "\($0.limits.reviewsPerDay)" }),
        SettingGuide(
            key: "desiredRetention", meaning: "목표 기억률: 높을수록 자주 복습합니다", range: "0.7–0.99", bounds: 0.7...0.99,
            value: { number($0.parameters.desiredRetention) }),
        SettingGuide(
            key: "learningSteps", meaning: "새 카드의 학습 단계", range: "\"1m\", \"10m\" 같은 시간의 목록 (s·m·h·d, 36500d까지)",
            bounds: nil, value: { steps($0.parameters.learningSteps) }),
        SettingGuide(
            key: "relearningSteps", meaning: "잊은 카드의 재학습 단계", range: "learningSteps와 같은 꼴", bounds: nil,
            value: { steps($0.parameters.relearningSteps) }),
        SettingGuide(
            key: "learnAheadMinutes", meaning: "다른 카드가 없을 때 학습 단계를 미리 보여 주는 시간(분)", range: "0–1440",
            bounds: 0...1440, value: { number($0.limits.learnAheadSeconds / 60) }),
        SettingGuide(
            key: "maximumIntervalDays", meaning: "복습 간격의 상한(일)", range: "1–36500", bounds: 1...36_500,
            value: { "\($0.parameters.maximumInterval)" }),
        SettingGuide(
            key: "fuzz", meaning: "복습 날짜를 조금씩 흩어 같은 날에 몰리지 않게 합니다", range: "true 또는 false", bounds: nil,
            value: { "\($0.parameters.enableFuzzing)" }),
        SettingGuide(
            key: "rolloverHour", meaning: "새 학습일이 시작되는 시각", range: "0–23", bounds: 0...23,
            value: { "\($0.rolloverHour)" }),
        SettingGuide(
            key: "timeZone", meaning: "학습일을 세는 시간대", range: "\"Asia/Seoul\" 같은 시간대 이름", bounds: nil,
            value: { $0.timeZone?.identifier ?? "시스템 시간대" }),
        SettingGuide(
            key: "burySiblings", meaning: "같은 사실을 묻는 다른 카드를 그 세션 동안 건너뜁니다", range: "true 또는 false",
            bounds: nil, value: { "\($0.burySiblings)" }),
        SettingGuide(
            key: "leechThreshold", meaning: "이만큼 잊으면 거머리로 표시합니다", range: "1–99", bounds: 1...99,
            value: { "\($0.leechThreshold)" }),
        SettingGuide(
            key: "leechAction", meaning: "거머리를 표시만 할지(tag), 보류도 할지(suspend)", range: "\"tag\" 또는 \"suspend\"",
            bounds: nil, value: { $0.leechAction.rawValue }),
        SettingGuide(
            key: "parameters", meaning: "FSRS-6 매개변수 21개 (roledeck optimize가 맞춥니다)", range: "FSRS-6의 범위 안의 수 21개",
            bounds: nil,
            value: { $0.parameters.weights == SchedulerParameters.defaultWeights ? "기본값" : "맞춘 값" }),
        SettingGuide(
            key: "previousParameters", meaning: "optimize가 바꾸기 전의 매개변수 (evaluate로 비교)", range: "parameters와 같은 꼴",
            bounds: nil, value: { $0.previousWeights == nil ? "없음" : "있음" }),
        SettingGuide(
            key: "checkpointAnswers", meaning: "세션 중 cards.json을 다시 쓰기까지의 변경 수", range: "1–100000",
            bounds: 1...100_000, value: { "\($0.checkpoint.everyAnswers)" }),
        SettingGuide(
            key: "checkpointSeconds", meaning: "세션 중 cards.json을 다시 쓰기까지의 초", range: "1–86400", bounds: 1...86_400,
            value: { number($0.checkpoint.everySeconds) }),
        SettingGuide(
            key: "extraDay", meaning: "more로 한도를 늘린 학습일 (roledeck이 씁니다)", range: "\"2026-12-01\" 같은 날짜",
            bounds: nil, value: { $0.extra.map { DayCounter.label(ofDay: $0.day) } ?? "없음" }),
        SettingGuide(
            key: "extraNewCards", meaning: "그날 more로 더한 새 카드 수", range: "0–9999 (extraDay가 있을 때)", bounds: nil,
            value: { "\($0.extra?.newCards ?? 0)" }),
        SettingGuide(
            key: "extraReviews", meaning: "그날 more N 복습으로 더한 복습 수", range: "0–99999 (extraDay가 있을 때)", bounds: nil,
            value: { "\($0.extra?.reviews ?? 0)" }),
    ]

    /// `0.9`, `20`: a number without a needless `.0`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? "\(Int(value))" : "\(value)"
    }

    /// `["1m", "10m"]`, as settings.json writes steps.
    static func steps(_ steps: [Double]) -> String {
        "[" + steps.map { "\"\(StepDuration.format($0))\"" }.joined(separator: ", ") + "]"
    }
}
