import PaxosSim

/// The trace entries an export covers: those at times `from...to`, both included, nil leaving
/// that end open.
struct TimeWindow {
  let entries: Range<Int>

  init(_ trace: Trace, from: Int?, to: Int?) {
    entries = trace.entries(fromTime: from, toTime: to)
  }
}
