import Foundation
import PaxosCore
import PaxosExport
import PaxosScript
import PaxosSim
import PaxosTestSupport
import Testing

/// Every diagram goes through the real Mermaid in node: it must parse (and, with jsdom, draw
/// without Mermaid's error picture), stay under the size limit and show what it should.
@Suite(.enabled(if: MermaidChecker.isAvailable, MermaidChecker.missingReason))
struct MermaidRealParserTests {
  /// The checker itself: a diagram Mermaid rejects, or one over its size limit, must fail.
  @Test func theCheckerRejectsWhatMermaidRejects() throws {
    let arrows = String(repeating: "  a->>b: hello\n", count: 3_600)
    let results = try MermaidChecker.check([
      ("broken", "sequenceDiagram\n  a->>b hi\n"),
      ("unescaped", "sequenceDiagram\n  a->>b: x; y --> z\n"),
      ("oversized", "sequenceDiagram\n" + arrows),
      ("fine", "sequenceDiagram\n  a->>b: hi\n"),
    ])
    #expect(results["broken"]?.ok == false)
    #expect(results["fine"]?.ok == true)
    #expect(results["unescaped"]?.texts.contains("x; y --> z") != true)
    if results["oversized"]?.mode == "render" {
      #expect(results["oversized"]?.ok == false, "a diagram over 50,000 characters was drawn")
    }
  }

  static func isLong(_ report: Report?) -> Bool {
    switch report {
    case .votes(let slots), .chosen(let slots): slots.count > 3
    case .learned(let ranges): ranges.count > 3
    case nil: false
    }
  }

  @Test func everyScenarioParses() throws {
    var diagrams: [(name: String, text: String)] = []
    for scenario in Scenarios.all {
      let cluster = Interpreter.running(scenario.lines).cluster
      for (part, text) in MermaidExport.diagrams(of: cluster, from: nil, to: nil).enumerated() {
        diagrams.append(("\(scenario.name)-\(part)", text))
      }
    }
    let results = try MermaidChecker.check(diagrams)
    for (name, text) in diagrams {
      let result = try #require(results[name])
      #expect(result.ok, "\(name): \(result.error ?? "")\n\(text)")
      #expect(result.diagramType == "sequence", "\(name)")
      #expect(result.length < 50_000, "\(name)")
    }
    // The chosen value is on its band, the crash and the loss are told.
    let shown = { (name: String) in results[name]?.texts.joined(separator: "\n") ?? "" }
    #expect(shown("one-proposer-0").contains("★ CHOSEN red (1.p1)"))
    // Each arrow's label is the transcript's line for the message, without its number and ends:
    // in a log, with its slot, and a promise's or catch-up's report.
    for (name, lines) in [
      ("one-proposer", Scenarios.oneProposer), ("log-gap-and-catch-up", Scenarios.logGapAndCatchUp),
    ] {
      let cluster = Interpreter.running(lines).cluster
      for entry in cluster.trace.entries {
        // A label shortens a report of more than three slots (see LogExportTests).
        guard case .delivered(let id) = entry.event, !Self.isLong(cluster.trace.report(of: id))
        else { continue }
        let message = cluster.trace[id]
        let words = cluster.describe(id).replacing(
          "\(id) \(message.from) -> \(message.to) ", with: "")
        #expect(shown("\(name)-0").split(separator: "\n").contains { $0 == words }, "\(words)")
      }
    }
    let log = shown("log-gap-and-catch-up-0")
    for text in [
      "accept 1.p1 [2] append x 2", "★ CHOSEN [2] noop (1.p2)", "chosen again [1] put x 1 (1.p2)",
      "waits for slot 2", "learned [3] put y 3", "decided [4] get x",
      "skips duplicate [7] append x 2 (applied in [6])", "catchup (has [1, 3])",
    ] {
      #expect(log.contains(text), "\(text)")
    }
    #expect(shown("log-switches-0").contains("VIOLATION at most once"))
    #expect(shown("log-switches-0").contains("VIOLATION applied logs"))
    #expect(shown("log-ignores-accepted-0").contains("VIOLATION agreement"))
    #expect(shown("dueling-0").contains("nack 1.p1 (promised 2.p2)"))
    #expect(shown("crashes-0").contains("crash, keeps only its disk"))
    #expect(shown("drops-0").contains("(dropped)"))
    #expect(shown("partitions-0").contains("(lost, partition)"))
    #expect(shown("violation-0").contains("VIOLATION agreement"))
    #expect(shown("in-flight-0").contains("messages still in flight"))
  }

  @Test func adversarialValuesParseAndShowAsTyped() throws {
    var diagrams: [(name: String, text: String)] = []
    for (index, value) in Scenarios.adversarialValues.enumerated() {
      let cluster = Interpreter.running(Scenarios.adversarialRun(value)).cluster
      let parts = MermaidExport.diagrams(of: cluster, from: nil, to: nil)
      #expect(parts.count == 1)
      diagrams.append(("value\(index)", parts[0]))
    }
    let results = try MermaidChecker.check(diagrams)
    for (index, value) in Scenarios.adversarialValues.enumerated() {
      let name = "value\(index)"
      let result = try #require(results[name])
      #expect(result.ok, "value \(value.debugDescription): \(result.error ?? "")")
      // The chosen note shows the whole value, as scripts write it.
      let literal = ValueTable.literal(value).replacing("\t", with: "␉").replacing("\r", with: "␍")
      let shown = result.texts.joined(separator: "\n")
      #expect(
        shown.contains("CHOSEN " + literal),
        "value \(value.debugDescription) is not shown as typed; shown: \(shown.prefix(3000))")
      // Arrows show it too, shortened when long.
      #expect(
        shown.contains("accept 1.p1 " + ValueTextsProbe.short(literal)), "\(value.debugDescription)"
      )
    }
  }

  @Test func awkwardNodeNamesParse() throws {
    let cluster = Interpreter.running(Scenarios.awkwardNames).cluster
    let diagrams = MermaidExport.diagrams(of: cluster, from: nil, to: nil)
    let results = try MermaidChecker.check(diagrams.enumerated().map { ("names\($0)", $1) })
    for (index, text) in diagrams.enumerated() {
      let result = try #require(results["names\(index)"])
      #expect(result.ok, "\(result.error ?? "")\n\(text)")
      let shown = result.texts
      for name in ["end", "Note", "a-x", "x1", "box", "loop", "par_over", "activate", "over"] {
        #expect(shown.contains(name), "participant \(name) is not shown")
      }
    }
  }

  @Test func aLongRunIsSplitIntoPartsThatEachParse() throws {
    let interpreter = Scenarios.longRun(messages: 4_000)
    let cluster = interpreter.cluster
    let parts = MermaidExport.diagrams(of: cluster, from: nil, to: nil)
    #expect(parts.count >= 3)
    let results = try MermaidChecker.check(parts.enumerated().map { ("part\($0)", $1) })
    var arrows = 0
    var previousEnd = 0
    for (index, text) in parts.enumerated() {
      let result = try #require(results["part\(index)"])
      #expect(result.ok, "part \(index + 1): \(result.error ?? "")")
      #expect(text.utf8.count <= MermaidExport.maxDiagramBytes)
      #expect(result.length < 50_000)
      let note = try #require(MermaidShape.partNote(text), "part \(index + 1) does not say which")
      #expect(note.number == index + 1 && note.count == parts.count)
      #expect(note.firstTime > previousEnd, "part \(index + 1) goes back in time")
      previousEnd = note.lastTime
      arrows += MermaidShape.arrowCount(text)
    }
    // Together the parts draw every message that arrived, was dropped or was lost, once.
    let fates = cluster.trace.entries.filter {
      switch $0.event {
      case .delivered, .dropped, .lost: true
      default: false
      }
    }.count
    #expect(arrows == fates)
  }
}

/// Reads back what a diagram says, for the tests.
enum MermaidShape {
  static func arrowCount(_ text: String) -> Int {
    text.split(separator: "\n").filter {
      $0.contains("->>") || $0.contains("-x") && $0.contains(": ") && !$0.contains("Note")
    }.count
  }

  /// `part 2 of 5, time 481–960`
  static func partNote(_ text: String) -> (number: Int, count: Int, firstTime: Int, lastTime: Int)?
  {
    guard let line = text.split(separator: "\n").first(where: { $0.contains(": part ") }),
      let range = line.range(of: ": part ")
    else { return nil }
    let words = line[range.upperBound...].split { $0 == " " || $0 == "," || $0 == "–" }
    // ["2", "of", "5", "time", "481", "960"]
    guard words.count == 6, let number = Int(words[0]), let count = Int(words[2]),
      let first = Int(words[4]), let last = Int(words[5])
    else { return nil }
    return (number, count, first, last)
  }
}

/// The shortened form arrows use, computed the way the exporter documents it.
enum ValueTextsProbe {
  static func short(_ literal: String) -> String {
    literal.count > 40 ? String(literal.prefix(39)) + "…" : literal
  }
}

/// The committed exports in `traces/` (of every example, and later every lesson) draw too:
/// the `.mmd` files and the Mermaid blocks of the notes.
@Suite(.enabled(if: MermaidChecker.isAvailable, MermaidChecker.missingReason))
struct CommittedTracesParseTests {
  @Test func everyCommittedDiagramParses() throws {
    let folder = packageRoot.appendingPathComponent("traces")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    var diagrams: [(name: String, text: String)] = []
    for name in names where name.hasSuffix(".mmd") || name.hasSuffix(".md") {
      let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      if name.hasSuffix(".mmd") {
        diagrams.append((name, text))
      } else {
        let blocks = text.components(separatedBy: "```mermaid\n").dropFirst()
        for (index, block) in blocks.enumerated() {
          diagrams.append(("\(name) block \(index + 1)", block.components(separatedBy: "\n```")[0]))
        }
      }
    }
    #expect(diagrams.count >= 20, "traces/ holds the diagrams of every example")
    let results = try MermaidChecker.check(diagrams)
    for (name, _) in diagrams {
      let result = try #require(results[name])
      #expect(result.ok, "\(name): \(result.error ?? "")")
    }
  }
}
