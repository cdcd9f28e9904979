import Foundation
import Glibc
import K8sUpTestSupport
import Testing

@testable import K8sSimKit
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

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
        let fd = try connectedSocket(server.port)
        defer { close(fd) }
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
        let rest = try readToEnd(fd)
        #expect(String(decoding: rest, as: UTF8.self).contains("GET /three"))
        #expect(handler.count == 3)
    }

    @Test func concurrentClientsAreServedInParallel() throws {
        // Each request waits inside the handler until all four are inside at once: a server that
        // served connections one at a time would answer 504 to the first.
        let barrier = Barrier(parties: 4)
        let server = try HTTPServer(handler: BarrierHandler(barrier: barrier))
        server.start()
        defer { server.stop() }
        let url = server.url
        let statuses = StatusList()
        let done = DispatchGroup()
        for _ in 0..<4 {
            done.enter()
            Thread.detachNewThread {
                let status = (try? HTTPClient.send(HTTPRequest(method: "GET", path: "/wait"), to: url).status) ?? -1
                statuses.append(status)
                done.leave()
            }
        }
        #expect(done.wait(timeout: .now() + 300) == .success)
        #expect(statuses.values == [200, 200, 200, 200])
    }

    @Test func badRequestGetsAnAnswerAndTheConnectionCloses() throws {
        let server = try HTTPServer(handler: EchoHandler())
        server.start()
        defer { server.stop() }
        let fd = try connectedSocket(server.port)
        defer { close(fd) }
        try SocketIO.writeAll(fd, Array("NONSENSE\r\n\r\n".utf8))
        let received = try readToEnd(fd)
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
        let fd = try connectedSocket(server.port)
        defer { close(fd) }
        try SocketIO.writeAll(fd, Array("GET /x HTTP/1.1\r\n\r\n".utf8))
        _ = try SocketIO.read(fd)
        server.stop()
        #expect(try SocketIO.read(fd).isEmpty)
    }

    /// A client socket connected to the server, with a 5 s read timeout.
    private func connectedSocket(_ port: UInt16) throws -> Int32 {
        let fd = try SocketIO.streamSocket()
        var address = SocketIO.loopbackAddress(port: port)
        #expect(SocketIO.withSocketAddress(&address) { connect(fd, $0, $1) } == 0)
        SocketIO.setTimeout(fd, seconds: 5)
        return fd
    }

    private func readToEnd(_ fd: Int32) throws -> [UInt8] {
        var received: [UInt8] = []
        while true {
            let chunk = try SocketIO.read(fd)
            if chunk.isEmpty { return received }
            received += chunk
        }
    }

    @Test func badURLIsRefused() {
        #expect(throws: HTTPClient.Failure.badURL("https://x")) {
            try HTTPClient.send(HTTPRequest(method: "GET", path: "/"), to: "https://x")
        }
    }
}

/// Lets `parties` threads meet: each `arrive` waits until all have arrived (or two minutes passed: a
/// server that serves one connection at a time never lets them meet, while a loaded machine can take
/// seconds to start four client threads).
private final class Barrier: @unchecked Sendable {
    private let condition = NSCondition()
    private var arrived = 0
    private let parties: Int

    init(parties: Int) { self.parties = parties }

    func arrive() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        arrived += 1
        condition.broadcast()
        let deadline = Date().addingTimeInterval(120)
        while arrived < parties {
            if !condition.wait(until: deadline) { return false }
        }
        return true
    }
}

private struct BarrierHandler: HTTPHandling {
    let barrier: Barrier

    func handle(_ request: HTTPRequest) -> HTTPResponse {
        barrier.arrive() ? .text("met") : .text("alone", status: 504)
    }
}

private final class StatusList: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Int] = []

    func append(_ status: Int) {
        lock.lock()
        list.append(status)
        lock.unlock()
    }

    var values: [Int] {
        lock.lock()
        defer { lock.unlock() }
        return list
    }
}
