using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Smooth.Audit.Chain;

/// <summary>
/// Computes the link hash of a record: SHA-256 of the previous hash and a canonical JSON rendering of the record's
/// content (fixed field order, sorted attribute keys), so any edit, deletion or reordering breaks the chain.
/// </summary>
public static class ChainHasher
{
    /// <summary>The previous-hash of the first record.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Hash of a record's content linked to <paramref name="prevHash"/>.</summary>
    public static string Compute(long seq, string time, string type, string source, string? traceParent,
        IReadOnlyDictionary<string, string> attributes, string prevHash)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            w.WriteStringValue(prevHash);
            w.WriteNumberValue(seq);
            w.WriteStringValue(time);
            w.WriteStringValue(type);
            w.WriteStringValue(source);
            if (traceParent is null) w.WriteNullValue(); else w.WriteStringValue(traceParent);
            w.WriteStartObject();
            foreach (var key in attributes.Keys.Order(StringComparer.Ordinal))
            {
                w.WriteString(key, attributes[key]);
            }
            w.WriteEndObject();
            w.WriteEndArray();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>Recomputes <paramref name="record"/>'s hash from its content and <see cref="AuditRecord.PrevHash"/>.</summary>
    public static string Recompute(AuditRecord record) =>
        Compute(record.Seq, record.Time, record.Type, record.Source, record.TraceParent, record.Attributes, record.PrevHash);
}
