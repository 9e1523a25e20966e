import Testing

@testable import PaxosScript

/// Words, quoted values, `|`, `#` comments and `#7` message numbers.
@Suite struct LexerTests {
  func kinds(_ line: String) throws -> [String] {
    try Lexer.tokens(line).map { token in
      switch token.kind {
      case .word: token.text
      case .quoted: "\"" + token.text + "\""
      case .bar: "|"
      }
    }
  }

  @Test func wordsAreSplitOnSpacesTabsAndCarriageReturns() throws {
    #expect(try kinds("  deliver\t #7 \r") == ["deliver", "7"])
    #expect(try kinds("cluster 3 2 1") == ["cluster", "3", "2", "1"])
  }

  @Test func errorColumnsCountCharactersFromOne() {
    let hint = "write 'propose P VALUE', e.g. 'propose p1 red'"
    #expect(throws: ScriptError("unexpected 'red' at column 20", hint: hint)) {
      try Parser.parse("  propose p1 \"é 日\" red")
    }
  }

  @Test func aHashFollowedByADigitNamesAMessage() throws {
    #expect(try kinds("deliver #7") == ["deliver", "7"])
    #expect(try kinds("drop #12") == ["drop", "12"])
  }

  @Test(arguments: [
    "# a comment", "#", "   # indented", "#comment", "#-1", "# 7 is not a message here",
  ])
  func aHashNotFollowedByADigitStartsAComment(_ line: String) throws {
    #expect(try kinds(line) == [])
  }

  @Test func aCommentEndsTheLine() throws {
    #expect(try kinds("deliver # the oldest") == ["deliver"])
    #expect(try kinds("deliver #7 # then stop") == ["deliver", "7"])
    #expect(
      try kinds("propose p1 \"# not a comment\" # a comment") == [
        "propose", "p1", "\"# not a comment\"",
      ])
  }

  @Test func linksAreOneWordOrThree() throws {
    #expect(try kinds("deliver p1->a1") == ["deliver", "p1->a1"])
    #expect(try kinds("deliver p1 -> a1") == ["deliver", "p1", "->", "a1"])
  }

  @Test func barsSeparateEvenWithoutSpaces() throws {
    #expect(try kinds("partition a1|a2 | a3") == ["partition", "a1", "|", "a2", "|", "a3"])
  }

  @Test func quotedValuesKeepSpacesAndTakeEscapes() throws {
    #expect(try kinds(#"propose p1 "two words""#) == ["propose", "p1", "\"two words\""])
    #expect(try Lexer.tokens(#"propose p1 "say \"hi\" \\ bye""#).last?.text == #"say "hi" \ bye"#)
    #expect(try Lexer.tokens(#""""#).first?.text == "")
    #expect(try Lexer.tokens(#""none""#).first?.kind == .quoted)
  }

  @Test func aQuoteEndsAWord() throws {
    #expect(try kinds(#"propose p1 red"blue""#) == ["propose", "p1", "red", "\"blue\""])
  }

  @Test func keyValueOptionsAreOneWord() throws {
    #expect(try kinds("run steps=10 seed=3") == ["run", "steps=10", "seed=3"])
  }

  @Test func unicodeIsKeptWhole() throws {
    #expect(try kinds("propose p1 日本語 \"🧑‍🚀\"") == ["propose", "p1", "日本語", "\"🧑‍🚀\""])
  }

  @Test(arguments: [
    (#"propose p1 "red"#, "unterminated string starting at column 12"),
    (#"propose p1 "a\nb""#, "unknown escape in the value at column 12"),
    (#"propose p1 "a\"#, "unknown escape in the value at column 12"),
    ("cluster 3\u{0}", "unexpected control character U+0000 at column 10"),
    ("\u{7}", "unexpected control character U+0007 at column 1"),
    ("propose p1 \"a\u{1B}b\"", "a value may not contain control characters (column 14)"),
  ])
  func malformedLinesAreRefused(_ line: String, _ message: String) {
    #expect(throws: ScriptError.self) { try Lexer.tokens(line) }
    do {
      _ = try Lexer.tokens(line)
    } catch {
      #expect(error.message == message)
    }
  }

  @Test func aQuotedValueLongerThanTheLimitIsRefused() throws {
    let limit = Lexer.maxValueLength
    #expect(
      try Lexer.tokens("\"" + String(repeating: "v", count: limit) + "\"").first?.text.count
        == limit)
    #expect(throws: ScriptError.self) {
      try Lexer.tokens("\"" + String(repeating: "v", count: limit + 1) + "\"")
    }
  }

  @Test func aMegabyteOfWordsIsTokenized() throws {
    let line = String(repeating: "a1 ", count: 350_000)
    #expect(try Lexer.tokens(line).count == 350_000)
  }
}
