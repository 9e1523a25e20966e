import ArgumentParser
import Glibc
import PaxosCheck
import PaxosScript
import PaxosSession

/// `paxlab check SCRIPT`: runs the script as `paxlab run` does, then `check` from where it
/// ends, with each option of `check` as a flag of the same name.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Run a script, then try every schedule from where it ends within the bounds.",
    discussion: "Exits 0 when no schedule within the bounds breaks safety, 1 when one does, "
      + "2 when the script or an option is bad, 3 when the check stopped first (the state "
      + "limit, or Ctrl-C). 'help check' at the paxlab prompt says more."
  )

  private static let defaults = CheckOptions()

  @Argument(help: "The script to run first; - reads standard input.")
  var script: String

  @Option(help: "The most events in one schedule (\(Self.defaults.depth)).") var depth: Int?
  @Option(help: "Messages one schedule may drop (\(Self.defaults.drops)).") var drops: Int?
  @Option(help: "Messages one schedule may duplicate (\(Self.defaults.duplicates)).")
  var duplicates: Int?
  @Option(help: "Nodes one schedule may crash (\(Self.defaults.crashes)).") var crashes: Int?
  @Option(help: "Nodes one schedule may recover (\(Self.defaults.recoveries)).") var recoveries:
    Int?
  @Option(help: "Proposer timeouts (new rounds) one schedule may fire (\(Self.defaults.timeouts)).")
  var timeouts: Int?
  @Option(help: "Stop after this many distinct states (\(Self.defaults.states)).") var states: Int?
  @Option(help: "Threads to search with; the result is the same (\(Self.defaults.workers)).")
  var workers: Int?
  @Flag(help: "Count acceptors with the same roles as interchangeable.") var symmetry = false

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      "Write the script, the violating schedule's commands and 'expect violation' to FILE, "
        + "which 'paxlab run FILE' replays.", valueName: "FILE"))
  var output: String?

  @Flag(help: "Print the result as one JSON object; the script's errors go to standard error.")
  var json = false

  /// The options as the `check` line of the language, which checks their bounds.
  private var checkLine: String {
    let given: [(CheckOptions.Bound, Int?)] = [
      (.depth, depth), (.drops, drops), (.duplicates, duplicates), (.crashes, crashes),
      (.recoveries, recoveries), (.timeouts, timeouts), (.states, states), (.workers, workers),
    ]
    return
      (["check"] + given.compactMap { bound, value in value.map { "\(bound.rawValue)=\($0)" } }
      + (symmetry ? ["symmetry"] : [])).joined(separator: " ")
  }

  /// The `check` the options make, or a usage error naming the option that is out of bounds.
  private func checkCommand() throws -> Command {
    do {
      guard let command = try Parser.parse(checkLine) else { return .check(CheckOptions()) }
      return command
    } catch {
      throw ValidationError(error.message)
    }
  }

  func validate() throws { _ = try checkCommand() }

  func run() throws {
    let command = try checkCommand()
    let out = StandardOutput()
    let lines = Array(try RunCommand.lines(of: script, out))
    var runner = ScriptRunner(quiet: true, emit: json ? StandardError.line : out.line)
    runner.exporter = RunCommand.exporter(for: script)
    guard runner.run(name: RunCommand.name(of: script), lines: lines) == .passed else {
      out.flush()
      StandardError.line("paxlab: the script does not run to its end, so there is nothing to check")
      throw ExitCode(ScriptStatus.usageError.rawValue)
    }
    Signals.install()
    let progress = ProgressLine()
    progress.begin("check")
    var interpreter = runner.interpreter
    interpreter.checkProgress = progress.checkProgress
    let result = interpreter.execute(command)
    progress.end()
    guard case .check(let report)? = result.note else {
      if case .error(let error) = result.outcome {
        out.flush()
        REPLTranscript.lines(of: error).forEach(StandardError.line)
      }
      throw ExitCode(ScriptStatus.usageError.rawValue)
    }
    if json {
      out.line(CheckJSON.object(report))
    } else {
      report.lines(timed: true).forEach(out.line)
    }
    if let output { try write(report, after: lines, to: output, out) }
    out.flush()
    let status = Self.status(of: report.result.outcome)
    if status != 0 { throw ExitCode(status) }
  }

  /// 0 safe, 1 a violation, 3 stopped first (2 is a bad script or option).
  static func status(of outcome: CheckOutcome) -> Int32 {
    switch outcome {
    case .safe: 0
    case .violation: 1
    case .stopped: 3
    }
  }

  /// The script, then the schedule and `expect violation`: a script that replays the bad run.
  private func write(
    _ report: CheckReport, after lines: [Substring], to path: String, _ out: StandardOutput
  ) throws {
    guard case .violation = report.result.outcome else {
      StandardError.line("paxlab: no violation, so no schedule to write; '\(path)' is not written")
      return
    }
    let script =
      lines.drop(while: SavedScript.isHeader).map(String.init)
      + report.result.schedule.map(\.line) + ["expect violation"]
    let target = SavedScript.target(
      protecting: self.script == "-" ? [] : [.init(path: self.script, role: "the script checked")],
      otherName: "give -o another file")
    do {
      try target.write(Array(SavedScript.text(of: script).utf8), to: path)
    } catch {
      out.flush()
      REPLTranscript.lines(of: error).forEach(StandardError.line)
      throw ExitCode(ScriptStatus.usageError.rawValue)
    }
    if !json { out.line("wrote \(path); 'paxlab run \(path)' replays the violation") }
  }
}
