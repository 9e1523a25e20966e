import PaxosScript
import PaxosSim

/// What the REPL prints for a line: what `paxlab run` prints for it, and for a line that failed,
/// `error:`/`hint:` or `expectation failed`, after which the REPL goes on.
struct REPLTranscript {
  /// The line echoed and one line per event, made as they are printed (a long run has
  /// millions): what Ctrl-C may cut short.
  let events: AnySequence<String>
  /// How many lines `events` holds.
  let eventCount: Int
  /// What the line reports after its events: notes, the run's summary, the error.
  var outcome: [String] = []

  /// `echo` repeats the line as `> line` first, as `paxlab run` does, for input that nobody saw
  /// being typed; a person typing also sees how long a check took.
  init(_ result: LineResult, line: String, in cluster: Cluster, echo: Bool) {
    switch result.outcome {
    case .blank, .quit:
      events = AnySequence([])
      eventCount = 0
      return
    case .done, .error, .expectationFailed, .forREPL:
      break
    }
    let lines = Transcript.eventLines(for: result, in: cluster, quiet: false)
    events = AnySequence { () -> AnyIterator<String> in
      var echoed = echo ? "> " + line : nil
      var rest = lines.makeIterator()
      return AnyIterator {
        defer { echoed = nil }
        return echoed ?? rest.next()
      }
    }
    eventCount = (echo ? 1 : 0) + result.events.count
    // A failed `load` still shows the lines it ran before the one that failed.
    outcome = Transcript.reportLines(for: result, in: cluster, quiet: false, timed: !echo)
    switch result.outcome {
    case .blank, .quit, .forREPL:
      break
    case .done:
      if case .run(let summary)? = result.note, summary.interrupted,
        let kept = result.recorded.first
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
