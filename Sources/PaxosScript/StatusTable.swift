import PaxosCore
import PaxosSim

/// `status`: one row per node, then the state of the whole cluster.
enum StatusTable {
  static let header = [
    "node", "roles", "up", "minProposal", "accepted", "learned", "proposer", "retry timer",
  ]
  /// In a log cluster an acceptor's cell gives its highest slot accepted, a learner's the slots
  /// it applied: the `log` view shows them slot by slot.
  static let logHeader = [
    "node", "roles", "up", "minProposal", "accepted", "applied", "proposer", "retry timer",
  ]

  static func lines(_ cluster: Cluster) -> [String] {
    guard !cluster.isEmpty else { return ["no cluster; create one with 'cluster 3'"] }
    var table = TextTable(header: cluster.config.isLog ? logHeader : header)
    let nodes = cluster.nodesInRoleOrder
    for node in nodes { table.append(row(node, cluster)) }
    var lines = table.lines
    let down = nodes.filter { !$0.isUp }.map(\.id.name)
    if !down.isEmpty {
      // A crashed node's memory is gone: what the row shows is its disk.
      lines.append(
        down.joined(separator: " ")
          + (down.count == 1
            ? " is DOWN: its row shows what its disk holds"
            : " are DOWN: their rows show what their disks hold")
          + "; the rest was lost in the crash")
    }
    if cluster.config.isLog { lines += LogStatus.lines(cluster, nodes) }
    lines.append(Report.membership(cluster) + ", time \(cluster.time)")
    if let partition = NetView.partition(cluster) { lines.append(partition) }
    let count = cluster.inFlight.count
    lines.append(
      count == 0
        ? "in flight: none"
        : "in flight: \(count) message\(count == 1 ? "" : "s") ('net' lists them)")
    lines.append(
      "chosen: " + (cluster.config.isLog ? LogStatus.chosen(cluster) : chosen(cluster)))
    lines += Report.settings(cluster.settings)
    for violation in cluster.violations { lines.append("VIOLATION " + cluster.describe(violation)) }
    return lines
  }

  /// Every value chosen, each with the ballot that first chose it: one unless agreement broke.
  private static func chosen(_ cluster: Cluster) -> String {
    let choices = cluster.choices.distinctChoices
    guard !choices.isEmpty else { return "nothing yet" }
    return choices.map { "\(cluster.values.display($0.value)) under \($0.ballot)" }
      .joined(separator: ", ") + (choices.count > 1 ? " (VIOLATION)" : "")
  }

  static func row(_ node: Node, _ cluster: Cluster) -> [String] {
    let roles = Roles.all.filter { node.roles.contains($0.role) }
      .map { $0.name.prefix(1).uppercased() }.joined()
    var cells = [node.id.name, roles, node.isUp ? "up" : "DOWN"]
    cells += cluster.config.isLog ? LogStatus.cells(node, cluster) : decreeCells(node, cluster)
    cells.append(node.roles.contains(.proposer) ? ProposerPhase.text(node, cluster) : "")
    cells.append(node.retryAt.map { $0 <= cluster.time ? "due now" : "at time \($0)" } ?? "")
    return cells
  }

  /// minProposal, accepted and learned in a single-decree cluster.
  private static func decreeCells(_ node: Node, _ cluster: Cluster) -> [String] {
    let learned = node.isUp ? node.learner?.learned : nil
    let learnedCell = learned.map(cluster.shortValue) ?? ""
    guard node.roles.contains(.acceptor) else { return ["", "", learnedCell] }
    let state = node.isUp ? node.acceptor?.state ?? node.disk.acceptor : node.disk.acceptor
    return [
      state.minProposal.isZero ? "" : "\(state.minProposal)",
      state.acceptedValue.map { "\(state.acceptedProposal) = " + cluster.shortValue($0) } ?? "",
      learnedCell,
    ]
  }
}
