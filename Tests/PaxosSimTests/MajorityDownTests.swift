import PaxosCore
import PaxosSim
import PaxosTestSupport
import Testing

/// Paxos needs a majority of acceptors: with two of three down nothing can be chosen, however
/// long the proposer retries; one recovery is enough to finish.
@Suite struct MajorityDownTests {
  func proposeWithTwoAcceptorsDown() throws -> Cluster {
    var cluster = try threeAcceptorCluster()
    try cluster.crash(a1)
    try cluster.crash(a2)
    try cluster.propose(p1, "red")
    return cluster
  }

  @Test func theRunHitsItsLimitWithNothingChosen() throws {
    var cluster = try proposeWithTwoAcceptorsDown()
    let summary = cluster.run(limit: 400)
    #expect(summary.steps == 400)
    #expect(!summary.quiescent)
    #expect(cluster.choices.value == nil)
    #expect(cluster.learned(l1) == nil)
    let retries = cluster.events.filter { if case .timerFired(p1) = $0 { true } else { false } }
    #expect(retries.count > 3, "the proposer keeps retrying with higher ballots")
  }

  @Test func recoveringOneAcceptorUnblocksIt() throws {
    var cluster = try proposeWithTwoAcceptorsDown()
    _ = cluster.run(limit: 400)
    try cluster.recover(a2)
    let summary = cluster.run(limit: 400)
    #expect(summary.quiescent)
    #expect(cluster.chosenText == "red")
    #expect(cluster.learned(l1) == "red")
    #expect(cluster.violations.isEmpty)
  }
}
