import PaxosCore
import PaxosSim
import PaxosTestSupport
import Testing

/// A refused command throws a `ClusterError` and leaves the cluster exactly as it was: not a
/// step taken, not an event recorded, not a message moved.
@Suite struct ClusterErrorTests {
  typealias Command = @Sendable (inout Cluster) throws -> Void

  struct Refusal: Sendable, CustomTestStringConvertible {
    var testDescription: String
    /// What happens before the refused command.
    var setUp: Command
    /// The one command that must be refused.
    var command: Command

    init(
      _ description: String, after setUp: @escaping Command = { _ in }, command: @escaping Command
    ) {
      self.testDescription = description
      self.setUp = setUp
      self.command = command
    }
  }

  static let refusals: [Refusal] = [
    Refusal("deliver a message never sent") { try $0.deliver(.id(MessageID(raw: 99))) },
    Refusal("duplicate message #0") { try $0.duplicate(.id(MessageID(raw: 0))) },
    Refusal(
      "drop a message no longer in flight", after: { try $0.deliver(.id(MessageID(raw: 1))) },
      command: { try $0.drop(.id(MessageID(raw: 1))) }),
    Refusal("deliver on an empty link") { try $0.deliver(.link(from: a1, to: p1)) },
    Refusal(
      "deliver with nothing in flight", after: { $0.deliverAll() },
      command: { try $0.deliver(.oldest) }),
    Refusal("crash an unknown node") { try $0.crash(node("zz")) },
    Refusal("propose on an unknown node") { try $0.propose(node("p9"), "red") },
    Refusal("propose on an acceptor") { try $0.propose(a1, "red") },
    Refusal("crash a down node", after: { try $0.crash(a1) }, command: { try $0.crash(a1) }),
    Refusal("recover an up node") { try $0.recover(a1) },
    Refusal("prepare with a round already used") { try $0.prepare(p1, round: 1, value: "blue") },
    Refusal("timeout of an idle proposer") { try $0.timeout(p2) },
    Refusal(
      "timeout of a proposer that decided", after: { $0.deliverAll() },
      command: { try $0.timeout(p1) }),
    Refusal(
      "propose on a down proposer", after: { try $0.crash(p1) },
      command: { try $0.propose(p1, "blue") }),
    Refusal("add an acceptor after the first message") { try $0.add(.acceptor, [a4]) },
    Refusal("add nodes when one name is taken") { try $0.add(.learner, [node("l2"), a1]) },
    Refusal("partition into one side") { try $0.partition([[a1, a2, a3, p1, p2, l1]]) },
    Refusal("name a node on two sides") { try $0.partition([[a1], [a1, a2]]) },
    Refusal("heal without a partition") { try $0.heal() },
    Refusal("a backoff of zero ticks") { try $0.setBackoff(.fixed(0)) },
  ]

  /// a1..a3, p1 p2, l1, after p1 proposed red: #1..#3 are its prepares to a1..a3.
  @Test(arguments: refusals)
  func aRefusedCommandLeavesTheClusterUnchanged(_ refusal: Refusal) throws {
    var cluster = try threeAcceptorCluster(proposers: 2)
    try cluster.propose(p1, "red")
    try refusal.setUp(&cluster)
    let before = cluster
    let error = #expect(throws: ClusterError.self) { try refusal.command(&cluster) }
    #expect(error?.message.isEmpty == false)
    #expect(cluster == before)
  }

  @Test func theMessageSaysWhatIsInFlight() throws {
    var cluster = try threeAcceptorCluster()
    try cluster.propose(p1, "red")
    try cluster.deliver(.id(MessageID(raw: 2)))
    let error = #expect(throws: ClusterError.self) { try cluster.deliver(.id(MessageID(raw: 2))) }
    #expect(error?.message == "message #2 is no longer in flight; in flight: #1 #3 #4")
  }

  @Test func standardRefusesAClusterWithoutAcceptors() {
    #expect(throws: ClusterError.self) {
      try Cluster.standard(acceptors: 0, proposers: 1, learners: 0)
    }
  }
}
