import PaxosSim

/// Plays a lesson: narration as text, commands with their transcript, pauses and questions
/// either asked of the student or passed straight through. Reads and writes only through the
/// closures it is given, so the same player serves the terminal, pipes and tests.
public struct LessonPlayer {
  public enum Mode: Sendable {
    /// Wait at pauses and ask the questions: a student.
    case interactive
    /// `--no-pause`: run straight through, printing each question's answer: teachers and CI.
    case straightThrough
  }

  public let mode: Mode
  /// The lesson's cluster; an experiment at a pause never changes it.
  public private(set) var interpreter = Interpreter()
  private let emit: (String) -> Void
  /// Shows the prompt and returns the next line, or nil at the end of the input. At a pause it
  /// is also given the copy of the cluster a line typed there runs on (for completion); nil at
  /// a question, whose reply is an answer, not a command.
  private let read: (_ prompt: String, _ trial: Interpreter?) -> String?
  private var reply: String?
  /// The kind of prose shown last (nil after a command's output): a blank line separates
  /// narration, question, reveal and output, so each reads as its own paragraph.
  private var lastProse: CommandWord?
  private var shownAnything = false
  /// A person at a terminal typed Ctrl-D: they are leaving, not asking to run the rest. (From
  /// a pipe, the end of the input runs the rest of the lesson without asking.)
  public var endOfInputLeaves = false
  /// Asked during a long `run` or `compare`, by the lesson's lines and a student's alike:
  /// true stops it (Ctrl-C at a terminal).
  public var interrupted: Checkpoint?
  /// The student left before the end (`quit` at a pause, or Ctrl-D at a terminal): the lesson
  /// stopped there and is not finished.
  public private(set) var left = false

  public static let pausePrompt = "[Enter: go on; or type a command to try it] "
  public static let answerPrompt = "your answer> "

  public init(
    mode: Mode, emit: @escaping (String) -> Void,
    read: @escaping (_ prompt: String, _ trial: Interpreter?) -> String?
  ) {
    self.mode = mode
    self.emit = emit
    self.read = read
  }

  /// Plays every line; stops like `paxlab run` at a refused line or a failed `expect`.
  public mutating func play(_ lesson: Lesson, file: String) -> ScriptStatus {
    interpreter = Interpreter()
    interpreter.interrupted = interrupted
    for (index, text) in lesson.lines.enumerated() {
      let command: Command
      do {
        guard let parsed = try Parser.parse(text) else { continue }
        command = parsed
      } catch {
        return fail(.error(error), file: file, line: index + 1, text: text)
      }
      let questionBefore = interpreter.openQuestion
      let result = interpreter.execute(command, line: text)
      guard case .done = result.outcome else {
        return fail(result.outcome, file: file, line: index + 1, text: text)
      }
      if case .teach(let teaching) = command {
        show(teaching, closing: interpreter.openQuestion == nil ? questionBefore : nil)
      } else {
        showCommand(text, result)
      }
      if left {
        emit("")
        emit("You left the lesson at line \(index + 1) of \(lesson.lines.count).")
        return .passed
      }
    }
    if let error = interpreter.unrevealedQuestion {
      return fail(.error(error), file: file, line: lesson.lines.count, text: nil)
    }
    emit("")
    emit("End of the lesson: \(lesson.title).")
    return .passed
  }

  private mutating func show(_ teaching: Teaching, closing question: Question?) {
    switch teaching {
    case .title(let text): prose("Lesson: " + text, .title)
    case .summary(let text): prose(text, .title)
    case .say(let text): prose(text, .say)
    case .pause:
      // What follows a pause is a new paragraph, even when it goes on with the same kind.
      lastProse = .pause
      if mode == .interactive { pause() }
    case .ask(let question):
      prose("Question: " + question.text, .ask)
      reply = mode == .interactive ? readAnswer() : nil
      if reply == nil && mode == .interactive && endOfInputLeaves { left = true }
    case .reveal(let text):
      // Straight through, the reveal alone says the answer: it must name it.
      if let question, mode == .interactive { prose(verdict(on: question), .reveal) }
      prose(text, .reveal)
    }
  }

  /// The student's reply; nil at the end of the input. A first blank line asks again, so that
  /// an Enter pressed once too often at the pause before does not pass for an answer; a second
  /// one shows the answer.
  private func readAnswer() -> String? {
    guard let line = read(Self.answerPrompt, nil) else { return nil }
    guard line.trimmingBlanks.isEmpty else { return line }
    emit(Self.blankAnswerHint)
    return read(Self.answerPrompt, nil)
  }

  public static let blankAnswerHint = "(type your answer, or press Enter again to see it)"

  /// What the lesson says about the student's answer, just before the reveal explains it.
  private mutating func verdict(on question: Question) -> String {
    defer { reply = nil }
    guard let reply, !Question.words(reply).isEmpty else {
      return "The answer: \(question.answer)."
    }
    let shown = Words.shorten(reply.trimmingBlanks)
    return question.accepts(reply)
      ? "You said \"\(shown)\": right, \(question.answer)."
      : "You said \"\(shown)\"; the answer is \(question.answer)."
  }

  private mutating func prose(_ text: String, _ kind: CommandWord) {
    if shownAnything && lastProse != kind { emit("") }
    lastProse = kind
    shownAnything = true
    emit(text)
  }

  private mutating func showCommand(_ text: String, _ result: LineResult) {
    if lastProse != nil { emit("") }
    lastProse = nil
    shownAnything = true
    emit("> " + Interpreter.trimmed(text))
    Transcript.lines(for: result, in: interpreter.cluster, quiet: false).forEach(emit)
  }

  /// Waits for Enter. Commands typed meanwhile run on a copy of the cluster, which is dropped
  /// when the student goes on: an experiment never breaks the rest of the lesson.
  private mutating func pause() {
    var trial = interpreter
    var experimented = false
    while true {
      guard let line = read(Self.pausePrompt, trial) else {
        left = endOfInputLeaves
        break
      }
      guard !line.trimmingBlanks.isEmpty else { break }
      if case .quit? = try? Parser.parse(line) {
        left = true
        return
      }
      let result = trial.execute(line)
      experimented = experimented || !result.recorded.isEmpty
      switch result.outcome {
      case .blank, .quit, .forREPL: continue
      case .done: Transcript.lines(for: result, in: trial.cluster, quiet: false).forEach(emit)
      case .error(let error):
        emit("error: " + error.message)
        if let hint = error.hint { emit("hint: " + hint) }
      case .expectationFailed(let expected, let actual):
        emit("expectation failed: expected \(expected); actual \(actual)")
      }
    }
    if experimented { emit("(the cluster is back where the lesson left it)") }
  }

  private func fail(_ outcome: LineResult.Outcome, file: String, line: Int, text: String?)
    -> ScriptStatus
  {
    let failure = ScriptFailure(outcome, file: file, line: line, text: text)
    failure.lines.forEach(emit)
    return failure.status
  }
}

extension String {
  var trimmingBlanks: String {
    let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
    return String(drop(while: isBlank).reversed().drop(while: isBlank).reversed())
  }
}
