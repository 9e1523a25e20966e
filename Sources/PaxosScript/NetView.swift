import PaxosCore
import PaxosSim

/// `net`: the messages in flight, oldest first, how the network is cut, and which messages
/// would be lost if delivered now.
enum NetView {
  /// Descriptions wider than this are not padded: the fate then follows right after.
  static let alignLimit = 56

  static func lines(_ cluster: Cluster) -> [String] {
    guard !cluster.isEmpty else { return ["no cluster; create one with 'cluster 3'"] }
    var lines = [partition(cluster) ?? "no partition: every node reaches every other"]
    let down = cluster.nodesInRoleOrder.filter { !$0.isUp }.map(\.id.name)
    if !down.isEmpty { lines.append("down: " + down.joined(separator: " ")) }
    guard !cluster.inFlight.isEmpty else { return lines + ["in flight: none"] }
    lines.append("in flight (\(cluster.inFlight.count), oldest first):")
    let rows = cluster.inFlight.map { id in
      (text: cluster.describe(id), fate: fate(of: cluster.trace[id], in: cluster))
    }
    let width = min(alignLimit, rows.filter { $0.fate != nil }.map(\.text.displayWidth).max() ?? 0)
    for row in rows {
      guard let fate = row.fate else {
        lines.append("  " + row.text)
        continue
      }
      lines.append("  " + row.text.padded(toWidth: width) + "  x would be lost: " + fate)
    }
    let lost = rows.filter { $0.fate != nil }.count
    if lost > 0 {
      lines.append("\(lost) of \(rows.count) would be lost if delivered now (x)")
    }
    return lines
  }

  /// `partition: {a1 p1} | {a2 a3 p2 l1}`, or nil when every node reaches every other.
  static func partition(_ cluster: Cluster) -> String? {
    // While nodes are apart, the sides are those of the last partition made, as it named them.
    guard cluster.nodes.contains(where: { $0.side != 0 }),
      let sides = cluster.trace.partitions.last
    else { return nil }
    return "partition: "
      + sides.map { "{" + $0.map(\.name).joined(separator: " ") + "}" }.joined(separator: " | ")
  }

  /// Why a message would be lost if delivered now, in the words of the transcript's `lost`.
  static func fate(of message: Message, in cluster: Cluster) -> String? {
    guard let to = cluster.node(message.to) else { return nil }
    if !to.isUp { return "\(message.to) is down" }
    if let from = cluster.node(message.from), from.side != to.side {
      return "\(message.from) and \(message.to) are on different sides"
    }
    return nil
  }
}
