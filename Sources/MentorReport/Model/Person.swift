/// Someone enrolled in the programme as a mentor, a mentee, or both.
public struct Person: Sendable {
    /// The person's id, unique in the data folder.
    public var id: String
    /// Shown on admin pages only.
    public var name: String
    /// Their email, by which survey exports may name them.
    public var email: String?
    /// Enrolled with the mentor role.
    public var isMentor: Bool
    /// Enrolled with the mentee role.
    public var isMentee: Bool
    /// The day they enrolled in the programme.
    public var enrolled: Day
    /// Their department, as written.
    public var department: String?
    /// Their grade or level in the organisation, as written.
    public var level: String?
    /// The id of their line manager, when given (for the direct-report policy check).
    public var manager: Located<String>?
    /// The most relationships they may lead at once; nil for the programme's default.
    public var mentorCapacity: Int?
    /// The id of the cohort they joined with, if any.
    public var cohort: Located<String>?
    /// The groups they self-identify with, for the inclusion KPIs.
    public var groups: [String]
    /// Where the record is in the data folder.
    public var location: SourceLocation
    /// Where `department` and `level` were read (for messages about segment values).
    public var departmentLocation: SourceLocation? = nil
    public var levelLocation: SourceLocation? = nil
}
