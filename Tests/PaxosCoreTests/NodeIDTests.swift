import PaxosCore
import PaxosTestSupport
import Testing

@Suite struct NodeIDTests {
  @Test func packsTheNameBigEndianAndPadsWithZeros() throws {
    #expect(try #require(NodeID("p1")).raw == 0x7031_0000_0000_0000)
    #expect(try #require(NodeID("abcdefgh")).raw == 0x6162_6364_6566_6768)
  }

  @Test(arguments: ["a", "p1", "A9_-", "abcdefgh", "node-7", "Z_z"])
  func readsBackTheNameItWasMadeFrom(_ name: String) throws {
    let id = try #require(NodeID(name))
    #expect(id.name == name)
    #expect(id.description == name)
  }

  @Test func orderingIsTheByteOrderOfTheNames() throws {
    let names = [
      "p2", "a10", "p1", "a2", "b", "B", "Z", "a", "a1", "abcdefgh", "abcdefgi", "a-", "a_",
    ]
    let byID = try names.map { try #require(NodeID($0)) }.sorted().map(\.name)
    let byName = names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    #expect(byID == byName)
  }

  @Test func noneSortsBeforeEveryRealName() throws {
    #expect(NodeID.none.name == "")
    #expect(NodeID.none < (try #require(NodeID("A"))))
  }

  @Test(
    arguments: [
      "", "abcdefghi", "1a", "9", "_a", "-a", "a b", " a", "a ", "a.b", "é", "aé", "a\u{0}",
      "日本",
    ])
  func rejectsAnInvalidName(_ name: String) {
    #expect(NodeID(name) == nil)
  }

  @Test(arguments: [0, 1, 9, 10, 64, 99, 100, 1_234_567])
  func aNumberedNameIsTheNameSpelledOut(_ number: Int) throws {
    let spelled = try #require(NodeID("a\(number)"))
    #expect(NodeID(prefix: "a", number: number) == spelled)
  }

  @Test func aNumberedNameMustBeAValidName() {
    #expect(NodeID(prefix: "a", number: 12_345_678) == nil, "nine characters")
    #expect(NodeID(prefix: "a", number: -1) == nil)
    #expect(NodeID(prefix: "1", number: 1) == nil)
    #expect(NodeID(prefix: "_", number: 1) == nil)
    #expect(NodeID(prefix: "é", number: 1) == nil)
  }
}
