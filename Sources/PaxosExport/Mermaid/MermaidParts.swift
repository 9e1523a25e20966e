/// Where a long run is cut so that every diagram stays under Mermaid's size limit.
///
/// Greedy: each part takes as many statements as fit, then gives back the last partial step
/// when it can, so that a step's events stay in one diagram.
enum MermaidParts {
  /// Ranges of statement indices, in order, covering every statement once. A statement bigger
  /// than `capacity` on its own (which a real run cannot make) gets a part to itself.
  static func split(_ body: MermaidBody, capacity: Int) -> [Range<Int>] {
    var parts: [Range<Int>] = []
    var start = 0
    while start < body.count {
      var end = start + 1
      while end < body.count, body.ends[end] - body.start(of: start) <= capacity { end += 1 }
      var cut = end
      if end < body.count {
        var boundary = end
        while boundary > start + 1, body.steps[boundary] == body.steps[boundary - 1] {
          boundary -= 1
        }
        if body.steps[boundary] != body.steps[boundary - 1] { cut = boundary }
      }
      parts.append(start..<cut)
      start = cut
    }
    return parts
  }
}
