import PaxosSim
import PaxosTestSupport
import Testing

@testable import PaxosScript

/// `undo`, `redo`, `goto` and `bookmark` rebuild earlier moments exactly.
@Suite struct TimeTravelTests {
  static let round = [
    "cluster 3 2 1", "propose p1 red", "deliver 1", "deliver 2", "deliver 4", "propose p2 blue",
    "run seed=3", "crash a1",
  ]

  /// The cluster built by the first `count` lines of `round`, without any time travel.
  static func built(_ count: Int) -> Cluster {
    Interpreter.running(Array(round.prefix(count))).cluster
  }

  @Test func undoGoesBackToTheClusterOfFewerCommands() {
    var interpreter = Interpreter.running(Self.round)
    for remaining in stride(from: Self.round.count - 1, through: 0, by: -1) {
      #expect(interpreter.execute("undo").outcome.isDone)
      #expect(interpreter.cluster == Self.built(remaining), "after undoing to #\(remaining)")
    }
    #expect(!interpreter.execute("undo").outcome.isDone, "nothing is left to undo")
  }

  @Test func redoBringsBackWhatUndoTook() {
    var interpreter = Interpreter.running(Self.round)
    let full = interpreter.cluster
    _ = interpreter.execute("undo 5")
    _ = interpreter.execute("redo 2")
    #expect(interpreter.cluster == Self.built(Self.round.count - 3))
    _ = interpreter.execute("redo 3")
    #expect(interpreter.cluster == full)
    #expect(!interpreter.execute("redo").outcome.isDone, "nothing is left to redo")
  }

  @Test func aNewCommandEndsWhatRedoCouldBringBack() {
    var interpreter = Interpreter.running(Self.round)
    _ = interpreter.execute("undo 2")
    _ = interpreter.execute("heal")  // refused: no partition; changes nothing
    #expect(interpreter.timeline.undone.count == 2)
    _ = interpreter.execute("deliver all")
    #expect(interpreter.timeline.undone.isEmpty)
  }

  @Test func gotoAndBookmarksMoveBothWays() {
    var interpreter = Interpreter.running(Array(Self.round.prefix(2)) + ["bookmark proposed"])
    for line in Self.round.dropFirst(2) { _ = interpreter.execute(line) }
    let full = interpreter.cluster
    #expect(interpreter.execute("goto proposed").outcome.isDone)
    #expect(interpreter.cluster == Self.built(2))
    #expect(interpreter.execute("goto 8").outcome.isDone)
    #expect(interpreter.cluster == full)
    #expect(interpreter.execute("goto 0").outcome.isDone)
    #expect(interpreter.cluster == Cluster())
    #expect(!interpreter.execute("goto 9").outcome.isDone, "there is no #9")
    #expect(!interpreter.execute("goto nowhere").outcome.isDone, "there is no such bookmark")
  }

  /// The issue's case: after `goto base` and a new command, `b` named a moment that is gone.
  static let branching = [
    "cluster 3 1 1", "propose p1 red", "bookmark base", "deliver p1->a1", "bookmark b",
    "goto base",
  ]

  @Test func aNewBranchRemovesTheBookmarksOnTheCommandsItReplacedAndSaysSo() {
    var interpreter = Interpreter.running(Self.branching)
    let lines = transcript(of: "deliver p1->a3", in: &interpreter)
    #expect(lines.last == "bookmark b was on the commands you replaced; it is gone")
    #expect(interpreter.timeline.bookmarks == ["base": 2])
    let goto = transcript(of: "goto b", in: &interpreter)
    #expect(goto.first == "error: no bookmark 'b'; bookmarks: base")
    #expect(interpreter.timeline.entries.map(\.text).last == "deliver p1->a3", "it did not move")
  }

  @Test func everyBookmarkAfterThePresentGoesAndThoseBeforeItStay() {
    var interpreter = Interpreter.running(
      Self.branching + ["goto 1", "bookmark one", "redo 2", "bookmark c", "bookmark a", "goto one"])
    let lines = transcript(of: "propose p1 blue", in: &interpreter)
    #expect(
      lines.last == "bookmarks a, b, base and c were on the commands you replaced; they are gone")
    #expect(interpreter.timeline.bookmarks == ["one": 1])
  }

  @Test func undoAndRedoKeepTheBookmarksAhead() {
    var interpreter = Interpreter.running(Self.branching)
    let lines = transcript(of: "redo", in: &interpreter)
    #expect(!lines.contains { $0.contains("gone") })
    #expect(interpreter.timeline.bookmarks == ["base": 2, "b": 3])
  }

  @Test func rewindingALongHistoryMatchesAFreshReplay() {
    // Far more commands than one snapshot spans, with snapshots taken and discarded.
    var lines = ["cluster 3 3 1"]
    for index in 0..<300 {
      lines.append(index % 3 == 0 ? "propose p\(index % 3 + 1) v\(index)" : "run steps=7")
    }
    var interpreter = Interpreter.running(lines)
    _ = interpreter.execute("undo 150")
    #expect(interpreter.cluster == Interpreter.running(Array(lines.prefix(151))).cluster)
    _ = interpreter.execute("redo 100")
    #expect(interpreter.cluster == Interpreter.running(Array(lines.prefix(251))).cluster)
  }

  @Test func historyListsTheCommandsWithNumbersAndBookmarks() {
    var interpreter = Interpreter.running(["cluster 3", "bookmark empty", "propose p1 red"])
    _ = interpreter.execute("undo")
    let result = interpreter.execute("history")
    guard case .text(let lines)? = result.note else {
      Issue.record("history prints lines")
      return
    }
    #expect(lines == ["  #1  cluster 3  [empty]", "(1 undone; 'redo' brings them back)"])
  }
}

extension LineResult.Outcome {
  var isDone: Bool {
    if case .done = self { return true }
    return false
  }
}
