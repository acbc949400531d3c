using System.Text;

namespace Smooth.Egress.Tests;

/// <summary>Head parsing and the rebuilt upstream request head, without a network.</summary>
public sealed class HttpHeadTests
{
    private static HttpHead Request(string fields) =>
        HttpHead.Parse(Encoding.Latin1.GetBytes($"GET http://example.com/a?b HTTP/1.1\r\n{fields}\r\n"), isRequest: true);

    [Fact]
    public void Fields_KeepOrderAndNames_AndValuesLoseSurroundingBlanks()
    {
        var head = Request("Host: example.com\r\nX-A: \t one two \t\r\nx-empty:\r\nX-A: second\r\n");

        Assert.Equal(["Host", "X-A", "x-empty", "X-A"], head.Headers.Select(h => h.Key));
        Assert.Equal(["example.com", "one two", "", "second"], head.Headers.Select(h => h.Value));
        Assert.Equal(2, head.Find("x-a", out var first));
        Assert.Equal("one two", first.ToString());
        Assert.Equal(0, head.Find("Missing", out _));
    }

    [Theory]
    [InlineData("Transfer-Encoding: gzip, chunked\r\n", "Chunked")]
    [InlineData("Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n", "Chunked")]
    [InlineData("Content-Length: 5\r\nContent-Length: 5\r\n", "Length")]
    [InlineData("", "None")]
    public void Framing_FollowsRfc9112(string fields, string expected)
    {
        Assert.Equal(expected, Request(fields).Framing(isRequest: true, out _).ToString());
    }

    [Theory]
    [InlineData("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n")]
    [InlineData("Transfer-Encoding: chunked, gzip\r\n")]
    [InlineData("Transfer-Encoding: ,\r\n")]
    [InlineData("Content-Length: 5\r\nContent-Length: 6\r\n")]
    [InlineData("Content-Length: +5\r\n")]
    public void AmbiguousRequestFraming_IsRejected(string fields)
    {
        Assert.Throws<HttpProtocolException>(() => Request(fields).Framing(isRequest: true, out _));
    }

    [Theory]
    [InlineData(" Folded: x\r\n")]
    [InlineData("Bad Name: x\r\n")]
    [InlineData("NoColon\r\n")]
    [InlineData(": empty name\r\n")]
    [InlineData("X: a\nb\r\n")]
    public void MalformedFields_AreRejected(string fields)
    {
        Assert.Throws<HttpProtocolException>(() => Request(fields));
    }

    [Fact]
    public void HasToken_ReadsCommaSeparatedValuesOfEveryField()
    {
        var head = Request("Connection: keep-alive , Upgrade\r\nConnection: CLOSE\r\n");
        Assert.True(head.HasToken("connection", "upgrade"));
        Assert.True(head.HasToken("Connection", "close"));
        Assert.False(head.HasToken("Connection", "clo"));
    }

    [Fact]
    public void UpstreamHead_IsOriginForm_WithoutProxyFields_AndAddsAMissingHost()
    {
        var head = Request("Proxy-Authorization: Basic c2VjcmV0\r\nAccept: */*\r\nKeep-Alive: 5\r\nproxy-connection: keep-alive\r\nX-Latin: caf\u00e9\r\n");
        var buffer = new byte[RequestHead.Length(head, "GET", "/a?b", "HTTP/1.1", "example.com:80")];

        var written = RequestHead.Write(head, "GET", "/a?b", "HTTP/1.1", "example.com:80", buffer);

        Assert.Equal(buffer.Length, written);
        Assert.Equal("GET /a?b HTTP/1.1\r\nHost: example.com:80\r\nAccept: */*\r\nX-Latin: caf\u00e9\r\n\r\n", Encoding.Latin1.GetString(buffer));
    }
}
