import PaxosScript
import Testing

@testable import PaxosExport

/// Runs that together make every kind of event, each a script of accepted lines.
enum TraceCatalogue {
  static let scripts: [(name: String, lines: [String])] = [
    ("one proposer", ["cluster 3 1 1", "propose p1 red", "deliver all"]),
    (
      "dueling with run seed",
      ["cluster 3 2 1", "set backoff random 5", "propose p1 red", "propose p2 blue", "run seed=42"]
    ),
    (
      "dueling without backoff, nacks and timers",
      [
        "cluster 3 2 1", "set backoff none", "set timeout 7", "propose p1 red",
        "deliver p1->a1", "deliver p1->a2", "propose p2 blue", "deliver all",
        "run steps=300 seed=3",
      ]
    ),
    (
      "crashes",
      [
        "cluster 5 2 1", "set timeout 9", "propose p1 red", "deliver p1->a1", "deliver p1->a2",
        "crash a3", "deliver p1->a3", "crash p1", "recover p1", "recover a3", "propose p1 again",
        "run seed=5",
      ]
    ),
    (
      "partitions",
      [
        "cluster 3 2 1", "propose p1 red", "partition a1 p1 | a2 a3", "deliver all", "heal",
        "propose p2 blue", "deliver all",
      ]
    ),
    (
      "duplicates and drops",
      [
        "cluster 3 1 2", "propose p1 red", "duplicate p1->a1", "drop p1->a2", "drop p1->a3",
        "deliver all", "timeout p1", "deliver all",
      ]
    ),
    (
      "violations with a teaching bug",
      [
        "cluster 3 2 1", "set bug no-persist", "propose p1 red", "deliver all", "crash a1 a2",
        "recover a1 a2", "propose p2 blue", "deliver all",
      ]
    ),
    (
      "ignored accepted values",
      [
        "cluster 3 2 1", "set bug ignore-accepted small-quorum", "propose p1 red", "deliver all",
        "propose p2 blue", "deliver all",
      ]
    ),
    (
      "awaiting a value, adopted values",
      [
        "cluster 3 2 1", "prepare p1 3", "deliver all", "propose p1 red", "deliver p1->a1",
        "deliver a1->p1", "deliver a1->l1", "prepare p2 5 green", "deliver all",
      ]
    ),
    (
      "unicode and quoted values",
      [
        "cluster 3 1 1",
        "propose p1 \"naïve \\\"quoted\\\" ✓ 日本; # --> %% {x}\\\\ \t\"",
        "deliver all  # a comment after the command",
        "set backoff fixed 3",
      ]
    ),
    (
      "a reset in the middle",
      [
        "cluster 3 1 1", "propose p1 red", "deliver all", "reset", "set timeout 20",
        "cluster 3 1 1", "add learner x9", "propose p1 blue", "deliver all",
      ]
    ),
    ("nothing yet", []),
    (
      "a log: a gap, a leader change with a no-op, retries, duplicates and catch-up",
      Scenarios.logGapAndCatchUp
    ),
    ("a log with no-dedup and skip-gaps", Scenarios.logSwitches),
    ("a log whose new leader ignores accepted slots", Scenarios.logIgnoresAccepted),
  ]

  /// The catalogue's log runs: every test that checks exports on the catalogue checks them too,
  /// and some check a log run on its own.
  static var logScripts: [(name: String, lines: [String])] {
    scripts.filter { $0.lines.first?.hasSuffix(" log") == true }
  }

  static func interpreter(_ lines: [String], sourceLocation: SourceLocation = #_sourceLocation)
    -> Interpreter
  {
    var interpreter = Interpreter()
    for line in lines {
      let result = interpreter.execute(line)
      if case .error(let error) = result.outcome {
        Issue.record("'\(line)' was refused: \(error)", sourceLocation: sourceLocation)
      }
    }
    return interpreter
  }

  static func trace(_ lines: [String], window: TraceWindow = .whole) -> [UInt8] {
    TraceEncoder.encode(interpreter(lines), window: window)
  }

  /// A real trace of a few hundred events, for cutting and corrupting.
  static var sample: [UInt8] { trace(scripts[1].lines) }
}

extension Array where Element == UInt8 {
  var text: String { String(decoding: self, as: UTF8.self) }
}
