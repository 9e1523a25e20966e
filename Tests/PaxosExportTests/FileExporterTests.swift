import Foundation
import PaxosScript
import PaxosSession
import Testing

@testable import PaxosExport

@Suite struct FileExporterTests {
  let folder: String

  init() throws {
    folder =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("paxlab-export-" + UUID().uuidString).path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  static let lines = ["cluster 3 1 1", "propose p1 red", "deliver all"]

  func interpreter() -> Interpreter {
    var interpreter = TraceCatalogue.interpreter(Self.lines)
    interpreter.exporter = FileExporter()
    return interpreter
  }

  func contents(_ name: String) throws -> String {
    try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
  }

  @Test func theExportCommandWritesAJSONTrace() throws {
    var interpreter = interpreter()
    let result = interpreter.execute("export json \(folder)/run.json from=2 to=5")
    guard case .done = result.outcome, case .text(let lines)? = result.note else {
      Issue.record("export refused: \(result.outcome)")
      return
    }
    #expect(lines.first?.hasPrefix("export: wrote \(folder)/run.json: ") == true, "\(lines)")
    let written = Array(try contents("run.json").utf8)
    #expect(written == TraceEncoder.encode(interpreter, window: TraceWindow(from: 2, to: 5)))
    #expect(!FileManager.default.fileExists(atPath: folder + "/run.json.tmp"))
  }

  @Test func dashReturnsTheText() throws {
    var interpreter = interpreter()
    let result = interpreter.execute("export json -")
    guard case .text(let lines)? = result.note else {
      Issue.record("no text")
      return
    }
    #expect(
      lines == [
        TraceEncoder.encode(interpreter).text.replacing("\n", with: "\n", maxReplacements: 0)
          .dropLastNewline
      ])
  }

  @Test func everyFormatIsWritten() throws {
    var interpreter = interpreter()
    for (format, file) in [("mermaid", "run.mmd"), ("dot", "run.dot"), ("markdown", "run.md")] {
      let result = interpreter.execute("export \(format) \(folder)/\(file)")
      guard case .done = result.outcome else {
        Issue.record("\(format): \(result.outcome)")
        continue
      }
      #expect(!(try contents(file)).isEmpty)
    }
  }

  @Test func aLongMermaidRunGoesToOneFilePerPart() throws {
    let exporter = FileExporter(
      renderers: .init(
        mermaid: { _, _, _ in
          [
            "sequenceDiagram\n  a->>b: one", "sequenceDiagram\n  a->>b: two\n",
            "sequenceDiagram\n  a->>b: three",
          ]
        },
        dot: { _, _, _ in "" }, markdown: { _, _, _ in "" }))
    let lines = try exporter.export(
      ExportRequest(format: .mermaid, path: folder + "/duel.mmd"), of: interpreter())
    #expect(lines.first?.contains("wrote 3 Mermaid diagrams") == true, "\(lines)")
    #expect(try contents("duel-1.mmd") == "%% part 1 of 3\nsequenceDiagram\n  a->>b: one\n")
    #expect(try contents("duel-3.mmd") == "%% part 3 of 3\nsequenceDiagram\n  a->>b: three\n")
    #expect(!FileManager.default.fileExists(atPath: folder + "/duel.mmd"))
    let standardOutput = try exporter.export(
      ExportRequest(format: .mermaid, path: "-"), of: interpreter())
    #expect(
      standardOutput == [
        "%% part 1 of 3\nsequenceDiagram\n  a->>b: one\n\n%% part 2 of 3\nsequenceDiagram\n  a->>b: two\n\n"
          + "%% part 3 of 3\nsequenceDiagram\n  a->>b: three"
      ])
  }

  /// An exporter that draws `count` diagrams.
  static func drawing(_ count: Int) -> FileExporter {
    FileExporter(
      renderers: .init(
        mermaid: { _, _, _ in (1...count).map { "sequenceDiagram\n  a->>b: \($0)" } },
        dot: { _, _, _ in "" }, markdown: { _, _, _ in "" }))
  }

  /// A shorter export removes the parts a longer one left, and only those: a file of the same
  /// name that this program did not write as a part stays, and so does what follows it.
  @Test func aShorterExportRemovesTheOlderParts() throws {
    let path = folder + "/duel.mmd"
    _ = try Self.drawing(5).export(ExportRequest(format: .mermaid, path: path), of: interpreter())
    let two = try Self.drawing(2).export(
      ExportRequest(format: .mermaid, path: path), of: interpreter())
    #expect(
      two.last == "export: removed \(folder)/duel-3.mmd to \(folder)/duel-5.mmd, left by an"
        + " earlier, longer export")
    #expect(try contents("duel-2.mmd").hasPrefix("%% part 2 of 2\n"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/duel-3.mmd"))
    _ = try Self.drawing(5).export(ExportRequest(format: .mermaid, path: path), of: interpreter())
    try "my own notes\n".write(toFile: folder + "/duel-2.mmd", atomically: true, encoding: .utf8)
    let one = try Self.drawing(1).export(
      ExportRequest(format: .mermaid, path: path), of: interpreter())
    #expect(
      one == [
        "export: wrote \(path)",
        "export: removed \(folder)/duel-1.mmd, left by an earlier, longer export",
      ])
    #expect(try contents("duel-2.mmd") == "my own notes\n")
    #expect(FileManager.default.fileExists(atPath: folder + "/duel-3.mmd"))
  }

  @Test func partNames() {
    #expect(
      MermaidFiles.fileNames(for: "out/duel.mmd", count: 2) == ["out/duel-1.mmd", "out/duel-2.mmd"])
    #expect(MermaidFiles.fileNames(for: "a.b/duel", count: 2) == ["a.b/duel-1", "a.b/duel-2"])
    #expect(MermaidFiles.fileNames(for: ".hidden", count: 2) == [".hidden-1", ".hidden-2"])
    #expect(MermaidFiles.fileNames(for: "duel.mmd", count: 1) == ["duel.mmd"])
  }

  @Test func exportAllWritesEveryFormatBesideEachOther() throws {
    let lines = try FileExporter().exportAll(
      of: interpreter(), into: folder + "/new/deeper", named: "duel")
    #expect(lines.count == 4)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/new/deeper").sorted()
    #expect(names == ["duel.dot", "duel.json", "duel.md", "duel.mmd"])
  }

  @Test func anUnwritablePathIsAClearError() {
    var interpreter = interpreter()
    let result = interpreter.execute("export json \(folder)/missing/run.json")
    guard case .error(let error) = result.outcome else {
      Issue.record("not refused")
      return
    }
    #expect(error.message.contains("cannot create"), "\(error.message)")
  }

  @Test func withoutAnExporterTheLanguageSaysSo() {
    var interpreter = TraceCatalogue.interpreter(Self.lines)
    let result = interpreter.execute("export json -")
    guard case .error(let error) = result.outcome else {
      Issue.record("not refused")
      return
    }
    #expect(error.message.contains("needs the paxlab program"))
  }
}

extension String {
  var dropLastNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
