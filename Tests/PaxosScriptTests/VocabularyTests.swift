import Testing

@testable import PaxosScript

/// The vocabulary table: the names, aliases, examples and forms that parsing, help and
/// "did you mean" share.
@Suite struct VocabularyTests {
  static let names = Vocabulary.commands.map(\.name)

  @Test func namesAndAliasesAreUnique() {
    let words = Vocabulary.commands.flatMap { [$0.name] + $0.aliases }
    #expect(Set(words).count == words.count)
  }

  @Test(arguments: Vocabulary.commands.map(\.example))
  func everyExampleParses(_ example: String) throws {
    #expect(try Parser.parse(example) != nil)
  }

  @Test(arguments: names) func everyCommandHasHelp(_ name: String) {
    var interpreter = Interpreter()
    let notes = transcript(of: "help \(name)", in: &interpreter)
    let spec = Vocabulary.spec(named: name)!
    #expect(notes.first == spec.summary)
    #expect(notes.contains("example: " + spec.example))
    for form in spec.forms { #expect(notes.contains("  " + form)) }
  }

  @Test func helpListsEveryCommand() {
    var interpreter = Interpreter()
    let notes = transcript(of: "help", in: &interpreter)
    for name in Self.names {
      #expect(notes.contains { $0.hasPrefix("  " + name + " ") }, "help does not list \(name)")
    }
  }

  @Test func aliasesNameTheirCommand() {
    for spec in Vocabulary.commands {
      for alias in spec.aliases { #expect(Vocabulary.spec(named: alias)?.name == spec.name) }
    }
  }

  @Test(arguments: [
    ("delvier", "deliver"), ("dleiver", "deliver"), ("propse", "propose"), ("crsh", "crash"),
    ("recvoer", "recover"), ("statsu", "status"), ("Deliver", "deliver"), ("clustr", "cluster"),
    ("parition", "partition"), ("expct", "expect"), ("duplciate", "duplicate"),
  ])
  func aMisspeltCommandGetsASuggestion(_ typo: String, _ meant: String) {
    #expect(Vocabulary.suggestions(for: typo).first == meant)
  }

  @Test(arguments: ["xyzzy", "frobnicate", "", "日本語"])
  func aWordFarFromEveryCommandGetsNone(_ word: String) {
    #expect(Vocabulary.suggestions(for: word).isEmpty)
  }

  @Test func usageNamesEveryFormOfACommandWithArguments() {
    for spec in Vocabulary.commands {
      guard let usage = Vocabulary.usage(spec) else {
        #expect(spec.forms == [spec.name], "only a bare command has no usage")
        continue
      }
      for form in spec.forms { #expect(usage.contains("'\(form)'")) }
      #expect(usage.hasSuffix("e.g. '\(spec.example)'"))
    }
  }

  @Test func usageForATopicNamesOnlyItsForms() {
    let expect = Vocabulary.spec(.expect)
    #expect(Vocabulary.usage(expect, topic: "chosen") == "'expect chosen VALUE|none'")
    #expect(
      Vocabulary.usage(expect, topic: "nonsense")?.contains("'expect inflight K [KIND]'") == true)
  }

  @Test func everyCommandWordHasASpec() {
    for word in CommandWord.allCases {
      #expect(Vocabulary.spec(word).name == word.rawValue)
      #expect(Vocabulary.command(named: word.rawValue) == word)
    }
  }
}
