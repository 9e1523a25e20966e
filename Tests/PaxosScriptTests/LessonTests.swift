import Foundation
import PaxosScript
import Testing

/// Every lesson of `lessons/` is a test: it runs as a script with every `expect` holding and
/// every question revealed, and its `--no-pause` transcript matches `Golden/lessons/NAME.txt`.
/// `PAXLAB_REWRITE=1 swift test` rewrites those files, to review as a diff.
@Suite struct LessonTests {
  static let lessonsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lessons")
  static let goldenFolder = GoldenTests.directory.appendingPathComponent("lessons")

  static let names: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: lessonsFolder.path)) ?? [])
    .filter { $0.hasSuffix(".paxos") }.map { String($0.dropLast(".paxos".count)) }.sorted()

  static func lesson(_ name: String) throws -> Lesson {
    let url = lessonsFolder.appendingPathComponent(name + ".paxos")
    let bytes = Array(try Data(contentsOf: url))
    return Lesson(name: name, lines: ScriptText.lines(of: bytes).map(String.init))
  }

  @Test func theLessonsAreFound() {
    #expect(Self.names.count >= 3, "found \(Self.names) in \(Self.lessonsFolder.path)")
  }

  @Test(arguments: names) func runsAsAScript(_ name: String) throws {
    var output: [String] = []
    var runner = ScriptRunner(quiet: true) { output.append($0) }
    let status = runner.run(name: name, lines: try Self.lesson(name).lines.map { Substring($0) })
    #expect(status == .passed, "\(output.joined(separator: "\n"))")
  }

  @Test(arguments: names) func hasATitleASummaryAPauseAndAQuestion(_ name: String) throws {
    let lesson = try Self.lesson(name)
    #expect(lesson.title != name && !lesson.summary.isEmpty)
    let commands = lesson.lines.compactMap { try? Parser.parse($0) }
    #expect(commands.contains(.teach(.pause)))
    #expect(commands.contains { if case .teach(.ask) = $0 { true } else { false } })
  }

  @Test(arguments: names) func matchesItsGoldenTranscript(_ name: String) throws {
    var output: [String] = []
    var player = LessonPlayer(
      mode: .straightThrough, emit: { output.append($0) }, read: { _, _ in nil })
    let status = player.play(try Self.lesson(name), file: "lessons/\(name).paxos")
    #expect(status == .passed)
    let actual = output.joined(separator: "\n") + "\n"
    let url = Self.goldenFolder.appendingPathComponent(name + ".txt")
    if GoldenTests.rewriting {
      try actual.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    if actual != expected {
      let diff = LineDiff.render(
        expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
        actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
      Issue.record("\(name): the transcript changed\n\(diff)\n(PAXLAB_REWRITE=1 rewrites it)")
    }
  }
}
