import PaxosCore
import PaxosSim
import PaxosTestSupport
import Synchronization
import Testing

/// `compare backoff` runs one moment on under each backoff with many seeds, on copies.
@Suite struct BackoffTrialsTests {
  /// Five acceptors and three proposers asking at once: a duel fierce enough that retrying at
  /// once often never ends within the limit.
  func threeWayDuel() throws -> Cluster {
    var cluster = try Cluster.standard(acceptors: 5, proposers: 3, learners: 1)
    for (proposer, value) in zip(cluster.nodes(with: .proposer), ["red", "blue", "green"]) {
      try cluster.propose(proposer, value)
    }
    return cluster
  }

  @Test func theClusterTheTrialsStartFromIsUnchanged() throws {
    let cluster = try threeWayDuel()
    let copy = cluster
    _ = BackoffTrials(from: cluster, seeds: 5, steps: 500, base: 20)
    #expect(cluster == copy)
  }

  @Test func theSameSeedsGiveTheSameOutcomes() throws {
    let cluster = try threeWayDuel()
    let first = BackoffTrials(from: cluster, seeds: 20, steps: 1000, base: 20)
    let second = BackoffTrials(from: cluster, seeds: 20, steps: 1000, base: 20)
    #expect(first.outcomes.map(\.stepsToDecide) == second.outcomes.map(\.stepsToDecide))
    #expect(first.outcomes.map(\.retries) == second.outcomes.map(\.retries))
  }

  @Test func eachBackoffRunsEverySeed() throws {
    let trials = BackoffTrials(from: try threeWayDuel(), seeds: 12, steps: 300, base: 7)
    #expect(trials.outcomes.map(\.backoff) == [.none, .fixed(7), .randomized(7)])
    #expect(trials.outcomes.allSatisfy { $0.runs == 12 && $0.decided <= 12 })
    #expect(trials.seedsTried == 12)
  }

  /// The lesson's claim, checked on its own: without backoff the duel often outlasts the
  /// limit and needs many more ballots; with a random backoff nearly every run decides.
  @Test func retryingAtOnceDuelsLongerThanBackingOff() throws {
    let trials = BackoffTrials(from: try threeWayDuel(), seeds: 40, steps: 2000, base: 20)
    let (none, random) = (trials.outcomes[0], trials.outcomes[2])
    #expect(none.decided < random.decided)
    #expect(random.decided >= 38)
    #expect(none.retries.reduce(0, +) > 5 * random.retries.reduce(0, +))
  }

  /// A run counts as decided at the step every proposer knows the value: replaying that seed
  /// for that many steps shows every proposer decided, and one step fewer does not.
  @Test func stepsToDecideIsTheFirstStepAllProposersKnow() throws {
    let cluster = try threeWayDuel()
    let trials = BackoffTrials(from: cluster, seeds: 3, steps: 2000, base: 20)
    let random = trials.outcomes[2]
    try #require(random.decided == 3)
    for (seed, steps) in zip(1..., random.stepsToDecide) {
      var replay = cluster
      try replay.setBackoff(.randomized(20))
      replay.seed(UInt64(seed))
      _ = replay.run(limit: steps - 1)
      #expect(!replay.proposersDecided, "seed \(seed)")
      _ = replay.run(limit: 1)
      #expect(replay.proposersDecided, "seed \(seed)")
    }
  }

  @Test func anInterruptionStopsBetweenSeeds() throws {
    let calls = Counter()
    let trials = BackoffTrials(
      from: try threeWayDuel(), seeds: 50, steps: 2000, base: 20,
      interrupted: { _, _ in calls.increment() > 2 })
    #expect(trials.seedsTried == 2)
    #expect(trials.outcomes.allSatisfy { $0.runs == 2 })
  }

  @Test func theCheckpointIsToldHowManySeedsAreDoneOfHowMany() throws {
    let seen = Mutex<[[Int]]>([])
    _ = BackoffTrials(
      from: try threeWayDuel(), seeds: 4, steps: 2000, base: 20,
      interrupted: { done, total in
        seen.withLock { $0.append([done, total]) }
        return false
      })
    #expect(seen.withLock { $0 } == [[0, 4], [1, 4], [2, 4], [3, 4]])
  }

  @Test func proposersThatNeverTriedHaveNotDecided() throws {
    let cluster = try Cluster.standard(acceptors: 3, proposers: 2, learners: 1)
    #expect(!cluster.proposersDecided)
  }
}

/// Counts calls from a `@Sendable` closure.
private final class Counter: Sendable {
  private let count = Mutex(0)

  func increment() -> Int {
    count.withLock { count in
      count += 1
      return count
    }
  }
}
