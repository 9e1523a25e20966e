import PaxosSim
import PaxosTestSupport
import Testing

@testable import PaxosScript

/// What one line prints in a golden transcript: the events and notes `paxlab run` shows, then
/// `error:`/`hint:` for a refused line or `expectation failed` for a check that did not hold.
func transcript(of line: String, in interpreter: inout Interpreter) -> [String] {
  let result = interpreter.execute(line)
  var lines = Transcript.lines(for: result, in: interpreter.cluster, quiet: false)
  switch result.outcome {
  case .blank, .done, .quit, .forREPL:
    break
  case .error(let error):
    lines.append("error: " + error.message)
    if let hint = error.hint { lines.append("hint: " + hint) }
  case .expectationFailed(let expected, let actual):
    lines += ["expectation failed", "  expected: " + expected, "  actual:   " + actual]
  }
  return lines
}

/// A cluster in the middle of a run, with something in every corner of its state: two proposers
/// in different phases, an accepted value, a crashed acceptor, a partition, messages in flight,
/// a choice in the history and non-default settings.
let midRunScript = [
  "cluster 5 2 2",
  "set backoff fixed 7",
  "set timeout 30",
  "propose p1 red",
  "deliver p1->a1", "deliver p1->a2", "deliver p1->a3",
  "deliver a1->p1", "deliver a2->p1", "deliver a3->p1",
  "deliver p1->a1", "deliver p1->a2", "deliver p1->a3",
  "deliver a1->p1",
  "deliver a2->l1", "deliver a3->l1", "deliver a1->l1",
  "propose p2 blue",
  "deliver p2->a4",
  "duplicate p2->a5",
  "crash a5",
  "partition a1 p1 | a2 a3",
]

/// Asserts that two lists of lines are equal, showing a line diff when they are not.
func expectLines(
  _ actual: [String], _ expected: [String], _ context: String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard actual != expected else { return }
  Issue.record(
    Comment(rawValue: (context.isEmpty ? "" : context + "\n") + LineDiff.render(expected, actual)),
    sourceLocation: sourceLocation)
}

/// A readable line diff: `-` for an expected line that is missing, `+` for an unexpected one.
enum LineDiff {
  static func render(_ expected: [String], _ actual: [String]) -> String {
    let (a, b) = (expected, actual)
    // Longest common subsequence table, from the ends.
    var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      for j in stride(from: b.count - 1, through: 0, by: -1) {
        table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
      }
    }
    var lines: [String] = []
    var (i, j) = (0, 0)
    while i < a.count || j < b.count {
      if i < a.count, j < b.count, a[i] == b[j] {
        lines.append("  " + a[i])
        (i, j) = (i + 1, j + 1)
      } else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] {
        lines.append("- " + a[i])
        i += 1
      } else {
        lines.append("+ " + b[j])
        j += 1
      }
    }
    return "--- expected\n+++ actual\n" + lines.joined(separator: "\n")
  }
}
