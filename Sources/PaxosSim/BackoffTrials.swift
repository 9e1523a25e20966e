import PaxosCore

/// Many seeded runs from one moment under each kind of backoff: how often the proposers come
/// to a decision, and how long that takes. Every run starts from a copy, so the cluster the
/// trials start from is never changed.
public struct BackoffTrials: Sendable {
  /// What one kind of backoff did over all the seeds tried.
  public struct Outcome: Sendable {
    public let backoff: Backoff
    /// For each run that decided, the steps it took, in the order of the seeds.
    public internal(set) var stepsToDecide: [Int] = []
    /// For each run, decided or not, how many new ballots the proposers started.
    public internal(set) var retries: [Int] = []

    public var runs: Int { retries.count }
    public var decided: Int { stepsToDecide.count }
  }

  public static let defaultSeeds = 100
  public static let maxSeeds = 1000
  public static let defaultSteps = 2000
  /// Seeds times steps at most: each backoff may take them all, so a comparison ends within
  /// seconds even when every run goes to its limit.
  public static let maxWork = 2_000_000

  /// Seeds 1 through `seedsTried`; fewer than asked when the trials were interrupted.
  public private(set) var seedsTried = 0
  public private(set) var outcomes: [Outcome]

  /// Runs seeds 1...`seeds` under no, fixed and randomized backoff of `base` steps, each run
  /// for at most `steps` steps. `interrupted` is asked between runs.
  public init(
    from cluster: Cluster, seeds: Int, steps: Int, base: Int,
    interrupted: Checkpoint? = nil
  ) {
    outcomes = [.none, .fixed(base), .randomized(base)].map { Outcome(backoff: $0) }
    // Seed by seed rather than backoff by backoff, so an interrupted comparison stays fair.
    for seed in 1...max(1, seeds) {
      if interrupted?(seed - 1, seeds) == true { break }
      for index in outcomes.indices {
        var trial = cluster
        trial.settings.backoff = outcomes[index].backoff
        trial.seed(UInt64(seed))
        let first = trial.trace.entries.count
        if let taken = trial.runUntilDecided(limit: steps) {
          outcomes[index].stepsToDecide.append(taken)
        }
        outcomes[index].retries.append(trial.ballotsStarted(since: first))
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

  func ballotsStarted(since first: Int) -> Int {
    var count = 0
    for index in first..<trace.entries.count {
      if case .startedPhase1 = trace.entries[index].event { count += 1 }
    }
    return count
  }
}
