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
        var a = new DecisionAttributes();
        a[DecisionAttributes.Slot.Decision] = allowed ? "allow" : "deny";
        a[DecisionAttributes.Slot.Code] = code;
        a[DecisionAttributes.Slot.Scheme] = request.Scheme;
        a[DecisionAttributes.Slot.Host] = request.Host;
        a[DecisionAttributes.Slot.Port] = request.Port.ToString(CultureInfo.InvariantCulture);
        a[DecisionAttributes.Slot.Reason] = reason;
        a[DecisionAttributes.Slot.BytesIn] = bytesIn.ToString(CultureInfo.InvariantCulture);
        a[DecisionAttributes.Slot.BytesOut] = bytesOut.ToString(CultureInfo.InvariantCulture);
        a[DecisionAttributes.Slot.DurationMs] = Milliseconds(elapsed);
        a[DecisionAttributes.Slot.Method] = request.Method;
        a[DecisionAttributes.Slot.Path] = request.Path;
        a[DecisionAttributes.Slot.Rule] = rule;
        a[DecisionAttributes.Slot.Address] = address;
        a[DecisionAttributes.Slot.Status] = status?.ToString(CultureInfo.InvariantCulture);
        a[DecisionAttributes.Slot.Client] = client;
        return SmoothEvent.Create(DecisionType, Source, a);
    }

    /// <summary>
    /// Milliseconds rounded to three decimals, as the shortest text that reads back as <c>Math.Round(ms, 3)</c>: whole
    /// microseconds written as a decimal fraction with trailing zeros dropped, which is that text, without the
    /// floating-point formatter.
    /// </summary>
    internal static string Milliseconds(TimeSpan elapsed)
    {
        var ms = elapsed.TotalMilliseconds;
        var micros = Math.Round(ms * 1000);
        if (!(micros is >= 0 and < 1e15)) return Math.Round(ms, 3).ToString(CultureInfo.InvariantCulture);
        var n = (long)micros;
        var fraction = (int)(n % 1000);
        Span<char> text = stackalloc char[24];
        (n / 1000).TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        if (fraction != 0)
        {
            text[length++] = '.';
            text[length++] = (char)('0' + (fraction / 100));
            if (fraction % 100 != 0)
            {
                text[length++] = (char)('0' + (fraction / 10 % 10));
                if (fraction % 10 != 0) text[length++] = (char)('0' + (fraction % 10));
            }
        }
        return new string(text[..length]);
    }
}
