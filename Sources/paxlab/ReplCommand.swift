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
      throw ValidationError(SessionPlace.notAName(session))
    }
  }

  func run() throws {
    let interactive = isatty(STDIN_FILENO) == 1
    let opened = try SessionOpening.open(
      SessionPlace(name: session), recovery: recover?.recovery, canAsk: interactive)
    let status = Self.start(opened, interactive: interactive)
    if status != .passed { throw ExitCode(status.rawValue) }
  }

  /// Runs the REPL on an open session until the input ends or `quit`; a lesson taken there
  /// moves it to the lesson's session.
  static func start(_ session: Session, interactive: Bool) -> ScriptStatus {
    warn(session)
    Signals.install()
    if interactive { greet(session) }
    var input = PlainLineSource()
    var session = session
    var status = ScriptStatus.passed
    while true {
      session.enableExports()
      let repl = REPL(
        session: session, isInteractive: interactive, output: StandardOutput(),
        palette: Palette.forStandardOutput())
      let move: Move
      if interactive {
        // Each session keeps the lines typed at it beside its file.
        var editor = LineEditor(historyFile: session.place.historyFile)
        move = repl.run(reading: &editor)
      } else {
        move = repl.run(reading: &input)
      }
      status = repl.worse(status, than: move.status)
      guard let next = move.session else { return status }
      if next !== session { session.close() }
      warn(next)
      session = next
    }
  }

  /// What the user should know about how the session was opened.
  private static func warn(_ session: Session) {
    for warning in session.warnings { StandardError.line("warning: " + warning) }
  }

  private static func greet(_ session: Session) {
    let count = session.interpreter.timeline.entries.count
    print(
      "Paxos Lab: session '\(session.place.name)', \(count) command\(count == 1 ? "" : "s"),"
        + " in \(session.place.folder)/")
    print("'lesson 1' starts the course; 'help' lists the commands; Tab completes; Ctrl-D leaves")
  }
}

/// `--recover new|keep`.
enum RecoveryChoice: String, ExpressibleByArgument, CaseIterable {
  case new, keep

  var recovery: Recovery { self == .new ? .startNew : .keepReadable }
}
