import PaxosCore
import PaxosSim

/// A run as Mermaid `sequenceDiagram`s: one participant per node (proposers, acceptors,
/// learners), an arrow per delivered message with its label, lost and dropped messages drawn
/// as lost (`-x`), notes for crashes, recoveries, timers, decisions and what learners learn,
/// and the chosen value and violations on a coloured band across every lifeline.
///
/// ```
/// sequenceDiagram
///   participant p1
///   participant a1
///   p1->>a1: prepare 1.p1
///   a1->>p1: promise 1.p1 (nothing accepted)
/// ```
public enum MermaidExport {
  /// Mermaid replaces a diagram longer than 50,000 characters (its `maxTextSize`, counted in
  /// UTF-16 units) with an error box. Counting UTF-8 bytes never counts fewer, and the margin
  /// leaves room for Mermaid's own additions.
  public static let maxDiagramBytes = 48_000

  /// The diagrams of times `from...to` (both included; nil leaves that end open): one when
  /// it fits, otherwise several, each under the limit, each continuing where the last stopped
  /// and saying so in a note ("part 2 of 3, time 481–960").
  public static func diagrams(of cluster: Cluster, from: Int?, to: Int?) -> [String] {
    let window = TimeWindow(cluster.trace, from: from, to: to)
    let participants = MermaidParticipants(cluster)
    let body = MermaidBody(cluster, window: window, participants: participants)
    let inFlight = to == nil ? cluster.inFlight.count : 0
    guard body.count > 0 else {
      var diagram = TextBuffer()
      header(participants, to: &diagram)
      participants.appendNoteOverAll(to: &diagram)
      diagram.append(
        window.entries.isEmpty && cluster.trace.entries.isEmpty
          ? "nothing has happened yet\n" as StaticString : "no message or event to draw here\n")
      appendInFlight(inFlight, participants, to: &diagram)
      return [diagram.text]
    }
    let fixed = headerBytes(participants) + reservedNoteBytes(participants)
    let parts = MermaidParts.split(body, capacity: max(1, maxDiagramBytes - fixed))
    return parts.enumerated().map { number, part in
      var diagram = TextBuffer(capacity: fixed + body.ends[part.upperBound - 1])
      header(participants, to: &diagram)
      if parts.count > 1 {
        participants.appendNoteOverAll(to: &diagram)
        diagram.append("part " as StaticString)
        diagram.append(number + 1)
        diagram.append(" of " as StaticString)
        diagram.append(parts.count)
        diagram.append(", time " as StaticString)
        diagram.append(Int(body.times[part.lowerBound]))
        diagram.append("–" as StaticString)
        diagram.append(Int(body.times[part.upperBound - 1]))
        diagram.append("\n" as StaticString)
      }
      let start = body.start(of: part.lowerBound)
      diagram.append(bytes: body.text.bytes[start..<body.ends[part.upperBound - 1]])
      if number == parts.count - 1 { appendInFlight(inFlight, participants, to: &diagram) }
      return diagram.text
    }
  }

  private static func header(_ participants: MermaidParticipants, to diagram: inout TextBuffer) {
    diagram.append("sequenceDiagram\n" as StaticString)
    diagram.append(bytes: participants.declarations.bytes)
  }

  private static func headerBytes(_ participants: MermaidParticipants) -> Int {
    "sequenceDiagram\n".utf8.count + participants.declarations.count
  }

  /// Room for the part note at the top and the in-flight note at the bottom, numbers included.
  private static func reservedNoteBytes(_ participants: MermaidParticipants) -> Int {
    2 * (64 + participants.first.count + participants.last.count)
  }

  private static func appendInFlight(
    _ count: Int, _ participants: MermaidParticipants, to diagram: inout TextBuffer
  ) {
    guard count > 0 else { return }
    participants.appendNoteOverAll(to: &diagram)
    diagram.append(count)
    diagram.append(count == 1 ? " message still in flight\n" : " messages still in flight\n")
  }
}
