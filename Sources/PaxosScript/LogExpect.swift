import PaxosCore
import PaxosSim

/// The checks of a log cluster: slots, learners' stores, replies and leaders. Each gives what
/// it checks, the expected text and the actual one.
enum LogExpect {
  typealias Comparison = (what: String, expected: String, actual: String)

  static func slot(_ slot: Int, _ command: String?, in cluster: Cluster) throws(ClusterError)
    -> Comparison
  {
    try requireLog(cluster)
    let chosen = cluster.choices.value(in: slot).map(cluster.values.display)
    return ("slot \(slot)", command ?? "none", chosen ?? "none")
  }

  static func applied(_ learner: NodeID, _ count: Int, in cluster: Cluster) throws(ClusterError)
    -> Comparison
  {
    try requireLog(cluster)
    let replica = try learnerDisk(learner, cluster).replica
    return ("\(learner) applied", "\(count)", "\(replica.appliedIndex)")
  }

  static func keyValue(
    _ learner: NodeID, key: String, value: String?, in cluster: Cluster
  ) throws(ClusterError) -> Comparison {
    try requireLog(cluster)
    let store = try learnerDisk(learner, cluster).replica.store
    func text(_ value: String?) -> String { value.map(ValueTable.literal) ?? "none" }
    return ("\(learner) kv \(ValueTable.literal(key))", text(value), text(store[key]))
  }

  static func reply(_ request: ValueID, _ expected: String, in cluster: Cluster)
    throws(ClusterError) -> Comparison
  {
    try requireLog(cluster)
    guard Int(request.raw) < cluster.requests.count else {
      throw ClusterError(
        "there is no request \(request.requestName)"
          + (cluster.requests.isEmpty
            ? "; no request was made yet" : "; requests: r1 to r\(cluster.requests.count)"))
    }
    let reply = cluster.requests[Int(request.raw)].reply
    return ("reply \(request.requestName)", expected, reply.map(\.description) ?? "pending")
  }

  static func leaders(_ proposers: [NodeID], in cluster: Cluster) throws(ClusterError)
    -> Comparison
  {
    try requireLog(cluster)
    for proposer in proposers { _ = try cluster.require(proposer, role: .proposer) }
    let leading = cluster.nodes.filter { node in
      guard node.isUp, case .leading? = node.proposer?.attempt else { return false }
      return true
    }
    func text(_ ids: [NodeID]) -> String {
      ids.isEmpty ? "none" : ids.map(\.name).sorted().joined(separator: " ")
    }
    return ("leader", text(proposers), text(leading.map(\.id)))
  }

  /// A learner is judged by its disk, as a crashed acceptor is: that is what it comes back with.
  private static func learnerDisk(_ learner: NodeID, _ cluster: Cluster) throws(ClusterError)
    -> Disk
  {
    cluster.nodes[try cluster.require(learner, role: .learner)].disk
  }

  private static func requireLog(_ cluster: Cluster) throws(ClusterError) {
    guard !cluster.config.isLog else { return }
    throw ClusterError(
      "this cluster decides a single value; slots, stores, replies and leaders belong to a"
        + " log cluster",
      hint: "'expect chosen VALUE' checks this one; 'cluster 3 1 1 log' creates a log cluster")
  }
}
