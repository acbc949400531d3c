using Smooth.Core.Events;
using Smooth.Credentials;
using Smooth.Sandbox.Contract;

namespace Smooth.Orchestrator.Safehouse;

/// <summary>
/// Bootstrap Bill for sandboxes: the host stub on a Unix socket in a private directory, mounted into each sandbox at
/// <c>/run/smooth/creds.sock</c>, with git's credential helper pointed at <c>th creds git</c> so a clone or push asks
/// the host for a fresh, short-lived credential. Started only when the user has a credential config; long-lived
/// credentials never enter the sandbox.
/// </summary>
public sealed class SandboxCredentials : IAsyncDisposable
{
    /// <summary>Where the stub's socket appears inside a sandbox.</summary>
    public const string SocketInside = SandboxPaths.Sockets + "/creds.sock";

    private readonly HostStubServer _server;
    private readonly string _dir;

    private SandboxCredentials(HostStubServer server, string dir, string socketPath, string configPath, IReadOnlyList<string> services)
    {
        _server = server;
        _dir = dir;
        SocketPath = socketPath;
        ConfigPath = configPath;
        Services = services;
    }

    /// <summary>The stub's socket on the host.</summary>
    public string SocketPath { get; }

    /// <summary>The credential config it serves.</summary>
    public string ConfigPath { get; }

    /// <summary>The names of the configured services.</summary>
    public IReadOnlyList<string> Services { get; }

    /// <summary>
    /// Starts the stub for <paramref name="configPath"/> (default <c>~/.smooth/credentials.yaml</c>). Null when that file
    /// does not exist; a malformed file is an error naming its line, before any sandbox starts.
    /// </summary>
    public static async Task<SandboxCredentials?> StartAsync(string? configPath, IEventSink events, CancellationToken ct)
    {
        var path = configPath ?? CredentialConfigLoader.DefaultPath;
        if (!File.Exists(path)) return null;
        var config = await CredentialConfigLoader.LoadAsync(path, ct);
        // Short and private: socket paths are limited to 108 bytes, and only this user may connect.
        var dir = Path.Combine(Path.GetTempPath(), $"smooth-cred-{Guid.NewGuid():N}"[..24]);
        Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            var socket = Path.Combine(dir, "creds.sock");
            var server = await HostStubServer.StartAsync(socket, new CredentialBroker(config, events), ct);
            return new SandboxCredentials(server, dir, socket, path, [.. config.Services.Select(s => s.Service.Name)]);
        }
        catch
        {
            Directory.Delete(dir, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// The mounts and environment a sandbox needs to reach the stub. <paramref name="direct"/>: a host process uses the
    /// host paths; <paramref name="programDir"/> is where th is installed on the host.
    /// </summary>
    public (IReadOnlyList<SandboxMount> Mounts, IReadOnlyDictionary<string, string> Environment) Wiring(bool direct, string programDir)
    {
        var socket = direct ? SocketPath : SocketInside;
        var th = direct ? Path.Combine(programDir, "th") : $"{SandboxPaths.Program}/th";
        var environment = new Dictionary<string, string>
        {
            [CredentialClient.SocketVariable] = socket,
            // git reads config from these variables too: the helper is set without writing any config file.
            ["GIT_CONFIG_COUNT"] = "1",
            ["GIT_CONFIG_KEY_0"] = "credential.helper",
            ["GIT_CONFIG_VALUE_0"] = $"!'{th}' creds git",
        };
        IReadOnlyList<SandboxMount> mounts = direct ? [] :
            [new SandboxMount(SocketPath, SocketInside, ReadOnly: false), new SandboxMount(programDir, SandboxPaths.Program)];
        return (mounts, environment);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
