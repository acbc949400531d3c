using System.Text.RegularExpressions;

namespace Smooth.Credentials;

/// <summary>
/// Masks credential-shaped text (GitHub, AWS, Google, bearer tokens, long opaque strings) in anything that may be
/// shown or logged. A second line of defence: events and errors are built without secrets in the first place.
/// </summary>
public static partial class SecretRedactor
{
    /// <summary>The replacement text.</summary>
    public const string Mask = "[REDACTED]";

    /// <summary>Returns <paramref name="text"/> with credential-shaped substrings replaced by <see cref="Mask"/>.</summary>
    public static string Redact(string text) => TokenShapes().Replace(text, Mask);

    [GeneratedRegex(@"(gh[pousr]_[A-Za-z0-9_]{16,}|github_pat_[A-Za-z0-9_]{20,}|(AKIA|ASIA)[A-Z0-9]{16}|ya29\.[A-Za-z0-9._\-]{10,}|xox[abpr]-[A-Za-z0-9\-]{10,}|(?i:bearer)\s+[A-Za-z0-9._~+/\-]{8,}=*|[A-Za-z0-9+/_\-]{40,}={0,2})")]
    private static partial Regex TokenShapes();
}
