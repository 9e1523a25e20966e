import PaxosScript

/// The student's replies at a lesson's pauses and questions. At a terminal they are typed with
/// line editing: history, and at a pause completion on the cluster the line will run on. From a
/// pipe they are plain lines, echoed after the prompt so the transcript shows what was answered.
final class AnswerInput {
  private let output: StandardOutput
  private var editor: LineEditor?
  /// Ctrl-D was pressed: the student is leaving the lesson, so nothing more is read.
  private var ended = false

  /// With a `historyFile`, a person types at a terminal, and the lines are kept there.
  init(output: StandardOutput, historyFile: String?) {
    self.output = output
    guard let historyFile else { return }
    // The editor leaves Ctrl-C to these handlers: it drops the line, not the lesson.
    Signals.install()
    editor = LineEditor(historyFile: historyFile)
  }

  func read(prompt: String, trial: Interpreter?) -> String? {
    guard editor != nil else {
      let line = readLine()
      output.line(prompt + (line ?? "(end of input)"))
      return line
    }
    guard !ended else { return nil }
    output.flush()
    let context = trial.map { CompletionContext(cluster: $0.cluster, timeline: $0.timeline) }
    while true {
      switch editor?.read(prompt: prompt, completing: context) {
      case .line(let text)?: return text
      case .interrupted?: continue  // Ctrl-C dropped the half-typed line: ask again
      case .end?, nil:
        ended = true
        return nil
      }
    }
  }

  /// Gives the terminal back as it was found.
  func close() { editor?.close() }
}
