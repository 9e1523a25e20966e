import PaxosCore

extension Cluster {
  public static let maxNodes = 256

  /// Adds nodes with the given roles, in order. Refuses the whole batch if any name is taken.
  public mutating func add(_ roles: Roles, _ ids: [NodeID]) throws(ClusterError) {
    guard !roles.isEmpty else { throw ClusterError("a node needs at least one role") }
    for (position, id) in ids.enumerated() {
      guard index(of: id) == nil, !ids[..<position].contains(id) else {
        throw ClusterError("there is already a node named '\(id)'; pick another name")
      }
    }
    guard nodes.count + ids.count <= Self.maxNodes else {
      throw ClusterError("a cluster holds at most \(Self.maxNodes) nodes")
    }
    if roles.contains(.acceptor) {
      guard trace.messages.isEmpty else {
        throw ClusterError(
          "acceptors can only be added before the first message: a new acceptor changes what a"
            + " majority is mid-run, which Paxos does not allow without reconfiguration;"
            + " 'reset' to start over")
      }
      guard config.acceptors.count + ids.count <= Configuration.maxAcceptors else {
        throw ClusterError("a cluster holds at most \(Configuration.maxAcceptors) acceptors")
      }
    }
    for id in ids {
      nodes.append(Node(id: id, roles: roles))
      nodeIDs.append(id)
      if roles.contains(.acceptor) { config.addAcceptor(id) }
      if roles.contains(.learner) { config.addLearner(id) }
    }
  }

  /// A fresh cluster of acceptors a1..aA, proposers p1..pP and learners l1..lL.
  public static func standard(acceptors: Int, proposers: Int, learners: Int, log: Bool = false)
    throws(ClusterError) -> Cluster
  {
    var cluster = Cluster()
    try cluster.populate(acceptors: acceptors, proposers: proposers, learners: learners, log: log)
    return cluster
  }

  /// Fills an empty cluster with acceptors a1..aA, proposers p1..pP and learners l1..lL.
  public mutating func populate(
    acceptors: Int, proposers: Int, learners: Int, log: Bool = false
  ) throws(ClusterError) {
    guard isEmpty else { throw ClusterError("the cluster already has nodes; 'reset' first") }
    guard (1...Configuration.maxAcceptors).contains(acceptors) else {
      throw ClusterError(
        "a cluster needs 1 to \(Configuration.maxAcceptors) acceptors, not \(acceptors)")
    }
    guard (0...64).contains(proposers), (0...64).contains(learners) else {
      throw ClusterError("a cluster has 0 to 64 proposers and 0 to 64 learners")
    }
    config.isLog = log
    reserveForRound(
      acceptors: acceptors, learners: learners, nodes: acceptors + proposers + learners)
    for (prefix, count, role) in [
      ("a" as Unicode.Scalar, acceptors, Roles.acceptor), ("p", proposers, .proposer),
      ("l", learners, .learner),
    ] {
      let ids = (0..<count).compactMap { NodeID(prefix: prefix, number: $0 + 1) }
      try add(role, ids)
    }
  }
}
