import Foundation
import Glibc
import Testing

@testable import K8sSimKit

/// Echoes the request back and counts what it saw.
private final class EchoHandler: HTTPHandling, @unchecked Sendable {
    private let lock = NSLock()
    private var seen = 0

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return seen
    }

    func handle(_ request: HTTPRequest) -> HTTPResponse {
        lock.lock()
        seen += 1
        lock.unlock()
        if request.path == "/slow" { usleep(200_000) }
        let query = request.query.keys.sorted().map { "\($0)=\(request.query[$0] ?? [])" }.joined(separator: ";")
        return .text("\(request.method) \(request.path) \(query) \(String(decoding: request.body, as: UTF8.self))")
    }
}

@Suite("HTTP server and client")
struct HTTPServerTests {
    @Test func clientRoundTripWithQueryAndBody() throws {
        let server = try HTTPServer(handler: EchoHandler())
        server.start()
        defer { server.stop() }
        #expect(server.port != 0)
        let response = try HTTPClient.send(
            HTTPRequest(method: "POST", path: "/k8sim/v1/nodes/w 1", query: ["q": ["a=b&c"]], body: Array("{}".utf8)),
            to: server.url)
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "POST /k8sim/v1/nodes/w 1 q=[\"a=b&c\"] {}")
    }

    @Test func keepAliveServesSeveralRequestsOnOneConnection() throws {
        let handler = EchoHandler()
        let server = try HTTPServer(handler: handler)
        server.start()
        defer { server.stop() }
        let fd = try SocketIO.streamSocket()
        defer { close(fd) }
        var address = SocketIO.loopbackAddress(port: server.port)
        #expect(SocketIO.withSocketAddress(&address) { connect(fd, $0, $1) } == 0)
        SocketIO.setTimeout(fd, seconds: 5)
        try SocketIO.writeAll(fd, Array("GET /one HTTP/1.1\r\n\r\nGET /two HTTP/1.1\r\n\r\n".utf8))
        var received: [UInt8] = []
        while String(decoding: received, as: UTF8.self).components(separatedBy: "HTTP/1.1 200").count < 3 {
            let chunk = try SocketIO.read(fd)
            if chunk.isEmpty { break }
            received += chunk
        }
        let text = String(decoding: received, as: UTF8.self)
        #expect(text.contains("GET /one"))
        #expect(text.contains("GET /two"))
        #expect(text.contains("Connection: keep-alive"))
        try SocketIO.writeAll(fd, Array("GET /three HTTP/1.1\r\nConnection: close\r\n\r\n".utf8))
        var rest: [UInt8] = []
        while true {
            let chunk = try SocketIO.read(fd)
            if chunk.isEmpty { break }
            rest += chunk
        }
        #expect(String(decoding: rest, as: UTF8.self).contains("GET /three"))
        #expect(handler.count == 3)
    }

    @Test func concurrentClientsAreServedInParallel() async throws {
        let handler = EchoHandler()
        let server = try HTTPServer(handler: handler)
        server.start()
        defer { server.stop() }
        let url = server.url
        let started = Date()
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { try HTTPClient.send(HTTPRequest(method: "GET", path: "/slow"), to: url).status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 200, count: 8))
        // Eight 200 ms requests one after another would take 1.6 s.
        #expect(Date().timeIntervalSince(started) < 1.4)
    }

    @Test func badRequestGetsAnAnswerAndTheConnectionCloses() throws {
        let server = try HTTPServer(handler: EchoHandler())
        server.start()
        defer { server.stop() }
        let fd = try SocketIO.streamSocket()
        defer { close(fd) }
        var address = SocketIO.loopbackAddress(port: server.port)
        #expect(SocketIO.withSocketAddress(&address) { connect(fd, $0, $1) } == 0)
        SocketIO.setTimeout(fd, seconds: 5)
        try SocketIO.writeAll(fd, Array("NONSENSE\r\n\r\n".utf8))
        var received: [UInt8] = []
        while true {
            let chunk = try SocketIO.read(fd)
            if chunk.isEmpty { break }
            received += chunk
        }
        #expect(String(decoding: received, as: UTF8.self).hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
    }

    @Test func clientReportsAServerThatIsGone() throws {
        let server = try HTTPServer(handler: EchoHandler())
        let url = server.url
        server.stop()
        #expect(throws: HTTPClient.Failure.self) {
            try HTTPClient.send(HTTPRequest(method: "GET", path: "/"), to: url, timeout: 2)
        }
    }

    @Test func stopClosesIdleKeepAliveConnections() throws {
        let server = try HTTPServer(handler: EchoHandler())
        server.start()
        let fd = try SocketIO.streamSocket()
        defer { close(fd) }
        var address = SocketIO.loopbackAddress(port: server.port)
        #expect(SocketIO.withSocketAddress(&address) { connect(fd, $0, $1) } == 0)
        SocketIO.setTimeout(fd, seconds: 5)
        try SocketIO.writeAll(fd, Array("GET /x HTTP/1.1\r\n\r\n".utf8))
        _ = try SocketIO.read(fd)
        server.stop()
        #expect(try SocketIO.read(fd).isEmpty)
    }

    @Test func badURLIsRefused() {
        #expect(throws: HTTPClient.Failure.badURL("https://x")) {
            try HTTPClient.send(HTTPRequest(method: "GET", path: "/"), to: "https://x")
        }
    }
}
