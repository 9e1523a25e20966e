/// How long a proposer waits, in steps, before retrying after its ballot was refused.
public enum Backoff: Hashable, Sendable {
  /// Retry at once: dueling proposers keep knocking each other out.
  case none
  /// Always wait the same: proposers that collided once tend to collide again.
  case fixed(Int)
  /// Wait a random time up to twice the base: one proposer soon gets a clear run.
  case randomized(Int)

  public static let defaultBase = 20
}

extension Backoff: CustomStringConvertible {
  /// `none`, `fixed 20`, `random 1-40`: the waits it draws from, as every view names them.
  public var description: String {
    switch self {
    case .none: "none"
    case .fixed(let steps): "fixed \(steps)"
    case .randomized(let steps): "random 1-\(2 * steps)"
    }
  }
}

/// Teaching switches that break the protocol on purpose, to show why each rule exists.
public enum Bug: String, CaseIterable, Hashable, Sendable {
  case noPersist = "no-persist"
  case ignoreAccepted = "ignore-accepted"
  case smallQuorum = "small-quorum"
  case acceptAny = "accept-any"
  case forgetBallot = "forget-ballot"

  public var summary: String {
    switch self {
    case .noPersist: "acceptors keep nothing across a crash"
    case .ignoreAccepted: "proposers ignore the accepted values that promises report"
    case .smallQuorum: "quorums are one acceptor short of a majority, so two need not overlap"
    case .acceptAny: "acceptors accept ballots below the one they promised"
    case .forgetBallot: "proposers forget their last round in a crash and may reuse a ballot"
    }
  }
}

public struct Settings: Hashable, Sendable {
  public var backoff = Backoff.randomized(Backoff.defaultBase)
  /// Steps a proposer waits for an attempt to finish before its timer fires.
  public var attemptTimeout = 50
  public var bugs: Set<Bug> = []
  /// The most trace entries a cluster keeps: `run` and `deliver all` stop there, so that no
  /// command can take all the memory there is (or a session that replays it). Tests lower it.
  var traceLimit = Settings.maxTraceEntries

  /// About 1 GB of trace: twice the benchmark's long run of five million events.
  public static let maxTraceEntries = 10_000_000

  public init() {}
}
