/// A value a role keeps only in a log cluster, kept on the heap: in a single-decree cluster it
/// is one empty pointer, so creating and copying roles costs what it did before the log. Copies
/// share the storage until one of them changes it.
public struct LogState<Value: Hashable & Sendable & EmptyInitializable>: Hashable, Sendable {
  // Written only while uniquely referenced (copy on write), so sharing it is safe.
  // Its one access at a time is the struct's, checked statically: no runtime check.
  @usableFromInline final class Storage: @unchecked Sendable {
    @exclusivity(unchecked) @usableFromInline var value: Value
    @usableFromInline init(_ value: Value) { self.value = value }
  }

  @usableFromInline var storage: Storage?

  @inlinable public init() {}

  /// Never written: still the empty value, without any storage.
  @inlinable public var isUnused: Bool { storage == nil }

  @inlinable public var value: Value {
    // A plain getter: a read coroutine would allocate its frame for the empty value.
    get { storage?.value ?? Value() }
    _modify {
      var box = storage.take() ?? Storage(Value())
      if !isKnownUniquelyReferenced(&box) { box = Storage(box.value) }
      defer { storage = box }
      yield &box.value
    }
  }

  public static func == (lhs: Self, rhs: Self) -> Bool { lhs.value == rhs.value }
  public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

/// A value with an empty state to start from.
public protocol EmptyInitializable { init() }

extension ChunkedLog: EmptyInitializable {}
