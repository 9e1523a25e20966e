import Foundation
import Testing

/// The committed `traces/` folder is exactly what the built `paxlab` exports from the example and
/// lesson scripts today: each `.json`, `.mmd`, `.dot` and `.md` byte for byte, no file missing
/// and none left over from a script that is gone. SVG files are not compared (they depend on the
/// installed Graphviz), only checked to belong to a `.dot` that is still exported.
@Suite struct TracesUpToDateTests {
  static let regenerate =
    "run `bash traces/regenerate.sh` (see traces/README.md) and commit traces/"

  /// The repository: this file is `Tests/PaxlabCLITests/TracesUpToDateTests.swift`.
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `examples/*.paxos` and `lessons/*.paxos`, as paths relative to the repository.
  static func scripts() throws -> [String] {
    var scripts: [String] = []
    for folder in ["examples", "lessons"] {
      let url = root.appendingPathComponent(folder)
      guard FileManager.default.fileExists(atPath: url.path) else { continue }
      scripts += try FileManager.default.contentsOfDirectory(atPath: url.path)
        .filter { $0.hasSuffix(".paxos") }
        .sorted()
        .map { "\(folder)/\($0)" }
    }
    return scripts
  }

  /// The names of the regular files in a folder; none when it does not exist.
  static func files(in folder: URL) throws -> Set<String> {
    guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    return Set(
      names.filter { name in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(
          atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
          && !isDirectory.boolValue
      })
  }

  /// A file `regenerate.sh` writes and this test compares byte for byte.
  static func isCompared(_ name: String) -> Bool {
    name != "README.md" && [".json", ".mmd", ".dot", ".md"].contains { name.hasSuffix($0) }
  }

  /// Where two texts first differ: the line number and both lines.
  static func firstDifference(_ committed: Data, _ exported: Data) -> String {
    func lines(_ data: Data) -> [Substring] {
      String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    }
    let old = lines(committed)
    let new = lines(exported)
    for index in 0..<max(old.count, new.count) {
      let before = index < old.count ? String(old[index]) : "<end of file>"
      let after = index < new.count ? String(new[index]) : "<end of file>"
      if before != after {
        return "line \(index + 1):\n    committed: \(before.prefix(200))\n"
          + "    exported:  \(after.prefix(200))"
      }
    }
    return "same text, different bytes"
  }

  @Test func committedTracesMatchAFreshExport() throws {
    let scripts = try Self.scripts()
    try #require(!scripts.isEmpty, "no scripts in examples/ or lessons/ under \(Self.root.path)")
    let traces = Self.root.appendingPathComponent("traces")

    let scratch = try Scratch()
    let out = scratch.url.appendingPathComponent("traces")
    let run = try Paxlab.run(["run", "-q"] + scripts + ["--export", out.path], in: Self.root)
    expectCleanExit(run, [0], "paxlab run --export of examples/ and lessons/")
    try #require(
      run.status == 0,
      "a script failed, so traces/ cannot be up to date:\n\(run.output.prefix(2000))")

    let fresh = try Self.files(in: out)
    let committed = try Self.files(in: traces)
    let committedCompared = committed.filter(Self.isCompared)

    let missing = fresh.subtracting(committedCompared).sorted()
    #expect(
      missing.isEmpty,
      "traces/ lacks \(missing.joined(separator: ", ")); \(Self.regenerate)")

    let stale = committedCompared.subtracting(fresh).sorted()
    let staleMessage =
      "traces/ holds \(stale.joined(separator: ", ")), which no script exports any more"
    #expect(stale.isEmpty, "\(staleMessage); \(Self.regenerate)")

    let staleSVG = committed.filter { name in
      name.hasSuffix(".svg") && !fresh.contains(String(name.dropLast(".svg".count)) + ".dot")
    }.sorted()
    let staleSVGMessage =
      "traces/ holds \(staleSVG.joined(separator: ", ")), the picture of no exported .dot"
    #expect(staleSVG.isEmpty, "\(staleSVGMessage); \(Self.regenerate)")

    for name in fresh.intersection(committedCompared).sorted() {
      let exported = try Data(contentsOf: out.appendingPathComponent(name))
      let saved = try Data(contentsOf: traces.appendingPathComponent(name))
      let same = exported == saved  // a Bool, so a failure prints the message, not the bytes
      let difference = Self.firstDifference(saved, exported)
      #expect(same, "traces/\(name) is out of date (\(difference)); \(Self.regenerate)")
    }
  }
}
