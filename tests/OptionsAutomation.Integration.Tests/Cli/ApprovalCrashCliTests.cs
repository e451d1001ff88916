using Microsoft.Extensions.Logging.Abstractions;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// An approval whose process is killed between placing the order and its fill is finished or undone by the
/// next approval, from the database rows alone. The market is the last SPY chain of 2021 (the 2022-01-21 455
/// put at 1.62/1.64); the proposal asks 2.45, above the mid, so the paper order rests unfilled.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
[Trait("Category", "Slow")]
public sealed class ApprovalCrashCliTests(PostgresServer server) : CliTestBase(server)
{
    private const string RequestId = "prop-crash-SPY-CSP";

    protected override IReadOnlyDictionary<string, string> CliEnvironment { get; } = new Dictionary<string, string>
    {
        ["MarketData__Provider"] = "csv",
        ["MarketData__Csv__ChainFiles__0"] = Path.Combine(RepositoryRoot.Path, "data", "market", "chains", "spy_2021", "spy_options_2021.csv"),
        ["Execution__AllowOutsideSession"] = "true",
        ["Execution__PollIntervalSeconds"] = "0.2",
        // The order must rest at the proposal's limit: no price walk toward the bid.
        ["Execution__PriceWalk__Enabled"] = "false",
        // The quotes are years old and the limit is 50% off the mid: let the gate pass them so the order rests.
        ["Risk__MaxQuoteAgeMinutes"] = "100000000",
        ["Risk__MaxPriceDeviationPercent"] = "100",
        ["Risk__MaxOrderNotionalPercent"] = "100",
        ["Risk__MaxExposurePercent"] = "100",
    };

    [Fact]
    public async Task KilledWhileTheOrderRests_IsUndoneByTheNextApproval()
    {
        await KillApprovalWhileItRestsAsync();

        // What the crash left: EXECUTING, the order at the broker, no position.
        Assert.Equal(1, await Db.CountAsync("trade_requests", $"request_id = '{RequestId}' AND status = 'EXECUTING'"));
        Assert.Equal(0, await Db.CountAsync("positions"));

        using var quick = new OptautoProcess(Db.ConnectionString, new Dictionary<string, string>(CliEnvironment) { ["Execution__FillTimeoutSeconds"] = "1" });
        var resumed = (await quick.RunAsync("proposals", "approve", RequestId, "--json")).WasRefused().Json();

        Assert.Equal("FAILED", resumed.Str("status"));
        Assert.Equal("failed: order not filled: cancelled: not filled within 1 s", resumed.Str("message"));
        Assert.Equal(1, await Db.CountAsync("orders", $"client_order_id = 'open-{RequestId}' AND status = 'CANCELLED'"));
        Assert.Equal(1, await Db.CountAsync("trade_requests", $"request_id = '{RequestId}' AND status = 'FAILED'"));
        Assert.Equal(0, await Db.CountAsync("positions"));
    }

    [Fact]
    public async Task KilledWhileTheOrderRests_TheWorkerFinishesItAtStartUp_WithoutAnyoneApprovingAgain()
    {
        await KillApprovalWhileItRestsAsync();

        // The worker starts (in-memory scheduler, any free port): its recovery job runs at once, asks the paper broker —
        // whose book outlived the killed process — follows the resting order to its 1 s timeout and fails the proposal.
        using var worker = new OptautoProcess(Db.ConnectionString, new Dictionary<string, string>(CliEnvironment)
        {
            ["Execution__FillTimeoutSeconds"] = "1",
            ["Jobs__Clustered"] = "false",
            ["Service__Urls"] = "http://127.0.0.1:0",
        });
        using (var run = worker.Start("run"))
        {
            await WaitForAsync(async () => await Db.CountAsync("trade_requests", $"request_id = '{RequestId}' AND status = 'FAILED'") == 1);
            run.Kill(entireProcessTree: true);
            await run.WaitForExitAsync();
        }

        Assert.Equal(1, await Db.CountAsync("orders", $"client_order_id = 'open-{RequestId}' AND status = 'CANCELLED' AND filled_quantity = 0"));
        Assert.Equal(1, await Db.CountAsync("paper_orders", $"client_order_id = 'open-{RequestId}' AND status = 'CANCELLED'"));
        Assert.Equal(1, await Db.CountAsync("outbox", $"payload->>'kind' = 'proposal_failed' AND payload->>'request_id' = '{RequestId}'"));
        Assert.Equal(1, await Db.CountAsync("audit_events", $"entity_id = 'open-{RequestId}' AND event_type = 'order.cancelled' AND actor = 'recovery'"));
        Assert.Equal(0, await Db.CountAsync("positions"));
    }

    /// <summary>Seeds the proposal, approves it in a process with a 300 s fill timeout and kills that process while the order rests.</summary>
    private async Task KillApprovalWhileItRestsAsync()
    {
        await SeedProposalAsync();
        using var slow = new OptautoProcess(Db.ConnectionString, new Dictionary<string, string>(CliEnvironment) { ["Execution__FillTimeoutSeconds"] = "300" });
        using (var running = slow.Start("proposals", "approve", RequestId))
        {
            await WaitForAsync(async () => await Db.CountAsync("orders", "intent = 'OPEN' AND status = 'SUBMITTED'") == 1);
            running.Kill(entireProcessTree: true);
            await running.WaitForExitAsync();
        }
    }

    private async Task SeedProposalAsync()
    {
        var strategy = CreditStrategy.Create(StrategyType.CashSecuredPut, "SPY", new DateOnly(2022, 1, 21), 455m, null, 2.45m);
        var terms = PositionTerms.For(strategy, 1, new ExitRuleSettings());
        var now = DateTimeOffset.UtcNow;
        await using var entry = await Db.Journal().BeginAsync(CancellationToken.None);
        await entry.CreateProposalAsync(new TradeProposal
        {
            RequestId = RequestId,
            Status = ProposalStatus.Proposed,
            Ticker = "SPY",
            StrategyType = StrategyType.CashSecuredPut,
            Expiration = strategy.Expiration,
            ShortStrike = 455m,
            NetCredit = 2.45m,
            Quantity = 1,
            MaxLoss = terms.MaxLoss,
            Collateral = terms.Collateral,
            Legs = strategy.Legs,
            ProposedAt = now,
            ExpiresAt = now.AddDays(1),
            UpdatedAt = now,
        }, CancellationToken.None);
        await entry.CommitAsync([], now, CancellationToken.None);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if (await condition())
            {
                return;
            }
        }

        throw new TimeoutException("the condition never held within 60 s");
    }
}
