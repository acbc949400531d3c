using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Smooth.Core;

namespace Smooth.Pearls.Storage;

/// <summary>Makes and checks the ids of pearls (<c>th-</c> + 6 hex), comments (<c>c-</c> + 8 hex) and memories (<c>m-</c> + 8 hex).</summary>
public static partial class PearlIds
{
    /// <summary>A fresh random pearl id; the caller checks it against the store.</summary>
    public static string NewPearlId() => "th-" + RandomNumberGenerator.GetHexString(6, lowercase: true);

    /// <summary>A fresh random comment id.</summary>
    public static string NewCommentId() => "c-" + RandomNumberGenerator.GetHexString(8, lowercase: true);

    /// <summary>A fresh random memory id.</summary>
    public static string NewMemoryId() => "m-" + RandomNumberGenerator.GetHexString(8, lowercase: true);

    /// <summary>True when <paramref name="id"/> has the shape of a pearl id.</summary>
    public static bool IsPearlId(string? id) => id is not null && PearlIdPattern().IsMatch(id);

    /// <summary>True when <paramref name="id"/> has the shape of a comment id.</summary>
    public static bool IsCommentId(string? id) => id is not null && CommentIdPattern().IsMatch(id);

    /// <summary>True when <paramref name="id"/> has the shape of a memory id.</summary>
    public static bool IsMemoryId(string? id) => id is not null && MemoryIdPattern().IsMatch(id);

    /// <summary>Normalises user input (trims, lowercases) and checks the shape of a pearl id.</summary>
    public static string RequirePearlId(string id)
    {
        var normalized = id.Trim().ToLowerInvariant();
        if (!IsPearlId(normalized))
        {
            throw new SmoothException($"'{id}' is not a pearl id", "pearl ids look like th-1a2b3c; 'th pearls list' shows them", ExitCodes.BadInput);
        }
        return normalized;
    }

    [GeneratedRegex("^th-[0-9a-f]{6}$")]
    private static partial Regex PearlIdPattern();

    [GeneratedRegex("^c-[0-9a-f]{8}$")]
    private static partial Regex CommentIdPattern();

    [GeneratedRegex("^m-[0-9a-f]{8}$")]
    private static partial Regex MemoryIdPattern();
}
