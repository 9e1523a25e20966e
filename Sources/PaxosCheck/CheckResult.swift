import PaxosSim

/// How a check ended.
public enum CheckOutcome: Hashable, Sendable {
  /// No schedule within the bounds breaks an invariant. `exhausted`: every state reachable
  /// within the fault budgets was visited; otherwise some schedule goes deeper than the depth.
  case safe(exhausted: Bool)
  /// A shortest schedule breaks an invariant: `CheckResult.schedule`, then this violation.
  case violation(Violation)
  /// The check stopped before it finished.
  case stopped(StopReason)

  public enum StopReason: Hashable, Sendable {
    /// It visited as many distinct states as allowed.
    case stateLimit
    /// Someone asked it to stop (Ctrl-C).
    case interrupted
  }
}

/// Where a check stands, for a progress line.
public struct CheckProgress: Hashable, Sendable {
  public var depth: Int
  public var distinctStates: Int
  public var transitions: Int
  /// States waiting to be explored.
  public var queued: Int
  public var seconds: Double
}

/// What a check found, and how much it explored.
public struct CheckResult: Hashable, Sendable {
  public var outcome: CheckOutcome
  public var options: CheckOptions
  public var distinctStates: Int
  /// Events tried from every state visited, whether or not they led to a new state.
  public var transitions: Int
  /// The longest schedule explored.
  public var depth: Int
  public var seconds: Double
  /// With a violation: the shortest schedule that leads to it, with the message numbers the
  /// cluster gives when the schedule is played on it. Empty otherwise.
  public var schedule: [ClusterAction]
  /// A shortest schedule to a stuck state, when there is one: nothing in flight, no timer
  /// armed, work unfinished, and nothing more can happen without a new command.
  public var stuck: [ClusterAction]?
  /// The chance that two distinct states had the same fingerprint, so that one was missed.
  public var collisionProbability: Double
}
