import PaxosCheck
import PaxosSim

/// What a `check` found, in words: how it ended, a schedule numbered as commands of the
/// language, the violation as the transcript prints it, the budgets, and a stuck state if
/// there is one. Made when the check ends, from the cluster it ran on.
public struct CheckReport: Sendable {
  public let result: CheckResult
  /// The violation's line as the transcript prints it when the schedule is played.
  private let violationLine: String?
  /// What is unfinished in a stuck state of this cluster.
  private let unfinished: String

  public init(_ result: CheckResult, from cluster: Cluster) {
    self.result = result
    unfinished = cluster.config.isLog ? "a request has no reply" : "no value is chosen"
    if case .violation(let violation) = result.outcome {
      violationLine = Self.line(of: violation, after: result.schedule, from: cluster)
    } else {
      violationLine = nil
    }
  }

  /// The invariant the schedule breaks, in the words a violation's line starts with.
  public var invariant: String? {
    guard case .violation(let violation) = result.outcome else { return nil }
    return violation.invariant
  }

  /// `timed`: with how long the check took, which a transcript compared as text cannot show.
  public func lines(timed: Bool) -> [String] {
    outcomeLines + [budgets(timed: timed)] + stuckLines
  }

  private var explored: String {
    Self.count(result.distinctStates, "distinct state") + " ("
      + Self.count(result.transitions, "transition") + ")"
  }

  private var outcomeLines: [String] {
    let depth = result.options.depth
    switch result.outcome {
    case .safe(let exhausted):
      return [
        "no violation: all schedules of at most \(depth) events from here, \(explored), "
          + (exhausted ? "exhausted" : "cut at depth \(depth)")
      ]
    case .violation(let violation):
      return [
        "VIOLATION \(violation.invariant) after \(Self.events(result.schedule.count));"
          + " a shortest schedule:"
      ] + Self.numbered(result.schedule) + (violationLine.map { [$0] } ?? [])
        + ["found among \(explored); 'check apply' plays the schedule here"]
    case .stopped(let reason):
      let why =
        switch reason {
        case .stateLimit:
          "the limit of states=\(result.options.states) came first (raise it, lower depth or"
            + " the budgets" + (result.options.symmetry ? ")" : ", or add symmetry)")
        case .interrupted: "interrupted"
        }
      return [
        "stopped: \(why); no violation among the \(explored) explored, schedules of up to"
          + " \(Self.events(result.depth))"
      ]
    }
  }

  private func budgets(timed: Bool) -> String {
    "budgets: " + result.options.budgetSummary + (result.options.symmetry ? ", symmetry" : "")
      + (timed
        ? "; \(Self.seconds(result.seconds)) s with \(result.options.workers)"
          + " worker\(result.options.workers == 1 ? "" : "s")" : "")
  }

  /// A stuck state is about liveness: a note beside the result, never a violation.
  private var stuckLines: [String] {
    guard let stuck = result.stuck else { return [] }
    let meaning =
      "nothing is in flight and no timer is armed, yet \(unfinished):"
      + " nothing more happens until someone types a command"
    guard !stuck.isEmpty else { return ["note: the cluster is stuck now: " + meaning] }
    return ["note: stuck after \(Self.events(stuck.count)) (not a violation); a shortest schedule:"]
      + Self.numbered(stuck)
      + ["stuck: " + meaning + "; 'check apply stuck' plays the schedule here"]
  }

  private static func numbered(_ schedule: [ClusterAction]) -> [String] {
    schedule.enumerated().map { "  \($0.offset + 1). \($0.element.line)" }
  }

  private static func events(_ number: Int) -> String { count(number, "event") }

  private static func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
  }

  /// `0.42`: seconds to the hundredth, without Foundation.
  private static func seconds(_ value: Double) -> String {
    let hundredths = Int((max(0, value) * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
  }

  /// Plays the schedule on a copy of the cluster and returns the violation's line as the
  /// transcript prints it then, time included.
  private static func line(
    of violation: Violation, after schedule: [ClusterAction], from cluster: Cluster
  ) -> String {
    var copy = cluster
    let start = copy.trace.entries.count
    for action in schedule {
      do {
        try copy.perform(action)
      } catch {
        return "the schedule does not replay: '\(action.line)' is refused (\(error.message))"
      }
    }
    let entries = copy.trace.entries
    guard
      let index = (start..<entries.count).first(where: {
        entries[$0].event == .violation(violation)
      })
    else { return copy.describe(.violation(violation)) }
    return copy.describe(entries[index])
  }
}
