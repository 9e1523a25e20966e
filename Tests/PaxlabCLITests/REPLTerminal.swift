import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The `paxlab` REPL in a terminal of its own: a detached tmux session on a private server,
/// typed at with `send-keys` and read with `capture-pane`, as a person would use it.
final class REPLTerminal {
  static let tmux: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return (path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"])
      .map { $0 + "/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  static var isAvailable: Bool { tmux != nil }

  /// How long any wait for the screen lasts before the test fails.
  static let patience = 15.0

  let directory: URL
  /// A server of our own: the tests never touch the user's tmux, and closing kills it all.
  private let socket = FileManager.default.temporaryDirectory
    .appendingPathComponent("paxlab-tmux-" + UUID().uuidString.prefix(8)).path
  private var isOpen = false

  /// Starts `paxlab ARGUMENTS` in `directory`; when it leaves, the pane shows `[exited N]`.
  /// `environment` sets variables, or unsets those given as nil.
  init(
    in directory: URL, arguments: [String] = ["--session", "t"],
    environment: [String: String?] = [:], waitsForPrompt: Bool = true,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    self.directory = directory
    let binary = try #require(Paxlab.binary, "no paxlab binary", sourceLocation: sourceLocation)
    // No ~/.inputrc: a developer's key bindings must not change what the tests see.
    let variables = ["INPUTRC": "/dev/null"].merging(environment) { _, given in given }
    // `env` takes its -u options before the assignments.
    let unset = variables.filter { $0.value == nil }.keys.sorted().map { "-u " + $0 }
    let set = variables.compactMap { name, value in value.map { (name, $0) } }
      .sorted { $0.0 < $1.0 }.map { "\($0.0)=\(Self.quoted($0.1))" }
    let program = ([binary.path] + arguments).map(Self.quoted)
    let command =
      "cd \(Self.quoted(directory.path)) && env " + (unset + set + program).joined(separator: " ")
      // The pane stays a while after paxlab leaves, to show how; closing ends it at once.
      + "; echo \"[exited $?]\"; sleep 120"
    try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "150", "-y", "50", command])
    isOpen = true
    if waitsForPrompt { try waitForPrompt(sourceLocation: sourceLocation) }
  }

  deinit { close() }

  func close() {
    guard isOpen else { return }
    isOpen = false
    _ = try? tmux(["kill-server"])
    unlink(socket)
  }

  // MARK: Typing

  /// Types text as it is, key by key.
  func type(_ text: String) throws { try tmux(["send-keys", "-l", text]) }

  /// Presses named keys: `Enter`, `Tab`, `Up`, `C-c`, `C-d`, `C-u`.
  func press(_ keys: String...) throws { try tmux(["send-keys"] + keys) }

  /// Types a line and waits for the next prompt.
  func enter(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let prompts = screen().filter(Self.isPrompt).count
    try type(line)
    try press("Enter")
    try waitFor("the prompt after '\(line)'", sourceLocation: sourceLocation) { lines in
      lines.filter(Self.isPrompt).count > prompts
    }
  }

  // MARK: Reading

  /// The lines of the screen and of its scrollback, without trailing blanks and without the
  /// empty lines below the text.
  func screen() -> [String] {
    let text = (try? tmux(["capture-pane", "-p", "-J", "-S", "-"])) ?? ""
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0.reversed().drop { $0 == " " }.reversed())
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines
  }

  /// The screen with its colours, as escape sequences.
  func colouredScreen() -> String { (try? tmux(["capture-pane", "-p", "-e"])) ?? "" }

  /// The last line on the screen: the prompt and what is typed after it.
  var lastLine: String { screen().last ?? "" }

  static func isPrompt(_ line: String) -> Bool {
    line.hasPrefix("paxlab") && line.contains("]>")
  }

  /// Waits until `condition` holds for the screen; records the screen if it never does.
  @discardableResult
  func waitFor(
    _ what: String, sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: ([String]) -> Bool
  ) throws -> [String] {
    let deadline = Date().addingTimeInterval(Self.patience)
    var lines = screen()
    while !condition(lines) {
      guard Date() < deadline else {
        let screen = lines.joined(separator: "\n")
        Issue.record(
          Comment(rawValue: "waited \(Self.patience) s for \(what); the screen:\n" + screen),
          sourceLocation: sourceLocation)
        throw Timeout()
      }
      Thread.sleep(forTimeInterval: 0.05)
      lines = screen()
    }
    return lines
  }

  struct Timeout: Error {}

  func waitForPrompt(sourceLocation: SourceLocation = #_sourceLocation) throws {
    try waitFor("the prompt", sourceLocation: sourceLocation) { lines in
      lines.last.map(Self.isPrompt) ?? false
    }
  }

  /// Waits until the last line, the one being edited, reads `expected`.
  func waitForLastLine(
    _ expected: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    try waitFor("the line to read '\(expected)'", sourceLocation: sourceLocation) { lines in
      lines.last == expected
    }
  }

  /// Waits until the cursor is at the start of a line: after Enter, a line was taken.
  func waitForLineTaken(sourceLocation: SourceLocation = #_sourceLocation) throws {
    try waitFor("the line to be taken", sourceLocation: sourceLocation) { _ in
      (try? self.tmux(["display-message", "-p", "#{cursor_x}"]))?.hasPrefix("0") == true
    }
  }

  /// Waits for `paxlab` to leave; returns its exit status.
  func waitForExit(sourceLocation: SourceLocation = #_sourceLocation) throws -> Int? {
    let lines = try waitFor("paxlab to leave", sourceLocation: sourceLocation) { lines in
      lines.contains { $0.hasPrefix("[exited ") }
    }
    return lines.last { $0.hasPrefix("[exited ") }.flatMap {
      Int($0.dropFirst("[exited ".count).dropLast())
    }
  }

  // MARK: tmux

  @discardableResult
  private func tmux(_ arguments: [String]) throws -> String {
    guard let tmux = Self.tmux else { throw Timeout() }
    var environment = ProcessInfo.processInfo.environment
    environment["TMUX"] = nil  // tests run inside tmux must not talk to the outer server
    environment["TERM"] = environment["TERM"] ?? "xterm"
    guard
      let output = REPLSpawn.run(
        tmux, ["-S", socket] + arguments, environment: environment, timeout: Self.patience)
    else { throw Timeout() }
    return output
  }

  private static func quoted(_ text: String) -> String {
    "'" + text.replacing("'", with: "'\\''") + "'"
  }
}
