import PaxosSim

/// The formats a run can be exported to.
public enum ExportFormat: String, CaseIterable, Sendable {
  case json, mermaid, dot, markdown
}

/// What `export FORMAT FILE [from=TIME] [to=TIME]` asks for: `path` `-` means standard output.
public struct ExportRequest: Hashable, Sendable {
  public var format: ExportFormat
  public var path: String
  /// The window of the simulated clock to draw, both ends included; nil means from the start or
  /// to the end.
  public var from: Int?
  public var to: Int?

  public init(format: ExportFormat, path: String, from: Int? = nil, to: Int? = nil) {
    self.format = format
    self.path = path
    self.from = from
    self.to = to
  }
}

/// Writes exports. The language only knows what an export is; the module that renders and
/// writes them sits above it and is handed to the interpreter by the program that runs it.
public protocol Exporter: Sendable {
  /// Carries out `request` for the run `interpreter` holds; returns what to tell the user, or
  /// the exported text itself when the path is `-`.
  func export(_ request: ExportRequest, of interpreter: Interpreter) throws(ScriptError) -> [String]
}
