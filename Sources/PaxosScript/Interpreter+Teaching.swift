extension Interpreter {
  /// What a teaching line prints in a script, and the check that keeps questions honest: each
  /// `ask` is closed by a `reveal` that names its answer before the next `ask`.
  mutating func teach(_ teaching: Teaching) throws(ScriptError) -> [String] {
    switch teaching {
    case .title(let text): return ["Lesson: " + text]
    case .summary(let text), .say(let text): return [text]
    case .pause: return []
    case .ask(let question):
      if let open = openQuestion {
        throw ScriptError(
          "the question \"\(Words.shorten(open.text))\" has no reveal yet",
          hint: "write a 'reveal' line that names its answer '\(open.answer)' before the next 'ask'"
        )
      }
      openQuestion = question
      return [
        "Question: " + question.text, "  answer: " + question.answers.joined(separator: " or "),
      ]
    case .reveal(let text):
      if let open = openQuestion, open.isNamed(by: text) { openQuestion = nil }
      return [text]
    }
  }

  /// The error for a script or lesson that ended with a question never revealed.
  public var unrevealedQuestion: ScriptError? {
    openQuestion.map { question in
      ScriptError(
        "the question \"\(Words.shorten(question.text))\" is never revealed",
        hint: "add a 'reveal' line that names its answer '\(question.answer)'")
    }
  }
}
