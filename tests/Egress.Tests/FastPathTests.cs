using System.Text;

namespace Smooth.Egress.Tests;

/// <summary>
/// Kept-alive plain HTTP as the fast path serves it, and the requests and responses it leaves to the general path on
/// the same connection: every request asked of the gate, exact byte counts, policy changes between requests.
/// </summary>
public sealed class FastPathTests
{
    [Fact]
    public async Task A_keep_alive_sequence_goes_over_one_upstream_connection_and_each_event_counts_the_exact_bytes()
    {
        await using var upstream = new ScriptedUpstream(_ => ScriptedUpstream.Chunked("hello"));
        await using var proxy = ProxyHarness.Allow(upstream.Authority);
        await using var stream = await proxy.ConnectAsync();
        var a = upstream.Authority;

        for (var i = 0; i < 20; i++)
        {
            var response = await RawHttp.SendAsync(stream,
                $"GET http://{a}/item/{i}?token=secret HTTP/1.1\r\nHost: {a}\r\nProxy-Authorization: Basic Zm9vOmJhcg==\r\nAccept:  */*  \r\n\r\n");
            Assert.Equal("hello", response.Text);
        }

        var decisions = await Eventually.GetAsync(() => proxy.Decisions() is { Count: 20 } d ? d : null);
        var requests = upstream.Requests.ToArray();
        Assert.Equal(20, requests.Length);
        Assert.Equal(1, upstream.Connections);
        // Origin-form, the proxy's own field gone, values without surrounding blanks.
        Assert.Equal($"GET /item/0?token=secret HTTP/1.1\r\nHost: {a}\r\nAccept: */*\r\n\r\n", Encoding.ASCII.GetString(requests[0]));
        var responseBytes = ScriptedUpstream.Chunked("hello").Sum(p => p.Length);
        for (var i = 0; i < 20; i++)
        {
            var e = decisions[i].Attributes;
            Assert.Equal("allow", e["decision"]);
            Assert.Equal($"/item/{i}", e["path"]);
            Assert.Equal("GET", e["method"]);
            Assert.Equal("200", e["status"]);
            Assert.Equal("127.0.0.1", e["address"]);
            Assert.Equal(requests[i].Length.ToString(), e["bytesOut"]);
            Assert.Equal(responseBytes.ToString(), e["bytesIn"]);
        }
    }

    [Fact]
    public async Task Pipelined_requests_sent_in_one_write_are_answered_in_order()
    {
        await using var upstream = new ScriptedUpstream(head => ScriptedUpstream.Length("reply to " + head.Split(' ')[1]));
        await using var proxy = ProxyHarness.Allow(upstream.Authority);
        await using var stream = await proxy.ConnectAsync();
        var a = upstream.Authority;

        var body = "posted";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"GET http://{a}/one HTTP/1.1\r\nHost: {a}\r\n\r\n" +
            $"POST http://{a}/two HTTP/1.1\r\nHost: {a}\r\nContent-Length: {body.Length}\r\n\r\n{body}" +
            $"GET http://{a}/three HTTP/1.1\r\nHost: {a}\r\n\r\n"));

        Assert.Equal("reply to /one", (await RawHttp.ReadResponseAsync(stream)).Text);
        Assert.Equal("reply to /two", (await RawHttp.ReadResponseAsync(stream)).Text);
        Assert.Equal("reply to /three", (await RawHttp.ReadResponseAsync(stream)).Text);
        var requests = upstream.Requests.ToArray();
        Assert.EndsWith("\r\n\r\nposted", Encoding.ASCII.GetString(requests[1]));
        var decisions = await Eventually.GetAsync(() => proxy.Decisions() is { Count: 3 } d ? d : null);
        Assert.Equal(["/one", "/two", "/three"], decisions.Select(d => d.Attributes["path"]));
        Assert.Equal(requests.Select(r => r.Length.ToString()), decisions.Select(d => d.Attributes["bytesOut"]));
    }

    [Fact]
    public async Task A_small_body_written_after_its_head_is_forwarded_whole_with_the_head()
    {
        await using var upstream = new ScriptedUpstream(_ => ScriptedUpstream.Length("stored"));
        await using var proxy = ProxyHarness.Allow(upstream.Authority);
        await using var stream = await proxy.ConnectAsync();
        var a = upstream.Authority;

        await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST http://{a}/items HTTP/1.1\r\nHost: {a}\r\nContent-Length: 11\r\n\r\n"));
        await Task.Delay(50);
        await stream.WriteAsync("{\"id\":1234}"u8.ToArray());
        var response = await RawHttp.ReadResponseAsync(stream);

        Assert.Equal("stored", response.Text);
        var request = Encoding.ASCII.GetString(Assert.Single(upstream.Requests));
        Assert.Equal($"POST /items HTTP/1.1\r\nHost: {a}\r\nContent-Length: 11\r\n\r\n{{\"id\":1234}}", request);
        var e = await Eventually.GetAsync(() => proxy.Decisions().FirstOrDefault());
        Assert.Equal(request.Length.ToString(), e.Attributes["bytesOut"]);
    }

    [Fact]
    public async Task Requests_and_responses_left_to_the_general_path_are_served_between_fast_ones_on_one_connection()
    {
        await using var upstream = await UpstreamServer.StartAsync();
        await using var proxy = ProxyHarness.Allow($"127.0.0.1:{upstream.Port}");
        await using var stream = await proxy.ConnectAsync();
        var a = $"127.0.0.1:{upstream.Port}";

        var first = await RawHttp.SendAsync(stream, $"GET http://{a}/hello HTTP/1.1\r\nHost: {a}\r\n\r\n");
        // A chunked upload: the general path streams it.
        var echoed = await RawHttp.SendAsync(stream, $"POST http://{a}/echo HTTP/1.1\r\nHost: {a}\r\nTransfer-Encoding: chunked\r\n\r\n",
            Encoding.ASCII.GetBytes("5\r\nhello\r\n0\r\n\r\n"));
        // A Host header naming the same host and port in another spelling: checked by the full parser.
        var spelled = await RawHttp.SendAsync(stream, $"GET http://{a}/hello HTTP/1.1\r\nHost: 127.0.0.1:0{upstream.Port}\r\n\r\n");
        // A download larger than the fast path relays itself: handed on at its head.
        var big = await RawHttp.SendAsync(stream, $"GET http://{a}/big?n=300000 HTTP/1.1\r\nHost: {a}\r\n\r\n");
        var last = await RawHttp.SendAsync(stream, $"GET http://{a}/hello HTTP/1.1\r\nHost: {a}\r\n\r\n");

        Assert.Equal("hello from upstream", first.Text);
        Assert.Equal("hello", echoed.Text);
        Assert.Equal("hello from upstream", spelled.Text);
        Assert.Equal(300000, big.Body.Length);
        Assert.Equal("hello from upstream", last.Text);
        var decisions = await Eventually.GetAsync(() => proxy.Decisions() is { Count: 5 } d ? d : null);
        Assert.All(decisions, d => Assert.Equal("allow", d.Attributes["decision"]));
        Assert.True(long.Parse(decisions[3].Attributes["bytesIn"]) > 300000);
    }

    [Fact]
    public async Task A_long_chunked_response_started_on_the_fast_path_is_finished_by_the_general_one_with_all_bytes_counted()
    {
        var piece = new string('x', 8000);
        IReadOnlyList<byte[]> Answer(string head) => head.StartsWith("GET /long", StringComparison.Ordinal)
            ? [Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"),
                .. Enumerable.Range(0, 20).Select(_ => Encoding.ASCII.GetBytes($"{piece.Length:x}\r\n{piece}\r\n")), "0\r\n\r\n"u8.ToArray()]
            : ScriptedUpstream.Length("short");
        await using var upstream = new ScriptedUpstream(Answer);
        await using var proxy = ProxyHarness.Allow(upstream.Authority);
        await using var stream = await proxy.ConnectAsync();
        var a = upstream.Authority;

        var longOne = await RawHttp.SendAsync(stream, $"GET http://{a}/long HTTP/1.1\r\nHost: {a}\r\n\r\n");
        var next = await RawHttp.SendAsync(stream, $"GET http://{a}/next HTTP/1.1\r\nHost: {a}\r\n\r\n");

        Assert.Equal(20 * piece.Length, longOne.Body.Length);
        Assert.Equal("short", next.Text);
        var decisions = await Eventually.GetAsync(() => proxy.Decisions() is { Count: 2 } d ? d : null);
        Assert.Equal(Answer("GET /long").Sum(p => p.Length).ToString(), decisions[0].Attributes["bytesIn"]);
        Assert.Equal(1, upstream.Connections);
    }

    [Fact]
    public async Task A_denied_request_in_the_middle_of_a_keep_alive_connection_gets_its_403_and_the_connection_ends()
    {
        await using var upstream = new ScriptedUpstream(_ => ScriptedUpstream.Length("ok"));
        await using var proxy = ProxyHarness.Allow(upstream.Authority);
        await using var stream = await proxy.ConnectAsync();
        var a = upstream.Authority;

        var allowed = await RawHttp.SendAsync(stream, $"GET http://{a}/fine HTTP/1.1\r\nHost: {a}\r\n\r\n");
        var denied = await RawHttp.SendAsync(stream, "GET http://127.0.0.1:1/secret HTTP/1.1\r\nHost: 127.0.0.1:1\r\n\r\n");

        Assert.Equal("ok", allowed.Text);
        Assert.Equal(403, denied.Status);
        Assert.Equal($"not-allowed; rule=\"{a}\"", denied.Header("X-Smooth-Denied"));
        Assert.Contains("refused GET http://127.0.0.1:1/secret", denied.Text);
        Assert.Contains("--allow-host 127.0.0.1:1", denied.Text);
        Assert.Equal(0, await stream.ReadAsync(new byte[1]).AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
        var decisions = await Eventually.GetAsync(() => proxy.Decisions() is { Count: 2 } d ? d : null);
        Assert.Equal(["allow", "deny"], decisions.Select(d => d.Attributes["decision"]));
        Assert.Equal("0", decisions[1].Attributes["bytesIn"]);
        Assert.Equal("0", decisions[1].Attributes["bytesOut"]);
        Assert.Single(upstream.Requests);
    }

    [Fact]
    public async Task A_spoofed_host_header_after_fast_requests_is_refused_and_nothing_is_forwarded()
    {
        await using var upstream = new ScriptedUpstream(_ => ScriptedUpstream.Length("ok"));
        await using var proxy = ProxyHarness.Allow(upstream.Authority);
        await using var stream = await proxy.ConnectAsync();
        var a = upstream.Authority;

        await RawHttp.SendAsync(stream, $"GET http://{a}/fine HTTP/1.1\r\nHost: {a}\r\n\r\n");
        var spoofed = await RawHttp.SendAsync(stream, $"GET http://{a}/fine HTTP/1.1\r\nHost: internal.example\r\n\r\n");

        Assert.Equal(403, spoofed.Status);
        Assert.StartsWith("host-mismatch", spoofed.Header("X-Smooth-Denied"));
        Assert.Single(upstream.Requests);
    }

    [Fact]
    public async Task A_policy_change_between_two_requests_on_one_connection_takes_effect_at_once()
    {
        await using var upstream = new ScriptedUpstream(_ => ScriptedUpstream.Length("ok"));
        var gate = new SwitchableGate(AllowListGate.Parse([upstream.Authority]));
        await using var proxy = new ProxyHarness(gate);
        await using var stream = await proxy.ConnectAsync();
        var a = upstream.Authority;

        var before = await RawHttp.SendAsync(stream, $"GET http://{a}/x HTTP/1.1\r\nHost: {a}\r\n\r\n");
        var again = await RawHttp.SendAsync(stream, $"GET http://{a}/x HTTP/1.1\r\nHost: {a}\r\n\r\n");
        gate.Switch(AllowListGate.Parse(["github.com"]));
        var after = await RawHttp.SendAsync(stream, $"GET http://{a}/x HTTP/1.1\r\nHost: {a}\r\n\r\n");

        Assert.Equal("ok", before.Text);
        Assert.Equal("ok", again.Text);
        Assert.Equal(403, after.Status);
        Assert.Equal(3, gate.Questions); // every request is asked, repeats included
        Assert.Equal(2, upstream.Requests.Count);
    }

    [Fact]
    public async Task The_gate_and_the_events_see_the_trace_the_proxy_was_started_under()
    {
        using var run = new System.Diagnostics.Activity("run").SetIdFormat(System.Diagnostics.ActivityIdFormat.W3C).Start();
        await using var upstream = new ScriptedUpstream(_ => ScriptedUpstream.Chunked("ok"));
        var gate = new SwitchableGate(AllowListGate.Parse([upstream.Authority]));
        await using var proxy = new ProxyHarness(gate);
        var a = upstream.Authority;

        await using (var stream = await proxy.ConnectAsync())
        {
            for (var i = 0; i < 3; i++) Assert.Equal("ok", (await RawHttp.SendAsync(stream, $"GET http://{a}/x HTTP/1.1\r\nHost: {a}\r\n\r\n")).Text);
            Assert.Equal(403, (await RawHttp.SendAsync(stream, $"GET http://127.0.0.1:1/x HTTP/1.1\r\nHost: 127.0.0.1:1\r\n\r\n")).Status);
        }

        var decisions = await Eventually.GetAsync(() => proxy.Decisions() is { Count: 4 } d ? d : null);
        Assert.All(decisions, d => Assert.Equal(run.Id, d.TraceParent));
        Assert.All(gate.Traces, t => Assert.Equal(run.Id, t));
    }

    [Fact]
    public async Task A_gate_that_answers_later_is_waited_for_on_every_request()
    {
        await using var upstream = new ScriptedUpstream(_ => ScriptedUpstream.Length("ok"));
        var gate = new SwitchableGate(AllowListGate.Parse([upstream.Authority]), delay: TimeSpan.FromMilliseconds(20));
        await using var proxy = new ProxyHarness(gate);
        await using var stream = await proxy.ConnectAsync();
        var a = upstream.Authority;

        for (var i = 0; i < 3; i++) Assert.Equal("ok", (await RawHttp.SendAsync(stream, $"GET http://{a}/x HTTP/1.1\r\nHost: {a}\r\n\r\n")).Text);

        Assert.Equal(3, gate.Questions);
        Assert.Equal(3, (await Eventually.GetAsync(() => proxy.Decisions() is { Count: 3 } d ? d : null)).Count);
    }

    [Fact]
    public async Task An_upstream_that_closed_while_idle_is_replaced_and_the_request_retried()
    {
        await using var upstream = new ScriptedUpstream(_ => ScriptedUpstream.Length("ok"), closeAfterEach: true);
        await using var proxy = ProxyHarness.Allow(upstream.Authority);
        await using var stream = await proxy.ConnectAsync();
        var a = upstream.Authority;

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("ok", (await RawHttp.SendAsync(stream, $"GET http://{a}/x HTTP/1.1\r\nHost: {a}\r\n\r\n")).Text);
            // The upstream's end of stream reaches the proxy before the next request does.
            await Task.Delay(50);
        }

        Assert.Equal(3, upstream.Connections);
        Assert.Equal(3, (await Eventually.GetAsync(() => proxy.Decisions() is { Count: 3 } d ? d : null)).Count);
    }

    [Fact]
    public async Task A_name_is_resolved_and_checked_on_every_request()
    {
        await using var upstream = new ScriptedUpstream(_ => ScriptedUpstream.Length("ok"));
        var map = new Dictionary<string, System.Net.IPAddress[]> { ["api.example"] = [System.Net.IPAddress.Loopback] };
        var resolver = new TestResolver(map);
        // The rule names the address, so the loopback answer is allowed for it.
        await using var proxy = ProxyHarness.Allow(resolver, $"api.example:{upstream.Port}");
        await using var stream = await proxy.ConnectAsync();
        var a = $"api.example:{upstream.Port}";

        var first = await RawHttp.SendAsync(stream, $"GET http://{a}/x HTTP/1.1\r\nHost: {a}\r\n\r\n");

        // A name rule never opens loopback: refused, and resolved for this request.
        Assert.Equal(403, first.Status);
        Assert.StartsWith("internal-address", first.Header("X-Smooth-Denied"));
        Assert.Single(resolver.Lookups);
        Assert.Empty(upstream.Requests);
    }

    [Fact]
    public async Task A_head_beyond_the_limit_after_fast_requests_gets_431()
    {
        await using var upstream = new ScriptedUpstream(_ => ScriptedUpstream.Length("ok"));
        await using var proxy = ProxyHarness.Allow(upstream.Authority);
        await using var stream = await proxy.ConnectAsync();
        var a = upstream.Authority;

        Assert.Equal("ok", (await RawHttp.SendAsync(stream, $"GET http://{a}/x HTTP/1.1\r\nHost: {a}\r\n\r\n")).Text);
        var huge = await RawHttp.SendAsync(stream, $"GET http://{a}/x HTTP/1.1\r\nHost: {a}\r\nX-Big: {new string('b', 70_000)}\r\n\r\n");

        Assert.Equal(431, huge.Status);
        Assert.Single(upstream.Requests);
    }
}
