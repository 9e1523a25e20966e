/// The times a trace holds, both ends included; nil means from the first or to the last.
public struct TraceWindow: Hashable, Sendable {
  public var from: Int?
  public var to: Int?

  public init(from: Int? = nil, to: Int? = nil) {
    self.from = from
    self.to = to
  }

  public static let whole = TraceWindow()

  /// `time 3-9`, `time 3 on`, `time up to 9`, or `the whole run`, for messages.
  var summary: String {
    switch (from, to) {
    case (nil, nil): "the whole run"
    case (let from?, nil): "time \(from) on"
    case (nil, let to?): "time up to \(to)"
    case (let from?, let to?): "time \(from)-\(to)"
    }
  }
}
