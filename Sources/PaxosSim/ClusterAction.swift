import PaxosCore

/// One thing that can happen next, as a student types it, and as the model checker tries it:
/// every action is carried out by the code of the command of the same name.
public enum ClusterAction: Hashable, Sendable {
  case deliver(MessageID)
  case drop(MessageID)
  case duplicate(MessageID)
  case crash(NodeID)
  case recover(NodeID)
  case timeout(NodeID)
}

extension Cluster {
  public mutating func perform(_ action: ClusterAction) throws(ClusterError) {
    switch action {
    case .deliver(let id): try deliver(.id(id))
    case .drop(let id): try drop(.id(id))
    case .duplicate(let id): try duplicate(.id(id))
    case .crash(let node): try crash(node)
    case .recover(let node): try recover(node)
    case .timeout(let node): try timeout(node)
    }
  }
}
