using System.Buffers;
using System.Text;

namespace Smooth.Surveillance.Scanning;

/// <summary>
/// Hex, C-style hex-escaped and percent-encoded runs that decode to text (a word gap included). Lockfiles, logs and
/// URLs are full of hashes and escapes that decode to bytes or a word or two; those are told apart without
/// allocating, and only a run that decodes to text becomes a string.
/// </summary>
internal static class EncodedRun
{
    /// <summary>Hex digits a run needs (20 bytes: a hash of 160 bits is no sentence).</summary>
    public const int MinHexDigits = 40;

    /// <summary>Escapes a percent-encoded run needs.</summary>
    public const int MinPercentEscapes = 6;

    /// <summary>Escapes a run of C-style hex escapes (<c>\x69\x6e</c>, as strace -xx and debuggers print strings) needs.</summary>
    public const int MinEscapedHex = 8;

    // Decoded runs longer than this are rented rather than put on the stack.
    private const int StackBytes = 512;

    /// <summary>Where the run of hex digits from <paramref name="at"/> ends (at most <paramref name="to"/>).</summary>
    public static int HexEnd(string text, int at, int to)
    {
        var end = at;
        while (end < to && char.IsAsciiHexDigit(text[end])) end++;
        return end;
    }

    /// <summary>The text the hex run <paramref name="at"/>..<paramref name="end"/> decodes to, or null.</summary>
    public static string? DecodeHex(string text, int at, int end)
    {
        var length = end - at;
        if (length < MinHexDigits || length % 2 != 0) return null;
        var rented = length / 2 > StackBytes ? ArrayPool<byte>.Shared.Rent(length / 2) : null;
        try
        {
            var bytes = rented is null ? stackalloc byte[length / 2] : rented.AsSpan(0, length / 2);
            Convert.FromHexString(text.AsSpan(at, length), bytes, out _, out _);
            return Printable(bytes);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Where the percent-encoded run from <paramref name="at"/> ends: %XX escapes and URL characters, at most to <paramref name="to"/>.</summary>
    public static int PercentEnd(string text, int at, int to)
    {
        var end = at;
        while (end < to)
        {
            if (IsEscape(text, end, to)) end += 3;
            else if (IsPlain(text[end])) end++;
            else break;
        }
        return end;
    }

    /// <summary>The text the percent-encoded run <paramref name="at"/>..<paramref name="end"/> decodes to, or null.</summary>
    public static string? DecodePercent(string text, int at, int end)
    {
        var escapes = 0;
        var length = 0;
        for (var i = at; i < end; length++)
        {
            if (IsEscape(text, i, end))
            {
                escapes++;
                i += 3;
            }
            else i++;
        }
        if (escapes < MinPercentEscapes) return null;
        var rented = length > StackBytes ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            var bytes = rented is null ? stackalloc byte[length] : rented.AsSpan(0, length);
            var n = 0;
            for (var i = at; i < end; n++)
            {
                if (IsEscape(text, i, end))
                {
                    bytes[n] = (byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2]));
                    i += 3;
                }
                else
                {
                    bytes[n] = (byte)(text[i] == '+' ? ' ' : text[i]);
                    i++;
                }
            }
            return Printable(bytes);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Where the run of <c>\xHH</c> escapes from <paramref name="at"/> ends (at most <paramref name="to"/>).</summary>
    public static int EscapedHexEnd(string text, int at, int to)
    {
        var end = at;
        while (IsHexEscape(text, end, to)) end += 4;
        return end;
    }

    /// <summary>The text the run of <c>\xHH</c> escapes <paramref name="at"/>..<paramref name="end"/> decodes to, or null.</summary>
    public static string? DecodeEscapedHex(string text, int at, int end)
    {
        var count = (end - at) / 4;
        if (count < MinEscapedHex) return null;
        var rented = count > StackBytes ? ArrayPool<byte>.Shared.Rent(count) : null;
        try
        {
            var bytes = rented is null ? stackalloc byte[count] : rented.AsSpan(0, count);
            for (var k = 0; k < count; k++)
            {
                var p = at + 4 * k;
                bytes[k] = (byte)((HexValue(text[p + 2]) << 4) | HexValue(text[p + 3]));
            }
            return Printable(bytes);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static bool IsHexEscape(string text, int at, int to) =>
        at + 3 < to && text[at] == '\\' && text[at + 1] == 'x' && char.IsAsciiHexDigit(text[at + 2]) && char.IsAsciiHexDigit(text[at + 3]);

    private static bool IsEscape(string text, int at, int to) =>
        text[at] == '%' && at + 2 < to && char.IsAsciiHexDigit(text[at + 1]) && char.IsAsciiHexDigit(text[at + 2]);

    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '~' or '+';

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    // Valid UTF-8 with a space, at least 95 % of it printable (newlines and tabs count as printable).
    private static string? Printable(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.Contains((byte)' ') || !System.Text.Unicode.Utf8.IsValid(bytes)) return null;
        var decoded = Encoding.UTF8.GetString(bytes);
        var printable = 0;
        foreach (var c in decoded)
        {
            if (!char.IsControl(c) || c is '\n' or '\t') printable++;
        }
        return printable >= decoded.Length * 0.95 ? decoded : null;
    }
}
