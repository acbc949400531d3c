using Smooth.Surveillance.Rules;

namespace Smooth.Surveillance.Tests;

/// <summary>The allowlisted values are asked as one joined pattern; it must allow exactly what one of them allows.</summary>
public sealed class AllowValueTests
{
    [Fact]
    public void The_joined_pattern_allows_what_one_of_the_patterns_allows()
    {
        var project = RuleFileParser.Parse("allowlist:\n  values:\n    - '^AKIA0{16}$'\n    - '(?i)^test-[a-z]+$'\n    - 'ZZ'\n", "project.yaml");
        var set = RuleSetLoader.Build([RuleFileParser.Parse(RuleSetLoader.ReadBuiltinText(), RuleSetLoader.BuiltinSource), project]);
        Assert.True(set.AllowValues.Count > 3);
        string[] values =
        [
            "AKIA0000000000000000", "xAKIA0000000000000000", "TEST-abc", "test-abc1", "aZZb", "zz",
            "my_api_key", "sk_live_EXAMPLE123", "ghp_8f3Kq0Lm2Nw7Zx5Vb1Rt9Yu4Ip6Oa3Sd", "${TOKEN}", "<your-token>", "xxxxxxxx", "",
        ];
        foreach (var v in values)
        {
            Assert.Equal(set.AllowValues.Any(a => a.IsMatch(v)), set.IsAllowedValue(v));
        }
        Assert.True(set.IsAllowedValue("TEST-abc"));
        Assert.False(set.IsAllowedValue("ghp_8f3Kq0Lm2Nw7Zx5Vb1Rt9Yu4Ip6Oa3Sd"));
    }
}
