import PaxosScript

/// The long run the benchmarks share: 5 acceptors, 3 proposers and a learner with randomized
/// backoff, whose proposers keep proposing, run by the seeded scheduler.
enum BenchRun {
  static func longRun(untilEvents events: Int = .max, orMessages messages: Int = .max)
    -> Interpreter
  {
    var interpreter = Interpreter()
    for line in ["cluster 5 3 1", "set backoff random 20", "set timeout 60"] {
      _ = interpreter.execute(line)
    }
    var attempt = 0
    while interpreter.cluster.trace.entries.count < events
      && interpreter.cluster.trace.messages.count < messages && !interpreter.cluster.traceIsFull
    {
      attempt += 1
      for proposer in 1...3 { _ = interpreter.execute("propose p\(proposer) v\(attempt)") }
      _ = interpreter.execute("run steps=100000 seed=\(attempt)")
    }
    return interpreter
  }

  static func median(_ values: [Double]) -> Double {
    values.isEmpty ? 0 : values.sorted()[values.count / 2]
  }
}

extension Duration {
  var seconds: Double {
    let (seconds, attoseconds) = components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}

struct BenchFailure: Error, CustomStringConvertible {
  let description: String
}
