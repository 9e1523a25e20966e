import PaxosScript
import PaxosSession
import PaxosSim

/// Carries out `export` lines: renders the run and writes it to a file, replaced atomically
/// (a reader sees the old file or the new one), or returns the text for the path `-`. It
/// writes only new paths and its own earlier exports of the same format (see `WriteTarget`),
/// and never the files it is told to protect.
public struct FileExporter: Exporter {
  /// The drawing functions, replaceable so that tests can check how parts are written.
  struct Renderers: Sendable {
    var mermaid: @Sendable (Cluster, Int?, Int?) -> [String]
    var dot: @Sendable (Cluster, Int?, Int?) -> [UInt8]
    var markdown: @Sendable (Interpreter, Int?, Int?) -> String

    static let standard = Renderers(
      mermaid: { MermaidExport.diagrams(of: $0, from: $1, to: $2) },
      dot: { DotExport.bytes(of: $0, from: $1, to: $2) },
      markdown: { MarkdownExport.notes(of: $0, from: $1, to: $2) })
  }

  let renderers: Renderers
  /// The session's own file, the script being run...: never written, whatever they hold.
  let protected: [WriteTarget.Protected]

  public init(protecting protected: [WriteTarget.Protected] = []) {
    renderers = .standard
    self.protected = protected
  }

  init(renderers: Renderers) {
    self.renderers = renderers
    protected = []
  }

  /// The file extension each format is written with by `exportAll`.
  public static func fileExtension(_ format: ExportFormat) -> String {
    switch format {
    case .json: ".json"
    case .mermaid: ".mmd"
    case .dot: ".dot"
    case .markdown: ".md"
    }
  }

  public func export(_ request: ExportRequest, of interpreter: Interpreter) throws(ScriptError)
    -> [String]
  {
    let window = TraceWindow(from: request.from, to: request.to)
    let path = request.path
    let toOutput = path == "-"
    switch request.format {
    case .json:
      let bytes = try TraceEncoder.encodeLoadable(interpreter, window: window)
      if toOutput { return [Self.text(bytes)] }
      try target(.json).write(bytes, to: path)
      let events = TimeWindow(interpreter.cluster.trace, from: window.from, to: window.to)
        .entries.count
      let commands = interpreter.timeline.entries.count
      return [
        "export: wrote \(path): \(events) event\(events == 1 ? "" : "s") (\(window.summary)),"
          + " \(commands) command\(commands == 1 ? "" : "s")"
      ]
    case .mermaid:
      let diagrams = renderers.mermaid(interpreter.cluster, request.from, request.to)
      if toOutput { return [Self.trimmed(MermaidFiles.joined(diagrams))] }
      return try writeMermaid(diagrams, to: path)
    case .dot:
      let graph = renderers.dot(interpreter.cluster, request.from, request.to)
      if toOutput { return [Self.text(graph)] }
      try target(.dot).write(graph, to: path)
      return ["export: wrote \(path)"]
    case .markdown:
      let notes = renderers.markdown(interpreter, request.from, request.to)
      if toOutput { return [Self.trimmed(notes)] }
      try target(.markdown).write(Array(notes.utf8), to: path)
      return ["export: wrote \(path)"]
    }
  }

  /// Every format of the run, beside each other in `folder`: `NAME.json`, `NAME.mmd` (or
  /// `NAME-1.mmd`...), `NAME.dot`, `NAME.md`.
  public func exportAll(of interpreter: Interpreter, into folder: String, named name: String)
    throws(ScriptError) -> [String]
  {
    guard folder != "-" else {
      throw ScriptError(
        "the four exports of a run go to a folder, and - (standard output) is none",
        hint: "give a folder's name; 'export FORMAT -' in a script prints one format")
    }
    do {
      try Folder.create(folder)
    } catch {
      throw ScriptError(error.description)
    }
    var lines: [String] = []
    for format in ExportFormat.allCases {
      let path = folder + "/" + name + Self.fileExtension(format)
      lines += try export(ExportRequest(format: format, path: path), of: interpreter)
    }
    return lines
  }

  private func writeMermaid(_ diagrams: [String], to path: String) throws(ScriptError) -> [String] {
    guard !diagrams.isEmpty else { return ["export: nothing to draw; \(path) not written"] }
    let files = MermaidFiles.fileNames(for: path, count: diagrams.count)
    let target = target(.mermaid)
    // Every part may be written, or none is.
    for file in files { try target.check(file) }
    for (index, (file, diagram)) in zip(files, diagrams).enumerated() {
      try target.write(
        Array(MermaidFiles.file(diagram, number: index + 1, of: diagrams.count).utf8), to: file)
    }
    let removed = try removeStaleParts(of: path, after: diagrams.count)
    guard let first = files.first, let last = files.last, files.count > 1 else {
      return ["export: wrote \(path)"] + removed
    }
    return [
      "export: wrote \(files.count) Mermaid diagrams, \(first) to \(last): the run is too long"
        + " for one (Mermaid draws at most 50,000 characters in a diagram)"
    ] + removed
  }

  /// Removes the parts a longer export left behind, so that no old diagram passes for part of
  /// this run.
  private func removeStaleParts(of path: String, after count: Int) throws(ScriptError)
    -> [String]
  {
    let stale = MermaidFiles.staleParts(of: path, after: count)
    guard let first = stale.first, let last = stale.last else { return [] }
    for file in stale {
      do {
        try FileSystem.remove(file)
      } catch {
        throw ScriptError(error.description, hint: "remove it by hand; it is not part of this run")
      }
    }
    return [
      "export: removed " + (stale.count == 1 ? first : "\(first) to \(last)")
        + ", left by an earlier, longer export"
    ]
  }

  /// Where an export of `format` may go.
  private func target(_ format: ExportFormat) -> WriteTarget {
    WriteTarget(
      holding: ExportSignature.description(of: format), otherName: "export to another name",
      protected: protected
    ) { ExportSignature.recognises($0, as: format) }
  }

  /// The text without its final newline: the transcript ends each line itself.
  private static func text(_ bytes: [UInt8]) -> String {
    trimmed(String(decoding: bytes, as: UTF8.self))
  }

  private static func trimmed(_ text: String) -> String {
    text.hasSuffix("\n") ? String(text.dropLast()) : text
  }
}
