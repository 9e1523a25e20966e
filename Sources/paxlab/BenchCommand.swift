import ArgumentParser
import Glibc
import PaxosScript
import PaxosSession
import PaxosSim

/// `paxlab bench`: the figures the README reports, measured on this machine, printed as JSON.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract:
      "Measure simulated rounds per second, run throughput and trace memory (use a release build)."
  )

  @Option(help: "Single-decree rounds to time through the interpreter.")
  var rounds = 200_000

  @Option(help: "Messages the long run should send at least.")
  var messages = 2_000_000

  @Option(help: "Times to repeat each measurement; the median is reported.")
  var repetitions = 3

  @Option(help: "Commands in the session whose opening is timed.")
  var sessionCommands = 10_000

  @Option(help: "Trace events in the run exported to Mermaid, Graphviz and Markdown.")
  var exportEvents = 100_000

  func run() throws {
    let repetitions = max(1, repetitions)
    // First, while the process is small, so that its peak memory shows what exporting adds.
    let export = ExportBench.measure(events: exportEvents, repetitions: repetitions)
    let sessions = try (0..<repetitions).map { _ in try SessionBench.measure(commands: sessionCommands) }
      .sorted { $0.openSeconds < $1.openSeconds }
    let session = sessions[sessions.count / 2]
    let roundRates = (0..<repetitions).map { _ in Self.measureRounds(rounds) }
    // The median run by throughput: fresh memory costs page faults that vary between runs.
    let longRuns = (0..<repetitions).map { _ in Self.measureLongRun(messages: messages) }
      .sorted { $0.messagesPerSecond < $1.messagesPerSecond }
    let runFigures = longRuns[longRuns.count / 2]
    let fields: [(String, String)] = [
      ("repetitions", "\(repetitions)"),
      ("rounds", "\(rounds)"),
      ("rounds_per_second", "\(Int(roundRates.sorted()[roundRates.count / 2]))"),
      ("run_messages", "\(runFigures.messages)"),
      ("run_events", "\(runFigures.events)"),
      ("run_messages_per_second", "\(Int(runFigures.messagesPerSecond))"),
      ("trace_bytes_per_event", "\(Int(runFigures.traceBytesPerEvent.rounded()))"),
      ("resident_bytes_per_event", "\(Int(runFigures.residentBytesPerEvent.rounded()))"),
      ("session_commands", "\(session.commands)"),
      ("session_open_ms", milliseconds(session.openSeconds)),
      ("command_ms_in_short_session", milliseconds(session.commandSecondsEarly)),
      ("command_ms_in_long_session", milliseconds(session.commandSecondsLate)),
    ] + export.fields
    print("{\n" + fields.map { "  \"\($0.0)\": \($0.1)" }.joined(separator: ",\n") + "\n}")
  }

  private func milliseconds(_ seconds: Double) -> String {
    let hundredths = Int((seconds * 100_000).rounded())
    let fraction = String(hundredths % 100)
    return "\(hundredths / 100)." + String(repeating: "0", count: 2 - fraction.count) + fraction
  }

  /// (a) `cluster 3 1 1`, `propose`, `deliver all`, `reset`, through the script runner with -q.
  static func measureRounds(_ rounds: Int) -> Double {
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

  struct RunFigures {
    var messages: Int
    var events: Int
    var messagesPerSecond: Double
    var traceBytesPerEvent: Double
    var residentBytesPerEvent: Double
  }

  /// (b) and (c): one cluster of 5 acceptors, 3 proposers and a learner with randomized backoff,
  /// whose proposers keep proposing, run by the scheduler; the trace keeps everything.
  static func measureLongRun(messages target: Int) -> RunFigures {
    var interpreter = Interpreter()
    for line in ["cluster 5 3 1", "set backoff random 20", "set timeout 60"] {
      _ = interpreter.execute(line)
    }
    let residentBefore = residentBytes()
    let clock = ContinuousClock()
    var attempt = 0
    let elapsed = clock.measure {
      while interpreter.cluster.trace.messages.count < target {
        attempt += 1
        for proposer in 1...3 { _ = interpreter.execute("propose p\(proposer) v\(attempt)") }
        _ = interpreter.execute("run steps=100000 seed=\(attempt)")
      }
    }
    let trace = interpreter.cluster.trace
    let events = trace.entries.count
    let traceBytes = trace.entries.allocatedBytes + trace.messages.allocatedBytes
    return RunFigures(
      messages: trace.messages.count, events: events,
      messagesPerSecond: Double(trace.messages.count) / elapsed.seconds,
      traceBytesPerEvent: Double(traceBytes) / Double(events),
      residentBytesPerEvent: Double(residentBytes() - residentBefore) / Double(events))
  }

  /// The process's resident memory, from /proc/self/statm (its second field, in pages).
  static func residentBytes() -> Int {
    guard let bytes = try? FileSystem.read("/proc/self/statm") else { return 0 }
    let fields = String(decoding: bytes, as: UTF8.self).split(separator: " ")
    guard fields.count >= 2, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }
}

extension Duration {
  var seconds: Double {
    let (seconds, attoseconds) = components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}
