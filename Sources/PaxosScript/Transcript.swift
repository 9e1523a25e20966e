import PaxosSim

/// Renders what a line did as the text users read and golden tests compare.
public enum Transcript {
  /// Every event of the line, one per line; the ones after a step's first are indented.
  public static func lines(for result: LineResult, in cluster: Cluster, quiet: Bool) -> [String] {
    var lines: [String] = []
    // Quiet output shows only violations: skip the scan when there are none.
    guard !quiet || !cluster.violations.isEmpty else { return lines }
    let entries = cluster.trace.entries
    var previousStep: Int32?
    for index in result.events {
      let entry = entries[index]
      defer { previousStep = entry.step }
      guard !quiet || entry.event.isViolation else { continue }
      let indent = previousStep == entry.step && !quiet ? "  " : ""
      lines.append(indent + cluster.describe(entry))
    }
    guard !quiet, let note = result.note else { return lines }
    switch note {
    case .membership: lines.append(Report.membership(cluster))
    case .reset: lines.append("reset: no cluster, no history")
    case .run(let summary): lines.append(Report.run(summary, cluster))
    case .settings: lines += Report.settings(cluster.settings)
    case .text(let text): lines += text
    case .nothingToDo(let text): lines.append(text)
    }
    return lines
  }
}
