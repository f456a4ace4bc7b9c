/// Someone enrolled in the programme as a mentor, a mentee, or both.
public struct Person: Sendable {
    public var id: String
    /// Shown on admin pages only.
    public var name: String
    public var email: String?
    public var isMentor: Bool
    public var isMentee: Bool
    public var enrolled: Day
    public var department: String?
    public var level: String?
    public var manager: Located<String>?
    public var mentorCapacity: Int?
    public var cohort: Located<String>?
    public var groups: [String]
    public var location: SourceLocation
}
