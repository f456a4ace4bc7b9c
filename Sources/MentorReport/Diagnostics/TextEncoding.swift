/// Where a file stops being UTF-8, and what to tell its author: files saved by Excel or an older
/// Windows editor are most often Windows-1252 (a superset of Latin-1), whose accented letters are
/// single bytes that UTF-8 does not allow.
struct InvalidUTF8: Equatable {
    /// The 1-based line of the first byte that is not UTF-8.
    var line: Int
    /// Its 1-based column, counting characters as an editor does (a valid multi-byte character is one).
    var column: Int
    /// The byte itself.
    var byte: UInt8

    /// The first byte of `bytes` that does not begin a well-formed UTF-8 sequence (overlong forms,
    /// surrogates and code points past U+10FFFF included, as libyaml and Swift refuse them), or nil.
    static func first<Bytes: Collection>(in bytes: Bytes) -> InvalidUTF8? where Bytes.Element == UInt8, Bytes.Index == Int {
        var line = 1, column = 1
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                i += 1
                continue
            }
            // The length of the sequence `b` begins and the range its second byte must fall in.
            let length: Int
            var second: ClosedRange<UInt8> = 0x80...0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; second = 0xA0...0xBF
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; second = 0x80...0x9F
            case 0xF0: length = 4; second = 0x90...0xBF
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; second = 0x80...0x8F
            default: return InvalidUTF8(line: line, column: column, byte: b)
            }
            guard i + length <= end, second.contains(bytes[i + 1]),
                  (2..<length).allSatisfy({ (0x80...0xBF).contains(bytes[i + $0]) }) else {
                return InvalidUTF8(line: line, column: column, byte: b)
            }
            column += 1
            i += length
        }
        return nil
    }

    /// The character the byte stands for in Windows-1252, or nil for the five bytes it leaves undefined.
    static func windows1252(_ byte: UInt8) -> Character? {
        switch byte {
        case 0..<0x80, 0xA0...0xFF: return Character(Unicode.Scalar(byte))
        case 0x81, 0x8D, 0x8F, 0x90, 0x9D: return nil
        default:
            let table: [UInt32] = [
                0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
                0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
            ]
            return Unicode.Scalar(table[Int(byte) - 0x80]).map(Character.init)
        }
    }

    /// "the file is not UTF-8 text: byte 0xE9 is not UTF-8 (it is 'é' in Windows-1252 or Latin-1, as
    /// Excel and older Windows editors save text); expected …, so save the file as UTF-8 (how)".
    func message(expected: String, howToSave: String) -> String {
        let hex = "0x" + String(byte, radix: 16, uppercase: true)
        let guess = InvalidUTF8.windows1252(byte).map {
            " (it is '\($0)' in Windows-1252 or Latin-1, as Excel and older Windows editors save text)"
        } ?? ""
        return "the file is not UTF-8 text: byte \(hex) is not UTF-8\(guess); expected \(expected): save the file as UTF-8 (\(howToSave))"
    }
}
