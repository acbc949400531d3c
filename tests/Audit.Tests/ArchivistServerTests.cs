using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Smooth.Audit.Scribe;
using Smooth.Audit.Server;
using Smooth.Audit.Store;
using Smooth.Core.Events;
using Smooth.Core.Net;
using Smooth.TestSupport;

namespace Smooth.Audit.Tests;

public sealed class ArchivistServerTests
{
    private const string Token = "test-token-0123456789abcdef";

    private static HttpClient Client(Uri address, string? token = Token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<List<(long Id, string Data)>> ReadSseAsync(HttpClient client, string path, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var frames = new List<(long, string)>();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        long id = 0;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("id: ")) id = long.Parse(line[4..]);
            else if (line.StartsWith("data: ")) frames.Add((id, line[6..]));
        }
        return frames;
    }

    [Fact]
    public async Task Events_stream_resumes_after_Last_Event_ID()
    {
        using var dir = new TempDir();
        await using var store = await AuditStore.OpenAsync(dir.Combine(".smooth"), default);
        await store.AppendAsync(Enumerable.Range(1, 6).Select(i => SmoothEvent.Create("run.step", "test", new Dictionary<string, string> { ["n"] = $"{i}" })).ToList(), default);
        await using var server = await ArchivistServer.StartAsync(store, new ArchivistOptions { Port = 0, Token = Token }, default);
        using var client = Client(server.Address!);

        var all = await ReadSseAsync(client, "/events?follow=false");
        Assert.Equal([1L, 2, 3, 4, 5, 6], all.Select(f => f.Id));

        var resumed = await ReadSseAsync(client, "/events?follow=false", lastEventId: "4");
        Assert.Equal([5L, 6], resumed.Select(f => f.Id));
        Assert.Contains("\"n\":\"5\"", resumed[0].Data);
    }

    [Fact]
    public async Task Follow_stream_delivers_events_appended_later_by_a_remote_scribe()
    {
        using var dir = new TempDir();
        await using var store = await AuditStore.OpenAsync(dir.Combine(".smooth"), default);
        var socket = dir.Combine("archivist.sock");
        await using var server = await ArchivistServer.StartAsync(store, new ArchivistOptions { Port = 0, UnixSocket = socket, Token = Token }, default);

        // The Scribe of "another process" reaches the Archivist over its Unix socket.
        using var unixClient = UnixSocketHttp.CreateClient(socket);
        unixClient.BaseAddress = new Uri("http://archivist");

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var follower = Client(server.Address!);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/events");
        using var response = await follower.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));

        await using (var scribe = new ScribeSink(new HttpForwarder(unixClient, Token)))
        {
            for (var i = 0; i < 50; i++) scribe.Emit(SmoothEvent.Create("egress.decision", "egress", new Dictionary<string, string> { ["i"] = $"{i}" }));
            await scribe.FlushAsync(cts.Token);
        }

        var ids = new List<long>();
        while (ids.Count < 50 && await reader.ReadLineAsync(cts.Token) is { } line)
        {
            if (line.StartsWith("id: ")) ids.Add(long.Parse(line[4..]));
        }
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), ids);
        Assert.True((await store.VerifyAsync(default)).Ok);
    }

    [Fact]
    public async Task Requests_without_the_token_or_from_another_origin_are_refused()
    {
        using var dir = new TempDir();
        await using var store = await AuditStore.OpenAsync(dir.Combine(".smooth"), default);
        await store.AppendAsync([SmoothEvent.Create("secret.ish", "test")], default);
        await using var server = await ArchivistServer.StartAsync(store, new ArchivistOptions { Port = 0, Token = Token }, default);

        using var anonymous = Client(server.Address!, token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/events?follow=false")).StatusCode);

        using var wrong = Client(server.Address!, token: "not-the-token-xxxxxxxx");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/verify")).StatusCode);

        using var browser = Client(server.Address!);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/events?follow=false");
        request.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.SendAsync(request)).StatusCode);
    }
}
