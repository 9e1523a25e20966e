import PaxosScript
import PaxosSim

/// The times of the trace at which each command in effect acted.
enum CommandTimes {
  /// One entry per command: the time of its first and last step, or nil when it took none in
  /// the trace the cluster holds now (a setting, or any command up to the last `reset`, whose
  /// trace is gone).
  static func ranges(of timeline: Timeline, in cluster: Cluster) -> [ClosedRange<Int>?] {
    let entries = cluster.trace.entries
    let lastReset = timeline.entries.lastIndex { $0.command == .reset } ?? -1
    return timeline.entries.indices.map { index in
      let events = timeline.entries[index].events
      guard index > lastReset, !events.isEmpty, events.upperBound <= entries.count else {
        return nil
      }
      return Int(entries[events.lowerBound].time)...Int(entries[events.upperBound - 1].time)
    }
  }

  /// The seed of the last `run seed=S` since the last `reset`: what the scheduler's random
  /// streams started from; nil while they are the default ones.
  static func seed(of timeline: Timeline) -> UInt64? {
    for entry in timeline.entries.reversed() {
      switch entry.command {
      case .reset: return nil
      case .run(_, let seed?, _, _): return seed
      default: continue
      }
    }
    return nil
  }
}
