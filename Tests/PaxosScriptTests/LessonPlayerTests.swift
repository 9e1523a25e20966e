import PaxosScript
import Testing

/// The interactive side of the player, with replies given as a list.
@Suite struct LessonPlayerTests {
  static let lesson = Lesson(
    name: "lesson-09-tiny",
    lines: [
      "title Tiny", "summary A tiny lesson", "cluster 3 1 1", "say Watch p1.", "pause",
      "ask \"Will red be chosen?\" answer yes", "propose p1 red", "deliver all",
      "expect chosen red", "reveal Yes, red is chosen.",
    ])

  func play(_ replies: [String], endOfInputLeaves: Bool = false) -> (ScriptStatus, [String]) {
    let (status, output, _) = playNoting(replies, endOfInputLeaves: endOfInputLeaves)
    return (status, output)
  }

  /// Also says whether the student left before the end.
  func playNoting(_ replies: [String], endOfInputLeaves: Bool = false)
    -> (ScriptStatus, [String], left: Bool)
  {
    var replies = replies[...]
    var output: [String] = []
    var player = LessonPlayer(
      mode: .interactive, emit: { output.append($0) },
      read: { prompt, _ in
        output.append(prompt)
        return replies.popFirst()
      })
    player.endOfInputLeaves = endOfInputLeaves
    let status = player.play(Self.lesson, file: "tiny.paxos")
    return (status, output, player.left)
  }

  /// Ctrl-C stops a long run typed at a pause, as it does at the paxlab prompt.
  @Test func aRunAtAPauseCanBeInterrupted() {
    var output: [String] = []
    var replies = [
      "set backoff none", "set timeout 1", "add proposer q1", "propose p1 red",
      "propose q1 blue", "run steps=1000000", "", "yes",
    ][...]
    var player = LessonPlayer(
      mode: .interactive, emit: { output.append($0) }, read: { _, _ in replies.popFirst() })
    player.interrupted = { _, _ in true }
    #expect(player.play(Self.lesson, file: "tiny.paxos") == .passed)
    #expect(output.contains { $0.hasPrefix("run: interrupted after 1023 steps") }, "\(output)")
  }

  @Test func quitAtAPauseLeavesTheLesson() {
    let (status, output, left) = playNoting(["crash a1", "quit", "yes"])
    #expect(status == .passed && left)
    #expect(output.last == "You left the lesson at line 5 of 10.")
    #expect(!output.contains("End of the lesson: Tiny."))
    #expect(!output.contains(LessonPlayer.answerPrompt), "nothing more was asked")
  }

  @Test func theEndOfATerminalsInputLeavesAtTheQuestion() {
    let (_, output, left) = playNoting([""], endOfInputLeaves: true)
    #expect(left)
    #expect(output.last == "You left the lesson at line 6 of 10.")
  }

  @Test func theEndOfAPipeRunsTheRestWithoutAsking() {
    let (status, output, left) = playNoting([])
    #expect(status == .passed && !left)
    #expect(output.last == "End of the lesson: Tiny.")
  }

  @Test func aRightAnswerIsSaidToBeRight() {
    let (status, output) = play(["", " Yes. "])
    #expect(status == .passed)
    #expect(output.contains("You said \"Yes.\": right, yes."))
    #expect(output.last == "End of the lesson: Tiny.")
  }

  /// Enter pressed twice at the pause: the question asks again instead of taking the blank line
  /// for an answer; a second blank line shows the answer.
  @Test func aBlankLineDoesNotAnswerTheQuestion() {
    let (status, output) = play(["", "", "yes"])
    #expect(status == .passed)
    #expect(output.filter { $0 == LessonPlayer.answerPrompt }.count == 2)
    #expect(output.contains(LessonPlayer.blankAnswerHint))
    #expect(output.contains("You said \"yes\": right, yes."))
    let (_, skipped) = play(["", "", " "])
    #expect(skipped.contains("The answer: yes."))
  }

  @Test func aWrongAnswerIsCorrectedBeforeTheReveal() throws {
    let (_, output) = play(["", "no"])
    let verdict = try #require(output.firstIndex(of: "You said \"no\"; the answer is yes."))
    #expect(output[verdict + 1] == "Yes, red is chosen.")
  }

  @Test func anExperimentAtAPauseIsUndoneWhenTheLessonGoesOn() {
    let (status, output) = play(["crash a1 a2 a3", "status", "", "yes"])
    #expect(status == .passed, "\(output)")
    #expect(output.contains("(the cluster is back where the lesson left it)"))
  }

  @Test func aMistakeAtAPauseIsShownAndTheLessonGoesOn() {
    let (status, output) = play(["deliverr", "", "yes"])
    #expect(status == .passed)
    #expect(output.contains { $0.hasPrefix("error: unknown command 'deliverr'") })
  }

  @Test func aPauseReadsWithTheTrialClusterAndAQuestionWithNone() {
    var seen: [(String, Int?)] = []
    var replies = ["crash a1", "", "yes"][...]
    var player = LessonPlayer(
      mode: .interactive, emit: { _ in },
      read: { prompt, trial in
        seen.append((prompt, trial.map { $0.cluster.nodes.filter { !$0.isUp }.count }))
        return replies.popFirst()
      })
    #expect(player.play(Self.lesson, file: "tiny.paxos") == .passed)
    // The second read at the pause sees the crash typed there; the question sees no cluster.
    #expect(
      seen.map(\.0) == [
        LessonPlayer.pausePrompt, LessonPlayer.pausePrompt, LessonPlayer.answerPrompt,
      ])
    #expect(seen.map(\.1) == [0, 1, nil])
  }

  @Test func takingAnotherLessonAtAPauseIsRefused() {
    let (status, output) = play(["lesson 2", "", "yes"])
    #expect(status == .passed)
    #expect(
      output.contains(
        "error: 'lesson' works only at the paxlab prompt, not in a script or a lesson"))
  }

  @Test func theEndOfInputGoesOnWithoutAnAnswer() {
    let (status, output) = play([])
    #expect(status == .passed)
    #expect(output.contains("The answer: yes."))
  }

  @Test func aFailedExpectStopsTheLesson() {
    var output: [String] = []
    var player = LessonPlayer(
      mode: .straightThrough, emit: { output.append($0) }, read: { _, _ in nil })
    let broken = Lesson(name: "broken", lines: ["cluster 3", "expect chosen red"])
    #expect(player.play(broken, file: "broken.paxos") == .expectationFailed)
    #expect(output.contains("broken.paxos:2: expectation failed: expect chosen red"))
  }

  @Test func theShortNameDropsTheNumber() {
    #expect(Self.lesson.shortName == "tiny")
    #expect(Self.lesson.title == "Tiny" && Self.lesson.summary == "A tiny lesson")
  }
}
