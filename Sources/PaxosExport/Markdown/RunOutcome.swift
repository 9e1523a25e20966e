import PaxosCore
import PaxosSim

/// What a run had come to by the end of a window: the values chosen, what each proposer decided
/// and each learner learned, and every violation, read from the trace's events.
struct RunOutcome {
  struct Choice {
    var value: ValueID
    var ballot: Ballot
    var time: Int
  }

  /// The first choice of each value, in order: more than one means agreement broke.
  var chosen: [Choice] = []
  var decided: [NodeID: (value: ValueID, ballot: Ballot)] = [:]
  var learned: [NodeID: (value: ValueID, ballot: Ballot)] = [:]
  var violations: [(time: Int, violation: Violation)] = []

  /// The events up to the end of `window` count; earlier ones are part of the story too.
  init(_ cluster: Cluster, window: TimeWindow) {
    let entries = cluster.trace.entries
    for index in 0..<window.entries.upperBound {
      let entry = entries[index]
      switch entry.event {
      case .chosen(let value, let ballot) where !chosen.contains(where: { $0.value == value }):
        chosen.append(Choice(value: value, ballot: ballot, time: Int(entry.time)))
      case .decided(let value, let ballot): decided[ballot.proposer] = (value, ballot)
      case .learned(let node, let value, let ballot): learned[node] = (value, ballot)
      case .violation(let violation): violations.append((Int(entry.time), violation))
      default: break
      }
    }
  }
}
