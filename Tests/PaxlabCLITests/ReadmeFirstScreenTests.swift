import Foundation
import Testing

/// The README's first screen: the two commands, then how a newcomer starts learning, before
/// anything else.
@Suite struct ReadmeFirstScreenTests {
  static let readme = TracesUpToDateTests.root.appendingPathComponent("README.md")

  @Test func theTwoCommandsComeFirstThenTheCourse() throws {
    let text = try String(contentsOf: Self.readme, encoding: .utf8)
    let paragraphs = text.components(separatedBy: "\n\n")
    try #require(paragraphs.count > 3)
    #expect(paragraphs[0] == "# Paxos Lab")
    let commands = paragraphs[1].split(separator: "\n").filter { !$0.hasPrefix("```") }
    #expect(commands.count == 2)
    #expect(commands.first?.hasPrefix("swift run paxlab ") == true)
    #expect(commands.last?.hasPrefix("swift test ") == true)
    let course = paragraphs[2].replacing("\n", with: " ")
    #expect(course.contains("`swift run paxlab lesson 1`"), "\(course)")
    #expect(course.contains("`lesson 1` at the paxlab prompt"), "\(course)")
  }
}
