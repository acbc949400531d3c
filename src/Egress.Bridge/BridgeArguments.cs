using Smooth.Core;

namespace Smooth.Egress.Bridge;

/// <summary>The bridge's command line, parsed by hand: a native program this small should not carry a parser library.</summary>
internal static class BridgeArguments
{
    private const string Usage = "smooth-bridge --socket PATH [--listen IP:PORT] [--socks IP:PORT|off] [--handover PATH] -- COMMAND...";

    /// <summary>Parses <paramref name="args"/>; a missing or unknown option is a clear error.</summary>
    public static BridgeLaunch Parse(IReadOnlyList<string> args)
    {
        string? socket = null, handover = null;
        var listen = BridgeLaunch.DefaultListen;
        var socks = BridgeLaunch.DefaultSocks;
        var i = 0;
        for (; i < args.Count && args[i] != "--"; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count || args[i + 1] == "--") throw Bad($"{name} needs a value");
            var value = args[++i];
            switch (name)
            {
                case "--socket": socket = value; break;
                case "--listen": listen = value; break;
                case "--socks": socks = value; break;
                case "--handover": handover = value; break;
                default: throw Bad($"unknown option '{name}'");
            }
        }
        if (socket is null) throw Bad("--socket is required");
        var command = args.Skip(i + 1).ToArray();
        if (command.Length == 0) throw Bad("no command after --");
        return new BridgeLaunch
        {
            SocketPath = socket,
            Http = BridgeLaunch.ParseLoopback(listen, "--listen"),
            Socks = BridgeLaunch.ParseSocks(socks),
            HandoverPath = handover,
            Command = command,
        };
    }

    private static SmoothException Bad(string message) => new($"{message}", $"usage: {Usage}", ExitCodes.BadInput);
}
