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

  /// No wait, then a fixed and a random one of 20 ticks: what `compare backoff` compares.
  static let usual = BackoffTrials.backoffs(waits: [0, 20])

  @Test func theClusterTheTrialsStartFromIsUnchanged() throws {
    let cluster = try threeWayDuel()
    let copy = cluster
    _ = BackoffTrials(from: cluster, backoffs: Self.usual, seeds: 5, steps: 500)
    #expect(cluster == copy)
  }

  @Test func theSameSeedsGiveTheSameOutcomes() throws {
    let cluster = try threeWayDuel()
    let first = BackoffTrials(from: cluster, backoffs: Self.usual, seeds: 20, steps: 1000)
    let second = BackoffTrials(from: cluster, backoffs: Self.usual, seeds: 20, steps: 1000)
    #expect(first.outcomes.map(\.timeToDecide) == second.outcomes.map(\.timeToDecide))
    #expect(first.outcomes.map(\.retries) == second.outcomes.map(\.retries))
  }

  @Test func eachBackoffRunsEverySeed() throws {
    let trials = BackoffTrials(
      from: try threeWayDuel(), backoffs: BackoffTrials.backoffs(waits: [0, 7]), seeds: 12,
      steps: 300)
    #expect(trials.outcomes.map(\.backoff) == [.none, .fixed(7), .randomized(7)])
    #expect(trials.outcomes.allSatisfy { $0.runs == 12 && $0.decided <= 12 })
    #expect(trials.seedsTried == 12)
  }

  /// The lesson's claim, checked on its own: without backoff the duel often outlasts the
  /// limit and needs many more ballots; with a random backoff nearly every run decides.
  @Test func retryingAtOnceDuelsLongerThanBackingOff() throws {
    let trials = BackoffTrials(
      from: try threeWayDuel(), backoffs: Self.usual, seeds: 40, steps: 2000)
    let (none, random) = (trials.outcomes[0], trials.outcomes[2])
    #expect(none.decided < random.decided)
    #expect(random.decided >= 38)
    #expect(none.retries.reduce(0, +) > 5 * random.retries.reduce(0, +))
  }

  /// A run's time is the clock from the start to the step every proposer knows the value:
  /// replaying that seed until they all know takes exactly that long.
  @Test func timeToDecideIsTheClockWhenAllProposersKnow() throws {
    let cluster = try threeWayDuel()
    let trials = BackoffTrials(from: cluster, backoffs: Self.usual, seeds: 3, steps: 2000)
    let random = trials.outcomes[2]
    try #require(random.decided == 3)
    for (seed, time) in zip(1..., random.timeToDecide) {
      var replay = cluster
      try replay.setBackoff(.randomized(20))
      replay.seed(UInt64(seed))
      for _ in 0..<2000 where !replay.proposersDecided { _ = replay.run(limit: 1) }
      #expect(replay.proposersDecided && replay.time - cluster.time == time, "seed \(seed)")
    }
  }

  /// A wait is told by its length: one of 0, then a fixed and a random one of each other.
  @Test func eachWaitGivesAFixedAndARandomBackoff() {
    #expect(
      BackoffTrials.backoffs(waits: [0, 5, 40])
        == [.none, .fixed(5), .randomized(5), .fixed(40), .randomized(40)])
  }

  /// Lesson 8's claim, checked on its own: with the usual timeout, a wait shorter than the
  /// round trip leaves many duels undecided; one longer decides every run with few retries.
  @Test func waitingLongerThanARoundTripEndsTheDuel() throws {
    var cluster = try threeWayDuel()
    try cluster.setAttemptTimeout(50)
    let trials = BackoffTrials(
      from: cluster, backoffs: [.fixed(5), .fixed(40)], seeds: 30, steps: 2000)
    let (short, long) = (trials.outcomes[0], trials.outcomes[1])
    let median = { (trips: [Int]) in trips.sorted()[(trips.count - 1) / 2] }
    #expect(median(short.roundTrips) > 5 && short.decided < 25)
    #expect(median(long.roundTrips) < 40 && long.decided == 30)
    #expect(long.retries.reduce(0, +) * 5 < short.retries.reduce(0, +))
  }

  /// A round trip takes at least two ticks: the request's delivery and the reply's.
  @Test func roundTripsAreMeasuredFromRequestToReply() throws {
    let trials = BackoffTrials(
      from: try threeWayDuel(), backoffs: [.fixed(20)], seeds: 5, steps: 2000)
    let trips = trials.outcomes[0].roundTrips
    #expect(!trips.isEmpty && trips.allSatisfy { $0 >= 2 })
  }

  @Test func anInterruptionStopsBetweenSeeds() throws {
    let calls = Counter()
    let trials = BackoffTrials(
      from: try threeWayDuel(), backoffs: Self.usual, seeds: 50, steps: 2000,
      interrupted: { _, _ in calls.increment() > 2 })
    #expect(trials.seedsTried == 2)
    #expect(trials.outcomes.allSatisfy { $0.runs == 2 })
  }

  @Test func theCheckpointIsToldHowManySeedsAreDoneOfHowMany() throws {
    let seen = Mutex<[[Int]]>([])
    _ = BackoffTrials(
      from: try threeWayDuel(), backoffs: Self.usual, seeds: 4, steps: 2000,
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
