/// Where a named session lives: `.paxlab/NAME.paxos`, its line-editing history and its lock
/// beside it.
public struct SessionPlace: Sendable, Equatable {
  public static let defaultFolder = ".paxlab"
  public static let defaultName = "default"

  public let folder: String
  public let name: String

  public init(folder: String = defaultFolder, name: String = defaultName) {
    self.folder = folder
    self.name = name
  }

  public var file: String { "\(folder)/\(name)\(SessionFormat.fileExtension)" }
  public var historyFile: String { "\(folder)/\(name).history" }
  var lockFile: String { "\(folder)/\(name).lock" }

  /// What is wrong with `name` as a session's name, for an error message.
  public static func notAName(_ name: String) -> String {
    "'\(name)' is not a session name: use up to 64 letters, digits, - or _"
  }

  /// Session names become file names: letters, digits, `-` and `_` only.
  public static func isValidName(_ name: String) -> Bool {
    !name.isEmpty && name.utf8.count <= 64
      && name.utf8.allSatisfy { byte in
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
          || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
          || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
          || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
      }
  }

  /// The sessions in this place's folder.
  public var siblings: [String] {
    FileSystem.names(in: folder, endingWith: SessionFormat.fileExtension)
      .map { String($0.dropLast(SessionFormat.fileExtension.count)) }
  }
}
