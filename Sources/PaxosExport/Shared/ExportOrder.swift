import PaxosCore
import PaxosSim

extension Cluster {
  /// The nodes as exports list them: proposers, then acceptors, then learners, each once under
  /// its first role, in the order they were added. The same order as the terminal views.
  var nodesInExportOrder: [Node] {
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
