import PaxosCore
import PaxosSim

/// The text of commands that describe the cluster rather than change it.
enum Report {
  static func membership(_ cluster: Cluster) -> String {
    let parts = Roles.all.map { role in
      "\(role.name)s " + names(cluster.nodes(with: role.role))
    }
    let acceptors = cluster.config.acceptors.count
    return "cluster: " + parts.joined(separator: " | ")
      + (acceptors == 0
        ? " (no acceptors yet)" : " (quorum \(cluster.config.quorum) of \(acceptors))")
  }

  static func names(_ ids: [NodeID]) -> String {
    ids.isEmpty ? "none" : ids.map(\.name).joined(separator: " ")
  }

  static func run(_ summary: RunSummary, _ cluster: Cluster) -> String {
    let steps = "\(summary.steps) step\(summary.steps == 1 ? "" : "s")"
    if summary.quiescent { return "run: \(steps), then nothing left to do" }
    let timers = cluster.nodes.filter { $0.retryAt != nil }.map(\.id)
    return "run: stopped at the limit of \(steps); \(cluster.inFlight.count) in flight"
      + (timers.isEmpty ? "" : ", timers armed: " + names(timers))
  }

  static func bugs(_ bugs: Set<Bug>) -> String {
    guard !bugs.isEmpty else { return "bugs: none; the protocol runs as written" }
    return "bugs: "
      + Bug.allCases.filter(bugs.contains).map { "\($0.rawValue) (\($0.summary))" }
      .joined(separator: "; ")
  }

  static func settings(_ settings: Settings) -> [String] {
    [
      "backoff " + describe(settings.backoff),
      "timeout: a proposer retries an unfinished attempt after \(settings.attemptTimeout) steps",
      bugs(settings.bugs),
    ]
  }

  static func describe(_ backoff: Backoff) -> String {
    switch backoff {
    case .none: "none: a refused proposer retries at once"
    case .fixed(let steps): "fixed: a refused proposer waits \(steps) steps"
    case .randomized(let steps): "random: a refused proposer waits 1 to \(2 * steps) steps"
    }
  }

  static func status(_ cluster: Cluster) -> [String] {
    guard !cluster.isEmpty else { return ["no cluster; create one with 'cluster 3'"] }
    var lines = [membership(cluster) + ", step \(cluster.step)"]
    for node in cluster.nodes {
      var parts = [node.id.name.padded(to: 9), node.isUp ? "up  " : "DOWN"]
      if node.roles.contains(.acceptor) {
        let state = node.isUp ? node.acceptor?.state ?? AcceptorState() : node.disk.acceptor
        parts.append("acceptor: " + cluster.describe(state))
      }
      if node.roles.contains(.proposer) {
        parts.append("proposer: " + proposerState(node, cluster))
      }
      if node.roles.contains(.learner) {
        let learned = node.isUp ? node.learner?.learned : nil
        parts.append(
          "learner: "
            + (learned.map { "learned " + cluster.values.display($0) } ?? "nothing learned"))
      }
      if node.side != 0 { parts.append("(partition side \(node.side))") }
      lines.append("  " + parts.joined(separator: "  "))
    }
    lines.append(
      cluster.inFlight.isEmpty
        ? "in flight: none" : "in flight (\(cluster.inFlight.count)):")
    for id in cluster.inFlight.prefix(50) { lines.append("  " + cluster.describe(id)) }
    if cluster.inFlight.count > 50 { lines.append("  ... and \(cluster.inFlight.count - 50) more") }
    if let choice = cluster.choices.chosen.first {
      lines.append("chosen: \(cluster.values.display(choice.value)) under \(choice.ballot)")
    } else {
      lines.append("chosen: nothing yet")
    }
    lines += settings(cluster.settings)
    for violation in cluster.violations { lines.append("VIOLATION " + cluster.describe(violation)) }
    return lines
  }

  private static func proposerState(_ node: Node, _ cluster: Cluster) -> String {
    guard node.isUp, let proposer = node.proposer else {
      return "round \(node.disk.proposerRound) on disk"
    }
    let value = proposer.value.map { ", asked for " + cluster.values.display($0) } ?? ""
    let phase: String
    switch proposer.attempt {
    case .idle: phase = "idle"
    case .preparing(let ballot, let promises):
      phase = "phase 1 with \(ballot), \(promises.from.count) of \(cluster.config.quorum) promises"
    case .awaitingValue(let ballot): phase = "promised \(ballot), waiting for a value"
    case .accepting(let ballot, let chosen, let acceptedBy):
      phase =
        "phase 2 with \(ballot) = \(cluster.values.display(chosen)),"
        + " \(acceptedBy.count) of \(cluster.config.quorum) accepted"
    case .decided(let chosen, let ballot):
      phase = "decided \(cluster.values.display(chosen)) under \(ballot)"
    case .abandoned(let ballot, let higher): phase = "abandoned \(ballot) (outbid by \(higher))"
    }
    let timer =
      node.retryAt.map { due in
        due <= cluster.step
          ? ", retry timer due ('run' or 'timeout \(node.id)' fires it)"
          : ", retry timer due at step \(due)"
      } ?? ""
    return "round \(proposer.highestRound), \(phase)\(value)\(timer)"
  }
}

extension String {
  /// Left-aligned in a column of `width` characters.
  func padded(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
