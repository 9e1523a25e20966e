import PaxosCore
import PaxosSim

/// `diagram [last N]`: a sequence diagram of the recent messages, drawn with box-drawing
/// characters. One lifeline per node (proposers, acceptors, learners), time flowing down; a
/// message is drawn when it arrived, was dropped or was lost, with its label on its line.
enum TerminalDiagram {
  static let defaultLast = 20
  /// Messages in flight drawn below the diagram; `net` lists all of them.
  static let inFlightShown = 10

  static func lines(_ cluster: Cluster, last: Int?) -> [String] {
    guard !cluster.isEmpty else { return ["no cluster; create one with 'cluster 3'"] }
    let window = DiagramWindow(cluster, lastMessages: max(1, last ?? defaultLast))
    var rows = DiagramRow.rows(window, in: cluster)
    rows += inFlightRows(cluster)
    guard !rows.isEmpty else {
      let proposer = cluster.nodes(with: .proposer).first
      return [
        "diagram: nothing has happened yet"
          + (proposer.map { "; 'propose \($0) red' sends the first messages" } ?? "")
      ]
    }
    let layout = DiagramLayout(
      nodes: cluster.nodesInRoleOrder.map(\.id), idWidth: rows.map(\.id.count).max() ?? 0)
    return [title(window)] + [layout.names] + rows.map(layout.line) + [layout.names]
      + legend(rows)
  }

  private static func title(_ window: DiagramWindow) -> String {
    let count = window.messages
    guard count > 0 else {
      return window.cutShort
        ? "diagram: no message among the recent events; earlier events left out"
        : "diagram: no message has arrived yet"
    }
    let messages = "\(count) message" + (count == 1 ? "" : "s")
    let last = "diagram: the last " + (count == 1 ? "message" : messages)
    if window.cutShort { return last + "; earlier events left out" }
    guard window.earlierMessages > 0 else {
      return "diagram: " + (count > 2 ? "all " : "") + messages
    }
    return last + "; \(window.earlierMessages) earlier left out"
      + " ('diagram last \(count + window.earlierMessages)' shows all)"
  }

  /// The oldest messages in flight, dashed: they have left but not arrived.
  private static func inFlightRows(_ cluster: Cluster) -> [DiagramRow] {
    guard !cluster.inFlight.isEmpty else { return [] }
    let down = Set(cluster.nodes.filter { !$0.isUp }.map(\.id))
    let count = cluster.inFlight.count
    var rows = [DiagramRow(shape: .rule, text: "in flight (\(count)):", down: down)]
    for id in cluster.inFlight.prefix(inFlightShown) {
      var row = DiagramRow.arrow(id, end: .inFlight, fate: nil, cluster, down)
      if let fate = NetView.fate(of: cluster.trace[id], in: cluster) {
        row.text += ", would be lost: " + fate
      }
      rows.append(row)
    }
    if count > inFlightShown {
      rows.append(
        DiagramRow(
          shape: .note, text: "… \(count - inFlightShown) more ('net' lists them)", down: down))
    }
    return rows
  }

  /// What the symbols drawn mean, for those that appear.
  private static func legend(_ rows: [DiagramRow]) -> [String] {
    var used = Set<Character>()
    for row in rows {
      switch row.shape {
      case .marker(_, let symbol): used.insert(symbol)
      case .arrow(_, _, .lost): used.insert(DiagramSymbol.lost)
      default: break
      }
    }
    let entries = DiagramSymbol.legend.filter { used.contains($0.0) }
      .map { "\($0.0) \($0.1)" }
    return entries.isEmpty ? [] : ["legend: " + entries.joined(separator: "  ")]
  }
}
