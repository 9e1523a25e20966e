// Inlinable so that clients specialize it: a generic call through the runtime costs more than
// the lookup itself.

/// A sequence that grows at its end, stored in fixed-size chunks.
///
/// A trace grows to millions of entries; an array would copy all of them at every doubling and
/// keep up to half its capacity unused. Here only the last chunk grows (by doubling, so that a
/// short trace stays small); full chunks are never copied again. An element can be changed in
/// place (a log's slot): when the storage is shared with a copy (an undo snapshot), that copies
/// the one chunk that holds it, not the whole sequence.
public struct ChunkedLog<Element: Hashable & Sendable>: Hashable, Sendable, RandomAccessCollection {
  public static var chunkSize: Int { 4096 }
  @usableFromInline var full: [[Element]] = []
  /// The chunk being filled, kept apart so that appending touches one array, not two.
  @usableFromInline var tail: [Element] = []

  @inlinable public init() {}

  @inlinable public var startIndex: Int { 0 }
  @inlinable public var endIndex: Int { full.count * Self.chunkSize + tail.count }

  @inlinable public subscript(position: Int) -> Element {
    get {
      let chunk = position / Self.chunkSize
      return chunk < full.count
        ? full[chunk][position % Self.chunkSize] : tail[position % Self.chunkSize]
    }
    set {
      let chunk = position / Self.chunkSize
      if chunk < full.count {
        full[chunk][position % Self.chunkSize] = newValue
      } else {
        tail[position % Self.chunkSize] = newValue
      }
    }
  }

  /// Changes the element at `position` in place. (A modify accessor would allocate its frame,
  /// and a get then set would copy an element that owns storage.)
  @inlinable public mutating func update<Result>(
    at position: Int, _ body: (inout Element) -> Result
  ) -> Result {
    let chunk = position / Self.chunkSize
    return chunk < full.count
      ? body(&full[chunk][position % Self.chunkSize]) : body(&tail[position % Self.chunkSize])
  }

  /// The element at `position`, or nil past either end.
  @inlinable public func element(_ position: Int) -> Element? {
    position >= 0 && position < endIndex ? self[position] : nil
  }

  /// Appends `element` until the sequence holds `count` elements.
  @inlinable public mutating func grow(to count: Int, with element: Element) {
    while endIndex < count { append(element) }
  }

  @inlinable public mutating func append(_ element: Element) {
    if tail.count == Self.chunkSize {
      full.append(tail)
      // A log this long goes on: the next chunk is made whole at once, not by doublings.
      tail = []
      tail.reserveCapacity(Self.chunkSize)
    }
    tail.append(element)
  }

  /// Empties the sequence and keeps one chunk's storage for what comes next: the model
  /// checker empties a cluster's trace at every step it tries.
  @inlinable public mutating func removeAllKeepingCapacity() {
    if !full.isEmpty {
      tail = full[0]
      full = []
    }
    tail.removeAll(keepingCapacity: true)
  }

  /// Removes the elements from `count` on, keeping the storage.
  @inlinable public mutating func truncate(to count: Int) {
    while endIndex > count {
      if tail.isEmpty, let last = full.popLast() { tail = last }
      tail.removeLast(Swift.min(tail.count, endIndex - count))
    }
  }

  /// Room for `capacity` elements without regrowing, up to one chunk.
  @inlinable public mutating func reserveCapacity(_ capacity: Int) {
    tail.reserveCapacity(Swift.min(capacity, Self.chunkSize))
  }

  /// Takes over the storage of `other`'s first chunk, emptied.
  @inlinable public mutating func reuse(_ other: inout ChunkedLog) {
    let chunk = other.full.first ?? other.tail
    other = ChunkedLog()
    tail = chunk
    tail.removeAll(keepingCapacity: true)
    full = []
  }

  /// Bytes held by the elements' storage, for the benchmark's memory figure.
  @inlinable public var allocatedBytes: Int {
    (full.reduce(0) { $0 + $1.capacity } + tail.capacity) * MemoryLayout<Element>.stride
      + full.capacity * MemoryLayout<[Element]>.stride
  }
}
