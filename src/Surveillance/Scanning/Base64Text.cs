using System.Buffers;
using System.Text;

namespace Smooth.Surveillance.Scanning;

/// <summary>
/// Decodes a base64 run to text for the rules that read encoded payloads. Most long base64 runs in a tool result are
/// keys, hashes and binary blobs: those are told apart on the bytes (invalid UTF-8, or mostly control characters)
/// without an exception and without allocating; only a run that decodes to text becomes a string.
/// </summary>
internal static class Base64Text
{
    // Runs longer than this are rented rather than put on the stack.
    private const int StackChars = 1024;

    /// <summary>Decodes standard or URL-safe base64 (padding optional, line breaks and spaces ignored) to text; null when it is not base64 of mostly printable UTF-8.</summary>
    public static string? Decode(ReadOnlySpan<char> value)
    {
        var rentedChars = value.Length + 3 > StackChars ? ArrayPool<char>.Shared.Rent(value.Length + 3) : null;
        var rentedBytes = value.Length > StackChars ? ArrayPool<byte>.Shared.Rent(value.Length) : null;
        try
        {
            var chars = rentedChars is null ? stackalloc char[value.Length + 3] : rentedChars.AsSpan();
            var n = 0;
            foreach (var c in value)
            {
                if (c is '\r' or '\n' or ' ') continue;
                chars[n++] = c switch { '-' => '+', '_' => '/', _ => c };
            }
            while (n > 0 && chars[n - 1] == '=') n--;
            if (n % 4 == 1) n--;
            while (n % 4 != 0) chars[n++] = '=';
            var bytes = rentedBytes is null ? stackalloc byte[value.Length] : rentedBytes.AsSpan();
            if (!Convert.TryFromBase64Chars(chars[..n], bytes, out var written)) return null;
            var decodedBytes = bytes[..written];
            if (!System.Text.Unicode.Utf8.IsValid(decodedBytes)) return null;
            var decoded = Encoding.UTF8.GetString(decodedBytes);
            var printable = 0;
            foreach (var c in decoded)
            {
                if (!char.IsControl(c) || c is '\n' or '\r' or '\t') printable++;
            }
            return printable >= decoded.Length * 0.9 ? decoded : null;
        }
        finally
        {
            if (rentedChars is not null) ArrayPool<char>.Shared.Return(rentedChars);
            if (rentedBytes is not null) ArrayPool<byte>.Shared.Return(rentedBytes);
        }
    }
}
