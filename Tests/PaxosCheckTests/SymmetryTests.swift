import PaxosCheck
import PaxosSim
import Testing

/// With symmetry, interchangeable acceptors are renamed before a state is fingerprinted: fewer
/// states, the same answers, and schedules that still play on the real cluster.
@Suite struct SymmetryTests {
  @Test(arguments: StateCountTests.cases.map(\.0))
  func fewerStatesSameAnswer(_ setup: CheckCase) {
    let cluster = setup.cluster
    var options = setup.options
    options.depth = 40
    let plain = cluster.check(options)
    options.symmetry = true
    let one = cluster.check(options)
    options.workers = 2
    let two = cluster.check(options)
    #expect(one.outcome == plain.outcome)
    #expect(one.distinctStates <= plain.distinctStates)
    #expect(one.distinctStates == two.distinctStates)
    #expect(one.transitions == two.transitions)
    // Three acceptors are renamed six ways at most, two acceptors two ways.
    #expect(one.distinctStates * 6 >= plain.distinctStates)
    #expect(one.stuck?.count == plain.stuck?.count)
  }

  @Test(arguments: TeachingSwitchCheckTests.cases)
  func sameShortestViolation(_ setup: CheckCase, _ bug: PaxosSim.Bug) throws {
    let cluster = setup.cluster
    var options = setup.options
    let plain = cluster.check(options)
    options.symmetry = true
    let symmetric = cluster.check(options)
    guard case .violation(let violation) = symmetric.outcome else {
      Issue.record("no violation with symmetry: \(symmetric.outcome)")
      return
    }
    #expect(symmetric.schedule.count == plain.schedule.count)
    #expect(symmetric.distinctStates <= plain.distinctStates)
    let replayed = try cluster.playing(symmetric.schedule)
    #expect(replayed.violations.dropFirst(cluster.violations.count).first == violation)
  }

  /// Acceptors on different sides of a partition are not interchangeable.
  @Test func aPartitionSeparatesAcceptors() {
    var options = CheckOptions()
    options.crashes = 0
    options.recoveries = 0
    let lines = ["cluster 3 1 1", "partition p1 a1 | a2 a3 l1", "propose p1 red"]
    let plain = CheckCase(lines: lines).cluster.check(options)
    options.symmetry = true
    let symmetric = CheckCase(lines: lines).cluster.check(options)
    #expect(symmetric.outcome == plain.outcome)
    #expect(symmetric.distinctStates < plain.distinctStates)
  }
}
