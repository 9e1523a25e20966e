import PaxosCore

/// Many seeded runs from one moment under several backoffs: how often the proposers come to a
/// decision, how long that takes, and how long a round trip takes meanwhile. Every run starts
/// from a copy, so the cluster the trials start from is never changed.
public struct BackoffTrials: Sendable {
  /// What one backoff did over all the seeds tried.
  public struct Outcome: Sendable {
    public let backoff: Backoff
    /// For each run that decided, the time it took on the cluster's clock, in the order of the
    /// seeds: a wait counts its ticks even when nothing else happens meanwhile.
    public internal(set) var timeToDecide: [Int] = []
    /// For each run, decided or not, how many new ballots the proposers started.
    public internal(set) var retries: [Int] = []
    /// Every round trip of every run: the ticks from a proposer's prepare or accept leaving to
    /// the reply reaching it, on the clock.
    public internal(set) var roundTrips: [Int] = []

    public var runs: Int { retries.count }
    public var decided: Int { timeToDecide.count }
  }

  public static let defaultSeeds = 100
  public static let maxSeeds = 1000
  public static let defaultSteps = 2000
  /// The most waits one comparison may try.
  public static let maxWaits = 8
  /// Runs times steps at most, over all the backoffs compared: each run may take all its
  /// steps, so a comparison ends within seconds even when every run goes to its limit.
  public static let maxWork = 6_000_000

  /// Seeds 1 through `seedsTried`; fewer than asked when the trials were interrupted.
  public private(set) var seedsTried = 0
  public private(set) var outcomes: [Outcome]

  /// No wait for a wait of 0; otherwise a fixed wait of that many ticks, and a random one of
  /// the same mean, so that the two compare fairly.
  public static func backoffs(waits: [Int]) -> [Backoff] {
    waits.flatMap { $0 == 0 ? [Backoff.none] : [.fixed($0), .randomized($0)] }
  }

  /// Runs seeds 1...`seeds` under each backoff, each run for at most `steps` steps.
  /// `interrupted` is asked between seeds.
  public init(
    from cluster: Cluster, backoffs: [Backoff], seeds: Int, steps: Int,
    interrupted: Checkpoint? = nil
  ) {
    outcomes = backoffs.map { Outcome(backoff: $0) }
    // Seed by seed rather than backoff by backoff, so an interrupted comparison stays fair.
    for seed in 1...max(1, seeds) {
      if interrupted?(seed - 1, seeds) == true { break }
      for index in outcomes.indices {
        var trial = cluster
        trial.settings.backoff = outcomes[index].backoff
        trial.seed(UInt64(seed))
        let first = trial.trace.entries.count
        let messagesBefore = trial.trace.messages.count
        if trial.runUntilDecided(limit: steps) != nil {
          outcomes[index].timeToDecide.append(trial.time - cluster.time)
        }
        outcomes[index].retries.append(
          trial.tally(
            sentAfter: messagesBefore, since: first, roundTrips: &outcomes[index].roundTrips))
      }
      seedsTried = seed
    }
  }
}

extension Cluster {
  /// Whether every proposer that is up and took on a value knows which value was chosen:
  /// until then someone is still trying, and may still knock the others out.
  public var proposersDecided: Bool {
    var anyAttempt = false
    for node in nodes where node.isUp {
      guard let attempt = node.proposer?.attempt else { continue }
      switch attempt {
      case .idle: continue
      case .decided: anyAttempt = true
      default: return false
      }
    }
    return anyAttempt
  }

  /// Runs step by step until the proposers have decided; the steps taken, or nil if they had
  /// not decided after `limit` steps or nothing was left to do.
  mutating func runUntilDecided(limit: Int) -> Int? {
    for taken in 0..<limit {
      if proposersDecided { return taken }
      if run(limit: 1).steps == 0 { return nil }
    }
    return proposersDecided ? limit : nil
  }

  /// One pass over the entries from `first` on: returns how many ballots were started, and
  /// appends the round trips of the messages sent after the first `messagesBefore`. A reply to
  /// a proposer is sent in the step its request was delivered, so its request is the message
  /// delivered at that time.
  func tally(sentAfter messagesBefore: Int, since first: Int, roundTrips trips: inout [Int])
    -> Int
  {
    var ballots = 0
    // By message number past `messagesBefore`; -1 where unknown. Arrays, not dictionaries: this
    // reads every entry of every run of a comparison.
    var sentAt = [Int32](repeating: -1, count: trace.messages.count - messagesBefore)
    var requestSentAt = sentAt
    var delivered: (slot: Int, time: Int32)?
    for index in first..<trace.entries.count {
      let entry = trace.entries[index]
      switch entry.event {
      case .sent(let id):
        let slot = Int(id.raw) - 1 - messagesBefore
        guard slot >= 0 else { continue }
        sentAt[slot] = entry.time
        let message = trace[id]
        guard message.to == message.ballot.proposer, message.kind != .prepare,
          message.kind != .accept, let request = delivered, request.time == entry.time
        else { continue }
        requestSentAt[slot] = sentAt[request.slot]
      case .delivered(let id):
        let slot = Int(id.raw) - 1 - messagesBefore
        guard slot >= 0 else { continue }
        delivered = (slot, entry.time)
        if requestSentAt[slot] >= 0 { trips.append(Int(entry.time - requestSentAt[slot])) }
      case .startedPhase1: ballots += 1
      default: continue
      }
    }
    return ballots
  }
}
