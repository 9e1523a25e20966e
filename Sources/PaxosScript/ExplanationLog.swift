import PaxosCore
import PaxosSim

/// `explain` in a log cluster.
extension EventContext {
  func explainInLog() -> [String] {
    [cluster.describe(event)]
  }
}
