import PaxosCore
import PaxosSim

/// What `status` adds in a log cluster: each acceptor's highest slot, each learner's applied
/// slots, the requests proposers hold and the learners' stores. The `log` view shows it all
/// slot by slot.
enum LogStatus {
  /// A proposer's held requests and open slots are named up to this many.
  static let namesShown = 8

  /// minProposal, the highest slot accepted, and the slots applied.
  static func cells(_ node: Node, _ cluster: Cluster) -> [String] {
    var cells = ["", ""]
    if node.roles.contains(.acceptor) {
      let state = node.isUp ? node.acceptor?.state ?? node.disk.acceptor : node.disk.acceptor
      let votes = node.isUp ? node.acceptor?.votes ?? ChunkedLog() : node.disk.votes
      cells = [
        state.minProposal.isZero ? "" : "\(state.minProposal)",
        votes.isEmpty ? "" : "up to [\(votes.count)]",
      ]
    }
    guard node.roles.contains(.learner) else { return cells + [""] }
    let learner = ReplicaText(node: node)
    return cells + [learner.applied + (learner.missing.map { ", waits for \($0)" } ?? "")]
  }

  /// `r2 r3`, or the first few then how many more.
  private static func named(_ names: [String]) -> String {
    let more = names.count - namesShown
    return names.prefix(namesShown).joined(separator: " ") + (more > 0 ? " and \(more) more" : "")
  }

  /// The mode, then who holds which requests and what each learner's store holds.
  static func lines(_ cluster: Cluster, _ nodes: [Node]) -> [String] {
    var lines = ["mode: a replicated log of client requests ('log' shows it slot by slot)"]
    for node in nodes where node.isUp {
      guard let log = node.proposer?.log else { continue }
      let unsure = log.outstanding.sorted()
      let parts =
        (log.held.isEmpty ? [] : ["holds " + named(log.held.map(\.requestName))])
        + (unsure.isEmpty
          ? []
          : [
            "proposed slot\(unsure.count == 1 ? "" : "s") " + named(unsure.map(String.init))
              + " and does not know \(unsure.count == 1 ? "it" : "them") chosen yet"
          ])
      if !parts.isEmpty { lines.append("\(node.id) " + parts.joined(separator: "; ")) }
    }
    for node in nodes where node.roles.contains(.learner) {
      lines.append("\(node.id)'s store: " + ReplicaText(node: node).store(width: 60))
    }
    return lines
  }

  /// `slots 1-3`, or how many of them and the first gap: the chosen slots, from the history.
  static func chosen(_ cluster: Cluster) -> String {
    let slots = cluster.choices.firstChosen
    let count = cluster.choices.chosenSlotCount
    guard !slots.isEmpty else { return "nothing yet" }
    guard count < slots.count, let gap = slots.firstIndex(where: { $0 == nil }) else {
      return slots.count == 1 ? "slot 1" : "slots 1-\(slots.count)"
    }
    return "\(count) of slots 1-\(slots.count); slot \(gap + 1) is not chosen yet"
  }

  /// Where a log cluster stands after `run ... brief`: the slots chosen, how far each learner
  /// applied, the clock and what is still in flight.
  static func standing(_ cluster: Cluster) -> String {
    let learners = cluster.nodesInRoleOrder.filter { $0.roles.contains(.learner) }.map { node in
      let learner = ReplicaText(node: node)
      return "\(node.id) " + learner.applied
        + (learner.missing.map { ", waits for slot \($0)" } ?? "")
    }
    return "now, at time \(cluster.time): chosen " + chosen(cluster) + "; "
      + (learners.isEmpty ? "no learners" : "applied: " + learners.joined(separator: ", "))
      + "; \(cluster.inFlight.count) in flight"
  }
}
