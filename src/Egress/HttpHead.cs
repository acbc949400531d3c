using System.Text;

namespace Smooth.Egress;

/// <summary>A parsed HTTP/1.x request or response head: the three parts of the start line and the header fields in order.</summary>
internal sealed class HttpHead
{
    private HttpHead(string part1, string part2, string part3, List<KeyValuePair<string, string>> headers)
    {
        Part1 = part1;
        Part2 = part2;
        Part3 = part3;
        Headers = headers;
    }

    /// <summary>Method (request) or version (response).</summary>
    public string Part1 { get; }

    /// <summary>Target (request) or status code (response).</summary>
    public string Part2 { get; }

    /// <summary>Version (request) or reason phrase (response).</summary>
    public string Part3 { get; }

    /// <summary>Header fields in order; names as received.</summary>
    public List<KeyValuePair<string, string>> Headers { get; }

    /// <summary>Parses a head ending in CRLFCRLF. Rejects obsolete line folding and malformed fields (smuggling vectors).</summary>
    public static HttpHead Parse(ReadOnlySpan<byte> head, bool isRequest)
    {
        var text = Encoding.Latin1.GetString(head[..^4]);
        var lines = text.Split("\r\n");
        var start = lines[0];
        var sp1 = start.IndexOf(' ');
        var sp2 = sp1 < 0 ? -1 : start.IndexOf(' ', sp1 + 1);
        if (sp1 <= 0 || (isRequest && (sp2 < 0 || start.IndexOf(' ', sp2 + 1) >= 0)))
        {
            throw new HttpProtocolException(400, "malformed start line");
        }
        string p1 = start[..sp1], p2, p3;
        if (sp2 < 0)
        {
            p2 = start[(sp1 + 1)..];
            p3 = string.Empty;
        }
        else
        {
            p2 = start[(sp1 + 1)..sp2];
            p3 = start[(sp2 + 1)..];
        }
        var version = isRequest ? p3 : p1;
        if (version is not ("HTTP/1.1" or "HTTP/1.0"))
        {
            throw new HttpProtocolException(isRequest ? 505 : 502, $"unsupported HTTP version '{version}'");
        }

        var headers = new List<KeyValuePair<string, string>>(lines.Length - 1);
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            var colon = line.IndexOf(':');
            if (colon <= 0 || line[0] is ' ' or '\t')
            {
                throw new HttpProtocolException(400, "malformed header field");
            }
            var name = line[..colon];
            foreach (var c in name)
            {
                if (c <= ' ' || c >= 0x7f || c is '(' or ')' or ',' or '/' or ':' or ';' or '<' or '=' or '>' or '?' or '@' or '[' or '\\' or ']' or '{' or '}' or '"')
                {
                    throw new HttpProtocolException(400, "malformed header name");
                }
            }
            var value = line[(colon + 1)..].Trim(' ', '\t');
            if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0) throw new HttpProtocolException(400, "malformed header value");
            headers.Add(new(name, value));
        }
        return new HttpHead(p1, p2, p3, headers);
    }

    /// <summary>All values of <paramref name="name"/> (case-insensitive).</summary>
    public IEnumerable<string> All(string name) =>
        Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    /// <summary>The only value of <paramref name="name"/>, null when absent; throws when repeated with different values.</summary>
    public string? Single(string name)
    {
        string? found = null;
        foreach (var v in All(name))
        {
            if (found is not null && found != v) throw new HttpProtocolException(400, $"conflicting {name} headers");
            found = v;
        }
        return found;
    }

    /// <summary>True when a comma-separated header (Connection, Transfer-Encoding) contains <paramref name="token"/>.</summary>
    public bool HasToken(string name, string token) =>
        All(name).SelectMany(v => v.Split(',')).Any(t => t.Trim().Equals(token, StringComparison.OrdinalIgnoreCase));

    /// <summary>How the body is framed, per RFC 9112 section 6; rejects ambiguous framing.</summary>
    public BodyFraming Framing(bool isRequest, out long contentLength)
    {
        contentLength = 0;
        var te = All("Transfer-Encoding").ToList();
        var cl = Single("Content-Length");
        if (te.Count > 0)
        {
            if (cl is not null) throw new HttpProtocolException(400, "both Transfer-Encoding and Content-Length");
            var codings = te.SelectMany(v => v.Split(',')).Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
            if (codings.Count > 0 && codings[^1].Equals("chunked", StringComparison.OrdinalIgnoreCase)) return BodyFraming.Chunked;
            if (isRequest) throw new HttpProtocolException(400, "request Transfer-Encoding must end in chunked");
            return BodyFraming.UntilClose;
        }
        if (cl is not null)
        {
            if (!long.TryParse(cl, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out contentLength))
            {
                throw new HttpProtocolException(400, "malformed Content-Length");
            }
            return BodyFraming.Length;
        }
        return isRequest ? BodyFraming.None : BodyFraming.UntilClose;
    }
}
