import ArgumentParser

/// `paxlab bench`: the figures the README reports, measured on this machine, printed as JSON.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract:
      "Measure simulation speed, trace memory, session start-up and exports (use a release build)."
  )

  @Option(help: "Single-decree rounds to time through the interpreter.")
  var rounds = 200_000

  @Option(help: "Client requests a stable leader of a log cluster takes, one after another.")
  var logRequests = 100_000

  @Option(help: "Messages the long run should send at least.")
  var messages = 2_000_000

  @Option(help: "Times to repeat each measurement; the median is reported.")
  var repetitions = 3

  @Option(help: "Commands in the session whose opening is timed.")
  var sessionCommands = 10_000

  @Option(help: "Events in the run that is exported to every format and loaded back.")
  var exportEvents = 100_000

  @Flag(help: "Measure only the model checker.")
  var checkOnly = false

  func run() throws {
    let repetitions = max(1, repetitions)
    let check = try checkFields(repetitions: repetitions)
    guard !checkOnly else { return Self.print(check) }
    // Exports first, while the process is small: their peak memory is measured.
    let export = try ExportBench.measure(events: exportEvents, repetitions: repetitions)
    let session = try (0..<repetitions)
      .map { _ in try SessionBench.measure(commands: sessionCommands) }
      .sorted { $0.openSeconds < $1.openSeconds }[repetitions / 2]
    let rounds = (0..<repetitions).map { _ in SimulationBench.roundsPerSecond(self.rounds) }
    let comparisons = (0..<repetitions).map { _ in SimulationBench.compareBackoffSeconds() }
    let logRuns = (0..<repetitions).compactMap { _ in LogBench.measure(requests: logRequests) }
    guard logRuns.count == repetitions else {
      throw BenchFailure(description: "the log cluster's requests were not all applied")
    }
    let log = logRuns.sorted { $0.perSecond < $1.perSecond }[repetitions / 2]
    // The median run by throughput: fresh memory costs page faults that vary between runs.
    let longRun = (0..<repetitions).map { _ in SimulationBench.longRun(messages: messages) }
      .sorted { $0.messagesPerSecond < $1.messagesPerSecond }[repetitions / 2]
    let fields: [(String, String)] =
      [
        ("repetitions", "\(repetitions)"),
        ("rounds", "\(self.rounds)"),
        ("rounds_per_second", "\(Int(BenchRun.median(rounds)))"),
        ("run_messages", "\(longRun.messages)"),
        ("run_events", "\(longRun.events)"),
        ("run_messages_per_second", "\(Int(longRun.messagesPerSecond))"),
        ("trace_bytes_per_event", "\(Int(longRun.traceBytesPerEvent.rounded()))"),
        ("resident_bytes_per_event", "\(Int(longRun.residentBytesPerEvent.rounded()))"),
        ("session_commands", "\(session.commands)"),
        ("session_open_ms", Self.milliseconds(session.openSeconds)),
        ("command_ms_in_short_session", Self.milliseconds(session.commandSecondsEarly)),
        ("command_ms_in_long_session", Self.milliseconds(session.commandSecondsLate)),
        ("compare_backoff_ms", Self.milliseconds(BenchRun.median(comparisons))),
        ("log_requests", "\(log.requests)"),
        ("log_commands_per_second", "\(Int(log.perSecond))"),
        ("log_first_\(log.stretch)_ms", Self.milliseconds(log.firstStretch)),
        ("log_last_\(log.stretch)_ms", Self.milliseconds(log.lastStretch)),
      ] + export.fields(milliseconds: Self.milliseconds) + check
    Self.print(fields)
  }

  private static func print(_ fields: [(String, String)]) {
    Swift.print("{\n" + fields.map { "  \"\($0.0)\": \($0.1)" }.joined(separator: ",\n") + "\n}")
  }

  /// The model checker's figures, each the median of the repetitions.
  private func checkFields(repetitions: Int) throws -> [(String, String)] {
    func median(workers: Int, symmetry: Bool = false) throws -> CheckBench.Result {
      try (0..<repetitions).map { _ in try CheckBench.measure(workers: workers, symmetry: symmetry)
      }
      .sorted { $0.statesPerSecond < $1.statesPerSecond }[repetitions / 2]
    }
    let one = try median(workers: 1)
    let two = try median(workers: 2)
    return [
      ("check_configuration", "\"\(CheckBench.description)\""),
      ("check_distinct_states", "\(one.check.distinctStates)"),
      ("check_transitions", "\(one.check.transitions)"),
      ("check_distinct_states_per_second", "\(Int(one.statesPerSecond))"),
      ("check_distinct_states_per_second_2_workers", "\(Int(two.statesPerSecond))"),
      ("check_bytes_per_state", "\(Int(one.bytesPerState.rounded()))"),
    ]
  }

  /// Seconds as milliseconds with two decimals.
  static func milliseconds(_ seconds: Double) -> String {
    let hundredths = Int((seconds * 100_000).rounded())
    let fraction = String(hundredths % 100)
    return "\(hundredths / 100)." + String(repeating: "0", count: 2 - fraction.count) + fraction
  }
}
