import PaxosCore
import PaxosSim

/// Where a proposer stands, in a few words: `phase 1 5.p1 for red (1/2 promises)`.
enum ProposerPhase {
  static func text(_ node: Node, _ cluster: Cluster) -> String {
    guard node.isUp, let proposer = node.proposer else {
      return "round \(node.disk.proposerRound) on disk"
    }
    let quorum = cluster.config.quorum
    switch proposer.attempt {
    case .idle:
      // In a log cluster a proposer that does not lead follows whoever does.
      return cluster.config.isLog ? "follower" : "idle"
    case .preparing(let ballot, let promises):
      let value = proposer.value.map { " for " + cluster.shortValue($0) } ?? ""
      return "phase 1 \(ballot)\(value) (\(promises.from.count)/\(quorum) promises)"
    case .awaitingValue(let ballot):
      return "waiting for a value (\(ballot) promised)"
    case .accepting(let ballot, let value, let acceptedBy):
      return
        "phase 2 \(ballot) = \(cluster.shortValue(value)) (\(acceptedBy.count)/\(quorum) accepted)"
    case .decided(let value, let ballot):
      return "decided \(cluster.shortValue(value)) (\(ballot))"
    case .abandoned(let ballot, let higher):
      return "abandoned \(ballot) (outbid by \(higher))"
    case .leading(let ballot):
      // The slots it does not know chosen yet are on a line of their own (`LogStatus`).
      return "leader \(ballot), next slot \(proposer.log.nextSlot)"
    }
  }
}
