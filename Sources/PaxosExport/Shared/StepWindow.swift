import PaxosSim

/// The trace entries whose step lies in `from...to` (both included; nil leaves that end open).
///
/// Steps never decrease along a trace, so both ends are found by binary search: a window of a
/// long run costs only the entries inside it.
struct StepWindow {
  let entries: Range<Int>

  init(_ trace: Trace, from: Int?, to: Int?) {
    let log = trace.entries
    let start = from.map { step in Self.firstIndex(in: log) { Int($0.step) >= step } } ?? 0
    let end = to.map { step in Self.firstIndex(in: log) { Int($0.step) > step } } ?? log.count
    entries = start..<max(start, end)
  }

  /// The first index at which `isPast` holds, or the count when it never does.
  private static func firstIndex(
    in log: ChunkedLog<TraceEntry>, where isPast: (TraceEntry) -> Bool
  ) -> Int {
    var low = 0
    var high = log.count
    while low < high {
      let middle = low + (high - low) / 2
      if isPast(log[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
