import PaxosScript
import Testing

/// The teaching lines of lessons: parsing, and the check that every question is revealed.
@Suite struct TeachingLineTests {
  @Test func proseIsTheRestOfTheLineAsWritten() throws {
    #expect(
      try Parser.parse("say It's \"red\" # not a comment | nor a bar")
        == .teach(.say("It's \"red\" # not a comment | nor a bar")))
    #expect(try Parser.parse("say   - indented  ") == .teach(.say("  - indented")))
    #expect(try Parser.parse("  reveal No.") == .teach(.reveal("No.")))
    #expect(try Parser.parse("title First consensus") == .teach(.title("First consensus")))
    #expect(try Parser.parse("summary Two phases") == .teach(.summary("Two phases")))
    #expect(try Parser.parse("say") == .teach(.say("")))
    #expect(try Parser.parse("pause") == .teach(.pause))
  }

  @Test func aWordThatOnlyStartsLikeAProseWordIsNotProse() throws {
    #expect(throws: ScriptError.self) { try Parser.parse("sayings hello") }
  }

  @Test func askTakesAQuotedQuestionAndAnswers() throws {
    #expect(
      try Parser.parse("ask \"Is red chosen?\" answer no or \"not yet\"")
        == .teach(.ask(Question(text: "Is red chosen?", answers: ["no", "not yet"]))))
    #expect(
      try Parser.parse("ask \"How many?\" answer 3")
        == .teach(.ask(Question(text: "How many?", answers: ["3"]))))
  }

  @Test(arguments: [
    "ask Is red chosen? answer no", "ask \"Is red chosen?\"", "ask \"Is red chosen?\" answer",
    "ask \"Is red chosen?\" answer no or", "ask \"\" answer no", "ask \"Q\" answer \"?!\"",
    "pause now", "reveal", "title ",
  ]) func malformedTeachingLinesAreRefused(_ line: String) {
    #expect(throws: ScriptError.self) { try Parser.parse(line) }
  }

  @Test func answersCompareOnWordsNotCaseOrPunctuation() {
    let question = Question(text: "Q", answers: ["no", "not yet"])
    #expect(question.accepts("No."))
    #expect(question.accepts("  not   YET "))
    #expect(!question.accepts("nope"))
    #expect(!question.accepts(""))
    #expect(question.isNamed(by: "No: one is not a majority."))
    #expect(!question.isNamed(by: "Nothing is chosen."))
  }

  @Test func aQuestionMustBeRevealedBeforeTheNextOne() {
    var interpreter = Interpreter()
    _ = interpreter.execute("ask \"Q1\" answer red")
    guard case .error(let error) = interpreter.execute("ask \"Q2\" answer blue").outcome else {
      Issue.record("a second question was accepted while the first was open")
      return
    }
    #expect(error.message.contains("has no reveal yet"))
    _ = interpreter.execute("reveal It was red.")
    #expect(interpreter.openQuestion == nil)
  }

  @Test func aRevealThatDoesNotNameTheAnswerLeavesTheQuestionOpen() {
    var output: [String] = []
    var runner = ScriptRunner(quiet: false) { output.append($0) }
    let status = runner.run(
      name: "q.paxos", lines: ["ask \"Which value?\" answer red", "reveal It was blue."])
    #expect(status == .usageError)
    #expect(output.contains("q.paxos:2: error: the question \"Which value?\" is never revealed"))
  }

  @Test func aScriptPrintsTeachingTextWithoutEchoingTheLine() {
    var output: [String] = []
    var runner = ScriptRunner(quiet: false) { output.append($0) }
    let status = runner.run(
      name: "t.paxos",
      lines: ["title T", "say Hello.", "pause", "ask \"Q?\" answer yes", "reveal Yes."])
    #expect(status == .passed)
    #expect(output == ["Lesson: T", "Hello.", "Question: Q?", "  answer: yes", "Yes."])
  }

  @Test func helpListsTheLessonsTopic() throws {
    var interpreter = Interpreter()
    guard case .text(let text)? = interpreter.execute(.help("lessons")).note else {
      Issue.record("help lessons printed no text")
      return
    }
    #expect(text.first == "lessons:")
    #expect(text.count == 8)
    #expect(text.dropFirst().first?.hasPrefix("  lesson ") == true, "the REPL's command first")
  }
}
