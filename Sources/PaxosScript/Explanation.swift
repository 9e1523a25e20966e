import PaxosCore
import PaxosSim

/// `explain [STEP]`: why the last thing happened (or what happened at STEP), in words computed
/// from the trace and the cluster's state, not canned per lesson.
enum Explanation {
  /// How many trace entries `explain` looks back through: a long run is never scanned whole.
  static let lookback = 20_000

  static func lines(_ cluster: Cluster, step: Int? = nil) -> [String] {
    guard !cluster.isEmpty else {
      return ["nothing to explain: there is no cluster; start with 'cluster 3'"]
    }
    if let step { return lines(cluster, atStep: step) }
    var lines: [String]
    if let range = lastNotableStep(in: cluster.trace.entries) {
      lines = explain(range, in: cluster)
    } else {
      lines = [nothingYet(cluster)]
    }
    // What the state forbids matters even when the last event was something else.
    lines += Blockage.lines(cluster)
    return lines
  }

  private static func lines(_ cluster: Cluster, atStep step: Int) -> [String] {
    let range = entries(ofStep: step, in: cluster.trace.entries)
    guard !range.isEmpty else {
      return ["step \(step): nothing happened then; the last step is \(cluster.step)"]
    }
    let explained = explain(range, in: cluster)
    guard explained.count > 1 else {
      return [
        "step \(step): messages only moved on; 'explain' speaks of proposals, refusals,"
          + " losses, choices, crashes and violations"
      ]
    }
    return explained
  }

  /// `step N:` then one paragraph per notable event of the step, in the order they happened.
  private static func explain(_ range: Range<Int>, in cluster: Cluster) -> [String] {
    let entries = cluster.trace.entries
    var lines = ["step \(entries[range.lowerBound].step):"]
    for index in range where isNotable(entries[index].event) {
      let context = EventContext(cluster: cluster, index: index, step: range)
      lines += context.explain().map { "  " + $0 }
    }
    return lines
  }

  /// The entries of the last step that did something worth explaining, looking back at most
  /// `lookback` entries.
  static func lastNotableStep(in entries: ChunkedLog<TraceEntry>) -> Range<Int>? {
    let floor = max(0, entries.count - lookback)
    guard
      let last = (floor..<entries.count).reversed().first(where: {
        isNotable(entries[$0].event)
      })
    else { return nil }
    let step = entries[last].step
    var start = last
    while start > floor, entries[start - 1].step == step { start -= 1 }
    var end = last + 1
    while end < entries.count, entries[end].step == step { end += 1 }
    return start..<end
  }

  /// The entries recorded at `step`: steps only grow along the trace, so a binary search.
  static func entries(ofStep step: Int, in entries: ChunkedLog<TraceEntry>) -> Range<Int> {
    let start = firstIndex(in: entries) { Int($0.step) >= step }
    let end = firstIndex(in: entries) { Int($0.step) > step }
    return start..<max(start, end)
  }

  private static func firstIndex(
    in entries: ChunkedLog<TraceEntry>, where isPast: (TraceEntry) -> Bool
  ) -> Int {
    var low = 0
    var high = entries.count
    while low < high {
      let middle = (low + high) / 2
      if isPast(entries[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }

  /// Events a student may ask "why?" about; sends, deliveries and disk writes only carry them.
  static func isNotable(_ event: Event) -> Bool {
    switch event {
    case .startedPhase1, .startedPhase2, .awaitingValue, .abandoned, .lost, .chosen, .learned,
      .violation, .crashed, .recovered, .partitioned, .healed:
      true
    case .sent, .delivered, .dropped, .duplicated, .restoredAcceptor, .restoredRound,
      .persistedAcceptor, .persistedRound, .timerFired, .timerArmed, .decided:
      false
    }
  }

  /// What to try when nothing has happened that is worth explaining.
  private static func nothingYet(_ cluster: Cluster) -> String {
    guard let proposer = cluster.nodes(with: .proposer).first else {
      return "nothing has happened yet, and no node can propose: try 'add proposer p1'"
    }
    return "nothing worth explaining has happened yet: try 'propose \(proposer) red',"
      + " then 'deliver' one message at a time and 'explain' again"
  }
}
