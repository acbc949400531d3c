namespace Smooth.Audit.Server;

/// <summary>Where and how the Archivist serves the audit log.</summary>
public sealed record ArchivistOptions
{
    /// <summary>Loopback TCP port for SSE (the dashboard's <c>/events</c>); 0 picks a free one; null disables TCP.</summary>
    public int? Port { get; init; } = 4401;

    /// <summary>Unix socket path; null disables it.</summary>
    public string? UnixSocket { get; init; }

    /// <summary>Bearer token every request must carry.</summary>
    public required string Token { get; init; }

    /// <summary>How often an idle SSE stream polls the store for new records.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Checks the options and throws with what to fix.</summary>
    public void Validate()
    {
        if (Port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(Port), Port, "port must be 0..65535");
        if (Port is null && UnixSocket is null) throw new ArgumentException("the Archivist needs a port or a Unix socket");
        if (string.IsNullOrEmpty(Token) || Token.Length < 16) throw new ArgumentException("the Archivist token must be at least 16 characters");
    }
}
