import ArgumentParser
import Glibc
import PaxosExport
import PaxosScript
import PaxosSession

/// `paxlab` and `paxlab repl`: type commands at a cluster that outlives the program.
struct ReplCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repl",
    abstract: "Type commands at a simulated cluster that is saved as you go.",
    discussion: "At a terminal: line editing, history (Up, Ctrl-R), Tab completion; Ctrl-C "
      + "drops the line or stops a long run, Ctrl-D or 'quit' leaves. With piped input, prints "
      + "what 'paxlab run' prints for each line, goes on after errors, and exits with the worst "
      + "status 'paxlab run' would have given (0, 1 or 2)."
  )

  @Option(
    help: "The session to open, in ./\(SessionPlace.defaultFolder)/: letters, digits, - and _.")
  var session = SessionPlace.defaultName

  @Option(
    help: ArgumentHelp(
      "What to do with a session file that does not replay: start a new session, or keep "
        + "the commands before the bad line. Either way the file is kept, renamed.",
      valueName: "new|keep"))
  var recover: RecoveryChoice?

  func validate() throws {
    guard SessionPlace.isValidName(session) else {
      throw ValidationError(
        "'\(session)' is not a session name: use up to 64 letters, digits, - or _")
    }
  }

  func run() throws {
    let interactive = isatty(STDIN_FILENO) == 1
    let opened = try SessionOpening.open(
      SessionPlace(name: session), recovery: recover?.recovery, canAsk: interactive)
    let status = Self.start(opened, interactive: interactive)
    if status != .passed { throw ExitCode(status.rawValue) }
  }

  /// Runs the REPL on an open session until the input ends or `quit`.
  static func start(_ session: Session, interactive: Bool) -> ScriptStatus {
    for warning in session.warnings { StandardError.line("warning: " + warning) }
    session.enableExports()
    Signals.install()
    let repl = REPL(
      session: session, isInteractive: interactive, output: StandardOutput(),
      palette: Palette.forStandardOutput())
    if interactive {
      greet(session)
      var editor = LineEditor(historyFile: session.place.historyFile)
      return repl.run(reading: &editor)
    }
    var input = PlainLineSource()
    return repl.run(reading: &input)
  }

  private static func greet(_ session: Session) {
    let count = session.interpreter.timeline.entries.count
    print(
      "Paxos Lab: session '\(session.place.name)', \(count) command\(count == 1 ? "" : "s"),"
        + " in \(session.place.folder)/")
    print("'help' lists the commands; Tab completes; Ctrl-D leaves")
  }
}

/// `--recover new|keep`.
enum RecoveryChoice: String, ExpressibleByArgument, CaseIterable {
  case new, keep

  var recovery: Recovery { self == .new ? .startNew : .keepReadable }
}
