import PaxosCore
import PaxosSim

/// `explain [STEP]`: why the last thing happened (or what happened at STEP), in words computed
/// from the trace and the cluster's state, not canned per lesson.
enum Explanation {
  /// How many trace entries `explain` looks back through: a long run is never scanned whole.
  static let lookback = 20_000

  /// Without a step, the story of the last command that did something worth explaining: its
  /// commands in `history` say where each one's events begin and end.
  static func lines(_ cluster: Cluster, step: Int?, history: Timeline) -> [String] {
    guard !cluster.isEmpty else {
      return ["nothing to explain: there is no cluster; start with 'cluster 3'"]
    }
    if let step { return lines(cluster, atStep: step) }
    let entries = cluster.trace.entries
    let window = max(0, entries.count - lookback)..<entries.count
    var lines: [String]
    if let last = lastNotable(in: entries, within: window) {
      if let command = command(recording: last, in: history) {
        lines = CommandStory(cluster: cluster, command: command, window: window).lines()
      } else {
        lines = explain(stepRange(around: last, in: entries, within: window), in: cluster)
      }
    } else {
      lines = [nothingYet(cluster)]
    }
    // What the state forbids matters even when the last event was something else.
    lines += Blockage.lines(cluster)
    return lines
  }

  private static func lines(_ cluster: Cluster, atStep step: Int) -> [String] {
    let range = cluster.trace.entries(fromStep: step, toStep: step)
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
  static func explain(_ step: Range<Int>, in cluster: Cluster) -> [String] {
    explain(step.filter { isNotable(cluster.trace.entries[$0].event) }, ofStep: step, in: cluster)
  }

  /// `step N:` then a paragraph for each of `indices`, notable events of `step`.
  static func explain(_ indices: [Int], ofStep step: Range<Int>, in cluster: Cluster)
    -> [String]
  {
    let entries = cluster.trace.entries
    var lines = ["step \(entries[step.lowerBound].step):"]
    for index in indices {
      let context = EventContext(cluster: cluster, index: index, step: step)
      lines += context.explain().map { "  " + $0 }
    }
    return lines
  }

  /// The last entry of `window` worth explaining.
  static func lastNotable(in entries: ChunkedLog<TraceEntry>, within window: Range<Int>) -> Int? {
    window.reversed().first { isNotable(entries[$0].event) }
  }

  /// The entries of `window` recorded at the same step as the one at `index`.
  static func stepRange(
    around index: Int, in entries: ChunkedLog<TraceEntry>, within window: Range<Int>
  )
    -> Range<Int>
  {
    let step = entries[index].step
    var start = index
    while start > window.lowerBound, entries[start - 1].step == step { start -= 1 }
    var end = index + 1
    while end < window.upperBound, entries[end].step == step { end += 1 }
    return start..<end
  }

  /// The command of `history` that recorded the entry at `index`, looking at most `lookback`
  /// commands back. Commands before a `reset` name entries of an emptied trace, but every
  /// entry of the present trace was recorded by a command since, which is found first.
  static func command(recording index: Int, in history: Timeline) -> Timeline.Entry? {
    for command in history.entries.reversed().prefix(lookback) {
      if command.events.contains(index) { return command }
      // Commands only go back in the trace from here: the entry is not in the history.
      if !command.events.isEmpty, command.events.upperBound <= index { return nil }
    }
    return nil
  }

  /// Events a student may ask "why?" about; sends, deliveries and disk writes only carry them.
  static func isNotable(_ event: Event) -> Bool { kind(of: event) != nil }

  /// What a notable event is counted as when a long story leaves it out; nil for the others.
  static func kind(of event: Event) -> EventKind? {
    switch event {
    case .startedPhase1: EventKind(one: "phase-1 start", many: "phase-1 starts")
    case .startedPhase2: EventKind(one: "phase-2 start", many: "phase-2 starts")
    case .awaitingValue: EventKind(one: "wait for a value", many: "waits for a value")
    case .abandoned: .refusal
    case .lost: EventKind(one: "lost message", many: "lost messages")
    case .chosen: EventKind(one: "choice", many: "choices")
    case .learned: EventKind(one: "value learned", many: "values learned")
    case .violation: EventKind(one: "violation", many: "violations")
    case .crashed: EventKind(one: "crash", many: "crashes")
    case .recovered: EventKind(one: "recovery", many: "recoveries")
    case .partitioned: EventKind(one: "partition", many: "partitions")
    case .healed: EventKind(one: "heal", many: "heals")
    case .sent, .delivered, .dropped, .duplicated, .restoredAcceptor, .restoredRound,
      .persistedAcceptor, .persistedRound, .timerFired, .timerArmed, .decided:
      nil
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

/// A kind of notable event, as a count names it: `1 refusal`, `41 refusals`.
struct EventKind: Equatable {
  let one: String
  let many: String

  static let refusal = EventKind(one: "refusal", many: "refusals")

  func counted(_ count: Int) -> String { "\(count) " + (count == 1 ? one : many) }
}
