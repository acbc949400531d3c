using System.Diagnostics;
using System.Globalization;
using Smooth.Core.Events;
using Smooth.Core.Processes;

namespace Smooth.Credentials;

/// <summary>
/// Bootstrap Bill's logic: checks a request's target URL against the configured services (the allowlist) before
/// running anything, runs that service's host command, and returns its output as a short-lived credential.
/// Nothing is cached or written; events name the service and URL, never the credential.
/// </summary>
public sealed class CredentialBroker(LoadedCredentialConfig config, IEventSink events)
{
    private const int MaxCredentialChars = 64 * 1024;

    /// <summary>Mints a credential for <paramref name="url"/>, or explains why not.</summary>
    public async Task<BrokerOutcome> MintAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(uri.Host))
        {
            Emit("credentials.refused", new() { ["reason"] = "bad-request" });
            return new BrokerOutcome(400, null, new CredentialError(
                "the request must name an absolute http(s) URL of the target service", "e.g. th creds get https://github.com/org/repo.git", "bad-request"));
        }
        var safeUrl = SafeUrl(uri);
        var service = config.Find(uri);
        if (service is null)
        {
            Emit("credentials.refused", new() { ["url"] = safeUrl, ["reason"] = "not-allowed" });
            var known = config.Services.Count == 0 ? "none are configured" : "configured: " + string.Join(", ", config.Services.Select(s => s.Service.Name));
            return new BrokerOutcome(403, null, new CredentialError(
                $"no credential service is configured for {safeUrl} ({known})",
                "a person on the host can add a service matching this URL to ~/.smooth/credentials.yaml (see docs/credentials.md)", "not-allowed"));
        }

        var s = service.Service;
        var started = Stopwatch.GetTimestamp();
        ProcessResult result;
        try
        {
            result = await ProcessRunner.RunAsync(s.Command[0], s.Command.Skip(1), new ProcessOptions
            {
                Timeout = TimeSpan.FromSeconds(s.TimeoutSeconds),
                MaxOutputChars = MaxCredentialChars,
            }, ct);
        }
        catch (Core.SmoothException)
        {
            return Failed(s, safeUrl, started, "could not be started", "not-found");
        }
        if (!result.Succeeded)
        {
            return Failed(s, safeUrl, started, result.TimedOut ? $"timed out after {s.TimeoutSeconds}s" : $"exited with {result.ExitCode}",
                result.ExitCode.ToString(CultureInfo.InvariantCulture));
        }
        var secret = result.StandardOutput.Trim();
        if (secret.Length == 0 || result.OutputTruncated)
        {
            return Failed(s, safeUrl, started, secret.Length == 0 ? "printed nothing" : "printed too much", "0");
        }

        Emit("credentials.issued", new()
        {
            ["service"] = s.Name,
            ["url"] = safeUrl,
            ["program"] = Path.GetFileName(s.Command[0]),
            ["durationMs"] = Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture),
        });
        DateTimeOffset? expires = s.TtlSeconds is { } ttl ? DateTimeOffset.UtcNow.AddSeconds(ttl) : null;
        return new BrokerOutcome(200, new CredentialResponse(s.Name, s.Username, secret, expires), null);
    }

    private BrokerOutcome Failed(CredentialService s, string safeUrl, long started, string what, string exit)
    {
        Emit("credentials.failed", new()
        {
            ["service"] = s.Name,
            ["url"] = safeUrl,
            ["program"] = Path.GetFileName(s.Command[0]),
            ["exit"] = exit,
            ["durationMs"] = Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture),
        });
        // The command's output is not passed on: it might hold part of a credential or host details.
        return new BrokerOutcome(502, null, new CredentialError(
            $"the credential command for '{s.Name}' ({Path.GetFileName(s.Command[0])}) {what}",
            $"run '{string.Join(' ', s.Command)}' on the host to see why (e.g. log in first)", "command-failed"));
    }

    private void Emit(string type, Dictionary<string, string> attributes)
    {
        foreach (var key in attributes.Keys.ToList()) attributes[key] = SecretRedactor.Redact(attributes[key]);
        events.Emit(SmoothEvent.Create(type, "credentials", attributes));
    }

    /// <summary>The URL without user information, query or fragment: safe to show and log.</summary>
    public static string SafeUrl(Uri uri) => $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath}";
}
