import Domain
import Foundation
import MultipartKit
import NIOCore

/// A file sent with a form.
public struct Upload: Sendable, Hashable {
    public var filename: String
    public var data: Data
}

/// Reads `multipart/form-data` bodies (RFC 7578) into text fields and uploaded files, with MultipartKit's parser.
///
/// Each part's `Content-Disposition` is read by `HeaderParameters`: quoted names may hold `;`, and a file may be
/// named by `filename*` (RFC 5987). A part with `filename` or `filename*` is a file, even an empty one (a browser sends
/// that for a file input left empty); a part without a name is skipped; a body that breaks off keeps the parts before.
enum MultipartForm {
    /// The boundary named in a `Content-Type` header, if it is a multipart form.
    static func boundary(contentType: String) -> String? {
        let header = HeaderParameters(contentType)
        guard header.value.lowercased() == "multipart/form-data", let boundary = header["boundary"],
            !boundary.isEmpty, boundary.count <= 70
        else { return nil }
        return boundary
    }

    static func parse(_ body: ByteBuffer, boundary: String) -> (fields: [String: [String]], files: [String: Upload]) {
        let parser = MultipartParser(boundary: boundary)
        var fields: [String: [String]] = [:]
        var files: [String: Upload] = [:]
        var disposition: HeaderParameters?
        var content = ByteBuffer()
        parser.onHeader = { name, value in
            if name.lowercased() == "content-disposition" { disposition = HeaderParameters(value) }
        }
        parser.onBody = { chunk in content.writeBuffer(&chunk) }
        parser.onPartComplete = {
            defer {
                disposition = nil
                content.clear()
            }
            guard let disposition, let name = disposition["name"] else { return }
            if let filename = disposition["filename"] {
                files[name] = Upload(filename: filename, data: Data(content.readableBytesView))
            } else {
                fields[name, default: []].append(String(buffer: content))
            }
        }
        // A syntax error ends the body; the parts completed before it are kept, as with a body cut short.
        try? parser.execute(body)
        return (fields, files)
    }
}
