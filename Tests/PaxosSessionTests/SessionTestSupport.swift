import Foundation
import PaxosScript
import PaxosSession

/// A session in a fresh temporary folder, removed afterwards.
final class TemporaryPlace: @unchecked Sendable {
  let folder: URL
  let place: SessionPlace

  init(name: String = "test") throws {
    folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("paxlab-session-tests-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    place = SessionPlace(folder: folder.path + "/.paxlab", name: name)
  }

  deinit { try? FileManager.default.removeItem(at: folder) }

  var fileText: String { (try? String(contentsOfFile: place.file, encoding: .utf8)) ?? "" }

  func fileBytes(_ path: String? = nil) -> Data {
    FileManager.default.contents(atPath: path ?? place.file) ?? Data()
  }

  func write(_ text: String) throws {
    try FileManager.default.createDirectory(
      atPath: place.folder, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: place.file))
  }

  /// Opens the session, hands it to `body` and closes it, as a program that quits would: a
  /// session open here cannot be opened a second time.
  func inSession<T>(recovery: Recovery? = nil, _ body: (Session) throws -> T) throws -> T {
    try body(try Session(opening: place, recovery: recovery))
  }

  /// The files in the session folder.
  var files: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: place.folder)) ?? []).sorted()
  }
}

extension Session {
  /// Runs lines, failing the test's expectation through the returned outcomes.
  @discardableResult
  func run(_ lines: [String]) -> [LineResult] { lines.map { execute($0) } }
}

extension LineResult {
  var succeeded: Bool {
    if case .done = outcome { return true }
    return false
  }
}

let header = "# paxlab session v1: the commands that built this cluster\n"
