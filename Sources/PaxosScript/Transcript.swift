import PaxosSim

/// Renders what a line did as the text users read and golden tests compare.
public enum Transcript {
  /// Every event of the line, one per line; the ones after a step's first are indented.
  public static func lines(for result: LineResult, in cluster: Cluster, quiet: Bool) -> [String] {
    var lines: [String] = []
    let entries = cluster.trace.entries
    var previousStep: Int32?
    for index in result.events {
      let entry = entries[index]
      defer { previousStep = entry.step }
      guard !quiet || entry.event.isViolation else { continue }
      let indent = previousStep == entry.step ? "  " : ""
      lines.append(indent + cluster.describe(entry.event))
    }
    if !quiet { lines += result.notes }
    return lines
  }
}
