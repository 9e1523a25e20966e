import PaxosCore
import PaxosSim
import PaxosTestSupport
import Testing

/// The network may duplicate or drop any message in flight.
@Suite struct NetworkFaultTests {
  @Test func duplicatePutsACopyInFlightUnderANewID() throws {
    var cluster = try threeAcceptorCluster()
    try cluster.propose(p1, "red")
    let original = try #require(cluster.inFlight.first)
    try cluster.duplicate(.id(original))
    let copy = try #require(cluster.inFlight.last)
    #expect(copy == MessageID(raw: 4))
    #expect(cluster.trace[copy] == cluster.trace[original])
    #expect(cluster.inFlight.count == 4)
    #expect(cluster.inFlight.contains(original))
    #expect(cluster.events.last == .duplicated(original, copy: copy))
  }

  @Test func aDuplicatedAcceptedIsCountedOnce() throws {
    var cluster = try threeAcceptorCluster()
    try cluster.p1GetsRedAccepted(by: [a1])
    try cluster.duplicate(.link(from: a1, to: l1))
    try cluster.deliver(from: a1, to: l1)
    try cluster.deliver(from: a1, to: l1)
    #expect(cluster.learned(l1) == nil, "one acceptor twice is not a quorum")
  }

  @Test func dropRemovesTheMessageButTheTraceKeepsIt() throws {
    var cluster = try threeAcceptorCluster()
    try cluster.propose(p1, "red")
    let dropped = cluster.inFlight[1]
    try cluster.drop(.id(dropped))
    #expect(!cluster.inFlight.contains(dropped))
    #expect(cluster.inFlight.count == 2)
    #expect(cluster.trace[dropped].to == a2)
    #expect(cluster.events.last == .dropped(dropped))
  }

  @Test func theLinkSelectorPicksTheOldestMessageOnThatLink() throws {
    var cluster = try threeAcceptorCluster()
    try cluster.propose(p1, "red")
    try cluster.timeout(p1)
    let position = try cluster.position(of: .link(from: p1, to: a2))
    #expect(cluster.trace[cluster.inFlight[position]].ballot == ballot(1, p1))
  }

  @Test func everyDeliveryIsOneTick() throws {
    var cluster = try threeAcceptorCluster()
    try cluster.propose(p1, "red")
    let before = cluster.time
    let delivered = cluster.deliverAll()
    #expect(cluster.time == before + delivered)
  }
}
