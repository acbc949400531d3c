using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Smooth.Orchestrator.Daemon;
using Smooth.Policy;
using Smooth.Policy.Access;
using Smooth.TestSupport;

namespace Smooth.Orchestrator.Tests;

/// <summary>
/// The daemon API beyond runs: pearls, comments, memory, the inbox, access requests and diff reviews, acted on through a
/// real Kestrel server with the daemon's token, with the same effects as the CLI.
/// </summary>
public sealed class CrewApiTests
{
    private const string Token = "crew-api-test-token-0123456789ab";

    [Fact]
    public async Task A_person_files_pearls_comments_remembers_and_settles_access_requests_and_reviews_over_the_api()
    {
        using var home = new TempDir("smooth-home");
        using var repo = await Git.CreateRepoAsync();
        Assert.Equal(0, (await Th.RunAsync(repo.Path, ["init"], home: home.Path)).ExitCode);
        // A pending review: a sandbox run that wrote a file.
        var sandbox = await Th.RunAsync(repo.Path, ["sandbox", "run", "--provider", "direct", "--json", "--", "sh", "-c", "echo from-the-sandbox > added.txt"], home: home.Path);
        Assert.True(sandbox.ExitCode == 0, sandbox.StandardError);
        var reviewId = JsonDocument.Parse(sandbox.StandardOutput).RootElement.GetProperty("runId").GetString()!;
        // A pending access request, as a held egress request would file it.
        string requestId;
        await using (var store = await AccessRequestStore.OpenAsync(repo.Path, default))
        {
            requestId = (await store.FileAsync("run-000000000042", "network", "pypi.org:443", "no rule allows host pypi.org:443", default)).Id;
        }
        var paths = new DaemonPaths(home.Path);
        Directory.CreateDirectory(paths.Dir);
        await File.WriteAllTextAsync(paths.Token, Token);
        await using var host = await DaemonHost.StartAsync(new DaemonOptions { ProjectRoot = repo.Path, Paths = paths, ApiPort = 0, ArchivistPort = 0, Provider = "direct" }, default);
        using var http = new HttpClient { BaseAddress = new Uri(host.Info.ApiUrl) };
        using var stranger = new HttpClient { BaseAddress = new Uri(host.Info.ApiUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        foreach (var path in new[] { "/v1/inbox", "/v1/access", "/v1/reviews", "/v1/memory", "/v1/operators", "/v1/events" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync(path)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.PostAsJsonAsync($"/v1/access/{requestId}/approve", new { scope = "user" })).StatusCode);
        // Any other bearer (an operator's run token, say) is refused the same way.
        stranger.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "op-run-token-0123456789abcdef0123");
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.PostAsJsonAsync($"/v1/access/{requestId}/approve", new { scope = "user" })).StatusCode);

        // Pearls and comments.
        var created = await http.PostAsJsonAsync("/v1/pearls", new { title = "tidy the docs", priority = 1 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var pearl = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/v1/pearls", new { title = " " })).StatusCode);
        var commented = await http.PostAsJsonAsync($"/v1/pearls/{pearl}/comments", new { text = "start with the README" });
        Assert.Equal(HttpStatusCode.OK, commented.StatusCode);
        Assert.Contains("start with the README", await commented.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsJsonAsync("/v1/pearls/th-ffffff/comments", new { text = "x" })).StatusCode);

        // Memory.
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/v1/memory", new { text = "tests need TZ=UTC" })).StatusCode);
        Assert.Contains("tests need TZ=UTC", await http.GetStringAsync("/v1/memory?limit=5"));

        // The inbox shows both waiting items; nothing is at work.
        var inbox = await http.GetStringAsync("/v1/inbox");
        Assert.Contains(requestId, inbox);
        Assert.Contains(reviewId, inbox);
        Assert.Equal("[]", (await http.GetStringAsync("/v1/operators")).Trim());

        // Access: approving at project scope writes the rule the live policy then applies.
        Assert.Contains(requestId, await http.GetStringAsync("/v1/access"));
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync($"/v1/access/{requestId}/approve", new { scope = "forever" })).StatusCode);
        var approved = await http.PostAsJsonAsync($"/v1/access/{requestId}/approve", new { scope = "project" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Contains("pypi.org:443", await File.ReadAllTextAsync(PolicyLayers.ProjectFile(repo.Path)));
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsync($"/v1/access/{requestId}/deny", null)).StatusCode); // decided once
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync("/v1/access/ar-00000000/deny", null)).StatusCode);

        // Reviews: show the patch, accept it, and the file lands in the working tree.
        Assert.Contains("added.txt", await http.GetStringAsync($"/v1/reviews/{reviewId}"));
        var accepted = await http.PostAsync($"/v1/reviews/{reviewId}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("from-the-sandbox\n", await File.ReadAllTextAsync(repo.Combine("added.txt")));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/v1/reviews/run-nope")).StatusCode);
        Assert.DoesNotContain(reviewId, await http.GetStringAsync("/v1/inbox"));

        // The decisions are in the audit log, readable page by page.
        var events = await http.GetStringAsync("/v1/events?type=access.&limit=50");
        Assert.Contains("access.approved", events);
        Assert.Contains("\"via\": \"api\"", events);
    }
}
