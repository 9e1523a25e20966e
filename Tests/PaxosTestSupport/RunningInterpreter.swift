import PaxosScript
import Testing

extension Interpreter {
  /// An interpreter that has run `lines`, each of which must be accepted.
  public static func running(
    _ lines: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) -> Interpreter {
    var interpreter = Interpreter()
    for line in lines {
      let result = interpreter.execute(line)
      if case .error(let error) = result.outcome {
        Issue.record("setup line '\(line)' was refused: \(error)", sourceLocation: sourceLocation)
      }
      if case .expectationFailed(let expected, let actual) = result.outcome {
        Issue.record(
          "setup line '\(line)' failed: expected \(expected), actual \(actual)",
          sourceLocation: sourceLocation)
      }
    }
    return interpreter
  }
}
