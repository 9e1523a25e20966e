import PaxosCore
import PaxosSim

/// Why a learner of a log cluster cannot apply what it learned: the slot missing below, and who
/// could fill it.
enum LearnerBlockage {
  static func lines(_ cluster: Cluster) -> [String] {
    guard cluster.config.isLog else { return [] }
    var lines: [String] = []
    for node in cluster.nodesInRoleOrder where node.isUp && node.roles.contains(.learner) {
      let learner = ReplicaText(node: node)
      guard let missing = learner.missing else { continue }
      lines.append(
        "\(node.id) is blocked: it learned up to slot \(learner.learned.count) but has not"
          + " learned slot \(missing), and it applies in slot order")
      lines += fillers(of: missing, for: node.id, in: cluster)
    }
    return lines
  }

  /// Who could fill `slot` for `learner` now: nodes that know it chosen answer a catch-up;
  /// otherwise a leader must get it chosen.
  static func fillers(of slot: Int, for learner: NodeID, in cluster: Cluster) -> [String] {
    let knowing = cluster.nodesInRoleOrder.filter { node in
      node.isUp && node.id != learner
        && (node.proposer?.log.known(in: slot) != nil || node.learner?.learned(in: slot) != nil)
    }.map(\.id.name)
    if !knowing.isEmpty {
      return [
        "\(knowing.joined(separator: " ")) \(knowing.count == 1 ? "knows" : "know") slot \(slot)"
          + " chosen: 'catchup \(learner)' asks \(knowing.count == 1 ? "it" : "them") for it"
      ]
    }
    let leaders = cluster.nodesInRoleOrder.filter { node in
      guard node.isUp, case .leading? = node.proposer?.attempt else { return false }
      return true
    }.map(\.id.name)
    let chosen = cluster.choices.choice(in: slot) != nil
    return [
      (chosen
        ? "slot \(slot) is chosen, but no up node has heard so"
        : "no command is chosen in slot \(slot) yet")
        + ": it fills when a leader gets a quorum to accept one there, "
        + (leaders.isEmpty
          ? "and none leads now: a proposer's phase 1 ('timeout P') proposes again what the"
            + " promises report there, or a no-op"
          : "as \(leaders.joined(separator: " ")) (leading now) will when "
            + (leaders.count == 1 ? "its retry timer fires" : "their retry timers fire")
            + ", or a new leader's phase 1 ('timeout P'), with what the promises report there"
            + " or a no-op")
    ]
  }
}
