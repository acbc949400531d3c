using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Smooth.Orchestrator.Daemon;
using Smooth.TestSupport;

namespace Smooth.Orchestrator.Tests;

public sealed class RunEndpointsTests
{
    [Fact]
    public async Task Lists_shows_and_cancels_queued_runs()
    {
        using var home = new TempDir("smooth-home");
        using var repo = await Git.CreateRepoAsync();
        Directory.CreateDirectory(repo.Combine(".smooth"));
        var paths = new DaemonPaths(home.Path);
        Directory.CreateDirectory(paths.Dir);
        const string token = "runs-test-token-0123456789abcdef";
        await File.WriteAllTextAsync(paths.Token, token);
        await using var host = await DaemonHost.StartAsync(new DaemonOptions { ProjectRoot = repo.Path, Paths = paths, ApiPort = 0, ArchivistPort = 0, Provider = "direct" }, default);
        var run = await host.Runs.EnqueueAsync("th-abc123", default);

        using var http = new HttpClient { BaseAddress = new Uri(host.Info.ApiUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using (var list = JsonDocument.Parse(await http.GetStringAsync("/v1/runs?state=queued")))
        {
            var only = Assert.Single(list.RootElement.EnumerateArray());
            Assert.Equal(run.Id, only.GetProperty("id").GetString());
            Assert.Equal("Queued", only.GetProperty("state").GetString());
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/v1/runs?state=sleeping")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/v1/runs/run-nope")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"/v1/runs/{run.Id}/cancel-queued", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsync($"/v1/runs/{run.Id}/cancel-queued", null)).StatusCode);
        Assert.Contains("Cancelled", await http.GetStringAsync($"/v1/runs/{run.Id}"));
    }
}
