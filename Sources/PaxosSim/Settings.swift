/// How long a proposer waits, in ticks, before retrying after its ballot was refused.
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
    case .fixed(let ticks): "fixed \(ticks)"
    case .randomized(let ticks): "random 1-\(2 * ticks)"
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
  case replyFirst = "reply-first"
  case noDedup = "no-dedup"
  case skipGaps = "skip-gaps"

  /// The switches that make an acceptor come back from a crash without what it answered.
  public static let losingWrites: [Bug] = [.noPersist, .replyFirst]

  public var summary: String {
    switch self {
    case .noPersist: "acceptors keep nothing across a crash"
    case .ignoreAccepted: "proposers ignore the accepted values that promises report"
    case .smallQuorum: "quorums are one acceptor short of a majority, so two need not overlap"
    case .acceptAny: "acceptors accept ballots below the one they promised"
    case .forgetBallot: "proposers forget their last round in a crash and may reuse a ballot"
    case .replyFirst:
      "acceptors reply before writing to disk, and write when their next message comes;"
        + " a crash in between loses the write"
    case .noDedup: "learners apply every copy of a request, so a retried append happens twice"
    case .skipGaps: "learners apply a slot as soon as they learn it, without waiting for the gap"
    }
  }
}

public struct Settings: Hashable, Sendable {
  public var backoff = Backoff.randomized(Backoff.defaultBase)
  /// Ticks a proposer waits for an attempt to finish before its timer fires.
  public var attemptTimeout = 50
  public var bugs: Set<Bug> = []
  /// The most trace entries a cluster keeps: `run` and `deliver all` stop there, so that no
  /// command can take all the memory there is (or a session that replays it). Tests lower it.
  var traceLimit = Settings.maxTraceEntries

  /// About 470 MB of trace (78 bytes an event), under 1 GB for the whole process (README:
  /// Speed and memory); its JSON trace, about 150 bytes an event, stays within what `load`
  /// reads. More than the benchmark's long run of five million events.
  public static let maxTraceEntries = 6_000_000

  public init() {}
}
