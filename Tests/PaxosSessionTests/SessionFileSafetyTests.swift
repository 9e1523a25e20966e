import Foundation
import PaxosScript
import PaxosSession
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Nothing a command does loses the session: `save` never writes over the live session's file
/// or anything that is not a file, a second open of a session is refused, and files that are
/// not sessions are refused before they are read.
@Suite struct SessionFileSafetyTests {
  func error(of result: LineResult, sourceLocation: SourceLocation = #_sourceLocation)
    -> ScriptError?
  {
    guard case .error(let error) = result.outcome else {
      Issue.record("not refused: \(result.outcome)", sourceLocation: sourceLocation)
      return nil
    }
    return error
  }

  /// Any path to the session's own file: as written, through `..`, a symbolic link, a hard link.
  @Test func saveNeverWritesOverTheLiveSessionsFile() throws {
    let temporary = try TemporaryPlace()
    let root = temporary.folder.path
    try temporary.inSession { session in
      session.run(["cluster 3", "propose p1 red"])
      try FileManager.default.createSymbolicLink(
        atPath: root + "/link.paxos", withDestinationPath: temporary.place.file)
      try FileManager.default.linkItem(atPath: temporary.place.file, toPath: root + "/hard.paxos")
      for path in [
        temporary.place.file, root + "/./.paxlab/../.paxlab/test.paxos", root + "/hard.paxos",
      ] {
        let refusal = error(of: session.execute("save \(path)"))
        #expect(
          refusal?.message
            == "'\(path)' is this session's own file, which paxlab keeps as you go; it is left as"
            + " it is")
      }
      let link = error(of: session.execute("save \(root)/link.paxos"))
      #expect(link?.message.hasPrefix("'\(root)/link.paxos' is a symbolic link;") == true)
      session.run(["deliver all"])
    }
    let reopened = try Session(opening: temporary.place)
    #expect(
      reopened.interpreter.timeline.entries.map(\.text) == [
        "cluster 3", "propose p1 red", "deliver all",
      ])
  }

  /// Replacing the file of a session another paxlab has open would lose what it saves next.
  @Test func saveNeverWritesOverASessionOpenElsewhere() throws {
    let temporary = try TemporaryPlace()
    let other = try Session(opening: SessionPlace(folder: temporary.place.folder, name: "other"))
    let session = try Session(opening: temporary.place)
    let refusal = error(of: session.execute("save \(other.place.file)"))
    #expect(
      refusal?.message
        == "'\(other.place.file)' is a session open in another paxlab (pid \(getpid())); it is left as it is"
    )
    other.close()
    #expect(session.execute("save \(other.place.file)").succeeded)
  }

  /// Should the file be moved or replaced by another program, the journal does not write where
  /// nobody reads: it goes back to what the file at its place holds.
  @Test func aSessionFileReplacedBehindItsBackIsNotWrittenTo() throws {
    let temporary = try TemporaryPlace()
    let session = try Session(opening: temporary.place)
    session.run(["cluster 3"])
    let moved = temporary.folder.path + "/moved.paxos"
    #expect(rename(temporary.place.file, moved) == 0)
    try temporary.write(header + "cluster 5\n")
    let refusal = error(of: session.execute("propose p1 red"))
    #expect(
      refusal?.message == "cannot save to '\(temporary.place.file)': it was moved, removed or"
        + " replaced since this session opened it; the last command is not saved and was taken back"
    )
    #expect(temporary.fileBytes(moved) == Data((header + "cluster 3\n").utf8))
    #expect(session.interpreter.cluster.nodes(with: .acceptor).count == 5)
    session.run(["propose p1 red"])
    #expect(temporary.fileText == header + "cluster 5\npropose p1 red\n")
  }

  /// A session file removed while it is open loses nothing: the cluster in memory is all that
  /// is left of it, and the next command writes it again.
  @Test func aSessionFileRemovedWhileOpenIsWrittenAgain() throws {
    let temporary = try TemporaryPlace()
    let session = try Session(opening: temporary.place)
    session.run(["cluster 3", "propose p1 red"])
    #expect(unlink(temporary.place.file) == 0)
    session.run(["deliver all"])
    #expect(session.interpreter.cluster.choices.value != nil)
    #expect(temporary.fileText == header + "cluster 3\npropose p1 red\ndeliver all\n")
    session.run(["status"])
    session.close()
    let reopened = try Session(opening: temporary.place)
    #expect(reopened.interpreter.timeline.entries.count == 3)
  }

  @Test func saveWritesOnlyToRegularFilesOrNewPaths() throws {
    let temporary = try TemporaryPlace()
    let session = try Session(opening: temporary.place)
    session.run(["cluster 3"])
    let root = temporary.folder.path
    #expect(mkfifo(root + "/fifo", 0o644) == 0)
    try FileManager.default.createDirectory(
      atPath: root + "/folder.paxos", withIntermediateDirectories: false)
    try temporary.write(header)
    try Data((header + "cluster 5\n").utf8).write(to: URL(fileURLWithPath: root + "/old.paxos"))
    try FileManager.default.createSymbolicLink(
      atPath: root + "/link.paxos", withDestinationPath: root + "/old.paxos")
    for (path, kind) in [
      ("fifo", "a FIFO (named pipe)"), ("folder.paxos", "a folder"),
      ("link.paxos", "a symbolic link"),
    ] {
      let refusal = error(of: session.execute("save \(root)/\(path)"))
      #expect(
        refusal?.message.hasPrefix("'\(root)/\(path)' is \(kind);") == true,
        "\(String(describing: refusal))")
      #expect(refusal?.hint?.contains("- for standard output") == true)
    }
    #expect(temporary.fileBytes(root + "/old.paxos") == Data((header + "cluster 5\n").utf8))
    #expect(session.execute("save \(root)/old.paxos").succeeded, "a saved script is replaced")
  }

  @Test func saveDashPrintsTheScript() throws {
    let temporary = try TemporaryPlace()
    let session = try Session(opening: temporary.place)
    session.run(["cluster 3", "bookmark here", "propose p1 red"])
    let result = session.execute("save -")
    #expect(result.succeeded)
    guard case .text(let lines)? = result.note else {
      Issue.record("save - prints the script")
      return
    }
    #expect(lines == [header + "cluster 3\nbookmark here\npropose p1 red"])
    #expect(!FileManager.default.fileExists(atPath: "-"))
  }

  @Test func saveToAMissingFolderNamesTheFolder() throws {
    let temporary = try TemporaryPlace()
    let session = try Session(opening: temporary.place)
    let path = temporary.folder.path + "/nowhere/saved.paxos"
    let refusal = error(of: session.execute("save \(path)"))
    #expect(
      refusal?.message
        == "cannot write '\(path)': there is no folder '\(temporary.folder.path)/nowhere/'")
  }

  /// Writing a file never touches a file of the user's that happens to have the temporary's name.
  @Test func saveLeavesAFileNamedLikeItsTemporaryAlone() throws {
    let temporary = try TemporaryPlace()
    let session = try Session(opening: temporary.place)
    let path = temporary.folder.path + "/saved.paxos"
    try Data("mine\n".utf8).write(to: URL(fileURLWithPath: path + ".tmp"))
    #expect(session.execute("save \(path)").succeeded)
    #expect(temporary.fileBytes(path + ".tmp") == Data("mine\n".utf8))
    let names = try FileManager.default.contentsOfDirectory(atPath: temporary.folder.path)
    #expect(names.sorted() == [".paxlab", "saved.paxos", "saved.paxos.tmp"])
  }

  @Test func aSessionOpenHereIsRefusedUntilItIsClosed() throws {
    let temporary = try TemporaryPlace()
    var first: Session? = try Session(opening: temporary.place)
    #expect(first != nil)
    #expect {
      try Session(opening: temporary.place)
    } throws: { error in
      guard case SessionError.inUse(let name, _, let pid) = error else { return false }
      return name == "test" && pid == getpid()
        && "\(error)".contains("paxlab --session NAME")
    }
    first = nil
    _ = try Session(opening: temporary.place)
  }

  // MARK: What is read

  @Test func aSessionFileThatIsNoFileIsRefusedAtOnce() throws {
    for make in [
      { (path: String) in _ = mkfifo(path, 0o644) },
      { path in
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
      },
      { path in
        try? FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/zero")
      },
    ] {
      let temporary = try TemporaryPlace()
      try FileManager.default.createDirectory(
        atPath: temporary.place.folder, withIntermediateDirectories: true)
      make(temporary.place.file)
      let start = Date()
      #expect {
        try Session(opening: temporary.place, recovery: .startNew)
      } throws: { error in
        guard case SessionError.notAFile = error else { return false }
        return "\(error)".contains("not a regular file")
      }
      #expect(Date().timeIntervalSince(start) < 5)
      #expect(temporary.files == ["test.lock", "test.paxos"])
    }
  }

  /// A link to nothing (missing, or looping) is a file that cannot be read: never silently an
  /// empty session; starting over keeps the link.
  @Test(arguments: ["missing.paxos", "test.paxos"])
  func aBrokenLinkIsAnUnreadableFile(_ target: String) throws {
    let temporary = try TemporaryPlace()
    try FileManager.default.createDirectory(
      atPath: temporary.place.folder, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: temporary.place.file, withDestinationPath: target)
    #expect {
      try Session(opening: temporary.place)
    } throws: { error in
      guard case SessionError.cannotRead = error else { return false }
      return true
    }
    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: temporary.place.file) == target)
    let session = try Session(opening: temporary.place, recovery: .startNew)
    #expect(
      session.warnings == [
        "\(temporary.place.file): the original file is kept as \(temporary.place.file).unreadable"
      ])
    #expect(
      try FileManager.default.destinationOfSymbolicLink(
        atPath: temporary.place.file + ".unreadable") == target)
    #expect(temporary.fileText == header)
  }

  @Test func loadRefusesWhatIsNotAFileAtOnce() throws {
    let temporary = try TemporaryPlace()
    let session = try Session(opening: temporary.place)
    let fifo = temporary.folder.path + "/fifo"
    #expect(mkfifo(fifo, 0o644) == 0)
    for (path, kind) in [("/dev/zero", "a device"), (fifo, "a FIFO (named pipe)")] {
      let start = Date()
      let refusal = error(of: session.execute("load \(path)"))
      #expect(refusal?.message == "cannot read '\(path)': it is \(kind), not a regular file")
      #expect(Date().timeIntervalSince(start) < 5)
    }
  }

  @Test func loadDashIsNotStandardInput() throws {
    let temporary = try TemporaryPlace()
    let session = try Session(opening: temporary.place)
    let refusal = error(of: session.execute("load -"))
    #expect(refusal?.message.contains("- (standard input)") == true)
  }

  /// The same limit, stated, for `load` and for opening a session; a sparse file is that large
  /// without taking any room.
  @Test func aFileOverTheLimitIsRefusedSayingTheLimit() throws {
    let temporary = try TemporaryPlace()
    try temporary.write(header)
    #expect(truncate(temporary.place.file, off_t(FileSystem.maxReadBytes + 1)) == 0)
    let limit = "it is larger than 1 GiB, the most paxlab reads from one file"
    #expect {
      try Session(opening: temporary.place)
    } throws: { error in
      "\(error)".hasSuffix(limit)
    }
    let other = try Session(opening: SessionPlace(folder: temporary.place.folder, name: "other"))
    let refusal = error(of: other.execute("load \(temporary.place.file)"))
    #expect(refusal?.message.hasSuffix(limit) == true)
  }
}
