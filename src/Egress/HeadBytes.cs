using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Smooth.Egress;

/// <summary>
/// Byte-level helpers for the fast path's head scanners: the same field syntax <see cref="HttpHead"/> accepts, checked
/// on the received bytes without decoding them. Anything these helpers doubt is left to <see cref="HttpHead"/>.
/// </summary>
internal static class HeadBytes
{
    // RFC 9110 token characters: what a field name may consist of.
    private static readonly SearchValues<byte> TokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    private static readonly SearchValues<byte> LineBreaksAndNul = SearchValues.Create("\r\n\0"u8);

    /// <summary>
    /// Splits the field line <paramref name="line"/> (without its CRLF) into name and trimmed value; false when the line
    /// is not a field <see cref="HttpHead"/> would accept as it is (folding, a bad name, a bare CR/LF/NUL).
    /// </summary>
    public static bool TrySplitField(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        value = default;
        var colon = line.IndexOf((byte)':');
        name = colon > 0 ? line[..colon] : default;
        if (colon <= 0 || name.IndexOfAnyExcept(TokenChars) >= 0) return false;
        var raw = line[(colon + 1)..];
        if (raw.IndexOfAny(LineBreaksAndNul) >= 0) return false;
        value = raw.Trim(" \t"u8);
        return true;
    }

    /// <summary>True when the comma-separated <paramref name="value"/> holds <paramref name="token"/> (ASCII case-insensitive).</summary>
    public static bool HasToken(ReadOnlySpan<byte> value, ReadOnlySpan<byte> token)
    {
        while (true)
        {
            var comma = value.IndexOf((byte)',');
            var item = (comma < 0 ? value : value[..comma]).Trim(" \t"u8);
            if (Ascii.EqualsIgnoreCase(item, token)) return true;
            if (comma < 0) return false;
            value = value[(comma + 1)..];
        }
    }

    /// <summary>Parses a Content-Length value: plain decimal digits only; false otherwise (the full parser decides).</summary>
    public static bool TryParseLength(ReadOnlySpan<byte> value, out long length)
    {
        length = 0;
        return value.Length is > 0 and <= 15 && value.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
            && Utf8Parser.TryParse(value, out length, out var used) && used == value.Length;
    }
}
