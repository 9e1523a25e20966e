import Foundation
import Testing

@testable import PaxosExport

/// Every exported trace validates against docs/trace.schema.json, checked by Python's
/// `jsonschema` (the reference implementation of JSON Schema) when it is installed.
@Suite(
  .enabled(if: SchemaValidator.isAvailable, "python3 with the jsonschema package is not installed"))
struct SchemaTests {
  @Test func exportedTracesMatchTheSchema() throws {
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("paxlab-schema-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    var files: [String] = []
    for (index, script) in TraceCatalogue.scripts.enumerated() {
      for (number, window) in [TraceWindow.whole, TraceWindow(from: 3, to: 9)].enumerated() {
        let file = scratch.appendingPathComponent("trace-\(index)-\(number).json")
        try Data(TraceCatalogue.trace(script.lines, window: window)).write(to: file)
        files.append(file.path)
      }
    }
    let (status, output) = try SchemaValidator.validate(files)
    #expect(status == 0, "\(output)")
    #expect(output.contains("valid: \(files.count)"), "\(output)")
  }

  @Test func theSchemaRefusesWhatTheReaderRefuses() throws {
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("paxlab-schema-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let text = TraceCatalogue.sample.text
    let broken = [
      text.replacing(#""kind": "phase1""#, with: #""kind": "teleport""#, maxReplacements: 1),
      text.replacing(#""order": 1, "#, with: #""order": 1, "colour": 1, "#, maxReplacements: 1),
      text.replacing(
        #""version": \#(TraceFormat.version)"#, with: #""version": \#(TraceFormat.version + 1)"#),
      text.replacing(#"{"time": 1, "#, with: #"{"step": 1, "#, maxReplacements: 1),
    ]
    let log = TraceCatalogue.trace(TraceCatalogue.logScripts[0].lines).text
    let brokenLogs = [
      log.replacing(#""slot": 1, "#, with: #""slot": 0, "#, maxReplacements: 1),
      log.replacing(#""request": "r1""#, with: #""request": "x1""#, maxReplacements: 1),
      log.replacing(#""mode": "log""#, with: #""mode": "paxos""#),
    ]
    // The schema lets any trace's promise have either shape; the reader ties it to the mode.
    for (index, trace) in (broken + brokenLogs).enumerated() {
      let file = scratch.appendingPathComponent("broken-\(index).json")
      try Data(trace.utf8).write(to: file)
      let (status, _) = try SchemaValidator.validate([file.path])
      #expect(status != 0, "the schema accepts broken trace \(index)")
    }
  }
}

enum SchemaValidator {
  static let schema = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("docs/trace.schema.json").path

  static let script = """
    import json, sys, jsonschema
    schema = json.load(open(sys.argv[1]))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    bad = 0
    for path in sys.argv[2:]:
        errors = list(validator.iter_errors(json.load(open(path, encoding="utf-8"))))
        for error in errors[:3]:
            print(path, "/".join(map(str, error.absolute_path)), error.message[:300])
        bad += bool(errors)
    print("valid:", len(sys.argv) - 2 - bad)
    sys.exit(1 if bad else 0)
    """

  static let isAvailable: Bool = (try? run(["-c", "import jsonschema"]).status) == 0

  static func validate(_ files: [String]) throws -> (status: Int32, output: String) {
    try run(["-c", script, schema] + files)
  }

  static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
