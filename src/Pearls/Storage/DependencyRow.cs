using Smooth.Pearls.Model;

namespace Smooth.Pearls.Storage;

/// <summary>A row of <c>pearl_deps</c>.</summary>
internal sealed class DependencyRow
{
    public string PearlId { get; set; } = "";
    public string DependsOn { get; set; } = "";
    public string Kind { get; set; } = "";
    public string CreatedAt { get; set; } = "";

    public PearlDependency ToDependency() => new(PearlId, DependsOn, PearlNames.ParseKind(Kind), Timestamps.Read(CreatedAt));
}
