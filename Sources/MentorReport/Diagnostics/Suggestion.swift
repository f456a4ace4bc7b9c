/// The candidate closest to `word` by edit distance, when it is close enough to be a likely typo:
/// at most a third of the word's length (and at least 1) edits away. Words under three letters get no
/// suggestion: every short id is one edit from another. Ties go to the earlier candidate.
func nearest(to word: String, in candidates: [String]) -> String? {
    let w = Array(word.lowercased().unicodeScalars)
    guard w.count >= 3 else { return nil }
    let limit = max(1, w.count / 3)
    var best: (String, Int)?
    for candidate in candidates {
        let d = editDistance(w, Array(candidate.lowercased().unicodeScalars))
        if d <= limit, d < (best?.1 ?? Int.max) { best = (candidate, d) }
    }
    return best?.0
}

/// Levenshtein distance, counting a swap of two neighbouring letters as one edit.
func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = min(current[j], previous2[j - 2] + 1)
            }
        }
        (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
}

/// "1 mentor", "2 mentors", "0 people": a count with its noun in the right number.
public func counted(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
}

/// "one of a, b, c" for messages: each id once, in first-seen order; or `none` when there are none.
func oneOf(_ ids: [String], none: String) -> String {
    var seen: [String] = []
    for id in ids where !seen.contains(id) { seen.append(id) }
    return seen.isEmpty ? none : "one of " + seen.joined(separator: ", ")
}
