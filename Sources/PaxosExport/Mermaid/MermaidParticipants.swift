import PaxosCore
import PaxosSim

/// The participants of the diagrams: one per node, proposers first, then acceptors, then
/// learners, and the identifier each is written with.
///
/// A node's name is its identifier when Mermaid cannot mistake it for a keyword or an arrow:
/// letters, digits and `_` with at least one digit (no Mermaid keyword has a digit). Any other
/// name (`end`, `note`, `a-x`...) gets the identifier `_N`, which no node name can be since
/// names start with a letter, and is shown under its own name with `participant _N as name`.
struct MermaidParticipants {
  private(set) var ids: [NodeID: [UInt8]] = [:]
  /// The lines declaring the participants, in order.
  private(set) var declarations = TextBuffer()
  /// The first and last participant, between which notes for everyone are drawn.
  private(set) var first: [UInt8] = []
  private(set) var last: [UInt8] = []

  init(_ cluster: Cluster) {
    let nodes = cluster.nodesInRoleOrder
    for (index, node) in nodes.enumerated() {
      let name = node.id.name
      var id = TextBuffer()
      declarations.append("  participant " as StaticString)
      if Self.isPlainIdentifier(name) {
        id.append(name)
        declarations.append(name)
      } else {
        id.append(UInt8(ascii: "_"))
        id.append(index + 1)
        declarations.append(bytes: id.bytes)
        declarations.append(" as " as StaticString)
        MermaidText.append(name, to: &declarations)
      }
      declarations.append(UInt8(ascii: "\n"))
      ids[node.id] = id.bytes
    }
    if nodes.isEmpty {
      // A diagram needs someone to put a note on.
      declarations.append("  participant _0 as no nodes\n" as StaticString)
      ids[.none] = Array("_0".utf8)
    }
    first = nodes.first.flatMap { ids[$0.id] } ?? Array("_0".utf8)
    last = nodes.last.flatMap { ids[$0.id] } ?? first
  }

  /// The identifier of `node`; a node missing from the cluster cannot come from a real run, so
  /// it is drawn on the first participant rather than trapping.
  func id(_ node: NodeID) -> [UInt8] { ids[node] ?? first }

  /// `Note over first,last:` spans every lifeline.
  func appendNoteOverAll(to buffer: inout TextBuffer) {
    buffer.append("  Note over " as StaticString)
    buffer.append(bytes: first)
    if last != first {
      buffer.append(UInt8(ascii: ","))
      buffer.append(bytes: last)
    }
    buffer.append(": " as StaticString)
  }

  static func isPlainIdentifier(_ name: String) -> Bool {
    var hasDigit = false
    for byte in name.utf8 {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): hasDigit = true
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "_"):
        break
      default: return false
      }
    }
    return hasDigit
  }
}
