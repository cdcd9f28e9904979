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

@Suite("HTTP request parser")
struct HTTPRequestParserTests {
    private func parse(_ text: String) throws -> [HTTPRequest] {
        var parser = HTTPRequestParser()
        parser.feed(Array(text.utf8))
        var requests: [HTTPRequest] = []
        while let request = try parser.nextRequest() { requests.append(request) }
        return requests
    }

    @Test func requestWithQueryAndHeaders() throws {
        let requests = try parse(
            "GET /api/v1/pods?fieldSelector=spec.nodeName%3Dworker-1&limit=500&labelSelector=app+in+%28a%2Cb%29 HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nAccept: application/json\r\nUser-Agent: kubectl/v1.32.4\r\n\r\n")
        #expect(requests.count == 1)
        #expect(requests[0].method == "GET")
        #expect(requests[0].path == "/api/v1/pods")
        #expect(requests[0].parameter("fieldSelector") == "spec.nodeName=worker-1")
        #expect(requests[0].parameter("labelSelector") == "app in (a,b)")
        #expect(requests[0].parameter("limit") == "500")
        #expect(requests[0].headers["accept"] == "application/json")
        #expect(requests[0].headers["user-agent"] == "kubectl/v1.32.4")
    }

    @Test func pipelinedRequestsWithBodies() throws {
        let requests = try parse(
            "POST /a HTTP/1.1\r\nContent-Length: 5\r\n\r\nhelloPATCH /b HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}GET /c HTTP/1.1\r\n\r\n"
        )
        #expect(requests.map(\.method) == ["POST", "PATCH", "GET"])
        #expect(requests.map { String(decoding: $0.body, as: UTF8.self) } == ["hello", "{}", ""])
    }

    @Test func bytesArrivingOneAtATime() throws {
        let text = "PUT /x HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc"
        var parser = HTTPRequestParser()
        var found: [HTTPRequest] = []
        for byte in text.utf8 {
            parser.feed([byte])
            if let request = try parser.nextRequest() { found.append(request) }
        }
        #expect(found.count == 1)
        #expect(found.first?.body == Array("abc".utf8))
    }

    @Test func chunkedBody() throws {
        let requests = try parse(
            "POST /e HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5;ext=1\r\npedia\r\n0\r\n\r\nGET /n HTTP/1.1\r\n\r\n"
        )
        #expect(requests.count == 2)
        #expect(String(decoding: requests[0].body, as: UTF8.self) == "Wikipedia")
        #expect(requests[1].path == "/n")
    }

    @Test func incompleteChunkedBodyWaits() throws {
        #expect(try parse("POST /e HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWi").isEmpty)
    }

    @Test func percentEncodedPathKeepsPlus() throws {
        let requests = try parse("GET /api/v1/namespaces/a%2Bb/pods/x+y HTTP/1.1\r\n\r\n")
        #expect(requests.first?.path == "/api/v1/namespaces/a+b/pods/x+y")
    }

    @Test func repeatedQueryParameterAndMalformedEscape() throws {
        let requests = try parse("GET /p?a=1&a=2&b=%zz&c HTTP/1.1\r\n\r\n")
        #expect(requests.first?.query["a"] == ["1", "2"])
        #expect(requests.first?.parameter("b") == "%zz")
        #expect(requests.first?.parameter("c") == "")
    }

    @Test func malformedRequestLineIs400() {
        #expect(throws: HTTPRequestParser.Failure(status: 400, reason: "malformed request line")) {
            try parse("HELLO\r\n\r\n")
        }
    }

    @Test func headerWithoutColonIs400() {
        #expect(throws: HTTPRequestParser.Failure(status: 400, reason: "malformed header line")) {
            try parse("GET / HTTP/1.1\r\nbroken\r\n\r\n")
        }
    }

    @Test func hugeHeadersAre431() {
        var parser = HTTPRequestParser()
        parser.feed(Array(("GET / HTTP/1.1\r\nX: " + String(repeating: "a", count: 70_000)).utf8))
        #expect(throws: HTTPRequestParser.Failure(status: 431, reason: "request headers are larger than 64 KiB")) {
            try parser.nextRequest()
        }
    }

    @Test func hugeBodyIs413() {
        #expect(throws: HTTPRequestParser.Failure(status: 413, reason: "request body too large")) {
            try parse("POST / HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n")
        }
    }
}
