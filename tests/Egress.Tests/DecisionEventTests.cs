using System.Globalization;

namespace Smooth.Egress.Tests;

/// <summary>The decision event's attributes read exactly as the dictionary they were built as before.</summary>
public sealed class DecisionEventTests
{
    [Fact]
    public void Attributes_have_the_same_keys_values_and_order_as_before_and_leave_out_what_is_absent()
    {
        var request = new EgressRequest("api.example", 8080, "http", "GET", "/v1/items", null);

        var e = EgressEvents.Decision(request, true, "allowed", "allowed by rule 'api.example:8080'", "api.example:8080",
            "203.0.113.7", 200, 1234, 567, TimeSpan.FromTicks(12_345_678), "run-1");
        var denied = EgressEvents.Decision(new EgressRequest("x.example", 443, "connect", null, null, null), false, "not-allowed",
            "no rule allows host x.example:443", null, null, 403, 0, 0, TimeSpan.Zero, null);

        Assert.Equal(
            ["decision", "code", "scheme", "host", "port", "reason", "bytesIn", "bytesOut", "durationMs", "method", "path", "rule", "address", "status", "client"],
            e.Attributes.Keys);
        Assert.Equal("8080", e.Attributes["port"]);
        Assert.Equal("1234", e.Attributes["bytesIn"]);
        Assert.Equal("567", e.Attributes["bytesOut"]);
        Assert.Equal("1234.568", e.Attributes["durationMs"]);
        Assert.Equal("200", e.Attributes["status"]);
        Assert.Equal(15, e.Attributes.Count);
        Assert.Equal(10, denied.Attributes.Count);
        Assert.False(denied.Attributes.ContainsKey("method"));
        Assert.False(denied.Attributes.TryGetValue("rule", out _));
        Assert.Throws<KeyNotFoundException>(() => denied.Attributes["address"]);
        Assert.Equal("0", denied.Attributes["durationMs"]);
        Assert.Equal(e.Attributes.ToDictionary(), new Dictionary<string, string>(e.Attributes));
    }

    [Fact]
    public void Durations_read_as_the_milliseconds_rounded_to_three_decimals_always_did()
    {
        var random = new Random(20261201);
        var ticks = new List<long> { 0, 1, 4, 5, 6, 9, 10, 14, 15, 16, 100, 1000, 9999, 10_000, 10_005, 12_345, 99_999_995, long.MaxValue / 4 };
        for (var i = 0; i < 100_000; i++) ticks.Add(random.NextInt64(0, i % 2 == 0 ? 1_000_000 : 100_000_000_000));
        foreach (var t in ticks)
        {
            var elapsed = TimeSpan.FromTicks(t);
            Assert.Equal(Math.Round(elapsed.TotalMilliseconds, 3).ToString(CultureInfo.InvariantCulture), EgressEvents.Milliseconds(elapsed));
        }
    }
}
