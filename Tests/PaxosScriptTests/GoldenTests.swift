import Foundation
import PaxosScript
import Testing

/// Runs every `Golden/*.txt` file through one interpreter and compares what each line prints
/// with the file. `PAXLAB_REWRITE=1 swift test` rewrites the files instead, to review as a diff.
@Suite struct GoldenTests {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  static let files: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
    .filter { $0.hasSuffix(".txt") }.sorted()

  static var rewriting: Bool { ProcessInfo.processInfo.environment["PAXLAB_REWRITE"] == "1" }

  @Test func theGoldenFilesAreFound() {
    #expect(Self.files.count >= 10, "found \(Self.files) in \(Self.directory.path)")
  }

  @Test(arguments: files) func transcript(_ name: String) throws {
    let url = Self.directory.appendingPathComponent(name)
    let location = { (line: Int) in
      SourceLocation(fileID: "PaxosScriptTests/\(name)", filePath: url.path, line: line, column: 1)
    }
    let golden: GoldenFile
    do {
      golden = try GoldenFile(parsing: try String(contentsOf: url, encoding: .utf8))
    } catch let error as GoldenFile.FormatError {
      Issue.record("\(name):\(error.line): \(error.message)", sourceLocation: location(error.line))
      return
    }
    var interpreter = Interpreter()
    var outputs: [[String]] = []
    for block in golden.blocks {
      let actual = PaxosScriptTests.transcript(of: block.command, in: &interpreter)
      outputs.append(actual)
      if actual.contains("") {
        Issue.record(
          "\(name):\(block.line): '\(block.command)' printed a blank line, which a golden block cannot hold",
          sourceLocation: location(block.line))
      }
      if !Self.rewriting, actual != block.expected {
        let diff = LineDiff.render(block.expected, actual)
        Issue.record(
          "\(name):\(block.line): \(block.command)\n\(diff)\n(PAXLAB_REWRITE=1 rewrites the golden files)",
          sourceLocation: location(block.line))
      }
    }
    if Self.rewriting {
      try golden.rendered(outputs: outputs).write(to: url, atomically: true, encoding: .utf8)
    }
  }

  @Test func aGoldenFileRoundTrips() throws {
    let text = """
      # a comment
      cluster 3
      ----
      line one
        line two

      # between blocks

      status
      ----

      help
      ----
      last
      """
    let golden = try GoldenFile(parsing: text)
    #expect(golden.blocks.map(\.line) == [2, 9, 12])
    #expect(golden.blocks.map(\.command) == ["cluster 3", "status", "help"])
    #expect(golden.rendered(outputs: golden.blocks.map(\.expected)) == text + "\n")
  }

  @Test func aCommandWithoutSeparatorIsAFormatError() {
    #expect(throws: GoldenFile.FormatError.self) {
      try GoldenFile(parsing: "cluster 3\nstatus\n")
    }
  }
}
