using Smooth.Llm.Scripted;

namespace Smooth.Llm.Tests;

/// <summary>Helpers to start the scripted server from inline YAML.</summary>
internal static class Scripts
{
    public static ScriptDocument Parse(string yaml) => ScriptLoader.Parse(yaml, "inline");

    public static Task<ScriptedModelServer> StartAsync(string yaml, TextWriter? log = null) =>
        ScriptedModelServer.StartAsync(Parse(yaml), ListenAddress.Loopback, log);
}
