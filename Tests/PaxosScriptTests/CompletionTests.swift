import PaxosSim
import PaxosTestSupport
import Testing

@testable import PaxosScript

/// Tab completion: what the REPL offers at the cursor, from the words before it and the cluster.
@Suite struct CompletionTests {
  /// The candidates with the cursor at the end of `line`.
  func offers(_ line: String, after setup: [String] = []) -> [String] {
    let interpreter = Interpreter.running(setup)
    return Completion.candidates(
      line: line, cursor: line.utf8.count, cluster: interpreter.cluster,
      timeline: interpreter.timeline)
  }

  @Test func compareOffersWhatItComparesThenItsOptions() {
    #expect(offers("compare ") == ["backoff"])
    #expect(offers("compare backoff seeds=4 ") == ["steps=", "waits="])
  }

  // MARK: Command names

  @Test func anEmptyLineOffersEveryCommandInTheTablesOrder() {
    #expect(offers("") == Vocabulary.commands.map(\.name))
  }

  @Test func aPrefixOffersTheCommandsItStarts() {
    #expect(offers("pr") == ["propose", "prepare"])
    #expect(offers("del") == ["deliver"])
    #expect(offers("  del") == ["deliver"])
  }

  @Test func anAliasIsOfferedOnlyWhenNoNameFits() {
    #expect(offers("ex") == Vocabulary.commands.map(\.name).filter { $0.hasPrefix("ex") })
    #expect(!offers("ex").contains("exit"))
    #expect(offers("exi") == ["exit"])
    #expect(offers("du") == ["duplicate"])
  }

  @Test func anUnknownCommandOffersNothing() {
    #expect(offers("frobnicate ").isEmpty)
    #expect(offers("xyz").isEmpty)
  }

  // MARK: Nodes by role and state

  @Test func proposerCommandsOfferProposersThatAreUp() {
    let setup = ["cluster 3 2 1", "crash p2"]
    #expect(offers("propose ", after: setup) == ["p1"])
    #expect(offers("prepare ", after: ["cluster 3 2 1"]) == ["p1", "p2"])
    #expect(offers("timeout p", after: ["cluster 3 2 1"]) == ["p1", "p2"])
  }

  @Test func crashOffersNodesThatAreUpAndNotNamedYet() {
    let setup = ["cluster 3 1 1", "crash a2"]
    #expect(offers("crash ", after: setup) == ["a1", "a3", "p1", "l1"])
    #expect(offers("crash a", after: setup) == ["a1", "a3"])
    #expect(offers("crash a1 a", after: setup) == ["a3"])
  }

  @Test func recoverOffersNodesThatAreDown() {
    let setup = ["cluster 3 1 1", "crash a2 l1"]
    #expect(offers("recover ", after: setup) == ["a2", "l1"])
    #expect(offers("recover a2 ", after: setup) == ["l1"])
    #expect(offers("recover ", after: ["cluster 3"]).isEmpty)
  }

  @Test func partitionOffersNodesNotOnASideYet() {
    #expect(offers("partition a1 p1 | a", after: ["cluster 3 1 1"]) == ["a2", "a3"])
    #expect(offers("partition a1 p1 |a", after: ["cluster 3 1 1"]) == ["a2", "a3"])
  }

  @Test func anEmptyClusterOffersNoNodes() {
    #expect(offers("propose ").isEmpty)
    #expect(offers("crash ").isEmpty)
  }

  // MARK: Messages

  static let threeInFlight = ["cluster 3 1 1", "propose p1 red"]

  @Test func deliverOffersAllTheMessageNumbersAndTheLinks() {
    #expect(
      offers("deliver ", after: Self.threeInFlight)
        == ["all", "#1", "#2", "#3", "p1->a1", "p1->a2", "p1->a3"])
  }

  @Test func messageNumbersAreOfferedAsTypedWithOrWithoutTheHash() {
    #expect(offers("drop #", after: Self.threeInFlight) == ["#1", "#2", "#3"])
    #expect(offers("duplicate 2", after: Self.threeInFlight) == ["2"])
    #expect(offers("drop ", after: Self.threeInFlight).contains("#1"))
  }

  @Test func onlyMessagesStillInFlightAreOffered() {
    let setup = Self.threeInFlight + ["deliver #2", "drop 3"]
    #expect(offers("deliver #", after: setup) == ["#1", "#4"])
    #expect(offers("drop p", after: setup) == ["p1->a1"])
  }

  @Test func messageNumbersSortByNumberNotAsText() throws {
    let setup = ["cluster 5 2 1", "propose p1 red", "propose p2 blue", "deliver #1"]
    let numbers = offers("drop #", after: setup)
    #expect(numbers.first == "#2")
    let nine = try #require(numbers.firstIndex(of: "#9"))
    let ten = try #require(numbers.firstIndex(of: "#10"))
    #expect(nine < ten)
  }

  @Test func aHugeNumberInFlightIsOfferedOnlyInPart() {
    var setup = ["cluster 5 3 1", "set backoff none", "set timeout 3"]
    setup += ["propose p1 a", "propose p2 b", "propose p3 c", "run steps=20000 seed=1"]
    let interpreter = Interpreter.running(setup)
    #expect(interpreter.cluster.inFlight.count > Completion.maxMessages)
    let offered = offers("drop #", after: setup)
    #expect(offered.count == Completion.maxMessages)
    #expect(offered.first == interpreter.cluster.inFlight.first?.description)
  }

  @Test func aLinkIsOfferedOnceHoweverManyMessagesItCarries() {
    let setup = Self.threeInFlight + ["duplicate p1->a1"]
    #expect(offers("drop p1->a", after: setup) == ["p1->a1", "p1->a2", "p1->a3"])
  }

  @Test func nothingIsOfferedAfterTheMessage() {
    #expect(offers("drop #1 ", after: Self.threeInFlight).isEmpty)
    #expect(offers("deliver ", after: ["cluster 3"]) == ["all"])
  }

  // MARK: Options and forms

  @Test func setOffersItsSettingsThenTheirValues() {
    #expect(offers("set ") == ["bug", "backoff", "timeout"])
    #expect(offers("set b") == ["bug", "backoff"])
    #expect(offers("set backoff ") == ["none", "fixed", "random"])
    #expect(offers("set bug no") == ["no-persist", "no-dedup", "none"])
    #expect(
      offers("set bug no-persist ") == Bug.allCases.map(\.rawValue).filter { $0 != "no-persist" })
    #expect(offers("set bug none ").isEmpty)
  }

  @Test func runOffersTheOptionsNotGivenYet() {
    #expect(offers("run ") == ["steps=", "seed=", "until", "brief"])
    #expect(offers("run steps=10 brief ") == ["seed=", "until"])
    #expect(offers("run until ") == ["violation"])
    #expect(offers("run until violation ") == ["steps=", "seed=", "brief"])
  }

  @Test func addOffersRolesAndCombinesThem() {
    #expect(offers("add ") == ["proposer", "acceptor", "learner"])
    #expect(offers("add proposer+") == ["proposer+acceptor", "proposer+learner"])
    #expect(offers("add proposer+l") == ["proposer+learner"])
    #expect(offers("add proposer s1 ").isEmpty)
  }

  @Test func viewsOfferTheirKeywords() {
    #expect(offers("diagram ") == ["last"])
    #expect(offers("history ") == ["all"])
  }

  @Test func expectOffersItsFormsThenNodesOfTheRightRole() {
    #expect(offers("expect ").starts(with: ["chosen", "learned", "decided", "promised"]))
    #expect(offers("expect learned ", after: ["cluster 3 2 2"]) == ["l1", "l2"])
    #expect(offers("expect decided ", after: ["cluster 3 2 2"]) == ["p1", "p2"])
    #expect(offers("expect promised ", after: ["cluster 3 2 2"]) == ["a1", "a2", "a3"])
    #expect(offers("expect accepted a", after: ["cluster 3 2 2"]) == ["a1", "a2", "a3"])
    #expect(offers("expect inflight 3 acc", after: ["cluster 3 2 2"]) == ["accept", "accepted"])
  }

  @Test func expectOffersValuesAndBallotsThatCouldHoldNotTheAnswer() {
    let setup = ["cluster 3 2 1", "propose p1 red", "propose p2 blue"]
    #expect(offers("expect chosen ", after: setup) == ["red", "blue", "none"])
    #expect(offers("expect learned l1 ", after: setup) == ["red", "blue", "none"])
    #expect(offers("expect promised a1 ", after: setup) == ["1.p2", "1.p1", "none"])
    #expect(offers("expect accepted a1 1.p1 ", after: setup) == ["red", "blue"])
  }

  @Test func gotoOffersTheBookmarks() {
    let setup = ["cluster 3", "bookmark start", "propose p1 red", "bookmark asked"]
    #expect(offers("goto ", after: setup) == ["asked", "start"])
    #expect(offers("goto s", after: setup) == ["start"])
  }

  @Test func gotoNoLongerOffersABookmarkOnReplacedCommands() {
    let setup = [
      "cluster 3", "bookmark start", "propose p1 red", "bookmark asked", "undo", "reset",
    ]
    #expect(offers("goto ", after: setup) == ["start"])
  }

  @Test func helpOffersCommandsAndTopics() {
    #expect(offers("help del") == ["deliver"])
    #expect(offers("help time") == ["timeout", "time-travel"])
    #expect(offers("help net") == ["net", "network"])
  }

  @Test func commandsWithoutArgumentsOfferNothing() {
    for line in ["status ", "heal ", "reset ", "net ", "quit ", "cluster ", "undo "] {
      #expect(offers(line, after: Self.threeInFlight).isEmpty, "\(line)")
    }
  }

  // MARK: Where the cursor is

  @Test func theCursorDecidesTheWord() {
    let interpreter = Interpreter.running(Self.threeInFlight)
    let line = "crash a1 | status"
    // With the cursor after "crash a", whatever follows does not count.
    let candidates = Completion.candidates(
      line: line, cursor: 7, cluster: interpreter.cluster, timeline: interpreter.timeline)
    #expect(candidates == ["a1", "a2", "a3"])
  }

  @Test func aCursorOutsideTheLineIsClamped() {
    let interpreter = Interpreter.running(Self.threeInFlight)
    for cursor in [-5, 0, 1000] {
      _ = Completion.candidates(
        line: "crash ", cursor: cursor, cluster: interpreter.cluster,
        timeline: interpreter.timeline)
    }
    let atStart = Completion.candidates(
      line: "crash ", cursor: -5, cluster: interpreter.cluster, timeline: interpreter.timeline)
    #expect(atStart == Vocabulary.commands.map(\.name))
  }

  @Test func nothingIsOfferedInsideAQuotedValueOrAComment() {
    #expect(offers("propose p1 \"dark r", after: Self.threeInFlight).isEmpty)
    #expect(offers("status # del", after: Self.threeInFlight).isEmpty)
    #expect(offers("# ").isEmpty)
  }

  @Test func aCursorInsideAMultibyteCharacterDoesNotCrash() {
    let interpreter = Interpreter.running(Self.threeInFlight)
    for line in ["propose p1 日本", "日本", "crash 日"] {
      for cursor in 0...line.utf8.count {
        _ = Completion.candidates(
          line: line, cursor: cursor, cluster: interpreter.cluster, timeline: interpreter.timeline)
      }
    }
  }

  @Test func lessonAndOpenExpectANameOnlyAsTheirArgument() {
    #expect(Completion.expectsName(line: "lesson ", cursor: 7) == .lesson)
    #expect(Completion.expectsName(line: "lesson fir", cursor: 10) == .lesson)
    #expect(Completion.expectsName(line: "open de", cursor: 7) == .open)
    #expect(Completion.expectsName(line: "lesson", cursor: 6) == nil)
    #expect(Completion.expectsName(line: "lesson 1 ", cursor: 9) == nil)
    #expect(Completion.expectsName(line: "open a b", cursor: 8) == nil)
    #expect(Completion.expectsName(line: "load ", cursor: 5) == nil)
    #expect(offers("les") == ["lesson"])
  }

  @Test func saveAndLoadExpectAPath() {
    #expect(Completion.expectsPath(line: "save ", cursor: 5))
    #expect(Completion.expectsPath(line: "load less", cursor: 9))
    #expect(!Completion.expectsPath(line: "load a b", cursor: 8))
    #expect(!Completion.expectsPath(line: "status ", cursor: 7))
    #expect(!Completion.expectsPath(line: "save", cursor: 4))
    #expect(Completion.expectsPath(line: "export json ", cursor: 12))
    #expect(!Completion.expectsPath(line: "export ", cursor: 7))
  }

  @Test func exportOffersItsFormatsThenItsRange() {
    #expect(offers("export ") == ExportFormat.allCases.map(\.rawValue))
    #expect(offers("export json run.json ") == ["from=", "to="])
    #expect(offers("export json run.json from=3 ") == ["to="])
  }

  // MARK: A log cluster

  static let logSetup = [
    "cluster 3 2 2 log", "request p1 put x 1", "request p2 get x", "crash p2", "crash l2",
  ]

  @Test func requestOffersTheUpProposersThenTheOperations() {
    #expect(offers("request ", after: Self.logSetup) == ["p1"])
    #expect(offers("request p1 ", after: Self.logSetup) == ["put", "append", "get"])
    #expect(offers("request p1 ap", after: Self.logSetup) == ["append"])
    #expect(offers("request p1 put ", after: Self.logSetup) == [])
  }

  @Test func retryOffersTheRequestsNewestFirstThenTheUpProposers() {
    #expect(offers("retry ", after: Self.logSetup) == ["r2", "r1"])
    #expect(offers("retry r1 ", after: Self.logSetup) == ["p1"])
    #expect(offers("retry ", after: ["cluster 3 1 1 log"]) == [])
  }

  @Test func catchupOffersTheUpLearners() {
    #expect(offers("catchup ", after: Self.logSetup) == ["l1"])
  }
}
