import PaxosSim
import PaxosTestSupport
import Testing

@testable import PaxosScript

/// `compare backoff`: a table of many runs from the present moment; the cluster is unchanged
/// and the line is not part of the history that rebuilds it.
@Suite struct CompareBackoffTests {
  static let duel = ["cluster 3 2 1", "propose p1 red", "propose p2 blue"]

  @Test func theTableHasARowPerBackoffAndTheClusterIsUnchanged() throws {
    var interpreter = Interpreter.running(Self.duel)
    let before = interpreter.cluster
    let result = interpreter.execute("compare backoff seeds=10 steps=500")
    guard case .done = result.outcome, case .text(let lines) = result.note else {
      Issue.record("compare failed: \(result.outcome)")
      return
    }
    #expect(interpreter.cluster == before)
    #expect(result.events.isEmpty)
    #expect(lines.first == "compare backoff: from time 2, seeds 1 to 10, at most 500 steps each")
    let rows = lines.filter {
      $0.hasPrefix("none") || $0.hasPrefix("fixed") || $0.hasPrefix("random")
    }
    #expect(rows.count == 3)
    #expect(rows[1].hasPrefix("fixed 20") && rows[2].hasPrefix("random 1-40"))
    #expect(rows.allSatisfy { $0.contains("/10") })
  }

  @Test func theBaseIsTheClustersOwn() throws {
    var interpreter = Interpreter.running(Self.duel + ["set backoff fixed 5"])
    let result = interpreter.execute("compare backoff seeds=2")
    guard case .text(let lines) = result.note else {
      Issue.record("compare failed: \(result.outcome)")
      return
    }
    #expect(lines.contains { $0.hasPrefix("fixed 5 ") })
    #expect(lines.contains { $0.hasPrefix("random 1-10 ") })
  }

  @Test func waitsCompareFixedAndRandomWaitsOfEachLength() throws {
    var interpreter = Interpreter.running(Self.duel)
    let result = interpreter.execute("compare backoff seeds=3 waits=0,10,40")
    guard case .text(let lines) = result.note else {
      Issue.record("compare failed: \(result.outcome)")
      return
    }
    let names = lines.compactMap { line in
      ["none", "fixed", "random"].contains { line.hasPrefix($0) }
        ? line.split(separator: "  ").first.map(String.init) : nil
    }
    #expect(names == ["none", "fixed 10", "random 1-20", "fixed 40", "random 1-80"])
    #expect(lines.contains { $0.hasSuffix("median round trip") })
  }

  @Test func theLineIsNotRecorded() throws {
    let command = try #require(try Parser.parse("compare backoff seeds=3 steps=9"))
    #expect(command == .compareBackoff(seeds: 3, steps: 9))
    #expect(!command.isRecorded && !command.changesCluster)
    var interpreter = Interpreter.running(Self.duel)
    _ = interpreter.execute("compare backoff seeds=2")
    #expect(interpreter.timeline.entries.map(\.text) == Self.duel)
  }

  @Test(arguments: [
    ([String](), "there is no cluster"),
    (["cluster 3 2 1"], "no proposer that is up is trying"),
    (["cluster 3 2 1", "propose p1 red", "crash p1"], "no proposer that is up is trying"),
    (["cluster 3 1 1", "propose p1 red", "deliver all"], "already decided"),
  ])
  func withNothingToCompareItSaysWhy(_ script: [String], _ reason: String) {
    var interpreter = Interpreter.running(script)
    let before = interpreter.cluster
    let result = interpreter.execute("compare backoff")
    guard case .error(let error) = result.outcome else {
      Issue.record("compare was not refused after \(script)")
      return
    }
    #expect(error.message.contains(reason), "\(error.message)")
    #expect(interpreter.cluster == before)
  }
}
