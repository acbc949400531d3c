using System.Text.Json;
using Smooth.Core;
using Smooth.Core.IO;

namespace Smooth.Llm.Config;

/// <summary>
/// Reads and writes <c>~/.smooth/providers.json</c>. The file holds API keys, so it is created 0600 (directory 0700)
/// and a file that group or others can read is refused rather than used.
/// </summary>
public sealed class ProvidersStore
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates a store for the file at <paramref name="path"/>.</summary>
    public ProvidersStore(string path) => Path = path;

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>The store for the current user: <c>$HOME/.smooth/providers.json</c>.</summary>
    public static ProvidersStore ForCurrentUser()
    {
        return new ProvidersStore(System.IO.Path.Combine(ProjectLocator.UserStateDir(), "providers.json"));
    }

    /// <summary>Loads the file; an empty configuration when it does not exist. Throws <see cref="SmoothException"/> naming every problem.</summary>
    public async Task<ProvidersFile> LoadAsync(CancellationToken ct)
    {
        if (!File.Exists(Path))
        {
            return new ProvidersFile();
        }
        CheckPermissions();
        var bytes = await File.ReadAllBytesAsync(Path, ct);
        return Parse(bytes, Path);
    }

    /// <summary>Parses and validates <paramref name="json"/>; <paramref name="source"/> names the file in errors.</summary>
    public static ProvidersFile Parse(ReadOnlySpan<byte> json, string source)
    {
        ProvidersFile? file;
        try
        {
            file = JsonSerializer.Deserialize(json, LlmJsonContext.Default.ProvidersFile);
        }
        catch (JsonException e)
        {
            var path = string.IsNullOrEmpty(e.Path) ? "$" : e.Path;
            throw new SmoothException(
                $"{source}: {path}: {Describe(e)}",
                "fix the field named above (see docs/providers.md for the format), or recreate it with 'th auth login'",
                ExitCodes.BadInput, e);
        }
        if (file is null)
        {
            throw new SmoothException($"{source}: $: the file holds null, not an object", "see docs/providers.md for the format", ExitCodes.BadInput);
        }
        // Optional sections left out of the file come back null from the serializer: they mean "none".
        file = file with { Providers = file.Providers ?? [], Routing = file.Routing ?? [], Prices = file.Prices ?? [] };
        var errors = ProvidersFileValidator.Validate(file);
        if (errors.Count > 0)
        {
            throw new SmoothException(
                $"{source} is not valid:\n  " + string.Join("\n  ", errors),
                "fix the fields named above (see docs/providers.md), or recreate the entry with 'th auth login <provider>'",
                ExitCodes.BadInput);
        }
        return file;
    }

    /// <summary>Validates <paramref name="file"/> and writes it atomically with mode 0600.</summary>
    public async Task SaveAsync(ProvidersFile file, CancellationToken ct)
    {
        // Optional sections left out of the file come back null from the serializer: they mean "none".
        file = file with { Providers = file.Providers ?? [], Routing = file.Routing ?? [], Prices = file.Prices ?? [] };
        var errors = ProvidersFileValidator.Validate(file);
        if (errors.Count > 0)
        {
            throw new SmoothException($"refusing to write an invalid {Path}:\n  " + string.Join("\n  ", errors),
                "check the values given on the command line (see docs/providers.md); nothing was changed", ExitCodes.BadInput);
        }
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
        if (!Directory.Exists(dir))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(dir);
            else Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var json = JsonSerializer.Serialize(file, LlmJsonContext.Default.ProvidersFile);
        await AtomicFile.WriteAllTextAsync(Path, json + "\n", ct, OwnerOnly);
        // The umask may have narrowed the create mode; make the final mode exact.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path, OwnerOnly);
    }

    private void CheckPermissions()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var mode = File.GetUnixFileMode(Path);
        if ((mode & GroupOrOthers) != 0)
        {
            throw new SmoothException(
                $"{Path} is readable or writable by other users (mode {Convert.ToString((int)mode, 8)}); it holds API keys, so th will not use it",
                $"run 'chmod 600 {Path}'",
                ExitCodes.Denied);
        }
    }

    private static string Describe(JsonException e)
    {
        // System.Text.Json's messages end with a path and position we already print; keep the first sentence.
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
