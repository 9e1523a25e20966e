import PaxosSim

/// The trace entries of the steps an export covers: `from...to`, both included, nil leaving
/// that end open.
struct StepWindow {
  let entries: Range<Int>

  init(_ trace: Trace, from: Int?, to: Int?) {
    entries = trace.entries(fromStep: from, toStep: to)
  }
}
