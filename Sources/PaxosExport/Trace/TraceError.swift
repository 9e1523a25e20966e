/// Why a trace could not be read or restored. Nothing was changed.
public struct TraceError: Error, Hashable, Sendable, CustomStringConvertible {
  public let message: String
  /// The byte where the problem was found, when it is about the file's text.
  public var offset: Int?
  /// Where in the document, as a JSON path: `$.events[57].kind`.
  public var path: String
  /// What to do about it, when there is more to say.
  public var hint: String?

  init(_ message: String, offset: Int? = nil, path: String = "$", hint: String? = nil) {
    self.message = message
    self.offset = offset
    self.path = path
    self.hint = hint
  }

  /// Where the problem is: `at byte 1234 ($.events[57].kind)`.
  public var location: String {
    let place = path == "$" ? nil : path
    switch (offset, place) {
    case (let offset?, let place?): return "at byte \(offset) (\(place))"
    case (let offset?, nil): return "at byte \(offset)"
    case (nil, let place?): return "at \(place)"
    case (nil, nil): return ""
    }
  }

  public var description: String {
    let location = location
    return location.isEmpty ? message : "\(location): \(message)"
  }

  /// The error inside an enclosing object field or array element.
  func inside(_ component: String) -> TraceError {
    var error = self
    error.path = "$" + component + error.path.dropFirst()
    return error
  }
}

/// The limits a trace must stay within, so that a hostile file fails fast and small.
public struct TraceLimits: Hashable, Sendable {
  public var maxFileBytes = TraceFormat.maxBytes
  /// Far deeper than the format goes (five levels): anything deeper is not a trace.
  public var maxDepth = 16
  /// A command line, comment included, or a value (at most 1,000 characters) fits easily.
  public var maxStringBytes = 1 << 20

  public init() {}

  public static let standard = TraceLimits()
}
