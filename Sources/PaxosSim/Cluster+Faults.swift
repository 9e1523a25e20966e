import PaxosCore

extension Cluster {
  /// The node stops: its volatile state is gone, its disk stays, it sends and receives nothing.
  public mutating func crash(_ id: NodeID) throws(ClusterError) {
    let index = try require(id)
    guard nodes[index].isUp else { throw ClusterError("\(id) is already down") }
    beginStep()
    nodes[index].isUp = false
    nodes[index].timer = nil
    nodes[index].unwritten = nil
    if settings.bugs.contains(.noPersist) {
      nodes[index].disk.acceptor = AcceptorState()
      nodes[index].disk.votes = ChunkedLog()
    }
    record(.crashed(id))
  }

  /// The node restarts from what its disk holds.
  public mutating func recover(_ id: NodeID) throws(ClusterError) {
    let index = try require(id)
    guard !nodes[index].isUp else { throw ClusterError("\(id) is already up") }
    beginStep()
    nodes[index].isUp = true
    nodes[index].restart()
    record(.recovered(id))
    if let acceptor = nodes[index].acceptor {
      record(.restoredAcceptor(id, acceptor.state))
      if config.isLog {
        record(.restoredVotes(id, count: acceptor.votes.lazy.filter { $0 != nil }.count))
      }
      checkPromise(of: acceptor)
    }
    if let proposer = nodes[index].proposer { record(.restoredRound(id, proposer.highestRound)) }
    if config.isLog, let learner = nodes[index].learner {
      record(
        .restoredLearner(
          id, learned: learner.slots.lazy.filter { $0 != nil }.count,
          applied: nodes[index].disk.replica.appliedIndex))
    }
  }

  /// Splits the cluster: a message between two sides is lost when delivered. Nodes not named
  /// form one more side together.
  public mutating func partition(_ groups: [[NodeID]]) throws(ClusterError) {
    var side: [NodeID: Int] = [:]
    for (number, group) in groups.enumerated() {
      guard !group.isEmpty else {
        throw ClusterError("each side of a partition needs at least one node")
      }
      for id in group {
        _ = try require(id)
        guard side.updateValue(number + 1, forKey: id) == nil else {
          throw ClusterError("\(id) is named twice; each node is on one side only")
        }
      }
    }
    let rest = nodes.map(\.id).filter { side[$0] == nil }
    let sides = rest.isEmpty ? groups : groups + [rest]
    guard sides.count > 1 else {
      throw ClusterError("a partition needs two sides: 'partition a1 p1 | a2 a3'")
    }
    beginStep()
    for index in nodes.indices { nodes[index].side = side[nodes[index].id] ?? 0 }
    record(.partitioned(groupsIndex: trace.register(partition: sides)))
  }

  /// Whether some nodes are cut off from others.
  public var isPartitioned: Bool { nodes.contains { $0.side != 0 } }

  public mutating func heal() throws(ClusterError) {
    guard isPartitioned else {
      throw ClusterError(
        "there is no partition to heal", hint: "'partition a1 | a2 a3' cuts the network in two")
    }
    beginStep()
    for index in nodes.indices { nodes[index].side = 0 }
    record(.healed)
  }
}
