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
