using System.Net;

namespace Smooth.Egress.Tests;

/// <summary>
/// The proxy's resolution cache (<see cref="HostResolutionCache"/>), through a real proxy on its Unix socket and real
/// upstreams on loopback, with <see cref="CountingResolver"/> standing in for the system resolver. No test measures time:
/// the ones about expiry wait well past a short time to live, the others use a long one.
/// </summary>
public sealed class ResolutionCacheTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(1);

    private static string Get(string authority, string path = "/x") => $"GET http://{authority}{path} HTTP/1.1\r\nHost: {authority}\r\n\r\n";

    [Fact]
    public async Task Repeated_requests_within_the_ttl_resolve_the_name_once_on_every_path()
    {
        await using var upstream = new ScriptedUpstream(_ => ScriptedUpstream.Length("ok"));
        var resolver = new CountingResolver(("api.example", "127.0.0.1"));
        var a = $"api.example:{upstream.Port}";
        await using var proxy = new ProxyHarness(FixedGate.NamingAddress(a), resolver, resolutionCacheTtl: Long);

        await using (var stream = await proxy.ConnectAsync())
        {
            // Kept alive: the fast path.
            for (var i = 0; i < 5; i++) Assert.Equal("ok", (await RawHttp.SendAsync(stream, Get(a))).Text);
            // A Host header in another spelling: the asynchronous path.
            var other = await RawHttp.SendAsync(stream, $"GET http://{a}/y HTTP/1.1\r\nHost: API.example:{upstream.Port}\r\n\r\n");
            Assert.Equal("ok", other.Text);
        }
        // Fresh connections, and a CONNECT tunnel.
        for (var i = 0; i < 3; i++) Assert.Equal(200, (await proxy.GetAsync($"http://{a}/z")).Status);
        var (connect, tunnel) = await proxy.ConnectTunnelAsync(a);
        await tunnel.DisposeAsync();

        Assert.Equal(200, connect.Status);
        Assert.Equal(9, upstream.Requests.Count);
        Assert.Equal(1, resolver.Total);
    }

    [Fact]
    public async Task With_a_ttl_of_zero_every_request_resolves()
    {
        await using var upstream = new ScriptedUpstream(_ => ScriptedUpstream.Length("ok"));
        var resolver = new CountingResolver(("api.example", "127.0.0.1"));
        var a = $"api.example:{upstream.Port}";
        await using var proxy = new ProxyHarness(FixedGate.NamingAddress(a), resolver, resolutionCacheTtl: TimeSpan.Zero);
        await using var stream = await proxy.ConnectAsync();

        for (var i = 0; i < 4; i++) Assert.Equal("ok", (await RawHttp.SendAsync(stream, Get(a))).Text);

        Assert.Equal(4, resolver.Total);
        Assert.Same(resolver, proxy.Proxy.Resolver);
    }

    [Fact]
    public async Task After_the_ttl_the_name_is_resolved_again()
    {
        await using var upstream = new ScriptedUpstream(_ => ScriptedUpstream.Length("ok"));
        var resolver = new CountingResolver(("api.example", "127.0.0.1"));
        var a = $"api.example:{upstream.Port}";
        await using var proxy = new ProxyHarness(FixedGate.NamingAddress(a), resolver, resolutionCacheTtl: TimeSpan.FromMilliseconds(200));
        await using var stream = await proxy.ConnectAsync();

        Assert.Equal("ok", (await RawHttp.SendAsync(stream, Get(a))).Text);
        await Task.Delay(600);
        Assert.Equal("ok", (await RawHttp.SendAsync(stream, Get(a))).Text);
        await Task.Delay(600);
        Assert.Equal(200, (await proxy.GetAsync($"http://{a}/x")).Status);

        Assert.Equal(3, resolver.Total);
    }

    [Fact]
    public async Task A_name_rebound_from_a_public_address_to_loopback_is_refused_once_the_ttl_has_passed()
    {
        // The loopback upstream the rebinding aims at.
        await using var upstream = new ScriptedUpstream(_ => ScriptedUpstream.Length("internal secrets"));
        // A public-looking first answer (the unused 6to4 relay anycast prefix). Only tunnels are opened to it, and only
        // their TCP connection is attempted: nothing is sent there.
        var resolver = new CountingResolver(("rebind.example", "192.88.99.1"));
        var a = $"rebind.example:{upstream.Port}";
        await using var proxy = new ProxyHarness(AllowListGate.Parse(["rebind.example:*"]), resolver,
            resolutionCacheTtl: TimeSpan.FromMilliseconds(300), connectTimeout: TimeSpan.FromSeconds(2));

        var (first, firstTunnel) = await proxy.ConnectTunnelAsync(a);
        await firstTunnel.DisposeAsync();
        // Admitted (whatever became of the connection: established, refused or timed out).
        Assert.NotEqual(403, first.Status);
        Assert.Null(first.Header("X-Smooth-Denied"));

        resolver.Answer("rebind.example", "127.0.0.1");
        await Task.Delay(900);
        var (tunnel, secondTunnel) = await proxy.ConnectTunnelAsync(a);
        await secondTunnel.DisposeAsync();
        var plain = await proxy.GetAsync($"http://{a}/x");

        Assert.Equal(403, tunnel.Status);
        Assert.StartsWith("internal-address", tunnel.Header("X-Smooth-Denied"));
        Assert.Equal(403, plain.Status);
        Assert.StartsWith("internal-address", plain.Header("X-Smooth-Denied"));
        Assert.Equal(0, upstream.Connections);
        Assert.Equal(2, resolver.Total);
    }

    [Fact]
    public async Task Concurrent_first_lookups_of_a_name_become_one_resolver_call()
    {
        await using var upstream = new ScriptedUpstream(_ => ScriptedUpstream.Length("ok"));
        var resolver = new CountingResolver(("api.example", "127.0.0.1"));
        var a = $"api.example:{upstream.Port}";
        var gate = FixedGate.NamingAddress(a);
        await using var proxy = new ProxyHarness(gate, resolver, resolutionCacheTtl: Long);
        resolver.Hold();

        var requests = Enumerable.Range(0, 8).Select(_ => proxy.GetAsync($"http://{a}/x")).ToArray();
        // Every request has its gate answer; from there each goes straight to the resolution (no await in between).
        await Eventually.GetAsync(() => gate.Answers == 8 ? "" : null);
        await Task.Delay(200);
        resolver.Release();
        var responses = await Task.WhenAll(requests);

        Assert.All(responses, r => Assert.Equal(200, r.Status));
        Assert.Equal(1, resolver.Total);
    }

    [Fact]
    public async Task A_policy_change_applies_to_the_next_request_while_the_name_is_cached()
    {
        await using var upstream = new ScriptedUpstream(_ => ScriptedUpstream.Length("ok"));
        var resolver = new CountingResolver(("api.example", "127.0.0.1"));
        var a = $"api.example:{upstream.Port}";
        var namesTheAddress = FixedGate.NamingAddress(a);
        // A rule naming the host only: it never opens the loopback address the name resolves to.
        var gate = new SwitchableGate(AllowListGate.Parse([a]));
        await using var proxy = new ProxyHarness(gate, resolver, resolutionCacheTtl: Long);

        var refused = await proxy.GetAsync($"http://{a}/x");
        gate.Switch(namesTheAddress);
        var allowed = await proxy.GetAsync($"http://{a}/x");
        var (tunnel, stream) = await proxy.ConnectTunnelAsync(a);
        await stream.DisposeAsync();
        gate.Switch(AllowListGate.Parse([a]));
        var refusedAgain = await proxy.GetAsync($"http://{a}/x");
        gate.Switch(AllowListGate.Parse(["other.example"]));
        var notAllowed = await proxy.GetAsync($"http://{a}/x");

        Assert.Equal(403, refused.Status);
        Assert.StartsWith("internal-address", refused.Header("X-Smooth-Denied"));
        Assert.Equal(200, allowed.Status);
        Assert.Equal(200, tunnel.Status);
        Assert.Equal(403, refusedAgain.Status);
        Assert.StartsWith("internal-address", refusedAgain.Header("X-Smooth-Denied"));
        Assert.Equal(403, notAllowed.Status);
        Assert.StartsWith("not-allowed", notAllowed.Header("X-Smooth-Denied"));
        Assert.Single(upstream.Requests);
        // All but the last (denied by the gate, so never looked up) used the one cached answer.
        Assert.Equal(1, resolver.Total);
    }

    [Fact]
    public async Task A_policy_change_on_a_kept_alive_connection_applies_while_the_name_is_cached()
    {
        await using var upstream = new ScriptedUpstream(_ => ScriptedUpstream.Length("ok"));
        var resolver = new CountingResolver(("api.example", "127.0.0.1"));
        var a = $"api.example:{upstream.Port}";
        var gate = new SwitchableGate(FixedGate.NamingAddress(a));
        await using var proxy = new ProxyHarness(gate, resolver, resolutionCacheTtl: Long);
        await using var stream = await proxy.ConnectAsync();

        var first = await RawHttp.SendAsync(stream, Get(a));
        gate.Switch(AllowListGate.Parse([a]));
        var second = await RawHttp.SendAsync(stream, Get(a));

        Assert.Equal("ok", first.Text);
        Assert.Equal(403, second.Status);
        Assert.StartsWith("internal-address", second.Header("X-Smooth-Denied"));
        Assert.Single(upstream.Requests);
        Assert.Equal(1, resolver.Total);
    }

    [Fact]
    public async Task A_kept_alive_upstream_is_not_reused_once_the_name_resolves_to_another_address()
    {
        // Listens on 127.0.0.1 only: nothing answers on 127.0.0.2.
        await using var upstream = new ScriptedUpstream(_ => ScriptedUpstream.Length("ok"));
        var resolver = new CountingResolver(("api.example", "127.0.0.1"));
        var a = $"api.example:{upstream.Port}";
        await using var proxy = new ProxyHarness(FixedGate.NamingAddress(a), resolver, resolutionCacheTtl: TimeSpan.FromMilliseconds(200));
        await using var stream = await proxy.ConnectAsync();

        var first = await RawHttp.SendAsync(stream, Get(a));
        resolver.Answer("api.example", "127.0.0.2");
        await Task.Delay(600);
        // The connection to 127.0.0.1 is still open, but that address is not among the ones just classified.
        var second = await RawHttp.SendAsync(stream, Get(a));

        Assert.Equal("ok", first.Text);
        Assert.Equal(502, second.Status);
        Assert.Single(upstream.Requests);
        Assert.Equal(1, upstream.Connections);
        Assert.Equal(2, resolver.Total);
    }

    [Fact]
    public async Task Failed_lookups_are_not_cached()
    {
        await using var upstream = new ScriptedUpstream(_ => ScriptedUpstream.Length("ok"));
        var resolver = new CountingResolver();
        var a = $"new.example:{upstream.Port}";
        await using var proxy = new ProxyHarness(FixedGate.NamingAddress(a), resolver, resolutionCacheTtl: Long);

        var first = await proxy.GetAsync($"http://{a}/x");
        var second = await proxy.GetAsync($"http://{a}/x");
        // The name comes into existence: the very next request sees it.
        resolver.Answer("new.example", "127.0.0.1");
        var third = await proxy.GetAsync($"http://{a}/x");
        var fourth = await proxy.GetAsync($"http://{a}/x");

        Assert.Equal(502, first.Status);
        Assert.Equal(502, second.Status);
        Assert.Equal(200, third.Status);
        Assert.Equal(200, fourth.Status);
        Assert.Equal(3, resolver.Total);
    }

    [Fact]
    public async Task The_cache_keeps_at_most_its_capacity_and_drops_the_least_recently_used_name()
    {
        await using var upstream = new ScriptedUpstream(_ => ScriptedUpstream.Length("ok"));
        var names = Enumerable.Range(0, 20).Select(i => $"n{i}.example").ToArray();
        var resolver = new CountingResolver(names.Select(n => (n, "127.0.0.1")).ToArray());
        await using var proxy = new ProxyHarness(FixedGate.NamingAddress("*"), resolver, resolutionCacheTtl: Long, resolutionCacheCapacity: 2);
        var cache = Assert.IsType<HostResolutionCache>(proxy.Proxy.Resolver);
        await using var stream = await proxy.ConnectAsync();
        async Task GetAsync(string name) => Assert.Equal("ok", (await RawHttp.SendAsync(stream, Get($"{name}:{upstream.Port}"))).Text);

        await GetAsync("n0.example");
        await GetAsync("n1.example");
        await GetAsync("n0.example"); // n0 is now the most recently used
        await GetAsync("n2.example"); // evicts n1
        await GetAsync("n0.example"); // still held
        await GetAsync("n1.example"); // resolved again, evicts n2
        foreach (var name in names) await GetAsync(name);

        // Capacity 2, most recent first: [n0] [n1 n0] [n0 n1] [n2 n0] [n0 n2] [n1 n0], then the sweep hits n0 and n1,
        // and every later name evicts the oldest.
        Assert.Equal(1, resolver.Calls("n0.example"));
        Assert.Equal(2, resolver.Calls("n1.example"));
        Assert.Equal(2, resolver.Calls("n2.example"));
        Assert.Equal(1, resolver.Calls("n5.example"));
        Assert.Equal(2, cache.Count);
    }

    [Theory]
    [InlineData(-1, 1024)]
    [InlineData(61_000, 1024)]
    [InlineData(5_000, 0)]
    public void Out_of_range_cache_options_are_refused(int ttlMilliseconds, int capacity)
    {
        using var dir = new Smooth.TestSupport.TempDir("smooth-egress");
        var options = new EgressProxyOptions
        {
            SocketPath = dir.Combine("egress.sock"),
            ResolutionCacheTtl = TimeSpan.FromMilliseconds(ttlMilliseconds),
            ResolutionCacheCapacity = capacity,
        };

        Assert.Throws<ArgumentOutOfRangeException>(() => new EgressProxy(AllowListGate.Parse([]), new Smooth.Core.Events.EventRing(), options));
    }

    [Fact]
    public async Task Names_are_keyed_case_insensitively_without_a_trailing_dot_and_resolved_in_that_form()
    {
        var resolver = new CountingResolver(("api.example", "192.88.99.1"));
        var cache = new HostResolutionCache(resolver, Long, 16);

        var first = await cache.ResolveAsync("Api.EXAMPLE.", CancellationToken.None);
        var second = await cache.ResolveAsync("api.example", CancellationToken.None);

        Assert.Equal([IPAddress.Parse("192.88.99.1")], first);
        Assert.Same(first, second);
        Assert.Equal(["api.example"], resolver.Lookups);
    }

    [Fact]
    public async Task One_waiter_giving_up_does_not_fail_the_others_and_the_last_one_cancels_the_lookup()
    {
        var resolver = new CountingResolver(("api.example", "192.88.99.1"));
        var cache = new HostResolutionCache(resolver, Long, 16);
        resolver.Hold();
        using var impatient = new CancellationTokenSource();

        var patient = cache.ResolveAsync("api.example", CancellationToken.None).AsTask();
        var leaving = cache.ResolveAsync("api.example", impatient.Token).AsTask();
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        resolver.Release();
        var answer = await patient;

        Assert.Equal([IPAddress.Parse("192.88.99.1")], answer);
        Assert.Equal(1, resolver.Total);

        // Everybody gives up: the lookup is abandoned (not cached), and the next request asks again.
        resolver.Hold();
        using var all = new CancellationTokenSource();
        var uncached = new HostResolutionCache(resolver, Long, 16);
        var abandoned = uncached.ResolveAsync("api.example", all.Token).AsTask();
        await all.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Equal(0, uncached.InFlight);
        resolver.Release();
        Assert.Equal([IPAddress.Parse("192.88.99.1")], await uncached.ResolveAsync("api.example", CancellationToken.None));
        Assert.Equal(3, resolver.Total);
    }
}
