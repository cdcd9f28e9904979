import Glibc

/// A blocking HTTP/1.1 client for `http://127.0.0.1:PORT` URLs, one request per connection: how the
/// node stand-ins (short-lived processes) talk to the simulator. Not a general client: plain HTTP,
/// IPv4 literal or `localhost` hosts only.
package enum HTTPClient {
    package enum Failure: Error, Equatable, CustomStringConvertible {
        case badURL(String)
        case cannotConnect(url: String, reason: String)
        case broken(url: String, reason: String)

        package var description: String {
            switch self {
            case .badURL(let url): "k8sim: \(url) is not an http://HOST:PORT URL"
            case .cannotConnect(let url, let reason): "k8sim: cannot reach the simulator at \(url): \(reason)"
            case .broken(let url, let reason): "k8sim: bad answer from the simulator at \(url): \(reason)"
            }
        }
    }

    /// Sends `request` (its path and query) to `baseURL` and returns the whole answer.
    package static func send(_ request: HTTPRequest, to baseURL: String, timeout: Double = 30) throws(Failure)
        -> HTTPResponse
    {
        guard let (host, port) = hostAndPort(baseURL) else { throw .badURL(baseURL) }
        let fd: Int32
        do { fd = try SocketIO.streamSocket() } catch { throw .cannotConnect(url: baseURL, reason: error.description) }
        defer { close(fd) }
        SocketIO.setTimeout(fd, seconds: timeout)
        var address = SocketIO.loopbackAddress(host: host, port: port)
        let connected = SocketIO.withSocketAddress(&address) { connect(fd, $0, $1) }
        guard connected == 0 else {
            throw .cannotConnect(url: baseURL, reason: String(cString: strerror(errno)))
        }
        do {
            try SocketIO.writeAll(fd, encode(request, host: "\(host):\(port)"))
            var received: [UInt8] = []
            while true {
                let chunk = try SocketIO.read(fd)
                if chunk.isEmpty { break }
                received += chunk
                if let response = try HTTPResponseDecoder.decode(received, complete: false) { return response }
            }
            guard let response = try HTTPResponseDecoder.decode(received, complete: true) else {
                throw SocketIO.Failure(call: "recv", code: ECONNRESET)
            }
            return response
        } catch let failure as SocketIO.Failure {
            throw .broken(url: baseURL, reason: failure.description)
        } catch {
            throw .broken(url: baseURL, reason: "\(error)")
        }
    }

    static func encode(_ request: HTTPRequest, host: String) -> [UInt8] {
        var target = request.path.split(separator: "/", omittingEmptySubsequences: false)
            .map { percentEncode(String($0)) }.joined(separator: "/")
        if !request.query.isEmpty {
            let pairs = request.query.keys.sorted().flatMap { key in
                (request.query[key] ?? []).map { "\(percentEncode(key))=\(percentEncode($0))" }
            }
            target += "?" + pairs.joined(separator: "&")
        }
        var head = "\(request.method) \(target) HTTP/1.1\r\nHost: \(host)\r\n"
        for (name, value) in request.headers.sorted(by: { $0.key < $1.key })
        where name != "host" && name != "content-length" && name != "connection" {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(request.body.count)\r\nConnection: close\r\n\r\n"
        return Array(head.utf8) + request.body
    }

    private static func percentEncode(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }

    /// `http://127.0.0.1:8080` → ("127.0.0.1", 8080).
    static func hostAndPort(_ url: String) -> (String, UInt16)? {
        guard url.hasPrefix("http://") else { return nil }
        let authority = url.dropFirst("http://".count).prefix { $0 != "/" }
        guard let colon = authority.lastIndex(of: ":"), let port = UInt16(authority[authority.index(after: colon)...])
        else { return nil }
        let host = String(authority[..<colon])
        return (host == "localhost" ? "127.0.0.1" : host, port)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
