/// When a study session writes `cards.json`, the checkpoint of the review log: at the end of the
/// session, and during it every `everyAnswers` changes (answers, undos, burials, suspensions) or
/// every `everySeconds` seconds with a change, whichever comes first. Never after every answer:
/// each answer is safe once its line is in the log, and at 100,000 cards a checkpoint is 30 MB.
public struct CheckpointPolicy: Equatable, Sendable {
    /// Changes between checkpoints (`checkpointAnswers` in settings.json).
    public var everyAnswers: Int
    /// Seconds between checkpoints while changes are made (`checkpointSeconds` in settings.json).
    public var everySeconds: Double

    /// The defaults: every 100 changes or 5 minutes.
    public init(everyAnswers: Int = 100, everySeconds: Double = 300) {
        self.everyAnswers = everyAnswers
        self.everySeconds = everySeconds
    }

    /// Whether a checkpoint is due after `changes` changes made over `seconds` since the last one.
    public func isDue(changes: Int, seconds: Double) -> Bool {
        changes > 0 && (changes >= everyAnswers || seconds >= everySeconds)
    }
}
