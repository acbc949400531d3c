namespace Smooth.Operator.Tests;

/// <summary>Pearl and memory tools go through the operator API, where the token's scope is enforced.</summary>
public sealed class CrewToolTests
{
    [Fact]
    public async Task Pearl_tools_see_only_the_operators_scope_and_file_sub_pearls_under_its_pearl()
    {
        await using var h = await OperatorHarness.StartAsync("""
            turns:
              - respond: {tool_calls: [{name: pearls_read, arguments: {}}]}
              - expect: {last_tool_result_contains: "the task"}
                respond: {tool_calls: [{name: pearls_read, arguments: {id: "$OTHER"}}]}
              - expect: {last_tool_result_contains: "outside this operator's scope"}
                respond: {tool_calls: [{name: pearls_comment, arguments: {id: "$OTHER", body: "sneaky"}}]}
              - expect: {last_tool_result_contains: "outside this operator's scope"}
                respond: {tool_calls: [{name: pearls_create, arguments: {title: "follow-up work", priority: 1}}]}
              - expect: {last_tool_result_contains: "filed th-"}
                respond: {tool_calls: [{name: pearls_comment, arguments: {id: "$PEARL", body: "found the cause"}}]}
              - expect: {last_tool_result_contains: "commented on"}
                respond: {tool_calls: [{name: remember, arguments: {content: "tests need TZ=UTC"}}]}
              - expect: {last_tool_result_contains: "remembered as"}
                respond: {tool_calls: [{name: recall_recent, arguments: {limit: 5}}]}
              - expect: {last_tool_result_contains: "tests need TZ=UTC"}
                respond: {content: "done"}
            """);

        var outcome = await h.RunAsync(h.Spec());

        Assert.Equal("completed", outcome.Stop);
        h.Model.AssertCompleted();
        var children = await h.Pearls.ChildrenAsync(h.Pearl.Id, CancellationToken.None);
        var child = Assert.Single(children);
        Assert.Equal("follow-up work", child.Title);
        Assert.True(h.Session!.MaySee(child.Id)); // what it filed joins its scope
        var details = await h.Pearls.ShowAsync(h.Pearl.Id, 0, CancellationToken.None);
        Assert.Contains(details.Comments, c => c.Body == "found the cause");
    }

    [Fact]
    public async Task An_operator_token_cannot_approve_its_own_access_request()
    {
        await using var h = await OperatorHarness.StartAsync("turns:\n  - respond: {content: unused}\n");
        await using var access = await Smooth.Policy.Access.AccessRequestStore.OpenAsync(h.Repo.Path, CancellationToken.None);
        var request = await access.FileAsync("run-000000000001", "network", "evil.example:443", "no rule", CancellationToken.None);
        var session = new Smooth.Operator.Host.OperatorSession(h.Spec(), [h.Pearl.Id], new Smooth.Operator.Host.HostToolGuard([], []), _ => { });
        h.Api.Add(session);
        using var http = Smooth.Core.Net.UnixSocketHttp.CreateClient(h.Api.SocketPath);
        http.BaseAddress = new Uri("http://operator-api");
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", session.Token);

        foreach (var path in new[] { $"/v1/access/{request.Id}/approve", "/v1/access/approve", $"/v1/access/{request.Id}" })
        {
            using var response = await http.PostAsync(path, new StringContent($"{{\"id\":\"{request.Id}\",\"scope\":\"project\"}}", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode); // the operator API has no way to decide anything
        }
        Assert.Equal("pending", (await access.GetAsync(request.Id, CancellationToken.None))!.Status);
        Assert.False(File.Exists(Path.Combine(h.Repo.Path, ".smooth", "policy.yaml")));
    }
}
