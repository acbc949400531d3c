using Smooth.Core;

namespace Smooth.Pearls.Model;

/// <summary>
/// The text names of statuses, types and dependency kinds, as stored in the database, the JSONL file and on the command line.
/// Parsing an unknown name is a <see cref="SmoothException"/> that lists the valid ones.
/// </summary>
public static class PearlNames
{
    private static readonly string[] StatusNames = ["open", "in_progress", "review", "blocked", "deferred", "closed"];
    private static readonly string[] TypeNames = ["task", "bug", "feature", "epic"];
    private static readonly string[] KindNames = ["blocks", "related"];

    /// <summary>All status names, in lifecycle order.</summary>
    public static IReadOnlyList<string> Statuses => StatusNames;

    /// <summary>All type names.</summary>
    public static IReadOnlyList<string> Types => TypeNames;

    /// <summary>All dependency kind names.</summary>
    public static IReadOnlyList<string> Kinds => KindNames;

    /// <summary>The stored name of a status.</summary>
    public static string Name(PearlStatus status) => StatusNames[(int)status];

    /// <summary>The stored name of a type.</summary>
    public static string Name(PearlType type) => TypeNames[(int)type];

    /// <summary>The stored name of a dependency kind.</summary>
    public static string Name(DependencyKind kind) => KindNames[(int)kind];

    /// <summary>Parses a status name (case-insensitive; '-' accepted for '_').</summary>
    public static PearlStatus ParseStatus(string text) => (PearlStatus)Parse(text, StatusNames, "status");

    /// <summary>Parses a type name.</summary>
    public static PearlType ParseType(string text) => (PearlType)Parse(text, TypeNames, "type");

    /// <summary>Parses a dependency kind name.</summary>
    public static DependencyKind ParseKind(string text) => (DependencyKind)Parse(text, KindNames, "dependency kind");

    private static int Parse(string text, string[] names, string what)
    {
        var normalized = text.Trim().ToLowerInvariant().Replace('-', '_');
        var index = Array.IndexOf(names, normalized);
        if (index < 0)
        {
            throw new SmoothException($"unknown {what} '{text}'", $"use one of: {string.Join(", ", names)}", ExitCodes.BadInput);
        }
        return index;
    }
}
