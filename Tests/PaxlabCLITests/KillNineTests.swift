import Foundation
import PaxosSim
import Testing

/// `kill -9` at any moment loses nothing the REPL has shown: each command is on disk before
/// its result is printed, so reopening the session finds every command whose echo was seen.
@Suite struct KillNineTests {
  /// Commands that always succeed, so each one is recorded.
  static func command(_ index: Int) -> String {
    guard index > 0 else { return "cluster 3 2 1" }
    return index % 3 == 0 ? "propose p\(index % 2 + 1) v\(index)" : "run steps=\(index % 7 + 1)"
  }

  @Test(arguments: [3, 17, 41, 88])
  func everyShownCommandSurvives(seed: UInt64) throws {
    let scratch = try Scratch()
    var random = SplitMix64(seed: seed)
    let killAfter = 20 + random.next(below: 60)
    let repl = try PipedREPL(arguments: ["--session", "k"], in: scratch.url)
    var sent = 0
    // Type commands one by one, each after the previous one's result showed...
    while sent < killAfter {
      try repl.send(Self.command(sent))
      try repl.waitFor(echoOf: Self.command(sent))
      sent += 1
    }
    // ...then a burst, and kill -9 while it is being carried out.
    for _ in 0..<random.next(below: 30) {
      try repl.send(Self.command(sent))
      sent += 1
    }
    repl.killNine()
    let shown = repl.output.split(separator: "\n").filter { $0.hasPrefix("> ") }
      .map { String($0.dropFirst(2)) }
    #expect(shown.count >= killAfter)

    let reopened = try Paxlab.run(
      ["--session", "k"], stdin: Data("history all\n".utf8), in: scratch.url)
    #expect(reopened.status == 0, "\(reopened.output)")
    let history = reopened.lines.compactMap { line -> String? in
      guard let range = line.range(of: #"^\s+#\d+\s+"#, options: .regularExpression) else {
        return nil
      }
      return String(line[range.upperBound...])
    }
    // Every shown command is there, in order; at most the one being saved when the kill came
    // follows them.
    #expect(Array(history.prefix(shown.count)) == shown, "seed \(seed)")
    #expect(history.count <= shown.count + 1, "seed \(seed)")
    #expect(history.count <= sent)
  }
}

/// The REPL with piped standard input and output, driven line by line.
final class PipedREPL: @unchecked Sendable {
  private let process = Process()
  private let input = Pipe()
  private let lock = NSLock()
  private var received = Data()

  init(arguments: [String], in directory: URL) throws {
    let binary = try #require(Paxlab.binary)
    let outputPipe = Pipe()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.standardInput = input
    process.standardOutput = outputPipe
    process.standardError = FileHandle.nullDevice
    outputPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
      let data = handle.availableData
      guard let self else { return }
      self.lock.lock()
      self.received.append(data)
      self.lock.unlock()
    }
    try process.run()
  }

  var output: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: received, as: UTF8.self)
  }

  func send(_ line: String) throws {
    try input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
  }

  /// Waits until the REPL has printed the echo of `line` (after its last echo so far).
  func waitFor(echoOf line: String, timeout: Double = 20) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if output.split(separator: "\n").last(where: { $0.hasPrefix("> ") }) == "> " + line[...] {
        return
      }
      Thread.sleep(forTimeInterval: 0.002)
    }
    Issue.record("no echo of '\(line)' within \(timeout) s")
    killNine()
    throw CancellationError()
  }

  var pid: Int32 { process.processIdentifier }

  /// Ends the input, as Ctrl-D would, and waits for the REPL to leave.
  func close() throws {
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
  }

  func killNine() {
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    Thread.sleep(forTimeInterval: 0.05)  // let the reader take the last bytes
  }
}
