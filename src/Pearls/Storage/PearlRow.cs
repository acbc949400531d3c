using System.Text.Json;
using Smooth.Pearls.Model;

namespace Smooth.Pearls.Storage;

/// <summary>A row of <c>pearls</c> as Dapper reads it (labels folded in with the unit separator).</summary>
internal sealed class PearlRow
{
    /// <summary>Separates labels in the folded column; labels never contain control characters.</summary>
    public const char LabelSeparator = '\u001f';

    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string Status { get; set; } = "";
    public long Priority { get; set; }
    public string Type { get; set; } = "";
    public string? Labels { get; set; }
    public string? Assignee { get; set; }
    public string? Parent { get; set; }
    public string? Outputs { get; set; }
    public string CreatedAt { get; set; } = "";
    public string UpdatedAt { get; set; } = "";
    public string? ClosedAt { get; set; }

    public Pearl ToPearl()
    {
        string[] labels = [];
        if (!string.IsNullOrEmpty(Labels))
        {
            labels = Labels.Split(LabelSeparator);
            Array.Sort(labels, StringComparer.Ordinal);
        }
        return new Pearl
        {
            Id = Id,
            Title = Title,
            Description = Description,
            Status = PearlNames.ParseStatus(Status),
            Priority = (int)Priority,
            Type = PearlNames.ParseType(Type),
            Labels = labels,
            Assignee = Assignee,
            Parent = Parent,
            Outputs = Outputs is null ? null : ParseJson(Outputs),
            CreatedAt = Timestamps.Read(CreatedAt),
            UpdatedAt = Timestamps.Read(UpdatedAt),
            ClosedAt = Timestamps.ReadNullable(ClosedAt),
        };
    }

    private static JsonElement ParseJson(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }
}
