import ArgumentParser
import Glibc
import PaxosScript
import PaxosSession

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
  var lessons = "lessons"

  func run() throws {
    let catalogue: LessonCatalogue
    do {
      catalogue = try LessonCatalogue(folder: lessons)
    } catch {
      StandardError.line("paxlab: \(error)")
      throw ExitCode(ScriptStatus.usageError.rawValue)
    }
    guard !catalogue.lessons.isEmpty else {
      StandardError.line("paxlab: no lessons (*.paxos) in '\(lessons)'")
      StandardError.line("hint: run paxlab from the Paxos Lab folder, or give --lessons DIR")
      throw ExitCode(ScriptStatus.usageError.rawValue)
    }
    var progress = LessonProgress()
    guard let lesson else {
      LessonList.lines(catalogue, progress: progress).forEach { print($0) }
      return
    }
    guard let (number, found) = catalogue.find(lesson) else {
      StandardError.line("paxlab: no lesson '\(lesson)' in '\(lessons)'")
      StandardError.line("hint: 'paxlab lesson' lists them; give a number or a name")
      throw ExitCode(ScriptStatus.usageError.rawValue)
    }
    let (status, commands) = play(found, number: number, path: catalogue.path(of: found))
    guard status == .passed else { throw ExitCode(status.rawValue) }
    do {
      try progress.markFinished(found.name)
    } catch {
      StandardError.line("warning: the progress was not saved: \(error)")
    }
    // A student at a terminal goes on experimenting with the cluster the lesson built.
    if !noPause, isatty(STDIN_FILENO) == 1 {
      let session = try Self.session(named: "lesson-\(number)", builtBy: commands)
      print("The REPL is open on the lesson's cluster (session 'lesson-\(number)'); Ctrl-D leaves.")
      _ = ReplCommand.start(session, interactive: true)
    }
  }

  /// Plays the lesson; returns how it ended and the commands that built its cluster.
  private func play(_ lesson: Lesson, number: Int, path: String) -> (ScriptStatus, [String]) {
    let output = StandardOutput(flushesEachLine: true)
    let input = AnswerInput(isTerminal: isatty(STDIN_FILENO) == 1, output: output)
    var player = LessonPlayer(
      mode: noPause ? .straightThrough : .interactive, emit: output.line, read: input.read)
    let status = player.play(lesson, file: path)
    if status == .passed {
      output.line("Lesson \(number) done; 'paxlab lesson' shows your progress.")
    }
    output.flush()
    return (status, player.interpreter.timeline.entries.map(\.text))
  }

  /// The lesson's session, holding exactly the cluster the lesson ended with: an earlier
  /// attempt's experiments are reset first (and can still be undone).
  private static func session(named name: String, builtBy commands: [String]) throws -> Session {
    let session = try SessionOpening.open(
      SessionPlace(name: name), recovery: .startNew, canAsk: false)
    let lines = (session.interpreter.timeline.entries.isEmpty ? [] : ["reset"]) + commands
    for line in lines {
      guard case .done = session.execute(line).outcome else {
        StandardError.line("paxlab: the lesson's cluster could not be rebuilt at '\(line)'")
        throw ExitCode(ScriptStatus.usageError.rawValue)
      }
    }
    return session
  }
}

/// The student's replies at pauses and questions. At a terminal the prompt waits on the same
/// line; from a pipe the reply is echoed after it, so the transcript shows what was answered.
struct AnswerInput {
  let isTerminal: Bool
  let output: StandardOutput

  func read(prompt: String) -> String? {
    if isTerminal {
      output.flush()
      let bytes = Array(prompt.utf8)
      _ = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
      return readLine()
    }
    let line = readLine()
    output.line(prompt + (line ?? "(end of input)"))
    return line
  }
}
