/// Where a long run is cut so that every diagram stays under Mermaid's size limit.
///
/// Greedy: each part takes as many statements as fit, then gives back the last partial step
/// when it can, so that a step's events stay in one diagram. The fewest parts that fit are then
/// evened out (the smallest capacity that still needs no more parts), so the last part is not a
/// short leftover.
enum MermaidParts {
  /// Ranges of statement indices, in order, covering every statement once. A statement bigger
  /// than `capacity` on its own (which a real run cannot make) gets a part to itself.
  static func split(_ body: MermaidBody, capacity: Int) -> [Range<Int>] {
    let widest = greedy(body, capacity: capacity)
    guard widest.count > 1 else { return widest }
    var low = 1
    var high = capacity
    while low < high {
      let middle = low + (high - low) / 2
      if greedy(body, capacity: middle).count <= widest.count {
        high = middle
      } else {
        low = middle + 1
      }
    }
    return greedy(body, capacity: high)
  }

  private static func greedy(_ body: MermaidBody, capacity: Int) -> [Range<Int>] {
    var parts: [Range<Int>] = []
    var start = 0
    while start < body.count {
      var end = start + 1
      while end < body.count, body.ends[end] - body.start(of: start) <= capacity { end += 1 }
      var cut = end
      if end < body.count {
        var boundary = end
        while boundary > start + 1, body.times[boundary] == body.times[boundary - 1] {
          boundary -= 1
        }
        if body.times[boundary] != body.times[boundary - 1] { cut = boundary }
      }
      parts.append(start..<cut)
      start = cut
    }
    return parts
  }
}
