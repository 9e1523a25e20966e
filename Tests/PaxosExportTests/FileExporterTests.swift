import Foundation
import PaxosScript
import PaxosSession
import Testing

@testable import PaxosExport

#if canImport(Glibc)
  import Glibc
#endif

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
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["run.json"])
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
        dot: { _, _, _ in [] }, markdown: { _, _, _ in "" }))
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
        dot: { _, _, _ in [] }, markdown: { _, _, _ in "" }))
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

  @Test func exportAllNeedsAFolderNotStandardOutput() throws {
    #expect(throws: ScriptError.self) {
      try FileExporter().exportAll(of: interpreter(), into: "-", named: "duel")
    }
    #expect(!FileManager.default.fileExists(atPath: "-"))
  }

  @Test func aMissingFolderIsNamed() {
    var interpreter = interpreter()
    let result = interpreter.execute("export json \(folder)/missing/run.json")
    guard case .error(let error) = result.outcome else {
      Issue.record("not refused")
      return
    }
    #expect(
      error.message
        == "cannot write '\(folder)/missing/run.json': there is no folder '\(folder)/missing/'")
  }

  func refusal(
    _ line: String, in interpreter: inout Interpreter,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> ScriptError? {
    guard case .error(let error) = interpreter.execute(line).outcome else {
      Issue.record("'\(line)' was not refused", sourceLocation: sourceLocation)
      return nil
    }
    return error
  }

  /// `export` replaces a file only when it wrote it, as an export of the same format.
  @Test func anExportReplacesOnlyItsOwnExportOfTheSameFormat() throws {
    var interpreter = interpreter()
    let formats = ["json", "mermaid", "dot", "markdown"]
    for format in formats {
      let path = "\(folder)/run.\(format)"
      for _ in 0..<2 {
        guard case .done = interpreter.execute("export \(format) \(path)").outcome else {
          Issue.record("\(format): its own export is not replaced")
          continue
        }
      }
      for other in formats where other != format {
        let before = try contents("run.\(format)")
        let error = refusal("export \(other) \(path)", in: &interpreter)
        #expect(error?.message.hasPrefix("'\(path)' exists and is not ") == true)
        #expect(error?.hint == "export to another name, or delete the file first")
        #expect(try contents("run.\(format)") == before)
      }
    }
    let notes = "\(folder)/important.txt"
    try "my notes\n".write(toFile: notes, atomically: true, encoding: .utf8)
    for format in formats { _ = refusal("export \(format) \(notes)", in: &interpreter) }
    #expect(try contents("important.txt") == "my notes\n")
  }

  /// However it starts, a protected file (the session's, the script being run) is never written.
  @Test func aProtectedFileIsNeverWritten() throws {
    let path = "\(folder)/lesson.md"
    var interpreter = interpreter()
    _ = interpreter.execute("export markdown \(path)")
    let written = try contents("lesson.md")
    interpreter.exporter = FileExporter(
      protecting: [.init(path: folder + "/./lesson.md", role: "the script being run")])
    let error = refusal("export markdown \(path)", in: &interpreter)
    #expect(error?.message == "'\(path)' is the script being run; it is left as it is")
    #expect(try contents("lesson.md") == written)
  }

  @Test func anExportGoesOnlyToARegularFileOrANewPath() throws {
    var interpreter = interpreter()
    #expect(mkfifo(folder + "/fifo", 0o644) == 0)
    try FileManager.default.createDirectory(
      atPath: folder + "/folder", withIntermediateDirectories: false)
    _ = interpreter.execute("export json \(folder)/run.json")
    try FileManager.default.createSymbolicLink(
      atPath: folder + "/link.json", withDestinationPath: folder + "/run.json")
    for (name, kind) in [
      ("fifo", "a FIFO (named pipe)"), ("folder", "a folder"), ("link.json", "a symbolic link"),
    ] {
      let error = refusal("export json \(folder)/\(name)", in: &interpreter)
      #expect(error?.message.hasPrefix("'\(folder)/\(name)' is \(kind);") == true)
    }
    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.json")
        == folder + "/run.json")
  }

  /// A diagram in parts is written whole or not at all.
  @Test func aPartThatIsNotAnExportStopsTheWholeExport() throws {
    let path = folder + "/duel.mmd"
    try "my own notes\n".write(toFile: folder + "/duel-3.mmd", atomically: true, encoding: .utf8)
    #expect(throws: ScriptError.self) {
      try Self.drawing(4).export(ExportRequest(format: .mermaid, path: path), of: interpreter())
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["duel-3.mmd"])
  }

  /// Each format's real files are known as that format's exports, and as nothing else; nor is a
  /// session or a script.
  @Test func eachExportIsRecognisedByItsFirstBytes() throws {
    let interpreter = interpreter()
    let exporter = FileExporter()
    for format in ExportFormat.allCases {
      let path = folder + "/run" + FileExporter.fileExtension(format)
      _ = try exporter.export(ExportRequest(format: format, path: path), of: interpreter)
      let prefix = Array(try Data(contentsOf: URL(fileURLWithPath: path)).prefix(256))
      for other in ExportFormat.allCases {
        #expect(
          ExportSignature.recognises(prefix, as: other) == (other == format),
          "\(format) as \(other)")
      }
    }
    let parts = try Self.drawing(2).export(
      ExportRequest(format: .mermaid, path: folder + "/parts.mmd"), of: interpreter)
    #expect(parts.count == 1)
    for text in [
      "# paxlab session v1: the commands that built this cluster\ncluster 3\n",
      "# Paxos Lab notes\ncluster 3\n", "sequenceDiagram\n", "{\"format\": \"other\"}\n", "",
    ] {
      for format in ExportFormat.allCases {
        #expect(!ExportSignature.recognises(Array(text.utf8), as: format), "\(text) as \(format)")
      }
    }
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
