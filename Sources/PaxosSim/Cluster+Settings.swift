import PaxosCore

extension Cluster {
  /// The largest backoff or timeout, in steps.
  public static let maxSettingSteps = 1_000_000

  /// Turns the given teaching switches on and every other one off.
  public mutating func setBugs(_ bugs: Set<Bug>) {
    settings.bugs = bugs
    config.quorumShortfall = bugs.contains(.smallQuorum) ? 1 : 0
    config.proposersIgnoreAcceptedValues = bugs.contains(.ignoreAccepted)
    config.acceptorsIgnorePromises = bugs.contains(.acceptAny)
  }

  public mutating func setBackoff(_ backoff: Backoff) throws(ClusterError) {
    switch backoff {
    case .none: break
    case .fixed(let steps), .randomized(let steps):
      guard (1...Self.maxSettingSteps).contains(steps) else {
        throw ClusterError("a backoff is 1 to \(Self.maxSettingSteps) steps, not \(steps)")
      }
    }
    settings.backoff = backoff
  }

  public mutating func setAttemptTimeout(_ steps: Int) throws(ClusterError) {
    guard (1...Self.maxSettingSteps).contains(steps) else {
      throw ClusterError("a timeout is 1 to \(Self.maxSettingSteps) steps, not \(steps)")
    }
    settings.attemptTimeout = steps
  }
}
