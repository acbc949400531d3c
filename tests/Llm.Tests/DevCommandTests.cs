using Smooth.Core.Net;
using System.Diagnostics;
using Smooth.Llm.Clients;
using Smooth.Llm.Gateway;
using Smooth.TestSupport;

namespace Smooth.Llm.Tests;

/// <summary><c>th dev scripted-model</c> through the installed binary.</summary>
public class DevCommandTests
{
    [Fact]
    public async Task Serves_a_script_file_on_a_unix_socket_and_reports_mismatches_on_stderr()
    {
        using var dir = new TempDir();
        var script = dir.Combine("script.yaml");
        await File.WriteAllTextAsync(script, """
            name: cli-demo
            turns:
              - expect: {last_user_matches: "^hello"}
                respond: {content: "hi from the script"}
              - expect: {last_user_matches: "^second"}
                respond: {content: "never reached"}
            """);
        var socket = dir.Combine("model.sock");
        var start = new ProcessStartInfo(Th.Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "dev", "scripted-model", "--script", script, "--listen", "unix:" + socket }) start.ArgumentList.Add(a);
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Contains("listening on unix:" + socket, line);
            Assert.Contains("2 turns", line);

            using var http = UnixSocketHttp.CreateClient(socket);
            var model = new OpenAiChatModel(new Uri("http://localhost/v1"), "k", "m", http);
            var answer = await model.CompleteAsync(new ChatRequest { Model = "m", Messages = [ChatMessage.User("hello there")] }, CancellationToken.None);
            Assert.Equal("hi from the script", answer.Content);
            var e = await Assert.ThrowsAsync<ChatModelException>(() => model.CompleteAsync(new ChatRequest { Model = "m", Messages = [ChatMessage.User("off script")] }, CancellationToken.None));
            Assert.Equal(422, e.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        var stderr = await process.StandardError.ReadToEndAsync();
        Assert.Contains("mismatch at turn 2, check last_user_matches", stderr);
        Assert.Contains("+ actual:   \"off script\"", stderr);
    }

    [Fact]
    public async Task A_malformed_script_is_refused_naming_the_field()
    {
        using var dir = new TempDir();
        var script = dir.Combine("bad.yaml");
        await File.WriteAllTextAsync(script, "turns:\n  - respond: {content: x}\n    fault: {status: 99}\n");
        var r = await Th.RunAsync(dir.Path, ["dev", "scripted-model", "--script", script, "--listen", "127.0.0.1:0"], home: dir.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("$.turns[0].fault.status", r.StandardError);
        var badListen = await Th.RunAsync(dir.Path, ["dev", "scripted-model", "--script", script, "--listen", "nowhere"], home: dir.Path);
        Assert.Equal(2, badListen.ExitCode);
        Assert.Contains("not a listen address", badListen.StandardError);
    }
}
