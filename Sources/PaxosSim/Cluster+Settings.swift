import PaxosCore

extension Cluster {
  /// The largest backoff or timeout, in ticks.
  public static let maxSettingTicks = 1_000_000

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
    case .fixed(let ticks), .randomized(let ticks):
      guard (1...Self.maxSettingTicks).contains(ticks) else {
        throw ClusterError("a backoff is 1 to \(Self.maxSettingTicks) ticks, not \(ticks)")
      }
    }
    settings.backoff = backoff
  }

  public mutating func setAttemptTimeout(_ ticks: Int) throws(ClusterError) {
    guard (1...Self.maxSettingTicks).contains(ticks) else {
      throw ClusterError("a timeout is 1 to \(Self.maxSettingTicks) ticks, not \(ticks)")
    }
    settings.attemptTimeout = ticks
  }
}
