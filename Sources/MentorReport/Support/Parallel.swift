import Foundation

/// Runs `job` for each index in `0..<count` on all cores (or one after another when `concurrent` is
/// false) and returns the results in index order. `longestFirst` names the indexes to start first
/// (big files, the relationships page) so that no long job starts last.
func parallelMap<T>(_ count: Int, concurrent: Bool = true, longestFirst: [Int] = [],
                    _ job: @Sendable (Int) -> T) -> [T] {
    var results = [T?](repeating: nil, count: count)
    let first = Set(longestFirst)
    let order = longestFirst + (0..<count).filter { !first.contains($0) }
    results.withUnsafeMutableBufferPointer { buffer in
        let slots = UncheckedSendable(buffer)
        if concurrent {
            // Each job writes only its own slot.
            DispatchQueue.concurrentPerform(iterations: count) { k in slots.value[order[k]] = job(order[k]) }
        } else {
            for i in order { slots.value[i] = job(i) }
        }
    }
    return results.map { $0! }
}

/// Work started on a thread of its own now, and waited for once, later.
final class BackgroundJob<Value: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private var value: Value?

    /// Starts `work` on a new thread, or runs it here and now when `concurrent` is false.
    init(concurrent: Bool = true, _ work: @escaping @Sendable () -> Value) {
        guard concurrent else {
            value = work()
            finished.signal()
            return
        }
        // A thread of its own, not a pool's: the pool's threads may all be busy with `parallelMap`.
        let thread = Thread { [self] in
            value = work()
            finished.signal()
        }
        thread.start()
    }

    /// The work's result, once it is done (call once).
    func wait() -> Value {
        finished.wait()
        return value!
    }
}

/// A value shared across the threads of `parallelMap` where the compiler cannot see that it is safe:
/// each thread writes its own slot of a buffer, or only reads a document nobody changes.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Counts finished jobs across threads, for progress lines.
final class FileCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }
}

/// Values worked out once per key and shared by every thread of the process. Only for pure functions:
/// the same key gives the same value whichever thread computed it, so nothing depends on timing.
final class SharedMemo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]

    func value(_ key: Key, compute: () -> Value) -> Value {
        lock.lock()
        let known = values[key]
        lock.unlock()
        if let known { return known }
        let value = compute()
        lock.lock()
        values[key] = value
        lock.unlock()
        return value
    }
}
