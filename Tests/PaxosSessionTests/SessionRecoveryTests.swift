import Foundation
import PaxosScript
import PaxosSession
import Testing

/// Damaged session files: a torn last line is dropped once the file is kept aside; anything
/// else is never overwritten, and the user picks how to go on.
@Suite struct SessionRecoveryTests {
  @Test func aCompleteLastLineWithoutItsNewlineIsKept() throws {
    let temporary = try TemporaryPlace()
    try temporary.write(header + "cluster 3\npropose p1 red")
    let session = try Session(opening: temporary.place)
    #expect(session.warnings.isEmpty)
    #expect(session.interpreter.timeline.entries.map(\.text) == ["cluster 3", "propose p1 red"])
    session.run(["deliver all"])
    #expect(temporary.fileText == header + "cluster 3\npropose p1 red\ndeliver all\n")
    #expect(temporary.files == ["test.lock", "test.paxos"])
  }

  @Test func aTornLastLineIsDroppedOnlyOnceTheWholeFileIsKept() throws {
    let temporary = try TemporaryPlace()
    let text = header + "cluster 3\npropose p1 red\ndeliv"
    try temporary.write(text)
    let session = try Session(opening: temporary.place)
    let aside = temporary.place.file + ".unreadable"
    #expect(
      session.warnings == [
        "\(temporary.place.file):4: the last line, 'deliv', was cut short by a crash before it"
          + " was saved; dropped it (the whole file is kept as \(aside))"
      ])
    #expect(temporary.fileBytes(aside) == Data(text.utf8))
    #expect(temporary.fileText == header + "cluster 3\npropose p1 red\n")
    session.run(["deliver 1"])
    #expect(temporary.fileText == header + "cluster 3\npropose p1 red\ndeliver 1\n")
  }

  @Test func aLineThatDoesNotReplayIsReportedAndTheFileIsLeftAlone() throws {
    let temporary = try TemporaryPlace()
    let text = header + "cluster 3\npropose p1 red\ndeliver 42\ndeliver 1\n"
    try temporary.write(text)
    do {
      _ = try Session(opening: temporary.place)
      Issue.record("an unreadable session must not open")
    } catch .unreadable(let file, let line, let lineText, _, let readable) {
      #expect(file == temporary.place.file)
      #expect(line == 4)
      #expect(lineText == "deliver 42")
      #expect(readable == 2)
    }
    #expect(temporary.fileText == text)
    #expect(temporary.files == ["test.lock", "test.paxos"])
  }

  @Test func aNewerFormatIsRefusedAndLeftAlone() throws {
    let temporary = try TemporaryPlace()
    let text = "# paxlab session v9: from the future\ncluster 3\n"
    try temporary.write(text)
    #expect {
      try Session(opening: temporary.place)
    } throws: { error in
      guard case SessionError.newerFormat(_, 9) = error else { return false }
      return true
    }
    #expect(temporary.fileText == text)
  }

  @Test func aFileThatIsNoSessionIsRefused() throws {
    let temporary = try TemporaryPlace()
    try temporary.write("my shopping list\neggs\n")
    #expect {
      try Session(opening: temporary.place)
    } throws: { error in
      guard case SessionError.notASession = error else { return false }
      return true
    }
    #expect(temporary.fileText == "my shopping list\neggs\n")
  }

  @Test func startingANewSessionKeepsTheOriginalAside() throws {
    let temporary = try TemporaryPlace()
    let text = header + "cluster 3\nfrobnicate\n"
    try temporary.write(text)
    let session = try Session(opening: temporary.place, recovery: .startNew)
    #expect(session.interpreter.cluster.isEmpty)
    #expect(temporary.fileText == header)
    #expect(temporary.files == ["test.lock", "test.paxos", "test.paxos.unreadable"])
    #expect(temporary.fileBytes(temporary.place.file + ".unreadable") == Data(text.utf8))
  }

  @Test func keepingTheReadableCommandsKeepsTheOriginalAside() throws {
    let temporary = try TemporaryPlace()
    let text = header + "cluster 3\npropose p1 red\nexpect chosen red\ndeliver 1\n"
    try temporary.write(text)
    let kept = try temporary.inSession(recovery: .keepReadable) {
      $0.interpreter.timeline.entries.map(\.text)
    }
    #expect(kept == ["cluster 3", "propose p1 red"])
    #expect(temporary.fileText == header + "cluster 3\npropose p1 red\n")
    #expect(temporary.fileBytes(temporary.place.file + ".unreadable") == Data(text.utf8))
    // A second recovery does not overwrite the first original.
    try temporary.write(header + "nonsense\n")
    _ = try Session(opening: temporary.place, recovery: .startNew)
    #expect(temporary.files.contains("test.paxos.unreadable-2"))
    #expect(temporary.fileBytes(temporary.place.file + ".unreadable") == Data(text.utf8))
  }
}
