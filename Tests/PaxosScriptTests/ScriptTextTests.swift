import Testing

@testable import PaxosScript

/// A script's bytes become lines the same way for files, sessions and lessons.
@Suite struct ScriptTextTests {
  static func lines(_ text: String) -> [String] {
    ScriptText.lines(of: Array(text.utf8)).map(String.init)
  }

  @Test func linesEndAtLineFeedsAndAFinalOneAddsNoEmptyLine() {
    #expect(Self.lines("") == [])
    #expect(Self.lines("\n") == [""])
    #expect(Self.lines("a\nb\n") == ["a", "b"])
    #expect(Self.lines("a\n\nb") == ["a", "", "b"])
  }

  @Test func aCarriageReturnStaysOnItsLineAndNonASCIITextIsKept() {
    #expect(Self.lines("a\r\nb") == ["a\r", "b"])
    #expect(Self.lines("propose p1 café\nsay 😀") == ["propose p1 café", "say 😀"])
  }

  @Test func aByteOrderMarkIsDroppedAndInvalidUTF8IsReplaced() {
    #expect(ScriptText.lines(of: [0xEF, 0xBB, 0xBF] + Array("a\n".utf8)) == ["a"])
    #expect(ScriptText.lines(of: [0x61, 0xFF, 0x0A, 0x62]) == ["a\u{FFFD}", "b"])
  }
}
