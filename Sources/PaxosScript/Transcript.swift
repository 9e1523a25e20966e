import PaxosSim

/// Renders what a line did as the text users read and golden tests compare.
public enum Transcript {
  /// Every event of the line, one per line; the ones after a step's first are indented.
  public static func lines(for result: LineResult, in cluster: Cluster, quiet: Bool) -> [String] {
    var lines: [String] = []
    // Quiet output shows only violations: skip the scan when there are none.
    guard !quiet || !cluster.violations.isEmpty else { return lines }
    let entries = cluster.trace.entries
    var previousTime: Int32?
    for index in result.events {
      let entry = entries[index]
      defer { previousTime = entry.time }
      guard !quiet || entry.event.isViolation else { continue }
      if result.isBrief && !quiet {
        guard Self.isBrief(entry.event) else { continue }
        lines.append("time \(entry.time): " + cluster.describe(entry.event))
        continue
      }
      let indent = previousTime == entry.time && !quiet ? "  " : ""
      lines.append(indent + cluster.describe(entry))
    }
    guard !quiet, let note = result.note else { return lines }
    switch note {
    case .membership: lines.append(Report.membership(cluster))
    case .reset: lines.append("reset: no cluster, no history")
    case .run(let summary):
      lines.append(Report.run(summary, cluster))
      if result.isBrief { lines.append(Report.standing(cluster)) }
    case .settings: lines += Report.settings(cluster.settings)
    case .text(let text): lines += text
    }
    return lines
  }

  /// What `run ... brief` shows: choices, learns, refusals that end a ballot, faults and
  /// violations; not the messages and writes that lead to them.
  static func isBrief(_ event: Event) -> Bool {
    switch event {
    case .chosen, .learned, .abandoned, .lost, .dropped, .crashed, .recovered, .partitioned,
      .healed, .violation:
      true
    case .sent, .delivered, .duplicated, .restoredAcceptor, .restoredRound, .persistedAcceptor,
      .persistedRound, .timerFired, .timerArmed, .startedPhase1, .startedPhase2, .awaitingValue,
      .decided:
      false
    }
  }
}
