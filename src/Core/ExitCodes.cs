namespace Smooth.Core;

/// <summary>Process exit codes used by <c>th</c>; documented in docs/cli.md.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;
    /// <summary>The operation failed.</summary>
    public const int Failure = 1;
    /// <summary>The input was invalid (bad arguments, unknown id, malformed file); nothing was changed.</summary>
    public const int BadInput = 2;
    /// <summary>Something that should exist was not found (pearl, review, run).</summary>
    public const int NotFound = 3;
    /// <summary>The environment cannot do this (no repository, missing bwrap, no user namespaces).</summary>
    public const int Environment = 4;
    /// <summary>Refused by policy or a security check.</summary>
    public const int Denied = 5;
    /// <summary>A conflict: the state moved underneath (diff no longer applies, concurrent edit).</summary>
    public const int Conflict = 6;
}
