import PaxosScript
import PaxosSim

/// What the REPL prints for a line: what `paxlab run` prints for it, and for a line that failed,
/// `error:`/`hint:` or `expectation failed`, after which the REPL goes on.
struct REPLTranscript {
  /// The line echoed and one line per event: what Ctrl-C may cut short when it is long.
  var events: [String]
  /// What the line reports after its events: notes, the run's summary, the error.
  var outcome: [String]

  var lines: [String] { events + outcome }

  /// `echo` repeats the line as `> line` first, as `paxlab run` does, for input that nobody saw
  /// being typed.
  init(_ result: LineResult, line: String, in cluster: Cluster, echo: Bool) {
    events = []
    outcome = []
    if case .blank = result.outcome { return }
    if case .quit = result.outcome { return }
    // A failed `load` still shows the lines it ran before the one that failed.
    let rendered = Transcript.lines(for: result, in: cluster, quiet: false)
    let eventCount = min(result.events.count, rendered.count)
    events = (echo ? ["> " + line] : []) + rendered.prefix(eventCount)
    outcome = Array(rendered.dropFirst(eventCount))
    switch result.outcome {
    case .blank, .quit, .forREPL:
      break
    case .done:
      if case .run(let summary)? = result.note, summary.interrupted, let kept = result.recordedText
      {
        outcome.append("the session keeps it as '\(kept)'")
      }
    case .error(let error):
      outcome += Self.lines(of: error)
    case .expectationFailed(let expected, let actual):
      outcome += ["expectation failed", "  expected: " + expected, "  actual:   " + actual]
    }
  }

  static func lines(of error: ScriptError) -> [String] {
    ["error: " + error.message] + (error.hint.map { ["hint: " + $0] } ?? [])
  }
}
