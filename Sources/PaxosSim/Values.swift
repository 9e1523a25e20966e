import PaxosCore

/// The values proposed in a cluster, each stored once; the protocol handles only their IDs.
public struct ValueTable: Hashable, Sendable {
  public private(set) var texts = ChunkedLog<String>()
  private var ids: [String: ValueID] = [:]
  /// In a log cluster the values are client requests, one each, already written as commands.
  public private(set) var holdsCommands = false

  public init() {}

  /// Takes over the storage of `other`, emptied.
  mutating func reuse(_ other: inout ValueTable) {
    texts.reuse(&other.texts)
    other.ids.removeAll(keepingCapacity: true)
    swap(&ids, &other.ids)
  }

  /// Adds a request's command as a value of its own, even when another request has the same.
  mutating func appendCommand(_ command: ClientCommand) -> ValueID {
    holdsCommands = true
    let id = ValueID(raw: UInt32(texts.count))
    // Requests are named by id, never looked up by text: no table of texts to keep.
    texts.append(command.text)
    return id
  }

  public mutating func intern(_ text: String) -> ValueID {
    if let id = ids[text] { return id }
    let id = ValueID(raw: UInt32(texts.count))
    texts.append(text)
    ids[text] = id
    return id
  }

  /// How many texts the table looks up by text: what a copy of it costs beyond its chunks.
  public var internedCount: Int { ids.count }

  /// Only values that were interned exist: every one of them was proposed.
  public func id(of text: String) -> ValueID? { ids[text] }

  public func contains(_ id: ValueID) -> Bool { Int(id.raw) < texts.count }

  public subscript(id: ValueID) -> String { texts[Int(id.raw)] }
}

extension ValueTable {
  /// A value as scripts write it: a bare word when that reads back the same, else quoted.
  public func display(_ id: ValueID) -> String {
    if id.isNoop { return "noop" }
    return holdsCommands ? self[id] : Self.literal(self[id])
  }

  public static func literal(_ text: String) -> String {
    let bare =
      !text.isEmpty && text != "none"
      && text.utf8.allSatisfy { byte in
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
          UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"),
          UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "@"):
          true
        default: byte >= 0x80
        }
      }
    guard !bare else { return text }
    var quoted = "\""
    for character in text.unicodeScalars {
      switch character {
      case "\"": quoted += "\\\""
      case "\\": quoted += "\\\\"
      default: quoted.unicodeScalars.append(character)
      }
    }
    return quoted + "\""
  }
}
