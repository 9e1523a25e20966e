/// How a script run ended, as the process exit code `paxlab run` returns.
public enum ScriptStatus: Int32, Sendable {
  case passed = 0
  case expectationFailed = 1
  case usageError = 2
}

/// Runs a script line by line, printing the transcript, and stops at the first refused line or
/// failed expectation, naming its file and line.
public struct ScriptRunner {
  public var quiet: Bool
  public private(set) var interpreter = Interpreter()
  /// Handed to each script's fresh interpreter, so that its `export` lines write files.
  public var exporter: (any Exporter)?
  private let emit: (String) -> Void

  public init(quiet: Bool, emit: @escaping (String) -> Void) {
    self.quiet = quiet
    self.emit = emit
  }

  /// Runs `lines` of the script called `name` on a fresh cluster.
  public mutating func run(name: String, lines: some Sequence<Substring>) -> ScriptStatus {
    interpreter = Interpreter()
    interpreter.exporter = exporter
    var number = 0
    for line in lines {
      number += 1
      let text = String(line)
      let result = interpreter.execute(text)
      switch result.outcome {
      case .blank:
        continue
      case .quit, .forREPL:
        return .passed
      case .done:
        if !quiet && !result.isTeaching { emit("> " + text) }
        if Transcript.hasEventLines(in: interpreter.cluster, quiet: quiet) {
          for output in Transcript.eventLines(for: result, in: interpreter.cluster, quiet: quiet) {
            emit(output)
          }
        }
        Transcript.reportLines(for: result, in: interpreter.cluster, quiet: quiet).forEach(emit)
      case .error, .expectationFailed:
        let failure = ScriptFailure(result.outcome, file: name, line: number, text: text)
        failure.lines.forEach(emit)
        return failure.status
      }
    }
    if let error = interpreter.unrevealedQuestion {
      ScriptFailure(.error(error), file: name, line: number, text: nil).lines.forEach(emit)
      return .usageError
    }
    return .passed
  }
}
