import PaxosScript

/// The simulator's figures: rounds through the interpreter, and one long run's throughput and
/// memory per event.
enum SimulationBench {
  /// (a) `cluster 3 1 1`, `propose`, `deliver all`, `reset`, through the script runner with -q.
  static func roundsPerSecond(_ rounds: Int) -> Double {
    let round: [Substring] = ["cluster 3 1 1", "propose p1 red", "deliver all", "reset"]
    var runner = ScriptRunner(quiet: true) { _ in }
    // One round with a check first, untimed: the figure counts only rounds that choose.
    let checked = round.dropLast() + ["expect chosen red", "expect learned l1 red"]
    guard runner.run(name: "bench", lines: checked) == .passed else { return 0 }
    let script = Array(repeatElement(round, count: rounds).joined())
    let clock = ContinuousClock()
    var status = ScriptStatus.passed
    let elapsed = clock.measure { status = runner.run(name: "bench", lines: script) }
    guard status == .passed else { return 0 }
    return Double(rounds) / elapsed.seconds
  }

  /// `compare backoff` as lesson 8 types it: five acceptors, three proposers asking at once,
  /// 100 seeds under each of the three backoffs, at most 2,000 steps each. Seconds.
  static func compareBackoffSeconds() -> Double {
    var interpreter = Interpreter()
    for line in ["cluster 5 3 1", "propose p1 red", "propose p2 blue", "propose p3 green"] {
      _ = interpreter.execute(line)
    }
    return ContinuousClock().measure {
      _ = interpreter.execute("compare backoff seeds=100 steps=2000")
    }.seconds
  }

  struct LongRun {
    var messages: Int
    var events: Int
    var messagesPerSecond: Double
    var traceBytesPerEvent: Double
    var residentBytesPerEvent: Double
  }

  /// (b) and (c): the shared long run, timed, with the trace's memory per event.
  static func longRun(messages target: Int) -> LongRun {
    let residentBefore = MemoryProbe.residentBytes()
    var interpreter = Interpreter()
    let elapsed = ContinuousClock().measure {
      interpreter = BenchRun.longRun(orMessages: target)
    }
    let trace = interpreter.cluster.trace
    let events = trace.entries.count
    let traceBytes = trace.entries.allocatedBytes + trace.messages.allocatedBytes
    return LongRun(
      messages: trace.messages.count, events: events,
      messagesPerSecond: Double(trace.messages.count) / elapsed.seconds,
      traceBytesPerEvent: Double(traceBytes) / Double(events),
      residentBytesPerEvent: Double(MemoryProbe.residentBytes() - residentBefore) / Double(events))
  }
}
