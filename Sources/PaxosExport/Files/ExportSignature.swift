import PaxosScript

/// How each format's files begin, so that `export` knows a file it wrote before (and may
/// replace) from anything else, reading only the first bytes.
enum ExportSignature {
  static func recognises(_ prefix: [UInt8], as format: ExportFormat) -> Bool {
    let text = String(decoding: prefix, as: UTF8.self)
    switch format {
    case .json:
      return text.hasPrefix("{\n  \"format\": \"\(TraceFormat.name)\",")
    case .mermaid:
      return MermaidFiles.isExport(text)
    case .dot:
      return text.hasPrefix("// Paxos Lab space-time diagram.")
    case .markdown:
      return text.hasPrefix("# Paxos Lab run: ")
    }
  }

  /// What a file of the format is, for messages.
  static func description(of format: ExportFormat) -> String {
    switch format {
    case .json: "a JSON trace that paxlab exported"
    case .mermaid: "a Mermaid diagram that paxlab exported"
    case .dot: "a Graphviz diagram that paxlab exported"
    case .markdown: "Markdown notes that paxlab exported"
    }
  }
}
