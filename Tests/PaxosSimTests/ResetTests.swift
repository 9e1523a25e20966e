import PaxosCore
import PaxosSim
import PaxosTestSupport
import Testing

/// `reset` forgets everything, even though a small cluster's storage is kept for the next one;
/// `populate` fills an empty cluster the way `standard` makes one.
@Suite struct ResetTests {
  /// A busy history: switches, faults and a run, so that every part of the cluster holds state.
  /// With `blocked`, a majority is down and the proposers duel until the step limit.
  func busyCluster(blocked: Bool) throws -> Cluster {
    var cluster = try Cluster.standard(acceptors: 5, proposers: 3, learners: 2)
    cluster.setBugs(blocked ? [] : [.smallQuorum])
    try cluster.setBackoff(.none)
    cluster.seed(99)
    try cluster.propose(p1, "red")
    try cluster.propose(p2, "blue")
    for acceptor in blocked ? [a3, a4, a5] : [a5] { try cluster.crash(acceptor) }
    try cluster.partition([[p3, a4]])
    _ = cluster.run(limit: blocked ? 3000 : 40)
    return cluster
  }

  /// Storage is kept only for a short history (4096 trace entries at most); a long one is dropped.
  @Test(arguments: [false, true])
  func aResetClusterIsAFreshCluster(blocked: Bool) throws {
    var cluster = try busyCluster(blocked: blocked)
    #expect((cluster.trace.entries.count > 4096) == blocked)
    cluster.reset()
    #expect(cluster == Cluster())
  }

  @Test func aResetClusterReplaysLikeAFreshOne() throws {
    var reused = try busyCluster(blocked: false)
    reused.reset()
    var fresh = Cluster()
    try play(on: &reused)
    try play(on: &fresh)
    #expect(reused == fresh)
  }

  func play(on cluster: inout Cluster) throws {
    try cluster.populate(acceptors: 3, proposers: 1, learners: 1)
    try cluster.propose(p1, "green")
    cluster.deliverAll()
  }

  @Test func populateMakesTheStandardCluster() throws {
    var cluster = Cluster()
    try cluster.populate(acceptors: 3, proposers: 2, learners: 1)
    #expect(cluster == (try Cluster.standard(acceptors: 3, proposers: 2, learners: 1)))
    #expect(cluster.nodes.map(\.id.name) == ["a1", "a2", "a3", "p1", "p2", "l1"])
  }

  @Test func populateRefusesAClusterWithNodes() throws {
    var cluster = try threeAcceptorCluster()
    let before = cluster
    #expect(throws: ClusterError.self) {
      try cluster.populate(acceptors: 3, proposers: 1, learners: 0)
    }
    #expect(cluster == before)
  }
}
