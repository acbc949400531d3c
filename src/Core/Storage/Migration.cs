namespace Smooth.Core.Storage;

/// <summary>One schema step of one component: applied once, in version order, inside a transaction.</summary>
/// <param name="Version">Strictly increasing per component, starting at 1.</param>
/// <param name="Description">What the step does, recorded in the schema table.</param>
/// <param name="Sql">The DDL/DML to run.</param>
public sealed record Migration(int Version, string Description, string Sql);
