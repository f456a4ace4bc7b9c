/// Ids → positions, for resolving references. An open-addressing table with FNV-1a hashing of the id's
/// UTF-8 bytes: ids are short and trusted to be distinct by validation, so this is several times faster
/// than `Dictionary<String, Int>`'s seeded SipHash on the hundreds of thousands of look-ups a large
/// programme makes. Iteration order is never used, so nothing depends on it.
struct IdIndex: Sendable {
    private var keys: [String?]
    private var values: [Int]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: nil, count: size)
        values = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// Positions of `ids`; the first occurrence of a repeated id wins.
    init(_ ids: [String]) {
        self.init(capacity: ids.count)
        for (i, id) in ids.enumerated() where self[id] == nil { insert(id, i) }
    }

    private static func hash(_ id: String) -> Int {
        func fnv<S: Sequence>(_ bytes: S) -> Int where S.Element == UInt8 {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                h ^= UInt64(byte)
                h &*= 0x100_0000_01b3
            }
            return Int(truncatingIfNeeded: h ^ (h >> 29))
        }
        return id.utf8.withContiguousStorageIfAvailable(fnv) ?? fnv(id.utf8)
    }

    subscript(id: String) -> Int? {
        var slot = IdIndex.hash(id) & mask
        while let key = keys[slot] {
            if key == id { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Adds `id` (which must not be present yet).
    mutating func insert(_ id: String, _ value: Int) {
        if (count + 1) * 2 > keys.count { grow() }
        var slot = IdIndex.hash(id) & mask
        while keys[slot] != nil { slot = (slot + 1) & mask }
        keys[slot] = id
        values[slot] = value
        count += 1
    }

    private mutating func grow() {
        let old = zip(keys, values).compactMap { key, value in key.map { ($0, value) } }
        self = IdIndex(capacity: keys.count)
        for (key, value) in old { insert(key, value) }
    }

    /// Every id, in no particular order (for suggestions in messages), without copying them.
    var ids: some Sequence<String> { keys.lazy.compactMap { $0 } }
}

/// An `IdIndex` look-up that remembers the last id asked for: records that name the same id one
/// after another (a survey's responses, a pair's sessions listed together) cost one comparison each.
struct RepeatedLookup {
    private let index: IdIndex
    private var last: String?
    private var found: Int?

    init(_ index: IdIndex) { self.index = index }

    mutating func callAsFunction(_ id: String) -> Int? {
        if let last, last == id { return found }
        last = id
        found = index[id]
        return found
    }
}
