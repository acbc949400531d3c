using Smooth.Core;
using Smooth.Pearls.Model;
using Smooth.Pearls.Storage;

namespace Smooth.Pearls.Sync;

/// <summary>
/// Checks incoming JSONL records and puts them in canonical form (sorted labels, edges, comments; UTC times),
/// so that a record read back from the store compares equal to the one that was written.
/// </summary>
internal static class RecordNormalizer
{
    public static PearlRecord Normalize(PearlRecord record, string where)
    {
        var p = record.Pearl ?? throw Bad(where, "the pearl is missing");
        if (!PearlIds.IsPearlId(p.Id)) throw Bad(where, $"'{p.Id}' is not a pearl id");
        if (p.Parent is not null && !PearlIds.IsPearlId(p.Parent)) throw Bad(where, $"parent '{p.Parent}' is not a pearl id");
        if (p.Parent == p.Id) throw Bad(where, $"{p.Id} is its own parent");
        if (!Enum.IsDefined(p.Status) || !Enum.IsDefined(p.Type)) throw Bad(where, "unknown status or type");
        var pearl = p with
        {
            Title = Wrap(where, () => PearlValidation.Title(p.Title)),
            Description = p.Description ?? "",
            Priority = Wrap(where, () => PearlValidation.Priority(p.Priority)),
            Labels = Wrap(where, () => PearlValidation.Labels(p.Labels ?? [])),
            CreatedAt = Utc(p.CreatedAt),
            UpdatedAt = Utc(p.UpdatedAt),
            ClosedAt = p.ClosedAt is { } c ? Utc(c) : null,
        };

        var deps = (record.Dependencies ?? []).Select(d =>
        {
            if (d.PearlId != p.Id) throw Bad(where, $"dependency of {p.Id} names '{d.PearlId}' as its pearl");
            if (!PearlIds.IsPearlId(d.DependsOn) || d.DependsOn == p.Id) throw Bad(where, $"dependency target '{d.DependsOn}' is not another pearl's id");
            if (!Enum.IsDefined(d.Kind)) throw Bad(where, "unknown dependency kind");
            return d with { CreatedAt = Utc(d.CreatedAt) };
        }).OrderBy(d => d.DependsOn, StringComparer.Ordinal).ToList();
        if (deps.Select(d => d.DependsOn).Distinct().Count() != deps.Count) throw Bad(where, "a dependency is listed twice");

        var comments = (record.Comments ?? []).Select(c =>
        {
            if (!PearlIds.IsCommentId(c.Id)) throw Bad(where, $"'{c.Id}' is not a comment id");
            if (string.IsNullOrWhiteSpace(c.Author) || c.Body is null) throw Bad(where, $"comment {c.Id} has no author or body");
            return c with { CreatedAt = Utc(c.CreatedAt) };
        }).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        if (comments.Select(c => c.Id).Distinct().Count() != comments.Count) throw Bad(where, "a comment id is listed twice");

        var history = (record.History ?? []).Select(h =>
        {
            if (string.IsNullOrWhiteSpace(h.Field) || string.IsNullOrWhiteSpace(h.Actor)) throw Bad(where, "a history entry has no field or actor");
            return h with { At = Utc(h.At) };
        }).OrderBy(h => h.At).ToList(); // stable: entries of one change keep their order

        return new PearlRecord(pearl, deps, comments, history);
    }

    public static MemoryRecord Normalize(MemoryRecord record, string where)
    {
        var m = record.Memory ?? throw Bad(where, "the memory is missing");
        if (!PearlIds.IsMemoryId(m.Id)) throw Bad(where, $"'{m.Id}' is not a memory id");
        if (string.IsNullOrWhiteSpace(m.Content) || string.IsNullOrWhiteSpace(m.Source)) throw Bad(where, $"memory {m.Id} has no content or source");
        return new MemoryRecord(m with { CreatedAt = Utc(m.CreatedAt) });
    }

    private static DateTimeOffset Utc(DateTimeOffset t) => Timestamps.Read(Timestamps.Write(t));

    private static T Wrap<T>(string where, Func<T> check)
    {
        try
        {
            return check();
        }
        catch (SmoothException e)
        {
            throw Bad(where, e.Message);
        }
    }

    private static SmoothException Bad(string where, string what) =>
        new($"{where}: {what}", "fix or regenerate the file with 'th pearls export'; nothing was imported", ExitCodes.BadInput);
}
