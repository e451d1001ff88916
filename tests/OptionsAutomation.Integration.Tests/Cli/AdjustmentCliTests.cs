using OptionsAutomation.Core.Trading.Adjustments;
using OptionsAutomation.Integration.Tests.Adjustments;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary><c>optauto adjustments list|approve|reject</c> as a child process against a seeded recommendation.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class AdjustmentCliTests(PostgresServer server) : CliTestBase(server)
{
    [Fact]
    public async Task ListShowsThePendingRecommendation_RejectDecidesIt_AndApprovingItAfterwardsIsRefused()
    {
        var position = await SeedOpenCspAsync("cli-adjust");
        var pending = await AdjustmentSeed.PendingAsync(Db.Journal(), position, AdjustmentKind.Reduce, DateTimeOffset.UtcNow);

        var listed = (await Cli.RunAsync("adjustments", "list", "--status", "PENDING", "--json")).Succeeded().Json().Items();
        Assert.Equal((pending.Id, "REDUCE", 64L, "HIGH"), (listed.Single().Int("id"), listed.Single().Str("kind"), listed.Single().Int("risk_score"), listed.Single().Str("urgency")));
        var table = (await Cli.RunAsync("adjustments", "list")).Succeeded().Stdout;
        Assert.Contains($"{pending.Id}: seeded", table, StringComparison.Ordinal);
        Assert.Contains("1 recommendation(s)", table, StringComparison.Ordinal);

        var rejected = (await Cli.RunAsync("adjustments", "reject", $"{pending.Id}", "--reason", "holding it")).Succeeded().Stdout;
        Assert.Equal($"adjustment {pending.Id}: REJECTED — REJECTED by cli: holding it", rejected.Trim());

        var late = (await Cli.RunAsync("adjustments", "approve", $"{pending.Id}", "--json")).WasRefused().Json();
        Assert.Equal("REJECTED", late.GetProperty("adjustment").Str("status"));
        Assert.Equal(0, await Db.CountAsync("orders"));
        Assert.Empty((await Cli.RunAsync("adjustments", "list", "--status", "PENDING", "--json")).Succeeded().Json().Items());
    }

    [Fact]
    public async Task AnUnknownId_IsAnError()
    {
        var result = (await Cli.RunAsync("adjustments", "approve", "424242")).WasRefused();

        Assert.Contains("error: adjustment 424242 not found.", result.Stderr, StringComparison.Ordinal);
    }
}
