/// Turns the bytes of an HTTP/1.1 connection into requests, one at a time, as they arrive: feed it
/// what `read(2)` returned and take complete requests out. Handles keep-alive (several requests on one
/// connection, even arriving in one read), `Content-Length` and chunked bodies.
package struct HTTPRequestParser: Sendable {
    /// Why a connection's bytes cannot be a request; the server answers with `status` and closes.
    package struct Failure: Error, Sendable, Equatable {
        package let status: Int
        package let reason: String
    }

    /// The most a request line plus headers may take.
    package static let maximumHeaderBytes = 64 * 1024
    /// The most a body may take (kubectl's bodies are a few kilobytes).
    package static let maximumBodyBytes = 16 * 1024 * 1024

    private var buffer: [UInt8] = []

    package init() {}

    /// Adds bytes read from the connection.
    package mutating func feed(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete request, or nil when more bytes are needed.
    package mutating func nextRequest() throws(Failure) -> HTTPRequest? {
        guard let headerEnd = Self.find([13, 10, 13, 10], in: buffer[...]) else {
            if buffer.count > Self.maximumHeaderBytes {
                throw Failure(status: 431, reason: "request headers are larger than 64 KiB")
            }
            return nil
        }
        let head = try Self.parseHead(buffer[0..<headerEnd])
        let bodyStart = headerEnd + 4
        guard let (body, consumed) = try Self.body(of: head.headers, in: buffer[bodyStart...]) else { return nil }
        buffer.removeFirst(bodyStart + consumed)
        let target = Self.splitTarget(head.target)
        return HTTPRequest(
            method: head.method, path: target.path, query: target.query, headers: head.headers, body: body)
    }

    private struct Head {
        var method: String
        var target: String
        var headers: [String: String]
    }

    private static func parseHead(_ bytes: ArraySlice<UInt8>) throws(Failure) -> Head {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: false)
        let requestLine = lines.first.map { $0.split(separator: " ", omittingEmptySubsequences: true) } ?? []
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1.") else {
            throw Failure(status: 400, reason: "malformed request line")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else {
                throw Failure(status: 400, reason: "malformed header line")
            }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingHTTPSpace
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        return Head(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers)
    }

    /// The body and how many bytes it took on the wire, or nil when it has not all arrived.
    private static func body(
        of headers: [String: String], in bytes: ArraySlice<UInt8>
    ) throws(Failure) -> ([UInt8], Int)? {
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            return try chunkedBody(bytes)
        }
        guard let lengthText = headers["content-length"] else { return ([], 0) }
        guard let length = Int(lengthText), length >= 0 else {
            throw Failure(status: 400, reason: "bad Content-Length")
        }
        guard length <= maximumBodyBytes else { throw Failure(status: 413, reason: "request body too large") }
        guard bytes.count >= length else { return nil }
        return (Array(bytes.prefix(length)), length)
    }

    private static func chunkedBody(_ bytes: ArraySlice<UInt8>) throws(Failure) -> ([UInt8], Int)? {
        var body: [UInt8] = []
        var index = bytes.startIndex
        while true {
            guard let lineEnd = find([13, 10], in: bytes[index...]) else { return nil }
            let sizeText =
                String(decoding: bytes[index..<lineEnd], as: UTF8.self)
                .split(separator: ";").first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingHTTPSpace, radix: 16), size >= 0 else {
                throw Failure(status: 400, reason: "bad chunk size")
            }
            let dataStart = lineEnd + 2
            if size == 0 {
                // Trailers end with an empty line; kubectl sends none.
                guard let end = find([13, 10], in: bytes[dataStart...]) else { return nil }
                return (body, end + 2 - bytes.startIndex)
            }
            guard body.count + size <= maximumBodyBytes else {
                throw Failure(status: 413, reason: "request body too large")
            }
            guard bytes.endIndex - dataStart >= size + 2 else { return nil }
            body.append(contentsOf: bytes[dataStart..<(dataStart + size)])
            index = dataStart + size + 2
        }
    }

    /// The index where `needle` starts in `haystack`, as an index of `haystack`.
    static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while index <= last {
            if haystack[index] == needle[0] {
                var matched = true
                for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    /// `/api/v1/pods?fieldSelector=spec.nodeName%3Dw1&limit=500` → path and decoded query.
    static func splitTarget(_ target: String) -> (path: String, query: [String: [String]]) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = PercentDecoding.decode(String(parts[0]), plusIsSpace: false)
        var query: [String: [String]] = [:]
        if parts.count == 2 {
            for pair in parts[1].split(separator: "&") {
                let keyValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let key = PercentDecoding.decode(String(keyValue[0]), plusIsSpace: true)
                let value = keyValue.count == 2 ? PercentDecoding.decode(String(keyValue[1]), plusIsSpace: true) : ""
                query[key, default: []].append(value)
            }
        }
        return (path, query)
    }
}
