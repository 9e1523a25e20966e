import PaxosCheck
import PaxosSim
import Testing

/// For every teaching switch, in each mode where it applies, the checker finds a violation from
/// a small cluster, and its schedule, played on the cluster, breaks the same invariant.
@Suite struct TeachingSwitchCheckTests {
  static let noFaults: [CheckOptions.Bound: Int] = [.crashes: 0, .recoveries: 0, .timeouts: 0]

  static let cases: [(CheckCase, PaxosSim.Bug)] = [
    (
      CheckCase(
        lines: ["cluster 3 2 1", "set bug small-quorum", "propose p1 red", "propose p2 blue"]),
      .smallQuorum
    ),
    (
      CheckCase(
        lines: ["cluster 3 2 1", "set bug no-persist", "propose p1 red", "propose p2 blue"]),
      .noPersist
    ),
    (
      CheckCase(
        lines: ["cluster 3 2 1", "set bug reply-first", "propose p1 red", "propose p2 blue"]),
      .replyFirst
    ),
    (
      // p1's accepts reached a1 and a2: red is chosen; p2 comes after.
      CheckCase(
        lines: [
          "cluster 3 2 1", "set bug ignore-accepted", "propose p1 red", "deliver #1",
          "deliver #2", "deliver #4", "deliver #5", "deliver #7", "deliver #8", "propose p2 blue",
        ], bounds: noFaults),
      .ignoreAccepted
    ),
    (
      // p1's accepts are in flight when p2 starts a higher ballot.
      CheckCase(
        lines: [
          "cluster 3 2 1", "set bug accept-any", "propose p1 red", "deliver #1", "deliver #2",
          "deliver #4", "deliver #5", "propose p2 blue",
        ], bounds: noFaults),
      .acceptAny
    ),
    (
      // red is chosen at 1.p1 and a copy of a1's promise lingers; p1 crashes and comes back.
      CheckCase(
        lines: [
          "cluster 3 1 1", "set bug forget-ballot", "propose p1 red", "deliver #1", "deliver #2",
          "deliver #3", "duplicate #4", "deliver #4", "deliver #5", "deliver #8", "deliver #9",
          "crash p1", "recover p1", "propose p1 blue",
        ]),
      .forgetBallot
    ),
    (
      CheckCase(
        lines: [
          "cluster 3 2 1 log", "set bug small-quorum", "request p1 put x 1", "request p2 put x 2",
        ]
      ),
      .smallQuorum
    ),
    (
      CheckCase(
        lines: ["cluster 3 1 1 log", "set bug no-persist", "request p1 put x 1"]),
      .noPersist
    ),
    (
      // r1 was applied; the client's retry reaches the leader.
      CheckCase(
        lines: [
          "cluster 3 1 1 log", "set bug no-dedup", "request p1 append x 1", "deliver all",
          "retry r1 p1",
        ]),
      .noDedup
    ),
    (
      // l1 was down while slot 2 was chosen.
      CheckCase(
        lines: [
          "cluster 3 1 2 log", "set bug skip-gaps", "request p1 put x 1", "deliver all", "crash l1",
          "request p1 put x 2", "deliver all", "recover l1", "request p1 put x 3",
        ]),
      .skipGaps
    ),
  ]

  @Test(arguments: cases)
  func findsAViolationThatReplays(_ setup: CheckCase, _ bug: PaxosSim.Bug) throws {
    let cluster = setup.cluster
    #expect(cluster.settings.bugs == [bug])
    let result = cluster.check(setup.options)
    guard case .violation(let violation) = result.outcome else {
      Issue.record("no violation found: \(result.outcome)")
      return
    }
    #expect(result.schedule.count == result.depth)
    let replayed = try cluster.playing(result.schedule)
    #expect(replayed.violations.dropFirst(cluster.violations.count).first == violation)
  }

  /// The same clusters with the switch off break nothing within the same bounds.
  @Test(arguments: cases.filter { $0.1 != .forgetBallot })
  func safeWithTheSwitchOff(_ setup: CheckCase, _ bug: PaxosSim.Bug) {
    var fixed = setup
    fixed.lines.removeAll { $0.hasPrefix("set bug") }
    var options = fixed.options
    options.states = 200_000
    let result = fixed.cluster.check(options)
    switch result.outcome {
    case .violation(let violation): Issue.record("with \(bug) off: \(violation)")
    case .safe, .stopped: break
    }
  }
}
