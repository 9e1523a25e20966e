import PaxosCore
import PaxosSim

/// The `log` view: one row per slot.
enum LogView {
  static func lines(_ cluster: Cluster) -> [String] {
    guard cluster.config.isLog else {
      return ["this cluster decides a single value; 'cluster 3 1 1 log' creates a log cluster"]
    }
    let slots = cluster.choices.firstChosen.count
    return (0..<slots).map { index in
      let slot = index + 1
      return "[\(slot)] " + (cluster.choices.value(in: slot).map(cluster.values.display) ?? "-")
    }
  }
}
