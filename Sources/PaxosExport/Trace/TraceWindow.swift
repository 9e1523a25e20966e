/// The steps a trace holds, both ends included; nil means from the first or to the last.
public struct TraceWindow: Hashable, Sendable {
  public var from: Int?
  public var to: Int?

  public init(from: Int? = nil, to: Int? = nil) {
    self.from = from
    self.to = to
  }

  public static let whole = TraceWindow()

  /// `steps 3-9`, `steps 3 on`, `up to step 9`, or `all steps`, for messages.
  var summary: String {
    switch (from, to) {
    case (nil, nil): "all steps"
    case (let from?, nil): "steps \(from) on"
    case (nil, let to?): "steps up to \(to)"
    case (let from?, let to?): "steps \(from)-\(to)"
    }
  }
}
