extension Words {
  /// `"QUESTION" answer WORD [or WORD...]`.
  mutating func question() throws(ScriptError) -> Question {
    guard let text = next(), text.kind == .quoted, !text.text.isEmpty else {
      throw fail("missing the question, in double quotes")
    }
    guard let keyword = next(), keyword.kind == .word, keyword.text == "answer" else {
      throw fail("missing 'answer' after the question")
    }
    var answers = [try answer()]
    while peekWord == "or" {
      _ = next()
      answers.append(try answer())
    }
    return Question(text: text.text, answers: answers)
  }

  /// One accepted answer: a word or a quoted text with at least one letter or digit in it,
  /// since that is all a student's reply is compared on.
  private mutating func answer() throws(ScriptError) -> String {
    guard let token = next(), token.kind != .bar else { throw fail("missing the answer") }
    guard !Question.words(token.text).isEmpty else {
      throw fail("the answer '\(Self.shorten(token.text))' has no letter or digit to compare")
    }
    return token.text
  }
}
