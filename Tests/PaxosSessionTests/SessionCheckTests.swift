import Foundation
import PaxosScript
import PaxosSession
import Testing

/// `check` is a view: the session file never keeps it. `check apply` keeps the commands it
/// plays, so that reopening the session rebuilds the bad run.
@Suite struct SessionCheckTests {
  static let brokenDuel = [
    "cluster 3 2 1", "set bug small-quorum", "propose p1 red", "propose p2 blue",
  ]

  @Test func checkIsNotSaved() throws {
    let temporary = try TemporaryPlace()
    let session = try Session(opening: temporary.place)
    session.run(Self.brokenDuel)
    let saved = temporary.fileText
    let result = session.execute("check")
    #expect(result.succeeded)
    #expect(temporary.fileText == saved)
  }

  @Test func theCommandsCheckApplyPlaysAreSavedAndSurviveARestart() throws {
    let temporary = try TemporaryPlace()
    let (cluster, schedule) = try temporary.inSession { first in
      first.run(Self.brokenDuel)
      guard case .check(let report)? = first.execute("check").note else {
        Issue.record("check did not report")
        return (first.interpreter.cluster, [String]())
      }
      let applied = first.execute("check apply")
      #expect(applied.succeeded, "\(applied.outcome)")
      return (first.interpreter.cluster, report.result.schedule.map(\.line))
    }
    try #require(!schedule.isEmpty, "the check found no schedule")
    #expect(
      temporary.fileText
        == header + (Self.brokenDuel + schedule).map { $0 + "\n" }.joined())
    try temporary.inSession { second in
      #expect(second.interpreter.cluster == cluster)
      #expect(!second.interpreter.cluster.violations.isEmpty)
      #expect(second.interpreter.timeline.entries.map(\.text) == Self.brokenDuel + schedule)
    }
  }
}
