// Stand-ins for the renderers written in another branch; this file goes when they are merged.
import PaxosScript
import PaxosSim

public enum MermaidExport {
  public static func diagrams(of cluster: Cluster, from: Int?, to: Int?) -> [String] {
    ["sequenceDiagram\n  Note over " + (cluster.nodes.first?.id.name ?? "paxlab")
      + ": Mermaid export pending\n"]
  }
}

public enum DotExport {
  public static func graph(of cluster: Cluster, from: Int?, to: Int?) -> String {
    "digraph paxlab {\n  label=\"Graphviz export pending\";\n}\n"
  }
}

public enum MarkdownExport {
  public static func notes(of interpreter: Interpreter, from: Int?, to: Int?) -> String {
    "# Paxos Lab run\n\nMarkdown export pending.\n"
  }
}
