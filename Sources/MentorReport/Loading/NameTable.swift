#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A name the data may spell: a record's key (`relationship`, `live_issue`) or a value of a closed list
/// (`in-person`, `monthly`). Each type keeps a `NameTable` built once, so the loader matches a scalar's
/// bytes to a case without making a String or comparing Strings.
protocol YAMLName: RawRepresentable, CaseIterable, Equatable, Sendable where RawValue == String {
    static var table: NameTable<Self> { get }
}

/// The spellings of a `YAMLName` type's cases, in declaration order, ready for matching raw bytes.
struct NameTable<Name: RawRepresentable & CaseIterable & Equatable & Sendable>: Sendable where Name.RawValue == String {
    /// Every case, and its spelling, in declaration order.
    let cases: [Name]
    let spellings: [String]
    /// The spellings that match (all of them, or those of `init(only:)`), for messages.
    let known: [String]
    // The spellings' first eight bytes packed little-endian (zero-padded), and their lengths: most
    // names are told apart by these two numbers; the bytes after the eighth are compared only then.
    private let heads: [UInt64]
    private let lengths: [Int]
    private let tails: [[UInt8]]

    /// A table matching every case, or only the cases of `subset` (positions stay those of all cases).
    init(only subset: [Name]? = nil) {
        let cases = Array(Name.allCases)
        self.cases = cases
        spellings = cases.map(\.rawValue)
        known = cases.filter { subset?.contains($0) ?? true }.map(\.rawValue)
        heads = spellings.map { Array($0.utf8).withUnsafeBufferPointer(packedHead) }
        // A case left out never matches: no spelling has a negative length.
        lengths = cases.map { subset?.contains($0) ?? true ? $0.rawValue.utf8.count : -1 }
        tails = spellings.map { Array($0.utf8.dropFirst(8)) }
    }

    /// The position of the case spelled exactly by `bytes`, or nil.
    func position(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        guard count > 0 else { return nil }
        let head = packedHead(bytes)
        for i in heads.indices where heads[i] == head && lengths[i] == count {
            if count <= 8 { return i }
            let same = tails[i].withUnsafeBufferPointer { tail in
                memcmp(tail.baseAddress!, bytes.baseAddress! + 8, count - 8) == 0
            }
            if same { return i }
        }
        return nil
    }

    /// The case spelled exactly by `bytes`, or nil.
    func match(_ bytes: UnsafeBufferPointer<UInt8>) -> Name? {
        position(bytes).map { cases[$0] }
    }

    /// The position of `name` among the cases.
    func position(of name: Name) -> Int {
        cases.firstIndex(of: name)!
    }

    /// "a, b or c", for messages.
    var list: String { spellings.joined(separator: ", ") }
}

/// Up to the first eight bytes of `bytes`, packed little-endian into one number.
private func packedHead(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var head: UInt64 = 0
    for i in 0..<min(bytes.count, 8) { head |= UInt64(bytes[i]) << (8 * UInt64(i)) }
    return head
}

// The closed lists of the data format, matched by the loader.
extension SessionFormat: YAMLName { static let table = NameTable<SessionFormat>() }
extension RelationshipType: YAMLName { static let table = NameTable<RelationshipType>() }
extension EndReason: YAMLName { static let table = NameTable<EndReason>() }
extension GoalStatus: YAMLName { static let table = NameTable<GoalStatus>() }
extension Cadence: YAMLName { static let table = NameTable<Cadence>() }
extension OutcomeEvent: YAMLName { static let table = NameTable<OutcomeEvent>() }
extension SurveyKind: YAMLName { static let table = NameTable<SurveyKind>() }
extension Audience: YAMLName { static let table = NameTable<Audience>() }
extension Scale: YAMLName { static let table = NameTable<Scale>() }
extension Measure: YAMLName { static let table = NameTable<Measure>() }
extension ExportFormat: YAMLName { static let table = NameTable<ExportFormat>() }
extension RespondentKey: YAMLName { static let table = NameTable<RespondentKey>() }
extension DateOrder: YAMLName { static let table = NameTable<DateOrder>() }
extension DataCollection: YAMLName { static let table = NameTable<DataCollection>() }

/// YAML's spellings of true and false (YAML 1.2's, and 1.1's as PyYAML-based tools read them), by bytes.
func parseBool(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    guard bytes.count >= 2, bytes.count <= 5 else { return nil }
    let head = packedHead(bytes)
    for spelling in boolSpellings where spelling.head == head && spelling.length == bytes.count {
        return spelling.value
    }
    return nil
}

private let boolSpellings: [(head: UInt64, length: Int, value: Bool)] =
    [("true", true), ("True", true), ("TRUE", true), ("false", false), ("False", false), ("FALSE", false),
     ("yes", true), ("Yes", true), ("YES", true), ("no", false), ("No", false), ("NO", false),
     ("on", true), ("On", true), ("ON", true), ("off", false), ("Off", false), ("OFF", false)]
    .map { text, value in (Array(text.utf8).withUnsafeBufferPointer(packedHead), text.utf8.count, value) }
