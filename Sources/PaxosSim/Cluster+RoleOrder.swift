import PaxosCore

extension Cluster {
  /// The nodes as views and exports list them: proposers, then acceptors, then learners (the
  /// order of `Roles.all`), each once, under its first role, in the order they were added.
  public var nodesInRoleOrder: [Node] {
    var listed = Set<NodeID>()
    var ordered: [Node] = []
    for (_, role) in Roles.all {
      for node in nodes where node.roles.contains(role) && listed.insert(node.id).inserted {
        ordered.append(node)
      }
    }
    return ordered
  }
}
