extension Trace {
  /// The entries whose time lies in `from...to` (both included; nil leaves that end open).
  /// Times never decrease along a trace, so both ends are found by binary search: a window of
  /// a long run costs only the entries inside it.
  public func entries(fromTime from: Int?, toTime to: Int?) -> Range<Int> {
    let start = from.map { time in firstEntry { Int($0.time) >= time } } ?? 0
    let end = to.map { time in firstEntry { Int($0.time) > time } } ?? entries.count
    return start..<max(start, end)
  }

  /// The first index at which `isPast` holds, or the count when it never does.
  private func firstEntry(where isPast: (TraceEntry) -> Bool) -> Int {
    var low = 0
    var high = entries.count
    while low < high {
      let middle = low + (high - low) / 2
      if isPast(entries[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
