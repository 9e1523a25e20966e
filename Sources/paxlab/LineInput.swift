/// What reading a line gave.
enum LineInput: Equatable {
  case line(String)
  /// Ctrl-C: the line was abandoned.
  case interrupted
  /// Ctrl-D, the end of the input, or a signal asking to leave.
  case end
}

/// Where the REPL's lines come from: a person at a terminal, or a pipe.
protocol LineSource {
  /// Reads one line; `prompt` is shown when someone is there to see it. `context` is what Tab
  /// completes from; nil where the line is not a command (an answer to a question).
  mutating func read(prompt: String, completing context: CompletionContext?) -> LineInput
  /// Leaves the terminal as it was found.
  mutating func close()
}

/// Plain lines from standard input, with no prompt and no echo: `paxlab < script`.
struct PlainLineSource: LineSource {
  private var isFirstLine = true

  mutating func read(prompt: String, completing context: CompletionContext?) -> LineInput {
    // Ctrl-C while piped input runs stops the input: there is no prompt to come back to.
    guard !Signals.takeInterrupt(), !Signals.leaveRequested, var line = readLine() else {
      return .end
    }
    // A script saved by a Windows editor may start with a byte order mark.
    if isFirstLine, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
    isFirstLine = false
    return .line(line)
  }

  mutating func close() {}
}
