import PaxosCore
import PaxosSim
import PaxosTestSupport
import Testing

/// A partition loses every message between its sides; healing it lets them through again.
@Suite struct PartitionTests {
  /// p1 and a1 are cut off from a2, a3 and l1.
  func p1CutOffWithA1() throws -> Cluster {
    var cluster = try threeAcceptorCluster()
    try cluster.partition([[p1, a1]])
    try cluster.propose(p1, "red")
    return cluster
  }

  @Test func theUnnamedNodesFormTheOtherSide() throws {
    let cluster = try p1CutOffWithA1()
    #expect(cluster.trace.partitions == [[[p1, a1], [a2, a3, l1]]])
    #expect(cluster.node(a2)?.side == cluster.node(l1)?.side)
    #expect(cluster.node(a2)?.side != cluster.node(a1)?.side)
  }

  @Test func messagesAcrossTheCutAreLost() throws {
    var cluster = try p1CutOffWithA1()
    let across = cluster.inFlight.filter { cluster.trace[$0].to != a1 }
    cluster.deliverAll()
    for id in across { #expect(cluster.events.contains(.lost(id, .partitioned))) }
    #expect(cluster.acceptorState(a2)?.minProposal == .zero)
    #expect(cluster.acceptorState(a1)?.minProposal == ballot(1, p1), "a1 is on p1's side")
    #expect(cluster.choices.value == nil)
  }

  @Test func healingLetsTheNextAttemptThrough() throws {
    var cluster = try p1CutOffWithA1()
    cluster.deliverAll()
    try cluster.heal()
    #expect(cluster.nodes.allSatisfy { $0.side == 0 })
    try cluster.timeout(p1)
    cluster.deliverAll()
    #expect(cluster.chosenText == "red")
    #expect(cluster.learned(l1) == "red")
  }

  @Test func aMessageSentBeforeTheCutIsLostWhenDeliveredAcrossIt() throws {
    var cluster = try threeAcceptorCluster()
    try cluster.propose(p1, "red")
    try cluster.partition([[p1], [a1, a2, a3, l1]])
    let id = try #require(cluster.inFlight.first)
    try cluster.deliver(.id(id))
    #expect(cluster.events.last == .lost(id, .partitioned))
  }
}
