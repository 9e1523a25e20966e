import PaxosScript
import PaxosSim
import Testing

@testable import PaxosExport

@Suite struct RoundTripTests {
  @Test(arguments: TraceCatalogue.scripts.map(\.name))
  func exportLoadExportIsByteIdentical(name: String) throws {
    let lines = try #require(TraceCatalogue.scripts.first { $0.name == name }).lines
    let original = TraceCatalogue.interpreter(lines)
    let first = TraceEncoder.encode(original)
    let loaded = try TraceImport.load(first)
    let second = TraceEncoder.encode(loaded.interpreter)
    #expect(second == first, "\(name): the second export differs")
    #expect(loaded.interpreter.cluster == original.cluster, "\(name): the cluster is not restored")
    #expect(
      loaded.interpreter.timeline.entries.map(\.text) == original.timeline.entries.map(\.text))
    #expect(first.last == UInt8(ascii: "\n"))
  }

  @Test func exportIsDeterministic() {
    for (name, lines) in TraceCatalogue.scripts {
      #expect(TraceCatalogue.trace(lines) == TraceCatalogue.trace(lines), "\(name)")
    }
  }

  @Test func theLoadedClusterCarriesOn() throws {
    let lines = ["cluster 3 2 1", "propose p1 red", "deliver p1->a1", "deliver p1->a2"]
    let loaded = try TraceImport.load(TraceCatalogue.trace(lines))
    var mine = loaded.interpreter
    var theirs = TraceCatalogue.interpreter(lines)
    for line in ["deliver all", "propose p2 blue", "run seed=9"] {
      _ = mine.execute(line)
      _ = theirs.execute(line)
    }
    #expect(mine.cluster == theirs.cluster)
    // The history came along: undo works on the loaded run.
    let undo = mine.execute("undo 3")
    guard case .done = undo.outcome else {
      Issue.record("undo refused")
      return
    }
    #expect(mine.cluster == loaded.interpreter.cluster)
  }

  @Test func aReformattedTraceStillLoads() throws {
    let bytes = TraceCatalogue.trace(TraceCatalogue.scripts[0].lines)
    // Same content, different layout: keys reordered, whitespace changed.
    var text = bytes.text.replacing("\n", with: "\r\n  ")
    text = text.replacing(
      #"{"time": 1, "order": 1, "kind": "phase1", "ballot": "1.p1"}"#,
      with: #"{"ballot":"1.p1","kind":"phase1","order":1,"time":1}"#)
    #expect(text.contains(#""order":1,"time":1}"#))
    let loaded = try TraceImport.load(Array(text.utf8))
    #expect(TraceEncoder.encode(loaded.interpreter) == bytes)
  }

  @Test func quotedValuesAreEscapedJSON() {
    let text = TraceCatalogue.trace(TraceCatalogue.scripts[9].lines).text
    #expect(text.contains(#""value": "naïve \"quoted\" ✓ 日本; # --> %% {x}\\ \t""#))
  }
}
