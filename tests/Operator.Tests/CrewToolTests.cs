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
}
