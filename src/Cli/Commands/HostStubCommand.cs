using System.CommandLine;
using Smooth.Core.Events;
using Smooth.Credentials;

namespace Smooth.Cli.Commands;

/// <summary><c>th host-stub</c>: Bootstrap Bill, the host-side credential broker on a Unix socket.</summary>
public static class HostStubCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var socket = new Option<string>("--socket") { Description = "Unix socket to listen on (mount it into sandboxes)", Required = true };
        var config = new Option<string?>("--config") { Description = "Credential config (YAML); default ~/.smooth/credentials.yaml" };
        var command = new Command("host-stub", "Bootstrap Bill, the credential broker: mint short-lived credentials per request by running configured host commands; never stores them")
        {
            socket, config,
        };
        command.SetAction(async (parse, ct) =>
        {
            var configPath = parse.GetValue(config) ?? CredentialConfigLoader.DefaultPath;
            var loaded = await CredentialConfigLoader.LoadAsync(configPath, ct);
            var broker = new CredentialBroker(loaded, new StderrEventSink());
            await using var server = await HostStubServer.StartAsync(parse.GetValue(socket)!, broker, ct);
            Console.Error.WriteLine($"credential stub listening on {parse.GetValue(socket)}; services: {(loaded.Services.Count == 0 ? "none" : string.Join(", ", loaded.Services.Select(s => s.Service.Name)))}");
            await EgressCommand.WaitForShutdownAsync(ct);
            return Core.ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Prints each event as one line on stderr, redacted once more for safety.</summary>
    private sealed class StderrEventSink : IEventSink
    {
        private readonly Lock _gate = new();

        public void Emit(SmoothEvent e)
        {
            var line = $"{e.Time:HH:mm:ss} {e.Type} " + string.Join(' ', e.Attributes.Select(a => $"{a.Key}={a.Value}"));
            lock (_gate)
            {
                Console.Error.WriteLine(SecretRedactor.Redact(line));
            }
        }
    }
}
