import PaxosCore
import PaxosSim

/// `explain [TIME]`: why the last thing happened (or what happened at TIME), in words computed
/// from the trace and the cluster's state, not canned per lesson.
enum Explanation {
  /// How many trace entries `explain` looks back through: a long run is never scanned whole.
  static let lookback = 20_000

  /// Without a time, the story of the last command that changed the cluster, whatever it did:
  /// `history` says where its events begin and end.
  /// `idle` is the last line when it found nothing to do, and so is not in `history`.
  static func lines(_ cluster: Cluster, time: Int?, history: Timeline, idle: Timeline.Entry?)
    -> [String]
  {
    guard !cluster.isEmpty else {
      return ["nothing to explain: there is no cluster; start with 'cluster 3'"]
    }
    if let time { return lines(cluster, at: time) }
    let entries = cluster.trace.entries
    let window = max(0, entries.count - lookback)..<entries.count
    var lines: [String]
    if let idle {
      lines = QuietCommand.lines(idle, in: cluster)
    } else if let command = history.entries.last, !command.events.isEmpty {
      lines = CommandStory(cluster: cluster, command: command, window: window).lines()
    } else {
      lines = QuietCommand.lines(history.entries.last, in: cluster)
    }
    // What the state forbids matters even when the last event was something else; what the
    // story already said is not said twice.
    let told = Set(lines.map { $0.drop { $0 == " " } })
    lines += (Blockage.lines(cluster) + LearnerBlockage.lines(cluster)).filter {
      !told.contains(Substring($0))
    }
    return lines
  }

  private static func lines(_ cluster: Cluster, at time: Int) -> [String] {
    guard time <= cluster.time else {
      return ["time \(time) has not come yet: it is now time \(cluster.time)"]
    }
    let range = cluster.trace.entries(fromTime: time, toTime: time)
    guard !range.isEmpty else {
      return ["at time \(time): nothing happened then; it is now time \(cluster.time)"]
    }
    var lines = explain(range, in: cluster)
    if time < cluster.time {
      lines[0] = "at time \(time), an earlier moment (it is now time \(cluster.time)):"
    }
    return lines
  }

  /// `at time N:` then what each event of the step means, in the order they happened.
  static func explain(_ step: Range<Int>, in cluster: Cluster) -> [String] {
    explain(Array(step), ofStep: step, in: cluster)
  }

  /// `at time N:` then a paragraph for each of `indices`, events of `step` (an event that is
  /// part of another's story, such as the reply a delivery sends, has none of its own).
  static func explain(_ indices: [Int], ofStep step: Range<Int>, in cluster: Cluster)
    -> [String]
  {
    let entries = cluster.trace.entries
    var lines = ["at time \(entries[step.lowerBound].time):"]
    for index in indices {
      let context = EventContext(cluster: cluster, index: index, step: step)
      lines += context.explain().map { "  " + $0 }
    }
    return lines
  }

  /// The entries of `window` recorded in the same step as the one at `index`: at its time.
  static func stepRange(
    around index: Int, in entries: ChunkedLog<TraceEntry>, within window: Range<Int>
  )
    -> Range<Int>
  {
    let time = entries[index].time
    var start = index
    while start > window.lowerBound, entries[start - 1].time == time { start -= 1 }
    var end = index + 1
    while end < window.upperBound, entries[end].time == time { end += 1 }
    return start..<end
  }

  /// Events that change where the protocol stands, or that faults cause: what a long story
  /// tells. Deliveries that only move a round along are routine: a short story tells them too.
  static func isNotable(_ event: Event) -> Bool { kind(of: event) != nil }

  /// What a notable event is counted as when a long story leaves it out; nil for the others.
  static func kind(of event: Event) -> EventKind? {
    switch event {
    case .startedPhase1: EventKind(one: "phase-1 start", many: "phase-1 starts")
    case .startedPhase2: EventKind(one: "phase-2 start", many: "phase-2 starts")
    case .awaitingValue: EventKind(one: "wait for a value", many: "waits for a value")
    case .abandoned: .refusal
    case .lost: EventKind(one: "lost message", many: "lost messages")
    case .dropped: EventKind(one: "dropped message", many: "dropped messages")
    case .duplicated: EventKind(one: "duplicated message", many: "duplicated messages")
    case .chosen: EventKind(one: "choice", many: "choices")
    case .learned: EventKind(one: "value learned", many: "values learned")
    case .violation: EventKind(one: "violation", many: "violations")
    case .crashed: EventKind(one: "crash", many: "crashes")
    case .recovered: EventKind(one: "recovery", many: "recoveries")
    case .partitioned: EventKind(one: "partition", many: "partitions")
    case .healed: EventKind(one: "heal", many: "heals")
    case .requested: EventKind(one: "request", many: "requests")
    case .leads: EventKind(one: "leadership", many: "leaderships")
    case .chosenSlot: EventKind(one: "slot chosen", many: "slots chosen")
    case .learnedSlot: EventKind(one: "slot learned", many: "slots learned")
    case .skippedDuplicate: EventKind(one: "duplicate skipped", many: "duplicates skipped")
    case .waits: EventKind(one: "wait for a gap", many: "waits for a gap")
    case .sent, .delivered, .restoredAcceptor, .restoredRound, .persistedAcceptor,
      .persistedRound, .timerFired, .timerArmed, .decided, .holds, .knownChosen, .proposed,
      .decidedSlot, .persistedVote, .restoredVotes, .restoredLearner, .applied, .asksForSlots:
      nil
    }
  }
}

/// A kind of notable event, as a count names it: `1 refusal`, `41 refusals`.
struct EventKind: Equatable {
  let one: String
  let many: String

  static let refusal = EventKind(one: "refusal", many: "refusals")

  func counted(_ count: Int) -> String { "\(count) " + (count == 1 ? one : many) }
}
