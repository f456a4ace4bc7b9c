/// A calendar date with no time of day or time zone: the number of days since 1970-01-01.
///
/// The programme's data only ever speaks of whole days, so every date is a `Day`; arithmetic is
/// integer arithmetic and nothing depends on the machine's clock or zone.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public var daysSinceEpoch: Int32

    /// The day `daysSinceEpoch` days after 1970-01-01.
    public init(daysSinceEpoch: Int32) { self.daysSinceEpoch = daysSinceEpoch }

    /// The years a date in the data may have (SPEC §2): others are errors, so that month arithmetic
    /// around any date of the data (a year back, a month on) stays within the calendar `init` knows.
    public static let supportedYears = 1900...2199
    /// From the first to the last day of `supportedYears`, as days since 1970-01-01.
    static let supportedDays = Day(year: supportedYears.lowerBound, month: 1, day: 1)!.daysSinceEpoch
        ... Day(year: supportedYears.upperBound, month: 12, day: 31)!.daysSinceEpoch

    /// The day falls in `supportedYears`.
    public var isInSupportedYears: Bool { Day.supportedDays.contains(daysSinceEpoch) }

    /// "from 1900-01-01 to 2199-12-31", for messages.
    package static let supportedRangeText = "from \(supportedYears.lowerBound)-01-01 to \(supportedYears.upperBound)-12-31"

    /// The day for a proleptic Gregorian year, month and day; nil when it does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysIn(year: year, month: month) else { return nil }
        // Days from civil (H. Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.daysSinceEpoch = Int32(era * 146097 + doe - 719468)
    }

    /// Parses exactly `YYYY-MM-DD`; nil for any other shape or a date that does not exist.
    package init?<Bytes: Sequence>(iso text: Bytes) where Bytes.Element == UInt8 {
        var year = 0, month = 0, day = 0
        var i = 0
        for byte in text {
            switch i {
            case 4, 7:
                guard byte == UInt8(ascii: "-") else { return nil }
            case 0...9:
                guard byte >= 48, byte <= 57 else { return nil }
                let digit = Int(byte - 48)
                if i < 4 { year = year * 10 + digit } else if i < 7 { month = month * 10 + digit } else { day = day * 10 + digit }
            default:
                return nil
            }
            i += 1
        }
        guard i == 10 else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Parses exactly `YYYY-MM-DD` from bytes in memory (the loader's scalars): fixed positions, no loop.
    package init?(iso b: UnsafeBufferPointer<UInt8>) {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        // A byte minus "0" wraps above 9 unless it is a digit.
        let y0 = b[0] &- 48, y1 = b[1] &- 48, y2 = b[2] &- 48, y3 = b[3] &- 48
        let m0 = b[5] &- 48, m1 = b[6] &- 48, d0 = b[8] &- 48, d1 = b[9] &- 48
        guard y0 <= 9, y1 <= 9, y2 <= 9, y3 <= 9, m0 <= 9, m1 <= 9, d0 <= 9, d1 <= 9 else { return nil }
        self.init(year: Int(y0) * 1000 + Int(y1) * 100 + Int(y2) * 10 + Int(y3),
                  month: Int(m0) * 10 + Int(m1), day: Int(d0) * 10 + Int(d1))
    }

    /// Parses exactly `YYYY-MM-DD`; nil for any other shape or a date that does not exist.
    public init?(iso text: String) {
        self.init(iso: text.utf8)
    }

    /// The number of days in `month` (1–12) of `year`.
    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whether `year` is a Gregorian leap year.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Year, month and day of month.
    public var civil: (year: Int, month: Int, day: Int) {
        let z = Int(daysSinceEpoch) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    /// The month the day falls in.
    public var month: Month {
        let c = civil
        return Month(year: c.year, month: c.month)
    }

    /// The day `days` days later (earlier when negative).
    public func adding(days: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + Int32(days)) }

    /// Whole days from `other` to `self` (positive when `self` is later).
    public func days(since other: Day) -> Int { Int(daysSinceEpoch) - Int(other.daysSinceEpoch) }

    /// Earlier days come first.
    public static func < (a: Day, b: Day) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    /// `YYYY-MM-DD`.
    public var description: String {
        let c = civil
        guard (0...9999).contains(c.year) else { return pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2) }
        // Written digit by digit: report.xml and the CSV files write tens of thousands of dates.
        return String(unsafeUninitializedCapacity: 10) { b in
            writeDigits(c.year, 4, into: b, at: 0)
            b[4] = UInt8(ascii: "-")
            writeDigits(c.month, 2, into: b, at: 5)
            b[7] = UInt8(ascii: "-")
            writeDigits(c.day, 2, into: b, at: 8)
            return 10
        }
    }
}

/// A calendar month, the unit of reporting (`--period YYYY-MM`).
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, such as 2026.
    public var year: Int
    /// The month of the year, 1 to 12.
    public var month: Int

    /// The month `month` (1–12) of `year`, unchecked.
    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses exactly `YYYY-MM`, a month of `Day.supportedYears` (nil for any other).
    public init?(text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
              let year = Int(String(decoding: bytes[0..<4], as: UTF8.self)),
              let month = Int(String(decoding: bytes[5..<7], as: UTF8.self)),
              bytes[0..<4].allSatisfy({ $0 >= 48 && $0 <= 57 }),
              bytes[5..<7].allSatisfy({ $0 >= 48 && $0 <= 57 }),
              Day.supportedYears.contains(year), (1...12).contains(month) else { return nil }
        self.init(year: year, month: month)
    }

    /// The month's first day.
    public var first: Day { Day(year: year, month: month, day: 1)! }
    /// The month's last day.
    public var last: Day { Day(year: year, month: month, day: Day.daysIn(year: year, month: month))! }

    /// Months since year 0, for arithmetic.
    public var ordinal: Int { year * 12 + (month - 1) }

    /// The month `ordinal` months after January of year 0 (see `ordinal`).
    public init(ordinal: Int) { self.init(year: ordinal / 12, month: ordinal % 12 + 1) }

    /// The month `months` months later (earlier when negative).
    public func adding(months: Int) -> Month { Month(ordinal: ordinal + months) }

    /// The month before.
    public var previous: Month { adding(months: -1) }

    /// Whether `day` falls in the month.
    public func contains(_ day: Day) -> Bool { day >= first && day <= last }

    /// Earlier months come first.
    public static func < (a: Month, b: Month) -> Bool { a.ordinal < b.ordinal }

    /// `YYYY-MM`.
    public var description: String { pad(year, 4) + "-" + pad(month, 2) }
}

/// `value` (0 or more, below 10^width) as `width` decimal digits at `start` of `buffer`.
private func writeDigits(_ value: Int, _ width: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
    var v = value
    for i in (start..<start + width).reversed() {
        buffer[i] = UInt8(truncatingIfNeeded: 48 + v % 10)
        v /= 10
    }
}

func pad(_ value: Int, _ width: Int) -> String {
    let s = String(value)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
