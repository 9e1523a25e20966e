import PaxosCore
import PaxosSim
import PaxosTestSupport
import Testing

/// Thousands of seeded random histories (see `RandomHistory`): with Paxos intact no invariant
/// ever breaks; with a teaching switch on, a bounded search finds a history that breaks agreement.
/// Every failure names its seed: `RandomHistory(seed: N, bugs: [...]).play()` replays it.
@Suite struct RandomHistoryTests {
  static let histories: UInt64 = 3000
  /// How far the search for a broken history may go.
  static let searchLimit: UInt64 = 6000

  @Test func withNoSwitchNoHistoryBreaksAnInvariant() {
    var failures: [String] = []
    for seed in 0..<Self.histories {
      let outcome = RandomHistory(seed: seed).play()
      let problems = Self.problems(in: outcome)
      guard !problems.isEmpty else { continue }
      failures.append("RandomHistory(seed: \(seed)).play(): \(problems.joined(separator: "; "))")
    }
    #expect(failures.isEmpty, "\(failures.count) broken histories; first: \(failures.prefix(3))")
  }

  @Test func withNoSwitchNoLogHistoryBreaksAnInvariant() {
    var failures: [String] = []
    for seed in 0..<Self.histories {
      let outcome = RandomHistory(seed: seed, log: true).play()
      let problems = Self.problems(in: outcome) + Self.logProblems(in: outcome.cluster)
      guard !problems.isEmpty else { continue }
      failures.append(
        "RandomHistory(seed: \(seed), log: true).play(): \(problems.joined(separator: "; "))")
    }
    #expect(failures.isEmpty, "\(failures.count) broken histories; first: \(failures.prefix(3))")
  }

  /// What a log's nodes hold that disagrees with what was chosen: a slot learned or known chosen
  /// with another command, a store applied past a slot nobody chose.
  static func logProblems(in cluster: Cluster) -> [String] {
    var problems: [String] = []
    for node in cluster.nodes {
      let learned = node.isUp ? node.learner?.slots ?? ChunkedLog() : node.disk.learned
      let known = node.isUp ? node.proposer?.log.known ?? ChunkedLog() : ChunkedLog()
      for vote in (Array(learned) + Array(known)).compactMap({ $0 })
      where cluster.choices.value(in: vote.slot) != vote.command {
        problems.append(
          "\(node.id) holds [\(vote.slot)] \(cluster.values.display(vote.command)),"
            + " which was not chosen there")
      }
      let applied = node.disk.replica.appliedIndex
      if applied > 0, cluster.choices.value(in: applied) == nil {
        problems.append("\(node.id) applied up to slot \(applied), which nothing was chosen in")
      }
    }
    return problems
  }

  /// The first seed whose log history breaks safety with `bugs` on.
  static func firstLogSeedBreakingSafety(bugs: Set<PaxosSim.Bug>) -> UInt64? {
    (0..<searchLimit).first {
      !RandomHistory(seed: $0, bugs: bugs, log: true).play().cluster.violations.isEmpty
    }
  }

  @Test(arguments: [PaxosSim.Bug.noDedup, .skipGaps, .ignoreAccepted, .smallQuorum])
  func withALogSwitchOnSomeLogHistoryBreaksSafety(_ bug: PaxosSim.Bug) throws {
    let seed = try #require(
      Self.firstLogSeedBreakingSafety(bugs: [bug]),
      "no seed in 0..<\(Self.searchLimit) breaks a log's safety with \(bug.rawValue)")
    #expect(!RandomHistory(seed: seed, bugs: [bug], log: true).play().cluster.violations.isEmpty)
  }

  /// What is wrong at the end of a history with no switch: violations the cluster flagged itself,
  /// learners or proposers that disagree with the chosen value, refusals that changed something.
  static func problems(in outcome: RandomHistory.Outcome) -> [String] {
    let cluster = outcome.cluster
    var problems =
      cluster.violations.map { cluster.describe($0) } + outcome.refusalsThatChangedTheCluster
    for node in cluster.nodes {
      if let learned = node.learner?.learned, learned != cluster.choices.value {
        problems.append("\(node.id) learned \(cluster.values[learned]), not the chosen value")
      }
      if case .decided(let value, _)? = node.proposer?.attempt, value != cluster.choices.value {
        problems.append("\(node.id) decided \(cluster.values[value]), not the chosen value")
      }
    }
    return problems
  }

  /// The first seed whose history breaks agreement with `bugs` on.
  static func firstSeedBreakingAgreement(bugs: Set<PaxosSim.Bug>) -> UInt64? {
    (0..<searchLimit).first {
      !RandomHistory(seed: $0, bugs: bugs).play().cluster.agreementViolations.isEmpty
    }
  }

  // The log's switches break only a log's learners; the log's own property test covers them.
  @Test(
    arguments: PaxosSim.Bug.allCases.filter { ![.forgetBallot, .noDedup, .skipGaps].contains($0) })
  func withASwitchOnSomeHistoryBreaksAgreement(_ bug: PaxosSim.Bug) throws {
    let seed = try #require(
      Self.firstSeedBreakingAgreement(bugs: [bug]),
      "no seed in 0..<\(Self.searchLimit) breaks agreement with \(bug.rawValue)")
    let replayed = RandomHistory(seed: seed, bugs: [bug]).play()
    #expect(
      !replayed.cluster.agreementViolations.isEmpty,
      "replaying seed \(seed) must break agreement again")
    #expect(
      !Self.problems(in: replayed).isEmpty, "the check of histories with no switch notices it")
    #expect(
      RandomHistory(seed: seed).play().cluster.violations.isEmpty,
      "seed \(seed) is safe with no switch")
  }

  /// Reusing a ballot breaks agreement only if a second quorum of promises for that ballot
  /// reaches the proposer, and acceptors never promise a ballot twice: it takes a duplicated
  /// promise delivered across the proposer's crash, which random histories practically never
  /// produce (see `BugSchedule` for one built by hand). What they do show is the reuse itself.
  @Test func withForgetBallotSomeHistoryReusesABallot() throws {
    let seed = try #require(
      (0..<Self.searchLimit).first {
        Self.reusesABallot(RandomHistory(seed: $0, bugs: [.forgetBallot]).play().cluster)
      },
      "no seed in 0..<\(Self.searchLimit) reuses a ballot with forget-ballot")
    #expect(
      !Self.reusesABallot(RandomHistory(seed: seed).play().cluster),
      "seed \(seed) never reuses one with no switch")
  }

  static func reusesABallot(_ cluster: Cluster) -> Bool {
    var started = Set<Ballot>()
    for case .startedPhase1(let ballot) in cluster.events where !started.insert(ballot).inserted {
      return true
    }
    return false
  }

  @Test func aSeedReplaysTheSameHistory() {
    #expect(RandomHistory(seed: 7).play().cluster == RandomHistory(seed: 7).play().cluster)
    #expect(
      RandomHistory(seed: 7).play().cluster.trace != RandomHistory(seed: 8).play().cluster.trace)
  }
}
