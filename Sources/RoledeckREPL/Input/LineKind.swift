/// What a line is for, which decides whether the reader offers completion and history for it.
public enum LineKind: Equatable, Sendable {
    /// A command such as `study 데이터`: Tab completes it and it is kept in the history.
    case command
    /// An answer to a card: no completion, and it never enters the history.
    case answer
}
