import PaxosCore

/// How a `run` ended.
public struct RunSummary: Hashable, Sendable {
  public var steps: Int
  /// True when nothing was left to do; false when the step limit stopped the run.
  public var quiescent: Bool
  /// True when someone stopped the run before its limit (Ctrl-C in the REPL).
  public var interrupted = false
  /// True when `run ... until violation` asked to stop at the first violation.
  public var untilViolation = false
  /// True when the run stopped at the step that broke safety.
  public var stoppedAtViolation = false
  /// True when the trace reached the most entries a cluster keeps. A replay of the same line
  /// stops at the same step, so, unlike an interrupted run, the history keeps it as typed.
  public var traceFull = false
}

extension Cluster {
  public static let defaultRunSteps = 1000
  /// Steps one `run` may take: enough for any lesson, and it ends in about a second.
  public static let maxRunSteps = 1_000_000

  /// Replaces the scheduler's random streams: one for picking deliveries, one for backoff, so
  /// that one more message does not change every later backoff.
  public mutating func seed(_ seed: UInt64) {
    scheduler = SplitMix64(seed: seed)
    backoffRandom = SplitMix64(seed: seed ^ 0x5EED_BAC0_FF00_0001)
  }

  /// Runs the cluster on its own: a due timer fires first, as a real one would; otherwise a
  /// message in flight picked at random is delivered; when neither, the clock jumps to the
  /// next timer. Stops when nothing is left to do, after `limit` steps, when `interrupted`
  /// says so, or, `untilViolation`, at the first step that breaks safety.
  public mutating func run(
    limit: Int, interrupted: Checkpoint? = nil, untilViolation: Bool = false
  ) -> RunSummary {
    var summary = runSteps(
      limit: limit, interrupted: interrupted, stopAbove: untilViolation ? violations.count : nil)
    summary.untilViolation = untilViolation
    return summary
  }

  /// The run; it stops as soon as there are more violations than `stopAbove`, when given.
  private mutating func runSteps(
    limit: Int, interrupted: Checkpoint?, stopAbove known: Int?
  ) -> RunSummary {
    let limit = min(limit, Self.maxRunSteps)
    var taken = 0
    while taken < limit {
      // Checked every 1024 steps: often enough to feel instant, rarely enough to cost nothing.
      if taken & 1023 == 1023, interrupted?(taken, limit) == true {
        return RunSummary(steps: taken, quiescent: false, interrupted: true)
      }
      if traceIsFull { return RunSummary(steps: taken, quiescent: false, traceFull: true) }
      // A timer is armed only for a proposer with a round left (see `Node.retryAt`).
      if let (index, due) = nextTimer(), due <= time || inFlight.isEmpty,
        let round = nodes[index].proposer?.nextRound
      {
        time = max(time, due - 1)
        beginStep()
        fireTimer(at: index, round: round)
      } else if !inFlight.isEmpty {
        deliver(at: scheduler.next(below: inFlight.count))
      } else {
        return RunSummary(steps: taken, quiescent: true)
      }
      taken += 1
      if let known, violations.count > known {
        return RunSummary(steps: taken, quiescent: false, stoppedAtViolation: true)
      }
    }
    return RunSummary(steps: taken, quiescent: nextTimer() == nil && inFlight.isEmpty)
  }

  /// The armed timer due first, ties going to the node added first.
  public func nextTimer() -> (index: Int, due: Int)? {
    var best: (index: Int, due: Int)?
    for index in nodes.indices {
      guard let due = nodes[index].retryAt else { continue }
      if best.map({ due < $0.due }) ?? true { best = (index, due) }
    }
    return best
  }
}
