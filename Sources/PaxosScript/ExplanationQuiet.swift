import PaxosCore
import PaxosSim

/// The story of a last command that recorded no event: it built the cluster, changed a
/// setting, or found nothing to do.
enum QuietCommand {
  static func lines(_ command: Timeline.Entry?, in cluster: Cluster) -> [String] {
    guard let command, let parsed = command.command else { return [nothingYet(cluster)] }
    let quoted = "'\(command.text)'"
    switch parsed {
    case .cluster, .add:
      let built =
        "\(quoted) changed who is in the cluster: "
        + String(Report.membership(cluster).dropFirst("cluster: ".count))
        + (cluster.config.quorum < cluster.config.majority
          ? "; bug small-quorum makes a quorum smaller than a majority, so two quorums need not"
            + " share an acceptor"
          : "; a quorum is a majority of the acceptors, so any two quorums share one")
      return cluster.trace.entries.isEmpty ? [built, nothingYet(cluster)] : [built]
    case .setBackoff, .setTimeout, .setBugs:
      return ["\(quoted) changed a setting, not the cluster; from now on:"]
        + setting(parsed, cluster.settings).map { "  " + $0 }
    case .run:
      return [
        "\(quoted) did nothing: no message was in flight and no retry timer was armed"
      ]
    case .deliverAll:
      return ["\(quoted) did nothing: no message was in flight"]
    case .heal:
      return ["\(quoted) did nothing: there was no partition to heal"]
    default:
      return ["\(quoted) did nothing worth explaining"]
    }
  }

  /// What the setting `command` changed now means.
  private static func setting(_ command: Command, _ settings: Settings) -> [String] {
    switch command {
    case .setBackoff:
      return [
        "backoff " + Report.describe(settings.backoff) + "; "
          + (settings.backoff == .none
            ? "its retry can outbid the proposer that outbid it before that one finishes"
            : "the wait gives the proposer that outbid it time to finish its round before the"
              + " retry outbids it in turn")
      ]
    case .setTimeout:
      return [
        "a proposer whose attempt has not finished after \(settings.attemptTimeout) ticks starts"
          + " over with a higher round, so an attempt stalled by lost messages or crashes is"
          + " tried again"
      ]
    default:
      let bugs = Bug.allCases.filter(settings.bugs.contains)
      guard !bugs.isEmpty else {
        return ["no teaching switch is on: the protocol runs as written, and stays safe"]
      }
      return bugs.map {
        "bug \($0.rawValue) is on (\($0.summary)): it breaks the rule that"
          + " \(EventContext.rule($0)); 'explain' names it when it does harm"
      }
    }
  }

  /// What to try when nothing has happened yet.
  static func nothingYet(_ cluster: Cluster) -> String {
    guard let proposer = cluster.nodes(with: .proposer).first else {
      return "nothing has happened yet, and no node can propose: try 'add proposer p1'"
    }
    let first = cluster.config.isLog ? "request \(proposer) put x 1" : "propose \(proposer) red"
    return "nothing has happened yet: try '\(first)',"
      + " then 'deliver' one message at a time and 'explain' again"
  }
}
