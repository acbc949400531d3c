using System.Text;

namespace Smooth.Surveillance.Rules;

/// <summary>
/// Expands a rule's <c>sample</c> template into synthetic text, e.g. <c>ghp_{alnum:36}</c>. Tests and the quality
/// corpus use it with a fixed seed, so no realistic-looking credential is ever committed.
/// Placeholders: <c>{alnum:N} {alpha:N} {hex:N} {upalnum:N} {lowalnum:N} {digits:N} {b64:N} {b64url:N} {b32:N}
/// {bech32:N} {uuid} {b64enc:TEXT}</c>.
/// </summary>
public static class SampleTemplate
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";

    /// <summary>Expands <paramref name="template"/> with characters drawn from <paramref name="random"/>.</summary>
    public static string Expand(string template, Random random)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }
            sb.Append(template, i, open - i);
            var close = template.IndexOf('}', open);
            var body = close < 0 ? null : template[(open + 1)..close];
            if (body is null || !TryExpand(body, random, sb))
            {
                sb.Append('{');
                i = open + 1;
                continue;
            }
            i = close + 1;
        }
        return sb.ToString();
    }

    private static bool TryExpand(string body, Random random, StringBuilder sb)
    {
        if (body == "uuid")
        {
            sb.Append(Draw("0123456789abcdef", 8, random)).Append('-').Append(Draw("0123456789abcdef", 4, random)).Append("-4")
              .Append(Draw("0123456789abcdef", 3, random)).Append('-').Append(Draw("89ab", 1, random)).Append(Draw("0123456789abcdef", 3, random))
              .Append('-').Append(Draw("0123456789abcdef", 12, random));
            return true;
        }
        var colon = body.IndexOf(':');
        if (colon < 0) return false;
        var kind = body[..colon];
        var arg = body[(colon + 1)..];
        if (kind == "b64enc")
        {
            sb.Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(arg)));
            return true;
        }
        if (!int.TryParse(arg, out var n) || n is < 0 or > 10_000) return false;
        var alphabet = kind switch
        {
            "alnum" => Upper + Lower + Digits,
            "alpha" => Upper + Lower,
            "hex" => "0123456789abcdef",
            "upalnum" => Upper + Digits,
            "lowalnum" => Lower + Digits,
            "digits" => Digits,
            "b64" => Upper + Lower + Digits + "+/",
            "b64url" => Upper + Lower + Digits + "-_",
            "b32" => Upper + "234567",
            "bech32" => "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L",
            _ => null,
        };
        if (alphabet is null) return false;
        sb.Append(Draw(alphabet, n, random));
        return true;
    }

    private static string Draw(string alphabet, int n, Random random)
    {
        var chars = new char[n];
        for (var i = 0; i < n; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
        return new string(chars);
    }
}
