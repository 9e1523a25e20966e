import PaxosCore
import PaxosScript
import PaxosSim

/// A run as a Markdown file ready for a notes vault (Obsidian, HackMD, GitHub): a title, the
/// cluster, the commands that made the run, the Mermaid diagram(s) and a table of the outcome.
public enum MarkdownExport {
  public static func notes(of interpreter: Interpreter, from: Int?, to: Int?) -> String {
    let cluster = interpreter.cluster
    let window = TimeWindow(cluster.trace, from: from, to: to)
    let outcome = RunOutcome(cluster, window: window)
    let log = cluster.config.isLog ? LogOutcome(cluster, window: window) : nil
    let diagrams = MermaidExport.diagrams(of: cluster, from: from, to: to)
    var lines: [String] = []
    lines.append("# Paxos Lab run: " + headline(outcome, log, cluster))
    lines.append("")
    lines += clusterLines(cluster, window: window)
    lines.append("")
    lines.append("## Commands")
    lines.append("")
    // A carriage return in a value would end the line in Markdown; it shows as ␍ instead.
    let commands = interpreter.timeline.entries.map(\.text).joined(separator: "\n")
      .replacing("\r", with: "␍")
    let fence = MarkdownText.fence(for: commands)
    lines.append(fence + "text")
    if !commands.isEmpty { lines.append(commands) }
    lines.append(fence)
    lines.append("")
    lines.append("## Sequence diagram")
    lines.append("")
    if diagrams.count > 1 {
      lines.append(
        "The run is long, so the diagram comes in \(diagrams.count) parts, each under Mermaid's"
          + " limit of 50,000 characters; each part continues where the previous one stopped.")
      lines.append("")
    }
    for (number, diagram) in diagrams.enumerated() {
      if diagrams.count > 1 {
        lines.append("### Part \(number + 1) of \(diagrams.count)")
        lines.append("")
      }
      lines.append("```mermaid")
      lines.append(diagram.hasSuffix("\n") ? String(diagram.dropLast()) : diagram)
      lines.append("```")
      lines.append("")
    }
    let atEnd = window.entries.upperBound == cluster.trace.entries.count
    if let log {
      lines += logSections(log, cluster, atEnd: atEnd)
    } else {
      lines.append("## Outcome")
      lines.append("")
      lines += OutcomeTable.lines(outcome, cluster, atEnd: atEnd)
      lines.append("")
    }
    lines.append("## Violations")
    lines.append("")
    lines += OutcomeTable.violationLines(outcome, cluster)
    return lines.joined(separator: "\n") + "\n"
  }

  /// The final log, the learners and the requests of a log cluster.
  private static func logSections(_ log: LogOutcome, _ cluster: Cluster, atEnd: Bool)
    -> [String]
  {
    var lines = ["## Log", ""]
    lines += LogTables.logLines(log, cluster)
    lines += ["", "## Learners", ""]
    lines += LogTables.learnerLines(log, cluster, atEnd: atEnd)
    lines += ["", "## Requests", ""]
    lines += LogTables.requestLines(log, cluster)
    lines.append("")
    return lines
  }

  private static func headline(_ outcome: RunOutcome, _ log: LogOutcome?, _ cluster: Cluster)
    -> String
  {
    if !outcome.violations.isEmpty {
      return "\(outcome.violations.count) violation\(outcome.violations.count == 1 ? "" : "s")"
    }
    if let log {
      let count = log.chosen.count
      return count == 0 ? "nothing chosen" : "\(count) slot\(count == 1 ? "" : "s") chosen"
    }
    guard let chosen = outcome.chosen.first else { return "nothing chosen" }
    return "chosen " + MarkdownText.inline(cluster.values.display(chosen.value))
  }

  private static func clusterLines(_ cluster: Cluster, window: TimeWindow) -> [String] {
    let roles = Roles.all.map { role in
      let names = cluster.nodes(with: role.role).map(\.name)
      return "\(role.name)s "
        + (names.isEmpty ? "none" : MarkdownText.inline(names.joined(separator: " ")))
    }
    let acceptors = cluster.config.acceptors.count
    let quorum = acceptors == 0 ? "no acceptors" : "quorum \(cluster.config.quorum) of \(acceptors)"
    let settings = cluster.settings
    let bugs =
      settings.bugs.isEmpty
      ? "none" : Bug.allCases.filter(settings.bugs.contains).map(\.rawValue).joined(separator: " ")
    let entries = cluster.trace.entries
    let time: String
    if window.entries.isEmpty {
      time = entries.isEmpty ? "nothing has happened yet" : "no event in the time asked for"
    } else {
      let first = entries[window.entries.lowerBound].time
      let last = entries[window.entries.upperBound - 1].time
      let whole = window.entries.count == entries.count
      time =
        "\(first)–\(last)"
        + (whole ? " (the whole run)" : " of 1–\(entries[entries.count - 1].time)")
    }
    // A single-decree cluster says nothing of a mode, as before log clusters existed.
    let mode = cluster.config.isLog ? "log (Multi-Paxos) · " : ""
    return [
      "- **Cluster:** " + mode + roles.joined(separator: " · ") + " · " + quorum,
      "- **Settings:** backoff \(settings.backoff) · timeout \(settings.attemptTimeout) ticks"
        + " · bugs " + MarkdownText.inline(bugs),
      "- **Time:** " + time,
      "- **Messages:** \(cluster.trace.messages.count) sent, \(cluster.inFlight.count) still in flight",
    ]
  }
}
