import PaxosCheck
import PaxosScript

/// `paxlab check --json`: the result as one JSON object, written by hand as `paxlab bench`
/// writes its figures.
enum CheckJSON {
  static func object(_ report: CheckReport) -> String {
    let result = report.result
    let (name, exhausted): (String, Bool) =
      switch result.outcome {
      case .safe(let exhausted): ("safe", exhausted)
      case .violation: ("violation", false)
      case .stopped: ("stopped", false)
      }
    let fields: [(String, String)] = [
      ("result", string(name)),
      ("invariant", report.invariant.map(string) ?? "null"),
      ("distinct_states", "\(result.distinctStates)"),
      ("transitions", "\(result.transitions)"),
      ("depth", "\(result.depth)"),
      ("exhausted", "\(exhausted)"),
      ("seconds", "\(result.seconds)"),
      ("workers", "\(result.options.workers)"),
      ("symmetry", "\(result.options.symmetry)"),
      // The chance that two distinct states shared a fingerprint, as TLC reports it.
      ("collision_probability", "\(result.collisionProbability)"),
      ("schedule", array(result.schedule.map(\.line))),
      ("stuck", result.stuck.map { array($0.map(\.line)) } ?? "null"),
    ]
    return "{" + fields.map { "\(string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
  }

  private static func array(_ items: [String]) -> String {
    "[" + items.map(string).joined(separator: ", ") + "]"
  }

  /// Commands and invariant names hold no control characters: quotes and backslashes are all
  /// there is to escape.
  private static func string(_ text: String) -> String {
    "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
  }
}
