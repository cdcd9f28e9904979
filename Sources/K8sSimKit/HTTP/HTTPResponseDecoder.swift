/// Reads an HTTP/1.1 response out of the bytes received so far: status line, headers, and a body
/// delimited by `Content-Length`, by chunks, or (with `complete`) by the end of the connection.
enum HTTPResponseDecoder {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The response, or nil when more bytes are needed.
    static func decode(_ bytes: [UInt8], complete: Bool) throws(Failure) -> HTTPResponse? {
        guard let headerEnd = HTTPRequestParser.find([13, 10, 13, 10], in: bytes[...]) else {
            if complete { throw Failure(description: "the connection closed inside the response headers") }
            return nil
        }
        let lines = String(decoding: bytes[0..<headerEnd], as: UTF8.self)
            .split(separator: "\r\n", omittingEmptySubsequences: false)
        let statusLine = lines.first?.split(separator: " ", maxSplits: 2) ?? []
        guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/1."), let status = Int(statusLine[1]) else {
            throw Failure(description: "malformed status line")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw Failure(description: "malformed header line") }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingHTTPSpace))
        }
        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name }?.value
        }
        let body = bytes[(headerEnd + 4)...]
        if header("transfer-encoding")?.lowercased().contains("chunked") == true {
            guard let decoded = try dechunk(body) else {
                if complete { throw Failure(description: "the connection closed inside a chunked body") }
                return nil
            }
            return HTTPResponse(status: status, headers: headers, body: decoded)
        }
        if let lengthText = header("content-length") {
            guard let length = Int(lengthText) else { throw Failure(description: "bad Content-Length") }
            guard body.count >= length else {
                if complete { throw Failure(description: "the connection closed inside the body") }
                return nil
            }
            return HTTPResponse(status: status, headers: headers, body: Array(body.prefix(length)))
        }
        return complete ? HTTPResponse(status: status, headers: headers, body: Array(body)) : nil
    }

    private static func dechunk(_ bytes: ArraySlice<UInt8>) throws(Failure) -> [UInt8]? {
        var body: [UInt8] = []
        var index = bytes.startIndex
        while true {
            guard let lineEnd = HTTPRequestParser.find([13, 10], in: bytes[index...]) else { return nil }
            let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingHTTPSpace, radix: 16) else {
                throw Failure(description: "bad chunk size")
            }
            if size == 0 { return body }
            let start = lineEnd + 2
            guard bytes.endIndex - start >= size + 2 else { return nil }
            body.append(contentsOf: bytes[start..<(start + size)])
            index = start + size + 2
        }
    }
}
