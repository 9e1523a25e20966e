import PaxosSim

extension ClusterAction {
  /// The action as a line of the language: `deliver #7`, `crash a2`.
  public var line: String {
    switch self {
    case .deliver(let id): "deliver \(id)"
    case .drop(let id): "drop \(id)"
    case .duplicate(let id): "duplicate \(id)"
    case .crash(let node): "crash \(node)"
    case .recover(let node): "recover \(node)"
    case .timeout(let node): "timeout \(node)"
    }
  }
}
