using System.CommandLine;
using System.Text;
using Smooth.Cli.Output;
using Smooth.Core;
using Smooth.Credentials;

namespace Smooth.Cli.Commands;

/// <summary>
/// <c>th creds get|git|docker</c>: the in-sandbox credential helpers. Each asks the host stub (socket in
/// <c>SMOOTH_CREDS_SOCKET</c>) for a fresh credential for one URL and hands it to the tool; nothing is stored.
/// </summary>
public static class CredsCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Build()
    {
        var command = new Command("creds", "Credential helpers for use inside a sandbox (they ask the host stub through SMOOTH_CREDS_SOCKET)");
        command.Add(BuildGet());
        command.Add(BuildGit());
        command.Add(BuildDocker());
        return command;
    }

    private static Command BuildGet()
    {
        var url = new Argument<string>("url") { Description = "The service URL the credential is for, e.g. https://github.com/org/repo.git" };
        var json = new Option<bool>("--json") { Description = "Print {service, username, secret, expiresAt} instead of the bare secret" };
        var command = new Command("get", "Print a fresh credential for URL (the secret alone, for use in scripts)") { url, json };
        command.SetAction(async (parse, ct) =>
        {
            using var client = CredentialClient.FromEnvironment();
            var credential = await client.GetAsync(parse.GetValue(url)!, ct);
            if (parse.GetValue(json)) CliOutput.Json(credential, CredentialsJsonContext.Default.CredentialResponse);
            else CliOutput.Line(credential.Secret);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildGit()
    {
        var operation = new Argument<string>("operation") { Description = "get, store or erase (git calls this)" };
        var command = new Command("git", "A git credential helper: git config credential.helper '!th creds git'") { operation };
        command.SetAction(async (parse, ct) =>
        {
            var op = parse.GetValue(operation);
            var fields = await ReadGitFieldsAsync(ct);
            if (op is "store" or "erase")
            {
                return ExitCodes.Ok; // credentials are minted per request and never kept, so there is nothing to store or erase
            }
            if (op != "get")
            {
                throw new SmoothException($"unknown git credential operation '{op}'", "git calls the helper with get, store or erase", ExitCodes.BadInput);
            }
            if (!fields.TryGetValue("protocol", out var protocol) || !fields.TryGetValue("host", out var host))
            {
                throw new SmoothException("git sent no protocol/host", "this helper is meant to be called by git", ExitCodes.BadInput);
            }
            var url = $"{protocol}://{host}/{(fields.TryGetValue("path", out var path) ? path.TrimStart('/') : string.Empty)}";
            using var client = CredentialClient.FromEnvironment();
            var credential = await client.GetAsync(url, ct);
            var output = new StringBuilder()
                .Append("username=").Append(credential.Username ?? "x-access-token").Append('\n')
                .Append("password=").Append(credential.Secret).Append('\n');
            if (credential.ExpiresAt is { } expires) output.Append("password_expiry_utc=").Append(expires.ToUnixTimeSeconds()).Append('\n');
            await Console.Out.WriteAsync(output.ToString());
            await Console.Out.FlushAsync(ct);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildDocker()
    {
        var operation = new Argument<string>("operation") { Description = "get, store, erase or list (docker calls this)" };
        var command = new Command("docker", "A docker credential helper: install as docker-credential-smooth running 'th creds docker \"$@\"'") { operation };
        command.SetAction(async (parse, ct) =>
        {
            var op = parse.GetValue(operation);
            var input = (await Console.In.ReadToEndAsync(ct)).Trim();
            switch (op)
            {
                case "store":
                case "erase":
                    return ExitCodes.Ok; // nothing is ever kept
                case "list":
                    CliOutput.Line("{}");
                    return ExitCodes.Ok;
                case "get":
                    break;
                default:
                    throw new SmoothException($"unknown docker credential operation '{op}'", "docker calls the helper with get, store, erase or list", ExitCodes.BadInput);
            }
            if (input.Length == 0) throw new SmoothException("docker sent no server URL on stdin", "this helper is meant to be called by docker", ExitCodes.BadInput);
            var url = input.Contains("://", StringComparison.Ordinal) ? input : "https://" + input;
            using var client = CredentialClient.FromEnvironment();
            var credential = await client.GetAsync(url, ct);
            CliOutput.Json(new DockerCredential(input, credential.Username ?? "oauth2accesstoken", credential.Secret), CredentialsJsonContext.Default.DockerCredential);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<Dictionary<string, string>> ReadGitFieldsAsync(CancellationToken ct)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        string? line;
        while ((line = await Console.In.ReadLineAsync(ct)) is not null && line.Length > 0)
        {
            var eq = line.IndexOf('=');
            if (eq > 0) fields[line[..eq]] = line[(eq + 1)..];
        }
        return fields;
    }
}
