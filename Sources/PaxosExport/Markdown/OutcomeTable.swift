import PaxosCore
import PaxosSim

/// The outcome of a run as Markdown tables, every cell escaped.
enum OutcomeTable {
  static func lines(_ outcome: RunOutcome, _ cluster: Cluster, atEnd: Bool) -> [String] {
    var rows: [(String, String)] = []
    let chosen = outcome.chosen.map {
      value($0.value, cluster) + " (ballot " + MarkdownText.inline($0.ballot.description)
        + ", time \($0.time))"
    }
    rows.append(
      (
        "chosen",
        chosen.isEmpty
          ? "nothing yet"
          : chosen.joined(separator: "; ") + (chosen.count > 1 ? " (VIOLATION)" : "")
      ))
    for node in cluster.nodesInRoleOrder {
      let name = MarkdownText.inline(node.id.name)
      let knowledge = [
        (Roles.proposer, "proposer", "decided", outcome.decided),
        (.learner, "learner", "learned", outcome.learned),
      ]
      for (role, roleName, verb, known) in knowledge where node.roles.contains(role) {
        rows.append(
          (
            "\(name) (\(roleName))",
            known[node.id].map {
              "\(verb) " + value($0.value, cluster) + " ("
                + MarkdownText.inline($0.ballot.description) + ")"
            } ?? "\(verb) nothing"
          ))
      }
      // An acceptor's state is known only for the end of the run, where the cluster is.
      if atEnd, node.roles.contains(.acceptor) {
        if node.isUp, let acceptor = node.acceptor {
          rows.append(("\(name) (acceptor)", acceptorText(acceptor.state, cluster)))
        } else {
          rows.append(
            ("\(name) (acceptor)", "down; on its disk " + acceptorText(node.disk.acceptor, cluster))
          )
        }
      }
    }
    return ["| Who | Outcome |", "| --- | --- |"] + rows.map { "| \($0.0) | \($0.1) |" }
  }

  static func violationLines(_ outcome: RunOutcome, _ cluster: Cluster) -> [String] {
    guard !outcome.violations.isEmpty else { return ["None: every safety check held."] }
    return ["| Time | Violation |", "| --- | --- |"]
      + outcome.violations.map {
        "| \($0.time) | " + MarkdownText.inline(cluster.describe($0.violation)) + " |"
      }
  }

  private static func value(_ id: ValueID, _ cluster: Cluster) -> String {
    guard cluster.values.contains(id) else { return "?" }
    return MarkdownText.inline(cluster.values.display(id))
  }

  private static func acceptorText(_ state: AcceptorState, _ cluster: Cluster) -> String {
    let promised = "promised " + MarkdownText.inline(state.minProposal.description)
    guard let accepted = state.acceptedValue else { return promised + ", accepted nothing" }
    return promised + ", accepted " + MarkdownText.inline(state.acceptedProposal.description)
      + " = " + value(accepted, cluster)
  }
}
