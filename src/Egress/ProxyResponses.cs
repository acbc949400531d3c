using System.Globalization;
using System.Text;

namespace Smooth.Egress;

/// <summary>The responses the proxy writes itself: 403 denials that say which rule and how to ask, and plain errors.</summary>
internal static class ProxyResponses
{
    /// <summary>The header naming a denial: <c>code; rule="..."</c>.</summary>
    public const string DeniedHeader = "X-Smooth-Denied";

    /// <summary>The 200 answer to an admitted CONNECT.</summary>
    public static readonly byte[] ConnectEstablished = "HTTP/1.1 200 Connection established\r\n\r\n"u8.ToArray();

    /// <summary>A 403 for a denied request.</summary>
    public static byte[] Denied(string what, string code, string reason, string? rule, string authority)
    {
        var body = new StringBuilder()
            .Append("Smooth egress gate (Goalie) refused ").Append(what).Append('\n')
            .Append("reason: ").Append(reason).Append('\n')
            .Append("rule: ").Append(rule ?? "none (anything not allowed is denied)").Append('\n')
            .Append("to get access: a person on the host can approve the pending request (th access pending, then th access approve <id>),\n")
            .Append("or start the run with the door open: th sandbox run --allow-host ").Append(authority).Append(" ...\n")
            .ToString();
        var header = code + (rule is null ? string.Empty : $"; rule=\"{Clean(rule)}\"");
        return Build(403, "Forbidden", body, (DeniedHeader, header));
    }

    /// <summary>A plain error (400, 502, 504 ...) with a one-line body.</summary>
    public static byte[] Error(int status, string message) =>
        Build(status, Reason(status), $"Smooth egress gate (Goalie): {message}\n", ("X-Smooth-Error", Clean(message)));

    private static byte[] Build(int status, string reason, string body, (string Name, string Value) extra)
    {
        var bodyBytes = Encoding.UTF8.GetBytes(body);
        var head = string.Create(CultureInfo.InvariantCulture,
            $"HTTP/1.1 {status} {reason}\r\nContent-Type: text/plain; charset=utf-8\r\n{extra.Name}: {extra.Value}\r\nContent-Length: {bodyBytes.Length}\r\nConnection: close\r\n\r\n");
        return [.. Encoding.Latin1.GetBytes(head), .. bodyBytes];
    }

    private static string Clean(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value) sb.Append(c is >= ' ' and < (char)0x7f && c != '"' ? c : '_');
        return sb.ToString();
    }

    private static string Reason(int status) => status switch
    {
        400 => "Bad Request",
        403 => "Forbidden",
        431 => "Request Header Fields Too Large",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        _ => "Error",
    };
}
