import PaxosCheck
import PaxosScript

/// `check_distinct_states_per_second`, with one worker and with two, and
/// `check_bytes_per_state`: the model checker exhausts one fixed configuration, two proposers
/// of `cluster 3 2 1` each proposing a value, delivered in every order, with no faults.
enum CheckBench {
  static let script = ["cluster 3 2 1", "propose p1 red", "propose p2 blue"]
  static let options = "depth=40 crashes=0 recoveries=0 timeouts=0"
  static var description: String { script.joined(separator: "; ") + "; check " + options }

  struct Result {
    var check: CheckResult
    /// How far the peak resident memory rose during the check.
    var peakBytes: Int

    var statesPerSecond: Double { Double(check.distinctStates) / check.seconds }
    var bytesPerState: Double { Double(peakBytes) / Double(check.distinctStates) }
  }

  static func measure(workers: Int, symmetry: Bool) throws -> Result {
    var interpreter = Interpreter()
    for line in script { _ = interpreter.execute(line) }
    var options = CheckOptions()
    options.depth = 40
    options.crashes = 0
    options.recoveries = 0
    options.timeouts = 0
    options.workers = workers
    options.symmetry = symmetry
    options.states = CheckOptions.maxStates
    let cluster = interpreter.cluster
    var result: CheckResult?
    let peak = MemoryProbe.peakGrowth { result = cluster.check(options) }
    guard let result, result.outcome == .safe(exhausted: true) else {
      throw BenchFailure(description: "the check's configuration did not exhaust safely")
    }
    return Result(check: result, peakBytes: peak)
  }
}
