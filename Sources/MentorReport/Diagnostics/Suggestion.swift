/// A "did you mean" for a message, worked out only when the message is shown: finding the id nearest
/// to a typo means comparing it with every id, which costs far more than the check that found it, and
/// only the first 100 errors are printed (20,000 bad references to 100,000 people took minutes).
struct Suggestion: Hashable, Sendable {
    /// The ids, names or keys a suggestion is chosen from.
    enum Candidates: Sendable {
        /// In the order given: ties go to the earlier.
        case list([String])
        /// The ids of an index: ties go to the first in sorted order.
        case ids(IdIndex)
    }

    let word: String
    let candidates: Candidates
    /// What the message says instead when no candidate is close ("; expected …"), often nothing.
    let otherwise: String

    init(word: String, candidates: [String], otherwise: String = "") {
        self.word = word
        self.candidates = .list(candidates)
        self.otherwise = otherwise
    }

    init(word: String, among index: IdIndex, otherwise: String = "") {
        self.word = word
        self.candidates = .ids(index)
        self.otherwise = otherwise
    }

    /// " — did you mean 'x'?", or `otherwise` when no candidate is close.
    var text: String {
        let found: String?
        switch candidates {
        case .list(let list): found = nearest(to: word, in: list)
        case .ids(let index): found = nearest(to: word, among: index.ids)
        }
        return found.map { " — did you mean '\($0)'?" } ?? otherwise
    }

    /// Suggestions are equal when they read the same (the candidates may be 100,000 ids: not compared
    /// one by one, and not hashed).
    static func == (a: Suggestion, b: Suggestion) -> Bool { a.text == b.text }
    func hash(into hasher: inout Hasher) {}
}

/// The longest word, in characters, that gets a suggestion: the work grows with the word's length
/// times each candidate's, and a word this long is no typo of an id.
let longestSuggestedWord = 64
/// The same for a survey export's column headers, which are whole questions, among few columns.
let longestSuggestedHeader = 512

/// The candidate closest to `word` by edit distance, when it is close enough to be a likely typo:
/// at most a third of the word's length (and at least 1) edits away. Words under three letters get no
/// suggestion: every short id is one edit from another; nor do words over `longest` characters.
/// Ties go to the earlier candidate.
func nearest(to word: String, in candidates: [String], longest: Int = longestSuggestedWord) -> String? {
    nearest(to: word, candidates, longest: longest, preferSmaller: false)
}

/// As `nearest(to:in:)` for candidates in no particular order: ties go to the one first in sorted order.
func nearest<C: Sequence>(to word: String, among candidates: C) -> String? where C.Element == String {
    nearest(to: word, candidates, longest: longestSuggestedWord, preferSmaller: true)
}

private func nearest<C: Sequence>(to word: String, _ candidates: C, longest: Int, preferSmaller: Bool) -> String?
    where C.Element == String {
    // Lower case never makes fewer scalars than UTF-8 bytes / 4: a longer word is skipped unread.
    guard word.utf8.count <= 4 * longest else { return nil }
    let w = Array(word.lowercased().unicodeScalars)
    guard w.count >= 3, w.count <= longest else { return nil }
    let limit = max(1, w.count / 3)
    var best: (candidate: String, distance: Int)?
    var distance = EditDistance(word: w)
    var letters = LetterCounts(w)
    var lowered: [Unicode.Scalar] = []
    lowered.reserveCapacity(w.count + limit)
    for candidate in candidates {
        // Only a closer candidate (or, preferring the smaller, an as close one) can win.
        let bound = best.map { preferSmaller ? $0.distance : $0.distance - 1 } ?? limit
        // A candidate whose length differs by more than `limit` is that many edits away at least;
        // one whose letters differ by more than `bound` too (screened without copying it).
        guard candidate.utf8.count + limit >= w.count,
              (letters?.fewestEdits(to: candidate) ?? 0) <= bound,
              lowercasedScalars(candidate, into: &lowered, atMost: w.count + limit),
              lowered.count + limit >= w.count else { continue }
        guard let d = distance.to(lowered, atMost: bound) else { continue }
        if let b = best, d == b.distance, !(candidate < b.candidate) { continue }
        best = (candidate, d)
    }
    return best?.candidate
}

/// The letters of an ASCII word, counted, to screen candidates before working out an edit distance:
/// an insertion, deletion or substitution changes the letters one word has and the other lacks by one,
/// a swap changes none, so the larger of those two counts is never more than the distance.
struct LetterCounts {
    private let length: Int
    private var counts = [Int](repeating: 0, count: 128)
    /// The letters each candidate took from `counts`, to give them back.
    private var taken = [Int](repeating: 0, count: 128)

    /// Nil when the word is not all ASCII (then candidates are not screened).
    init?(_ word: [Unicode.Scalar]) {
        for s in word {
            guard s.isASCII else { return nil }
            counts[Int(s.value)] += 1
        }
        length = word.count
    }

    /// A lower bound of the edit distance from the word to `candidate` lowered; 0 when the candidate
    /// is not all ASCII.
    mutating func fewestEdits(to candidate: String) -> Int {
        // Read in place: a native string's bytes are contiguous.
        candidate.utf8.withContiguousStorageIfAvailable { fewestEdits(toBytes: $0) }
            ?? fewestEdits(toBytes: Array(candidate.utf8))
    }

    private mutating func fewestEdits<Bytes: Collection>(toBytes bytes: Bytes) -> Int where Bytes.Element == UInt8 {
        var shared = 0, extra = 0, ascii = true
        counts.withUnsafeMutableBufferPointer { counts in
            taken.withUnsafeMutableBufferPointer { taken in
                for b in bytes {
                    guard b < 0x80 else {
                        ascii = false
                        break
                    }
                    let c = Int(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
                    if counts[c] > 0 {
                        counts[c] -= 1
                        taken[c] += 1
                        shared += 1
                    } else {
                        extra += 1
                    }
                }
                for b in bytes where b < 0x80 {
                    let c = Int(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
                    counts[c] += taken[c]
                    taken[c] = 0
                }
            }
        }
        return ascii ? max(extra, length - shared) : 0
    }
}

/// `text`'s lower-case scalars in `out`; false (with `out` unfinished) when there are more than `limit`.
/// ASCII, nearly every id, is lowered byte by byte; anything else by the Unicode rules.
private func lowercasedScalars(_ text: String, into out: inout [Unicode.Scalar], atMost limit: Int) -> Bool {
    out.removeAll(keepingCapacity: true)
    for b in text.utf8 {
        guard b < 0x80 else {
            out.removeAll(keepingCapacity: true)
            out.append(contentsOf: text.lowercased().unicodeScalars)
            return out.count <= limit
        }
        guard out.count < limit else { return false }
        out.append(Unicode.Scalar(b >= 0x41 && b <= 0x5A ? b + 0x20 : b))
    }
    return true
}

/// Levenshtein distance from one word to many candidates, counting a swap of two neighbouring letters
/// as one edit, with rows reused between candidates.
struct EditDistance {
    let word: [Unicode.Scalar]
    private var previous2: [Int] = []
    private var previous: [Int] = []
    private var current: [Int] = []

    init(word: [Unicode.Scalar]) { self.word = word }

    /// The distance from the word to `other`, or nil as soon as it must exceed `bound`.
    mutating func to(_ other: [Unicode.Scalar], atMost bound: Int) -> Int? {
        let d = distance(other, bound: bound)
        return d <= bound ? d : nil
    }

    /// The distance, or some number over `bound` once every continuation exceeds it: a row's smallest
    /// cell never shrinks by more than the transposition's one edit two rows back.
    private mutating func distance(_ b: [Unicode.Scalar], bound: Int) -> Int {
        let a = word
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        if previous.count < width {
            previous2 = Array(repeating: 0, count: width)
            previous = Array(repeating: 0, count: width)
            current = Array(repeating: 0, count: width)
        }
        for j in 0..<width { previous[j] = j }
        var previousMinimum = 0
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var cell = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    cell = min(cell, previous2[j - 2] + 1)
                }
                current[j] = cell
                rowMinimum = min(rowMinimum, cell)
            }
            // Every later cell comes from this row or, by a swap, the one before plus one edit.
            if rowMinimum > bound && previousMinimum >= bound { return bound + 1 }
            (previous2, previous, current) = (previous, current, previous2)
            previousMinimum = rowMinimum
        }
        return previous[b.count]
    }
}

/// Levenshtein distance, counting a swap of two neighbouring letters as one edit.
func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    var d = EditDistance(word: a)
    return d.to(b, atMost: Int.max - 1) ?? Int.max
}

/// "1 mentor", "2 mentors", "0 people": a count with its noun in the right number.
package func counted(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
}

/// "one of a, b, c" for messages: each id once, in first-seen order; or `none` when there are none.
func oneOf(_ ids: [String], none: String) -> String {
    var seen: [String] = []
    for id in ids where !seen.contains(id) { seen.append(id) }
    return seen.isEmpty ? none : "one of " + seen.joined(separator: ", ")
}
