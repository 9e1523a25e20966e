import PaxosCore
import PaxosSim

/// The part of the trace a diagram draws: from the last `limit` messages that arrived, were
/// dropped or were lost, to the end. Found by walking back from the end, so that the cost
/// does not grow with the length of the history.
struct DiagramWindow {
  /// Trace entries to draw.
  var entries: Range<Int>
  /// Messages whose fate is drawn.
  var messages = 0
  /// Messages whose fate came before the window.
  var earlierMessages = 0
  /// The walk stopped at its bound before finding `limit` messages: older events exist.
  var cutShort = false
  /// Nodes that were down when the window starts.
  var downAtStart: Set<NodeID>

  /// A bound on the entries walked, for a history of crashes and partitions without messages.
  static func entryBound(for limit: Int) -> Int {
    limit > Int.max / 128 ? Int.max : 64 * limit + 1024
  }

  init(_ cluster: Cluster, lastMessages limit: Int) {
    let trace = cluster.trace.entries
    var start = trace.endIndex
    // Walking back, a crash means the node was up before it, a recovery that it was down.
    var down = Set(cluster.nodes.filter { !$0.isUp }.map(\.id))
    let floor = max(trace.startIndex, trace.endIndex - Self.entryBound(for: limit))
    while start > floor, messages < limit {
      start -= 1
      switch trace[start].event {
      case .delivered, .dropped, .lost: messages += 1
      case .crashed(let node): down.remove(node)
      case .recovered(let node): down.insert(node)
      default: break
      }
    }
    entries = start..<trace.endIndex
    downAtStart = down
    cutShort = start > trace.startIndex && messages < limit
    // Every message sent has exactly one fate, or is still in flight.
    let settled = cluster.trace.messages.count - cluster.inFlight.count
    earlierMessages = max(0, settled - messages)
  }
}
