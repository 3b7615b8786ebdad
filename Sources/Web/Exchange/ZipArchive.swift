import Foundation

/// A ZIP file (PKWARE APPNOTE 6.3) of stored, uncompressed entries: enough for a data package that any unzip
/// tool opens, with no compression library. Entry dates are fixed, so the same data gives the same bytes (and
/// the same ETag).
struct ZipArchive {
    private(set) var data = Data()
    private var central = Data()
    private var count = 0

    mutating func add(_ name: String, _ contents: Data) {
        let nameBytes = Data(name.utf8)
        let crc = Self.crc32(contents)
        let offset = UInt32(data.count)
        var local = Data()
        local.append(le32: 0x0403_4b50)
        local.append(le16: 20)  // version needed
        local.append(le16: 0x0800)  // UTF-8 names
        local.append(le16: 0)  // stored
        local.append(le16: 0)  // time 00:00
        local.append(le16: 0x0021)  // date 1980-01-01
        local.append(le32: crc)
        local.append(le32: UInt32(contents.count))
        local.append(le32: UInt32(contents.count))
        local.append(le16: UInt16(nameBytes.count))
        local.append(le16: 0)
        data.append(local)
        data.append(nameBytes)
        data.append(contents)
        central.append(le32: 0x0201_4b50)
        central.append(le16: 20)  // made by
        central.append(le16: 20)
        central.append(le16: 0x0800)
        central.append(le16: 0)
        central.append(le16: 0)
        central.append(le16: 0x0021)
        central.append(le32: crc)
        central.append(le32: UInt32(contents.count))
        central.append(le32: UInt32(contents.count))
        central.append(le16: UInt16(nameBytes.count))
        central.append(le16: 0)  // extra
        central.append(le16: 0)  // comment
        central.append(le16: 0)  // disk
        central.append(le16: 0)  // internal attributes
        central.append(le32: 0)  // external attributes
        central.append(le32: offset)
        central.append(nameBytes)
        count += 1
    }

    /// The archive with its central directory and end record.
    var bytes: Data {
        var result = data
        let start = UInt32(result.count)
        result.append(central)
        result.append(le32: 0x0605_4b50)
        result.append(le16: 0)
        result.append(le16: 0)
        result.append(le16: UInt16(count))
        result.append(le16: UInt16(count))
        result.append(le32: UInt32(central.count))
        result.append(le32: start)
        result.append(le16: 0)
        return result
    }

    static let crcTable: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    /// CRC-32 as ZIP (and PNG, gzip) computes it.
    static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

extension Data {
    fileprivate mutating func append(le16 value: UInt16) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }

    fileprivate mutating func append(le32 value: UInt32) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
