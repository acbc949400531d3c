namespace Smooth.Credentials;

/// <summary>
/// A service URL pattern: <c>scheme://host[:port][/path-prefix]</c> where host may be <c>*.suffix</c>.
/// The path prefix matches whole segments (<c>/org</c> matches <c>/org/repo</c>, not <c>/organisation</c>).
/// </summary>
public sealed class UrlPattern
{
    private UrlPattern(string text, string scheme, string host, bool wildcard, int port, string path)
    {
        Text = text;
        Scheme = scheme;
        Host = host;
        Wildcard = wildcard;
        Port = port;
        PathPrefix = path;
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>Lower-case scheme.</summary>
    public string Scheme { get; }

    /// <summary>Host or wildcard suffix (without <c>*.</c>).</summary>
    public string Host { get; }

    /// <summary>True for <c>*.suffix</c>.</summary>
    public bool Wildcard { get; }

    /// <summary>Port (the scheme's default when not written).</summary>
    public int Port { get; }

    /// <summary>Path prefix without a trailing slash (empty for the whole host).</summary>
    public string PathPrefix { get; }

    /// <summary>Parses a pattern; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static UrlPattern Parse(string text)
    {
        var wildcard = false;
        var probe = text;
        var marker = text.IndexOf("://*.", StringComparison.Ordinal);
        if (marker >= 0)
        {
            wildcard = true;
            probe = text.Remove(marker + 3, 2);
        }
        if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException($"'{text}' is not an http(s)://host[/path] pattern");
        }
        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new FormatException($"'{text}': a pattern has no user, query or fragment part");
        }
        return new UrlPattern(text, uri.Scheme, uri.IdnHost.ToLowerInvariant().TrimEnd('.'), wildcard, uri.Port, uri.AbsolutePath.TrimEnd('/'));
    }

    /// <summary>True when <paramref name="url"/> is covered by this pattern.</summary>
    public bool Matches(Uri url)
    {
        if (!url.Scheme.Equals(Scheme, StringComparison.OrdinalIgnoreCase) || url.Port != Port) return false;
        var host = url.IdnHost.ToLowerInvariant().TrimEnd('.');
        var hostOk = Wildcard ? host.Length > Host.Length && host.EndsWith("." + Host, StringComparison.Ordinal) : host == Host;
        if (!hostOk) return false;
        if (PathPrefix.Length == 0) return true;
        var path = url.AbsolutePath;
        return path.StartsWith(PathPrefix, StringComparison.Ordinal)
            && (path.Length == PathPrefix.Length || path[PathPrefix.Length] == '/');
    }
}
