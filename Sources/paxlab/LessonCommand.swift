import ArgumentParser
import Glibc
import PaxosScript

/// `paxlab lesson`: the list of lessons with the student's progress; `paxlab lesson N|NAME`
/// plays one.
struct LessonCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lesson",
    abstract: "List the lessons of the course, or take one.",
    discussion: "At a pause press Enter to go on, or type commands to try them: the lesson's "
      + "cluster is put back when you go on. At a question type your answer. With --no-pause "
      + "the lesson runs straight through, as a test: exit status 0, 1 or 2 as for 'paxlab run'."
  )

  @Argument(help: "The lesson to take: its number or its name. Without it, list the lessons.")
  var lesson: String?

  @Flag(help: "Run straight through: no pauses, and each question's answer is shown.")
  var noPause = false

  @Option(help: ArgumentHelp("The folder of the lessons.", valueName: "DIR"))
  var lessons = Classroom.defaultFolder

  func run() throws {
    let classroom = Classroom(folder: lessons, asked: .atTheShell)
    let atTerminal = isatty(STDIN_FILENO) == 1
    let taken: Move
    do throws(ScriptError) {
      guard let lesson else {
        for line in try classroom.list() { print(line) }
        return
      }
      // A student at a terminal goes on experimenting with the cluster the lesson built.
      taken = try classroom.take(
        lesson, mode: noPause ? .straightThrough : .interactive, atTerminal: atTerminal,
        keepsCluster: !noPause && atTerminal)
    } catch {
      StandardError.line("paxlab: " + error.message)
      if let hint = error.hint { StandardError.line("hint: " + hint) }
      throw ExitCode(ScriptStatus.usageError.rawValue)
    }
    guard taken.status == .passed else { throw ExitCode(taken.status.rawValue) }
    guard let session = taken.session else { return }
    let name = session.place.name
    print("The REPL is open on the lesson's cluster (session '\(name)'); Ctrl-D leaves.")
    _ = ReplCommand.start(session, interactive: true)
  }
}
