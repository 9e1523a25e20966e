/// How a script or a lesson reports the line that stopped it, naming its file and line.
public struct ScriptFailure {
  public let lines: [String]
  public let status: ScriptStatus

  /// `text` is the line, or nil when the end of the file is what failed.
  public init(_ outcome: LineResult.Outcome, file: String, line: Int, text: String?) {
    switch outcome {
    case .error(let error):
      lines =
        ["\(file):\(line): error: \(error.message)"]
        + (text.map { ["  " + Words.shorten($0)] } ?? [])
        + (error.hint.map { ["  hint: " + $0] } ?? [])
      status = .usageError
    case .expectationFailed(let expected, let actual):
      lines = [
        "\(file):\(line): expectation failed: " + Words.shorten(text ?? ""),
        "  expected: " + expected, "  actual:   " + actual,
      ]
      status = .expectationFailed
    case .blank, .done, .quit, .forREPL:
      lines = []
      status = .passed
    }
  }
}
