import Foundation
import PaxosScript
import PaxosSession
import Testing

@testable import PaxosExport

/// `load TRACE.json` in a session restores the trace's exact cluster, saved like typed lines.
@Suite struct SessionLoadTests {
  let folder: String

  init() throws {
    folder =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("paxlab-session-" + UUID().uuidString).path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  func session() throws -> Session {
    let session = try Session(opening: SessionPlace(folder: folder, name: "s"))
    session.enableExports()
    return session
  }

  @Test func loadingATraceRestoresItsClusterAndSurvivesReopening() throws {
    let lines = TraceCatalogue.scripts[1].lines
    let original = TraceCatalogue.interpreter(lines)
    let path = folder + "/duel.json"
    try Data(TraceEncoder.encode(original)).write(to: URL(fileURLWithPath: path))
    let session = try session()
    _ = session.execute("cluster 5")  // something to replace
    let result = session.execute("load \(path)")
    guard case .done = result.outcome else {
      Issue.record("\(result.outcome)")
      return
    }
    #expect(session.interpreter.cluster == original.cluster)
    session.close()
    let reopened = try Session(opening: SessionPlace(folder: folder, name: "s"))
    #expect(reopened.interpreter.cluster == original.cluster)
    // The cluster before the load is one undo away.
    _ = reopened.execute("undo \(lines.count + 1)")
    #expect(reopened.interpreter.cluster.nodes.count == 7)  // a1..a5, p1, l1
  }

  @Test func aBadTraceChangesNothing() throws {
    let session = try session()
    _ = session.execute("cluster 3 1 1")
    _ = session.execute("propose p1 red")
    let before = session.interpreter.cluster
    let path = folder + "/bad.json"
    let text = TraceCatalogue.sample.text.replacing(#""kind": "phase1""#, with: #""kind": "warp""#)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let result = session.execute("load \(path)")
    guard case .error(let error) = result.outcome else {
      Issue.record("loaded")
      return
    }
    #expect(error.message.contains("unknown event kind 'warp'"), "\(error.message)")
    #expect(error.message.contains("$.events[0].kind"), "\(error.message)")
    #expect(session.interpreter.cluster == before)
  }

  @Test func scriptsStillLoadAsScripts() throws {
    let path = folder + "/script.txt"
    try Data("cluster 3 1 1\npropose p1 red\n".utf8).write(to: URL(fileURLWithPath: path))
    let session = try session()
    guard case .done = session.execute("load \(path)").outcome else {
      Issue.record("refused")
      return
    }
    #expect(session.interpreter.timeline.entries.count == 2)
  }

  @Test func theSessionExports() throws {
    let session = try session()
    _ = session.execute("cluster 3 1 1")
    let result = session.execute("export json \(folder)/x.json")
    guard case .done = result.outcome else {
      Issue.record("\(result.outcome)")
      return
    }
    #expect(FileManager.default.fileExists(atPath: folder + "/x.json"))
  }
}
