import Foundation

/// Reads back what Graphviz drew: the groups it made for nodes and edges, and their texts.
struct SVGDrawing {
  struct Group {
    var id: String
    var classes: [String]
    var texts: [String]
    /// The first and last point of the group's first path, in SVG coordinates (y grows down).
    var pathEnds: (start: (x: Double, y: Double), end: (x: Double, y: Double))?
  }

  var groups: [Group] = []

  init(_ svg: String) {
    // Graphviz writes one `<g id=".." class="..">` per node and edge, its texts inside.
    for chunk in svg.components(separatedBy: "<g id=\"").dropFirst() {
      guard let idEnd = chunk.firstIndex(of: "\"") else { continue }
      let id = Self.decode(String(chunk[..<idEnd]))
      var classes: [String] = []
      if let range = chunk.range(of: "class=\""),
        let end = chunk[range.upperBound...].firstIndex(of: "\"")
      {
        classes = Self.decode(String(chunk[range.upperBound..<end])).split(separator: " ").map(
          String.init)
      }
      var texts: [String] = []
      for piece in chunk.components(separatedBy: "<text").dropFirst() {
        guard let open = piece.firstIndex(of: ">"), let close = piece.range(of: "</text>") else {
          continue
        }
        texts.append(Self.decode(String(piece[piece.index(after: open)..<close.lowerBound])))
      }
      groups.append(Group(id: id, classes: classes, texts: texts, pathEnds: Self.pathEnds(chunk)))
    }
  }

  /// `d="M76.6,-415.91C93.46,-412.99 187.34,-396.71 215.81,-391.78"`: its first and last point.
  private static func pathEnds(_ chunk: String) -> (
    start: (x: Double, y: Double), end: (x: Double, y: Double)
  )? {
    guard let path = chunk.components(separatedBy: "<g id=").first?.range(of: " d=\"M"),
      let close = chunk[path.upperBound...].firstIndex(of: "\"")
    else { return nil }
    let numbers = chunk[path.upperBound..<close].split { $0 == "," || $0 == " " || $0 == "C" }
      .compactMap { Double($0) }
    guard numbers.count >= 4 else { return nil }
    return ((numbers[0], numbers[1]), (numbers[numbers.count - 2], numbers[numbers.count - 1]))
  }

  func groups(withClass name: String) -> [Group] { groups.filter { $0.classes.contains(name) } }

  func group(_ id: String) -> Group? { groups.first { $0.id == id } }

  var allTexts: [String] { groups.flatMap(\.texts) }

  /// `&`, `<`, `>` and `"` as HTML writes them.
  static func escape(_ text: String) -> String {
    text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
      .replacing("\"", with: "&quot;")
  }

  /// XML's entities and character references.
  static func decode(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var result = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
      result += rest[..<amp]
      guard let semicolon = rest[amp...].firstIndex(of: ";") else { break }
      let name = rest[rest.index(after: amp)..<semicolon]
      switch name {
      case "amp": result += "&"
      case "lt": result += "<"
      case "gt": result += ">"
      case "quot": result += "\""
      case "apos": result += "'"
      default:
        var scalar: Unicode.Scalar?
        if name.hasPrefix("#x") {
          scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        } else if name.hasPrefix("#") {
          scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
        }
        if let scalar { result.unicodeScalars.append(scalar) } else { result += "&" + name + ";" }
      }
      rest = rest[rest.index(after: semicolon)...]
    }
    return result + rest
  }
}
