/// Prompts as readline needs them.
enum PromptText {
    /// The prompt with each escape sequence (colour, say) between `\u{01}` and `\u{02}`, so readline counts it as
    /// zero columns wide; a prompt that already holds such markers is left as it is.
    static func markingInvisible(_ prompt: String) -> String {
        guard !prompt.unicodeScalars.contains("\u{01}") else { return prompt }
        var result = String.UnicodeScalarView()
        var scalars = prompt.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else {
                result.append(scalar)
                continue
            }
            result.append("\u{01}")
            result.append(scalar)
            if let introducer = scalars.next() {
                result.append(introducer)
                switch introducer {
                case "[":
                    // CSI: parameters, then one final byte from @ to ~.
                    while let next = scalars.next() {
                        result.append(next)
                        if ("@"..."~").contains(next) { break }
                    }
                case "]":
                    // OSC: up to BEL or ESC \.
                    while let next = scalars.next() {
                        result.append(next)
                        if next == "\u{07}" { break }
                        if next == "\u{1B}", let terminator = scalars.next() {
                            result.append(terminator)
                            break
                        }
                    }
                default:
                    break
                }
            }
            result.append("\u{02}")
        }
        return String(result)
    }
}
