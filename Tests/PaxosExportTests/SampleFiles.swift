import Foundation
import PaxosExport
import PaxosScript
import PaxosTestSupport
import Testing

/// Writes every format of every scenario to `$PAXLAB_EXPORT_SAMPLES`, to look at by hand
/// (`dot -Tsvg`, a Markdown viewer). Does nothing unless that variable is set.
@Suite struct SampleFiles {
  static let directory = ProcessInfo.processInfo.environment["PAXLAB_EXPORT_SAMPLES"]

  @Test(.enabled(if: directory != nil, "set PAXLAB_EXPORT_SAMPLES=DIR to write sample exports"))
  func writeSamples() throws {
    let directory = try #require(Self.directory)
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var runs = Scenarios.all
    runs.append(("awkward-names", Scenarios.awkwardNames))
    runs.append(
      ("adversarial", Scenarios.adversarialRun("a;b #35; <br> %% \"q\" 😀", other: "x --> y")))
    var interpreters = runs.map { ($0.name, Interpreter.running($0.lines)) }
    interpreters.append(("long-2000", Scenarios.longRun(messages: 2_000)))
    interpreters.append(("long-10000", Scenarios.longRun(messages: 10_000)))
    for (name, interpreter) in interpreters {
      let base = URL(fileURLWithPath: directory).appendingPathComponent(name)
      let diagrams = MermaidExport.diagrams(of: interpreter.cluster, from: nil, to: nil)
      for (part, text) in diagrams.enumerated() {
        try Data(text.utf8).write(to: base.appendingPathExtension("\(part).mmd"))
      }
      try Data(DotExport.graph(of: interpreter.cluster, from: nil, to: nil).utf8)
        .write(to: base.appendingPathExtension("dot"))
      try Data(MarkdownExport.notes(of: interpreter, from: nil, to: nil).utf8)
        .write(to: base.appendingPathExtension("md"))
    }
  }
}
