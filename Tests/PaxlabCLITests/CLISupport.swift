import Foundation
import PaxosSim
import PaxosTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// What one run of the `paxlab` binary did.
struct PaxlabRun {
  /// The exit status, or the signal number when `crashed`.
  var status: Int32
  var crashed: Bool
  var timedOut: Bool
  var stdout: String
  var stderr: String
  var seconds: Double

  var output: String { stdout + stderr }
  var lines: [String] {
    stdout.split { $0 == "\n" || $0 == "\r\n" }.map(String.init)
  }
}

/// Runs the `paxlab` binary that `swift test` built next to the test bundle. Output goes to
/// files, not pipes, so a large transcript cannot block the child.
enum Paxlab {
  static let binary: URL? = {
    var directories: [URL] = []
    if let executable = Bundle.main.executableURL {
      directories.append(executable.deletingLastPathComponent())
    }
    directories.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
    // macOS: .build/debug/paxlabPackageTests.xctest/Contents/MacOS/paxlabPackageTests
    directories.append(Bundle.main.bundleURL.deletingLastPathComponent())
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
      directories.append(bundle.bundleURL.deletingLastPathComponent())
    }
    return directories.lazy.map { $0.appendingPathComponent("paxlab") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

  static func run(
    _ arguments: [String], stdin: Data? = nil, in directory: URL? = nil, timeout: Double = 60,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> PaxlabRun {
    let binary = try #require(
      Self.binary, "no paxlab binary next to \(CommandLine.arguments[0])",
      sourceLocation: sourceLocation)
    let scratch = try Scratch()
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? scratch.url
    let out = try scratch.emptyFile("stdout")
    let err = try scratch.emptyFile("stderr")
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    process.standardInput = try FileHandle(forReadingFrom: scratch.file("stdin", stdin ?? Data()))
    let (timedOut, seconds) = try process.runWaiting(timeout: timeout)
    if timedOut {
      Issue.record(
        "paxlab \(arguments) ran over \(timeout) s; killed", sourceLocation: sourceLocation)
    }
    return PaxlabRun(
      status: process.terminationStatus,
      crashed: process.terminationReason == .uncaughtSignal,
      timedOut: timedOut,
      stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self),
      seconds: seconds)
  }

  /// Runs one script given as bytes, from a file called `name`.
  static func run(
    script: some Sequence<UInt8>, named name: String = "script.paxos", options: [String] = [],
    timeout: Double = 60, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> PaxlabRun {
    let scratch = try Scratch()
    _ = try scratch.file(name, Data(script))
    return try run(
      ["run"] + options + [name], in: scratch.url, timeout: timeout, sourceLocation: sourceLocation)
  }

  /// Runs one script given as text.
  static func run(
    _ script: String, named name: String = "script.paxos", options: [String] = [],
    timeout: Double = 60, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> PaxlabRun {
    try run(
      script: Array(script.utf8), named: name, options: options, timeout: timeout,
      sourceLocation: sourceLocation)
  }
}

/// A temporary directory, removed when the value is no longer used.
final class Scratch: @unchecked Sendable {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("paxlab-cli-tests-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  @discardableResult
  func file(_ name: String, _ contents: Data) throws -> URL {
    let file = url.appendingPathComponent(name)
    try contents.write(to: file)
    return file
  }

  @discardableResult
  func file(_ name: String, _ text: String) throws -> URL { try file(name, Data(text.utf8)) }

  func emptyFile(_ name: String) throws -> URL { try file(name, Data()) }

  /// The text of session `name`'s file, `.paxlab/NAME.paxos` here.
  func sessionText(_ name: String) throws -> String {
    try String(contentsOf: url.appendingPathComponent(".paxlab/\(name).paxos"), encoding: .utf8)
  }
}

/// Checks that a run ended the way a script may end: an exit status of 0, 1 or 2, no signal, no
/// Swift runtime trap, within the time limit.
func expectCleanExit(
  _ run: PaxlabRun, _ allowed: Set<Int32> = [0, 1, 2], _ what: String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard !run.timedOut else {
    Issue.record("\(what): paxlab did not finish in time", sourceLocation: sourceLocation)
    return
  }
  #expect(
    !run.crashed, "\(what): paxlab died of signal \(run.status)", sourceLocation: sourceLocation)
  #expect(
    allowed.contains(run.status), "\(what): exit status \(run.status)\n\(run.output.prefix(2000))",
    sourceLocation: sourceLocation)
  #expect(
    !run.output.contains("Fatal error"), "\(what): \(run.output.prefix(2000))",
    sourceLocation: sourceLocation)
}

/// A deterministic stream of bytes from the project's own generator, so a failing input can be
/// reproduced from its seed.
struct ByteStream: Sequence, IteratorProtocol {
  private var random: SplitMix64

  init(seed: UInt64) { random = SplitMix64(seed: seed) }

  mutating func next() -> UInt8? { UInt8(truncatingIfNeeded: random.next()) }
}
