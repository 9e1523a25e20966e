import PaxosCore
import PaxosSim

/// Why nothing can be chosen now: too few acceptors up, or none of the partition's sides holds
/// a quorum of them.
enum Blockage {
  static func lines(_ cluster: Cluster) -> [String] {
    let quorum = cluster.config.quorum
    let acceptors = cluster.config.acceptors.compactMap(cluster.node)
    guard !acceptors.isEmpty else { return [] }
    let up = acceptors.filter(\.isUp)
    if up.count < quorum {
      let down = acceptors.filter { !$0.isUp }.map(\.id.name)
      return [
        "nothing can be chosen now: only \(up.count) of \(acceptors.count) acceptors"
          + (up.count == 1 ? " is up" : " are up")
          + " and a quorum needs \(quorum); recover one of \(down.joined(separator: " "))"
      ]
    }
    let largestSide = Dictionary(grouping: up, by: \.side).values.map(\.count).max() ?? 0
    if largestSide < quorum {
      return [
        "nothing can be chosen while the partition lasts: no side holds \(quorum) up acceptors"
          + " (the most on one side is \(largestSide)); 'heal' reconnects them"
      ]
    }
    return []
  }

  /// `2 of 3 acceptors are up; a quorum needs 2`
  static func upAcceptorsSummary(up: Int, of count: Int, quorum: Int) -> String {
    "\(up) of \(count) acceptors " + (up == 1 ? "is" : "are") + " up; a quorum needs \(quorum)"
  }
}
