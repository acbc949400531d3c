using System.Globalization;
using Smooth.Core.Events;

namespace Smooth.Egress;

/// <summary>Builds the <c>egress.decision</c> events: one per CONNECT tunnel or plain HTTP request, allowed or denied.</summary>
public static class EgressEvents
{
    /// <summary>The event type.</summary>
    public const string DecisionType = "egress.decision";

    /// <summary>The source name.</summary>
    public const string Source = "egress";

    /// <summary>
    /// Creates a decision event. <paramref name="request"/> carries no query string and no headers, so no credential
    /// that a tool put in a URL or an Authorization header can reach the audit log.
    /// </summary>
    public static SmoothEvent Decision(EgressRequest request, bool allowed, string code, string reason, string? rule,
        string? address, int? status, long bytesIn, long bytesOut, TimeSpan elapsed, string? client)
    {
        var a = new Dictionary<string, string>(16)
        {
            ["decision"] = allowed ? "allow" : "deny",
            ["code"] = code,
            ["scheme"] = request.Scheme,
            ["host"] = request.Host,
            ["port"] = request.Port.ToString(CultureInfo.InvariantCulture),
            ["reason"] = reason,
            ["bytesIn"] = bytesIn.ToString(CultureInfo.InvariantCulture),
            ["bytesOut"] = bytesOut.ToString(CultureInfo.InvariantCulture),
            // Rounded, then the shortest round-trip form: the text "0.###" gives, without the custom-format path.
            ["durationMs"] = Math.Round(elapsed.TotalMilliseconds, 3).ToString(CultureInfo.InvariantCulture),
        };
        if (request.Method is not null) a["method"] = request.Method;
        if (request.Path is not null) a["path"] = request.Path;
        if (rule is not null) a["rule"] = rule;
        if (address is not null) a["address"] = address;
        if (status is { } s) a["status"] = s.ToString(CultureInfo.InvariantCulture);
        if (client is not null) a["client"] = client;
        return SmoothEvent.Create(DecisionType, Source, a);
    }
}
