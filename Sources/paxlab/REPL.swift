import PaxosScript
import PaxosSession

/// The read-execute-print loop on a session. Unlike `paxlab run` it goes on after a line that
/// fails: the session is unchanged by it, and the next line may fix it.
struct REPL {
  let session: Session
  /// A person is typing: show a prompt, and do not repeat the line back.
  let isInteractive: Bool
  let output: StandardOutput
  let palette: Palette
  let progress = ProgressLine()

  /// Runs until the input ends, `quit`, or a command that moves to another session (a lesson
  /// played to its end, `open`). The move's status is the exit status: 0, or for piped input
  /// the worst line, as `paxlab run` would have exited at it (1 a failed expect, 2 an error).
  func run(reading source: inout some LineSource) -> Move {
    session.interrupted = progress.checkpoint
    session.checkProgress = progress.checkProgress
    var status = ScriptStatus.passed
    defer { source.close() }
    while !Signals.leaveRequested {
      switch read(from: &source) {
      case .end:
        return Move(status: status)
      case .interrupted:
        continue
      case .line(let line):
        _ = Signals.takeInterrupt()
        progress.begin(line)
        let result = session.execute(line)
        progress.end()
        if case .quit = result.outcome { return Move(status: status) }
        // A Ctrl-C that stopped a run is spent; with piped input it also ends the input.
        let stopped = Signals.takeInterrupt()
        show(result, of: line)
        status = worse(status, than: Self.status(of: result.outcome))
        if case .forREPL(let command) = result.outcome {
          let move = carryOut(command)
          status = worse(status, than: move.status)
          if let next = move.session { return Move(status: status, session: next) }
        }
        if stopped && !isInteractive { return Move(status: status) }
      }
    }
    return Move(status: status)
  }

  /// Reads a line, showing where the cluster stands. The copies of the cluster made for the
  /// prompt and completion end here, before the line runs, so that running it copies nothing.
  private func read(from source: inout some LineSource) -> LineInput {
    let cluster = session.interpreter.cluster
    let prompt =
      isInteractive
      ? Prompt.text(cluster, session: session.place.name, palette: palette.forPrompt) : ""
    let context = CompletionContext(cluster: cluster, timeline: session.interpreter.timeline)
    return source.read(prompt: prompt, completing: context)
  }

  /// Prints what the line did; Ctrl-C while a long transcript scrolls by skips to its end.
  private func show(_ result: LineResult, of line: String) {
    let cluster = session.interpreter.cluster
    let transcript = REPLTranscript(result, line: line, in: cluster, echo: !isInteractive)
    let colours = TranscriptColours(palette: palette, cluster: cluster)
    for (index, text) in transcript.events.enumerated() {
      if isInteractive, Signals.takeInterrupt() {
        output.line("... (Ctrl-C: \(transcript.eventCount - index) lines not shown)")
        break
      }
      output.line(colours.line(text))
    }
    for text in transcript.outcome { output.line(colours.line(text)) }
    output.flush()
  }

  /// The status to exit with after `other`: none but 0 when someone is typing.
  func worse(_ status: ScriptStatus, than other: ScriptStatus) -> ScriptStatus {
    guard !isInteractive else { return .passed }
    return other.rawValue > status.rawValue ? other : status
  }

  /// The status `paxlab run` would have exited with at the line.
  private static func status(of outcome: LineResult.Outcome) -> ScriptStatus {
    switch outcome {
    case .error: .usageError
    case .expectationFailed: .expectationFailed
    case .blank, .done, .quit, .forREPL: .passed
    }
  }

  /// Prints lines of the REPL's own, coloured as the transcript is.
  func say(_ lines: [String]) {
    let colours = TranscriptColours(palette: palette, cluster: session.interpreter.cluster)
    for line in lines { output.line(colours.line(line)) }
    output.flush()
  }
}
