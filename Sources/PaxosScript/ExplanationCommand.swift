import PaxosCore
import PaxosSim

/// The story of one command: every event of a one-step command; the notable events of a longer
/// one, in order, or its routine steps when it had nothing notable. When there are too many to
/// tell one by one (a long `run`), the ones that matter most, then how many were left out.
struct CommandStory {
  /// Up to this many events are all told; past it, only the highlights.
  static let toldInFull = 10
  /// A digest tells this many of the first violations and of the first values chosen...
  static let firstKept = 3
  /// ...and this many of the last refusals and of the last faults.
  static let lastKept = 2

  let cluster: Cluster
  let command: Timeline.Entry
  /// The entries `explain` reads: those of the command before them go unread.
  let window: Range<Int>

  private var entries: ChunkedLog<TraceEntry> { cluster.trace.entries }
  private var events: Range<Int> { command.events.clamped(to: window) }

  func lines() -> [String] {
    let events = events
    guard let lastIndex = events.last, let firstIndex = command.events.first else { return [] }
    // A one-step command needs no heading: its step is its story.
    guard entries[firstIndex].time != entries[lastIndex].time else {
      return Explanation.explain(events, in: cluster)
    }
    let notable = events.filter { Explanation.isNotable(entries[$0].event) }
    let times = "from time \(entries[firstIndex].time) to \(entries[lastIndex].time)"
    // Each step has a time of its own, so the times of the events count the steps.
    let heading =
      firstIndex < events.lowerBound
      ? "'\(command.text)' ran \(times); explain reads its last \(events.count) trace entries,"
        + " from time \(entries[events.lowerBound].time)"
      : "'\(command.text)' took \(steps(in: events)) steps, \(times)"
    guard !notable.isEmpty else { return [heading + ", moving messages along:"] + routine() }
    guard notable.count > Self.toldInFull else { return [heading + ":"] + tell(notable) }
    let told = highlights(notable)
    return [heading + ", with \(notable.count) events worth explaining; those that matter most:"]
      + tell(told) + [untold(notable, told: Set(told))]
  }

  /// The first steps of a command with nothing notable, each told whole, then how many more.
  private func routine() -> [String] {
    var lines: [String] = []
    var start = events.lowerBound
    var told = 0
    while start < events.upperBound, told < Self.toldInFull {
      let step = Explanation.stepRange(around: start, in: entries, within: events)
      lines += Explanation.explain(step, in: cluster)
      told += 1
      start = step.upperBound
    }
    guard start < events.upperBound else { return lines }
    let rest = steps(in: start..<events.upperBound)
    return lines + [
      "not told: \(rest) more step\(rest == 1 ? "" : "s") like these; " + Self.explainTime
    ]
  }

  /// How many steps the entries of `range` belong to: one for each time they hold.
  private func steps(in range: Range<Int>) -> Int {
    var count = 0
    var previous: Int32?
    for index in range where entries[index].time != previous {
      count += 1
      previous = entries[index].time
    }
    return count
  }

  private static let explainTime = "'explain TIME' tells the step at that time"

  /// Each step of `indices`, with the events of `indices` it holds.
  private func tell(_ indices: [Int]) -> [String] {
    var lines: [String] = []
    var start = 0
    while start < indices.count {
      let step = Explanation.stepRange(around: indices[start], in: entries, within: events)
      var end = start + 1
      while end < indices.count, step.contains(indices[end]) { end += 1 }
      lines += Explanation.explain(Array(indices[start..<end]), ofStep: step, in: cluster)
      start = end
    }
    return lines
  }

  /// What matters most in a long command: its first violations, the first choice of each
  /// value and the phase 2 that proposed it (in a log, the first slots chosen and copies
  /// skipped), its last refusals, leaderships and faults, and its last event.
  private func highlights(_ notable: [Int]) -> [Int] {
    var told: Set<Int> = []
    var choices: [ChoiceHistory.Proposal] = []
    var violations = 0
    var slots = 0
    var skipped = 0
    for index in notable {
      switch entries[index].event {
      case .violation where violations < Self.firstKept:
        violations += 1
        told.insert(index)
      case .chosenSlot(let vote)
      where slots < Self.firstKept && !cluster.choices.isChosenAgain(vote):
        slots += 1
        told.insert(index)
      case .skippedDuplicate where skipped < Self.firstKept:
        skipped += 1
        told.insert(index)
      case .chosen(let value, let ballot)
      where choices.count < Self.firstKept && !choices.contains { $0.value == value }:
        choices.append(ChoiceHistory.Proposal(ballot: ballot, value: value))
        told.insert(index)
      default: break
      }
    }
    for index in notable {
      if case .startedPhase2(let ballot, let value, _) = entries[index].event,
        choices.contains(ChoiceHistory.Proposal(ballot: ballot, value: value))
      {
        told.insert(index)
      }
    }
    // The last event says where the command left things, whatever its kind.
    if let last = notable.last { told.insert(last) }
    for isKept in [Self.isRefusal, Self.isLeadership, Self.isFault] {
      told.formUnion(
        notable.reversed().lazy.filter { isKept(entries[$0].event) }.prefix(Self.lastKept))
    }
    return told.sorted()
  }

  /// `not told: 39 of 41 refusals (p1 20, p2 21), 63 phase-1 starts; ...`
  private func untold(_ notable: [Int], told: Set<Int>) -> String {
    var kinds: [(kind: EventKind, total: Int, untold: Int)] = []
    var refusals: [NodeID: Int] = [:]
    for index in notable {
      let event = entries[index].event
      if case .abandoned(let ballot, _) = event { refusals[ballot.proposer, default: 0] += 1 }
      guard let kind = Explanation.kind(of: event) else { continue }
      let position = kinds.firstIndex { $0.kind == kind } ?? kinds.count
      if position == kinds.count { kinds.append((kind, 0, 0)) }
      kinds[position].total += 1
      if !told.contains(index) { kinds[position].untold += 1 }
    }
    let counts = kinds.filter { $0.untold > 0 }.map { count in
      let byProposer =
        count.kind == .refusal && refusals.count > 1
        ? " ("
          + refusals.sorted { $0.key.name < $1.key.name }
          .map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
        : ""
      return (count.untold == count.total ? "" : "\(count.untold) of ")
        + count.kind.counted(count.total) + byProposer
    }
    return "not told: " + counts.joined(separator: ", ") + "; " + Self.explainTime
  }

  private static func isRefusal(_ event: Event) -> Bool {
    if case .abandoned = event { return true }
    return false
  }

  private static func isLeadership(_ event: Event) -> Bool {
    if case .leads = event { return true }
    return false
  }

  /// What the network and the nodes did to the protocol: losses, crashes, partitions.
  private static func isFault(_ event: Event) -> Bool {
    switch event {
    case .lost, .crashed, .recovered, .partitioned, .healed: true
    default: false
    }
  }
}
