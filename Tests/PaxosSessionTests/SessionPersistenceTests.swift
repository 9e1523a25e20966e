import Foundation
import PaxosScript
import PaxosSession
import Testing

/// What reaches the session file, and what reopening it gives back.
@Suite struct SessionPersistenceTests {
  @Test func aNewSessionIsAScriptWithAHeader() throws {
    let temporary = try TemporaryPlace()
    _ = try Session(opening: temporary.place)
    #expect(temporary.fileText == header)
  }

  @Test func commandsThatChangeTheClusterAreSavedAndViewsAreNot() throws {
    let temporary = try TemporaryPlace()
    let session = try Session(opening: temporary.place)
    let results = session.run([
      "cluster 3", "status", "propose p1 red", "  deliver 1   ", "net", "expect inflight 3",
      "help", "deliver 99", "# a comment", "history",
    ])
    #expect(results[7].succeeded == false, "deliver 99 is refused")
    #expect(temporary.fileText == header + "cluster 3\npropose p1 red\ndeliver 1\n")
  }

  @Test func reopeningReplaysTheSameCluster() throws {
    let temporary = try TemporaryPlace()
    let cluster = try temporary.inSession { first in
      first.run(["cluster 3 2 1", "propose p1 red", "propose p2 blue", "run seed=7", "crash a2"])
      return first.interpreter.cluster
    }
    let reopened = try Session(opening: temporary.place)
    #expect(reopened.interpreter.cluster == cluster)
    #expect(reopened.warnings.isEmpty)
  }

  @Test func timeTravelIsSavedAndSurvivesARestart() throws {
    let temporary = try TemporaryPlace()
    let cluster = try temporary.inSession { first in
      first.run([
        "cluster 3", "propose p1 red", "bookmark proposed", "deliver all", "undo", "deliver 1",
        "goto proposed", "redo",
      ])
      return first.interpreter.cluster
    }
    let reopened = try Session(opening: temporary.place)
    #expect(reopened.interpreter.cluster == cluster)
    #expect(
      reopened.interpreter.timeline.entries.map(\.text) == [
        "cluster 3", "propose p1 red", "deliver 1",
      ])
    #expect(reopened.interpreter.timeline.bookmarks == ["proposed": 2])
  }

  @Test func aBookmarkRemovedByANewBranchStaysRemovedAfterARestart() throws {
    let temporary = try TemporaryPlace()
    let first = try Session(opening: temporary.place)
    let results = first.run([
      "cluster 3 1 1", "propose p1 red", "bookmark base", "deliver p1->a1", "bookmark b",
      "goto base", "deliver p1->a3", "goto b",
    ])
    #expect(results.dropLast().allSatisfy { $0.succeeded })
    #expect(!results[results.count - 1].succeeded, "b is gone")
    first.close()
    let reopened = try Session(opening: temporary.place)
    #expect(reopened.warnings.isEmpty)
    #expect(reopened.interpreter.cluster == first.interpreter.cluster)
    #expect(reopened.interpreter.timeline.bookmarks == ["base": 2])
    guard case .text(let history)? = reopened.execute("history").note else {
      Issue.record("history prints lines")
      return
    }
    #expect(history.filter { $0.contains("[") } == ["  #2  propose p1 red  [base]"])
  }

  @Test func anInterruptedRunIsSavedAsTheStepsItTook() throws {
    let temporary = try TemporaryPlace()
    let cluster = try temporary.inSession { session in
      session.run(["cluster 3", "crash a2 a3", "propose p1 red"])
      session.interrupted = { _, _ in true }
      #expect(session.execute("run steps=100000 seed=4").succeeded)
      return session.interpreter.cluster
    }
    let saved = try #require(temporary.fileText.split(separator: "\n").last)
    #expect(saved == "run steps=1023 seed=4")
    let reopened = try Session(opening: temporary.place)
    #expect(reopened.interpreter.cluster == cluster)
  }

  @Test func sessionsInOneFolderAreListed() throws {
    let temporary = try TemporaryPlace(name: "one")
    _ = try Session(opening: temporary.place)
    let other = try Session(opening: SessionPlace(folder: temporary.place.folder, name: "two"))
    let result = other.execute("sessions")
    guard case .text(let lines)? = result.note else {
      Issue.record("sessions prints a list")
      return
    }
    #expect(lines.dropFirst() == ["  one", "* two"])
  }
}
