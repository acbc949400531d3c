using System.Globalization;

namespace Smooth.Pearls.Storage;

/// <summary>
/// Timestamps as stored in SQLite: fixed-width UTC text, so text order is time order and indexes sort by age.
/// </summary>
internal static class Timestamps
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Write(DateTimeOffset value) => value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static string? Write(DateTimeOffset? value) => value is { } v ? Write(v) : null;

    public static DateTimeOffset Read(string text) =>
        new(DateTime.SpecifyKind(DateTime.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), DateTimeKind.Utc));

    public static DateTimeOffset? ReadNullable(string? text) => text is null ? null : Read(text);
}
