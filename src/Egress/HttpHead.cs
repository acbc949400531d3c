using System.Globalization;
using System.Text;

namespace Smooth.Egress;

/// <summary>
/// A parsed HTTP/1.x request or response head: the three parts of the start line and the header fields in order.
/// Fields are kept as ranges of the decoded head text, so parsing allocates the text, the start-line parts and one
/// range array, not a string per line and field.
/// </summary>
internal sealed class HttpHead
{
    private readonly string _text;
    private readonly Field[] _fields;

    private HttpHead(string text, string part1, string part2, string part3, Field[] fields)
    {
        _text = text;
        Part1 = part1;
        Part2 = part2;
        Part3 = part3;
        _fields = fields;
    }

    /// <summary>Method (request) or version (response).</summary>
    public string Part1 { get; }

    /// <summary>Target (request) or status code (response).</summary>
    public string Part2 { get; }

    /// <summary>Version (request) or reason phrase (response).</summary>
    public string Part3 { get; }

    /// <summary>How many header fields there are.</summary>
    public int Count => _fields.Length;

    /// <summary>The name of field <paramref name="i"/> as received.</summary>
    public ReadOnlySpan<char> Name(int i) => _text.AsSpan(_fields[i].NameStart, _fields[i].NameLength);

    /// <summary>The value of field <paramref name="i"/>, without surrounding spaces and tabs.</summary>
    public ReadOnlySpan<char> Value(int i) => _text.AsSpan(_fields[i].ValueStart, _fields[i].ValueLength);

    /// <summary>Header fields in order; names as received.</summary>
    public IEnumerable<KeyValuePair<string, string>> Headers
    {
        get
        {
            for (var i = 0; i < _fields.Length; i++) yield return new(Name(i).ToString(), Value(i).ToString());
        }
    }

    /// <summary>Parses a head ending in CRLFCRLF. Rejects obsolete line folding and malformed fields (smuggling vectors).</summary>
    public static HttpHead Parse(ReadOnlySpan<byte> head, bool isRequest)
    {
        var text = Encoding.Latin1.GetString(head[..^4]);
        var all = text.AsSpan();
        var startEnd = all.IndexOf("\r\n");
        var start = startEnd < 0 ? all : all[..startEnd];
        var sp1 = start.IndexOf(' ');
        var sp2 = sp1 < 0 ? -1 : start[(sp1 + 1)..].IndexOf(' ');
        if (sp2 >= 0) sp2 += sp1 + 1;
        if (sp1 <= 0 || (isRequest && (sp2 < 0 || start[(sp2 + 1)..].Contains(' '))))
        {
            throw new HttpProtocolException(400, "malformed start line");
        }
        string p1 = start[..sp1].ToString(), p2, p3;
        if (sp2 < 0)
        {
            p2 = start[(sp1 + 1)..].ToString();
            p3 = string.Empty;
        }
        else
        {
            p2 = start[(sp1 + 1)..sp2].ToString();
            p3 = start[(sp2 + 1)..].ToString();
        }
        var version = isRequest ? p3 : p1;
        if (version is not ("HTTP/1.1" or "HTTP/1.0"))
        {
            throw new HttpProtocolException(isRequest ? 505 : 502, $"unsupported HTTP version '{version}'");
        }

        var fields = startEnd < 0 ? [] : new Field[all[startEnd..].Count("\r\n")];
        var pos = startEnd < 0 ? all.Length : startEnd + 2;
        for (var f = 0; f < fields.Length; f++)
        {
            var lineEnd = all[pos..].IndexOf("\r\n");
            var line = lineEnd < 0 ? all[pos..] : all.Slice(pos, lineEnd);
            var colon = line.IndexOf(':');
            if (colon <= 0 || line[0] is ' ' or '\t')
            {
                throw new HttpProtocolException(400, "malformed header field");
            }
            foreach (var c in line[..colon])
            {
                if (c <= ' ' || c >= 0x7f || c is '(' or ')' or ',' or '/' or ':' or ';' or '<' or '=' or '>' or '?' or '@' or '[' or '\\' or ']' or '{' or '}' or '"')
                {
                    throw new HttpProtocolException(400, "malformed header name");
                }
            }
            var raw = line[(colon + 1)..];
            var value = raw.Trim(" \t");
            if (value.IndexOfAny('\r', '\n', '\0') >= 0) throw new HttpProtocolException(400, "malformed header value");
            var valueStart = pos + colon + 1 + (raw.Length - raw.TrimStart(" \t").Length);
            fields[f] = new Field(pos, colon, valueStart, value.Length);
            pos += line.Length + 2;
        }
        return new HttpHead(text, p1, p2, p3, fields);
    }

    /// <summary>How many fields are named <paramref name="name"/> (case-insensitive); <paramref name="first"/> is the first one's value.</summary>
    public int Find(string name, out ReadOnlySpan<char> first)
    {
        first = default;
        var count = 0;
        for (var i = 0; i < _fields.Length; i++)
        {
            if (!Name(i).Equals(name, StringComparison.OrdinalIgnoreCase)) continue;
            if (count++ == 0) first = Value(i);
        }
        return count;
    }

    /// <summary>The only value of <paramref name="name"/>, null when absent; throws when repeated with different values.</summary>
    public string? Single(string name)
    {
        var found = -1;
        for (var i = 0; i < _fields.Length; i++)
        {
            if (!Name(i).Equals(name, StringComparison.OrdinalIgnoreCase)) continue;
            if (found >= 0 && !Value(found).SequenceEqual(Value(i))) throw new HttpProtocolException(400, $"conflicting {name} headers");
            found = i;
        }
        return found < 0 ? null : Value(found).ToString();
    }

    /// <summary>True when a comma-separated header (Connection, Transfer-Encoding) contains <paramref name="token"/>.</summary>
    public bool HasToken(string name, string token)
    {
        for (var i = 0; i < _fields.Length; i++)
        {
            if (!Name(i).Equals(name, StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var range in Value(i).Split(','))
            {
                if (Value(i)[range].Trim().Equals(token, StringComparison.OrdinalIgnoreCase)) return true;
            }
        }
        return false;
    }

    /// <summary>How the body is framed, per RFC 9112 section 6; rejects ambiguous framing.</summary>
    public BodyFraming Framing(bool isRequest, out long contentLength)
    {
        contentLength = 0;
        var transferEncodings = 0;
        ReadOnlySpan<char> lastCoding = default;
        for (var i = 0; i < _fields.Length; i++)
        {
            if (!Name(i).Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)) continue;
            transferEncodings++;
            var value = Value(i);
            foreach (var range in value.Split(','))
            {
                var coding = value[range].Trim();
                if (coding.Length > 0) lastCoding = coding;
            }
        }
        var cl = Single("Content-Length");
        if (transferEncodings > 0)
        {
            if (cl is not null) throw new HttpProtocolException(400, "both Transfer-Encoding and Content-Length");
            if (lastCoding.Equals("chunked", StringComparison.OrdinalIgnoreCase)) return BodyFraming.Chunked;
            if (isRequest) throw new HttpProtocolException(400, "request Transfer-Encoding must end in chunked");
            return BodyFraming.UntilClose;
        }
        if (cl is not null)
        {
            if (!long.TryParse(cl, NumberStyles.None, CultureInfo.InvariantCulture, out contentLength))
            {
                throw new HttpProtocolException(400, "malformed Content-Length");
            }
            return BodyFraming.Length;
        }
        return isRequest ? BodyFraming.None : BodyFraming.UntilClose;
    }

    private readonly record struct Field(int NameStart, int NameLength, int ValueStart, int ValueLength);
}
