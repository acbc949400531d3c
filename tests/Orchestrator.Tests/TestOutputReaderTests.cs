using Smooth.Core.Processes;
using Smooth.Governor;
using Smooth.TestSupport;

namespace Smooth.Orchestrator.Tests;

public sealed class TestOutputReaderTests
{
    [Theory]
    [InlineData("Failed!  - Failed:     1, Passed:     2, Skipped:     0, Total:     3, Duration: 1 s - A.Tests.dll (net10.0)\nPassed!  - Failed:     0, Passed:     4, Skipped:     1, Total:     5, Duration: 1 s - B.Tests.dll (net10.0)", "dotnet", 6, 1, 1)]
    [InlineData("Test run summary: Failed! - bin/x.dll (net10.0|x64)\n  total: 7\n  failed: 2\n  succeeded: 5\n  skipped: 0", "dotnet", 5, 2, 0)]
    [InlineData("Test run summary: Failed!\n total: 7 failed: 2 succeeded: 5 skipped: 0 duration: 1s", "dotnet", 5, 2, 0)]
    [InlineData("collected 8 items\n\ntest_a.py ..F.s.E.\n=========== 1 failed, 5 passed, 1 skipped, 1 error in 0.12s ===========", "pytest", 5, 2, 1)]
    [InlineData("============================== 3 passed in 0.01s ===============================", "pytest", 3, 0, 0)]
    [InlineData("running 3 tests\ntest result: FAILED. 1 passed; 1 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.17s\n\nrunning 1 test\ntest result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out", "cargo", 2, 1, 1)]
    [InlineData("=== RUN   TestA\n--- PASS: TestA (0.00s)\n=== RUN   TestB\n--- FAIL: TestB (0.00s)\n    --- FAIL: TestB/sub (0.00s)\n--- SKIP: TestC (0.00s)\nFAIL\nFAIL\texample.com/m\t0.003s", "go", 1, 1, 1)]
    [InlineData("# example.com/m\n./a.go:3:1: syntax error\nFAIL\texample.com/m [build failed]", "go", 0, 1, 0)]
    [InlineData("Test Suites: 1 failed, 1 total\nTests:       1 failed, 1 skipped, 2 passed, 4 total\nSnapshots:   0 total", "jest", 2, 1, 1)]
    [InlineData(" Test Files  1 failed (1)\n      Tests  1 failed | 2 passed | 1 skipped (4)\n   Start at  10:00:00", "vitest", 2, 1, 1)]
    [InlineData("ℹ tests 3\nℹ suites 0\nℹ pass 2\nℹ fail 1\nℹ cancelled 0\nℹ skipped 0\nℹ todo 0", "node", 2, 1, 0)]
    [InlineData("running my suite\nresults: 9 passed, 2 failed, 1 skipped", "plain", 9, 2, 1)]
    [InlineData("12 passed, 0 failed", "plain", 12, 0, 0)]
    [InlineData("FAIL add 2 3: expected 5, got -1\n1 passed, 1 failed", "plain", 1, 1, 0)]
    public void Recognises_each_runner(string output, string? runner, int passed, int failed, int skipped)
    {
        var summary = TestOutputReader.Read(output);
        if (runner is null)
        {
            Assert.Null(summary);
            return;
        }
        Assert.NotNull(summary);
        Assert.Equal((runner, passed, failed, skipped), (summary.Runner, summary.Passed, summary.Failed, summary.Skipped));
    }

    [Fact]
    public void Output_without_a_summary_is_not_read_as_anything()
    {
        Assert.Null(TestOutputReader.Read("error CS1002: ; expected\nBuild FAILED."));
        Assert.Null(TestOutputReader.Read("The model says: all 10 tests passed!"));
    }

    [Fact]
    public async Task Reads_a_real_node_test_run()
    {
        using var dir = new TempDir();
        await File.WriteAllTextAsync(dir.Combine("a.test.mjs"), """
            import test from 'node:test';
            import assert from 'node:assert';
            test('adds', () => assert.equal(1 + 1, 2));
            test('fails', () => assert.equal(1 + 1, 3));
            test.skip('later', () => {});
            """);
        var run = await ProcessRunner.RunAsync("node", ["--test", "a.test.mjs"], new ProcessOptions { WorkingDirectory = dir.Path }, default);
        var summary = TestOutputReader.Read(run.StandardOutput + run.StandardError);
        Assert.NotNull(summary);
        Assert.Equal(("node", 1, 1, 1), (summary.Runner, summary.Passed, summary.Failed, summary.Skipped));
    }
}
