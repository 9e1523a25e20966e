import PaxosScript

/// `log_commands_per_second`: a stable leader of a log cluster (3 acceptors, 1 learner) takes
/// one `put` after another, each delivered before the next (`request`, `deliver all`), through
/// the script runner with -q. The first and the last stretch of requests are timed apart: a cost
/// that grows with the log shows as a slower last stretch.
enum LogBench {
  struct Result {
    var requests: Int
    var perSecond: Double
    /// Seconds for the first and for the last `stretch` requests.
    var firstStretch: Double
    var lastStretch: Double
    var stretch: Int
  }

  static func measure(requests: Int) -> Result? {
    let stretch = max(1, min(10_000, requests / 10))
    let marks = Marks(every: stretch)
    var runner = ScriptRunner(quiet: true) { _ in }
    let clock = ContinuousClock()
    let start = clock.now
    guard runner.run(name: "bench", lines: Lines(requests: requests, marks: marks)) == .passed,
      runner.interpreter.cluster.requests.count == requests,
      runner.interpreter.cluster.requests.allSatisfy({ $0.reply != nil }),
      let firstEnd = marks.instants.first, marks.instants.count >= 2
    else { return nil }
    let end = clock.now
    let instants = marks.instants
    return Result(
      requests: requests, perSecond: Double(requests) / (end - start).seconds,
      firstStretch: (firstEnd - start).seconds,
      lastStretch: (instants[instants.count - 1] - instants[instants.count - 2]).seconds,
      stretch: stretch)
  }

  /// When each stretch of requests was done: read as the lines are.
  final class Marks {
    let every: Int
    var instants: [ContinuousClock.Instant] = []
    init(every: Int) { self.every = every }
  }

  /// `cluster 3 1 1 log`, then `request p1 put kK N` and `deliver all` for N = 1...requests, K
  /// being N mod 1,000 (a store of a thousand keys, not one that grows with the log),
  /// made as they are read, as a script file's lines would be.
  struct Lines: Sequence, IteratorProtocol {
    let requests: Int
    let marks: Marks
    private var line = 0

    init(requests: Int, marks: Marks) {
      self.requests = requests
      self.marks = marks
    }

    mutating func next() -> Substring? {
      defer { line += 1 }
      guard line > 0 else { return "cluster 3 1 1 log" }
      let request = (line + 1) / 2
      guard request <= requests else {
        // Reading past the last line: the last request has been delivered.
        if line == 2 * requests + 1 { marks.instants.append(ContinuousClock.now) }
        return nil
      }
      if line % 2 == 1 {
        if request > 1 && (request - 1) % marks.every == 0 {
          marks.instants.append(ContinuousClock.now)
        }
        return Substring("request p1 put k\(request % 1000) \(request)")
      }
      return "deliver all"
    }
  }
}
