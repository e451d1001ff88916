using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Adjustments;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Integration.Tests.Adjustments;
using OptionsAutomation.Integration.Tests.Exits;
using OptionsAutomation.Integration.Tests.Proposals;
using OptionsAutomation.Integration.Tests.Support;
using Xunit.Abstractions;

namespace OptionsAutomation.Integration.Tests.Recovery;

/// <summary>
/// Fault injection: 100 seeded trials, each killing the "process" at one named step of an approval, a close or a
/// settlement (before or after a store or broker call), then restarting — fresh services over the same database and
/// the same paper broker book — and letting recovery and the next job run finish the work. After every trial:
/// no second order at the broker, no fill the broker made that we did not store, no position without its fills,
/// every order and proposal final, every order's audit trail complete (see <see cref="TrialInvariants"/>).
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Slow")]
public sealed class CrashRecoveryTrials(PostgresServer server, ITestOutputHelper output)
{
    private const int Trials = 100;
    private const int Seed = 20261206;
    private const int MinimumCrashes = 70;

    // Every write of an approval is a journal entry, counted in order: #1 APPROVED, #2 EXECUTING with its opening order
    // recorded (one entry), then the order's progress, the position opened and the booking (their numbers depend on the fills).
    private static readonly CrashStep[] ApproveSteps =
    [
        new("ITradingEntry", "LockProposalAsync", 1, After: false),
        new("ITradingEntry", "CommitAsync", 1, After: true),
        new("ITradingEntry", "CommitAsync", 2, After: true),
        new("ITradingEntry", "CommitAsync", 3, After: false),
        new("ITradingEntry", "CommitAsync", 3, After: true),
        new("IBroker", "PlaceAsync", 1, After: false),
        new("IBroker", "PlaceAsync", 1, After: true),
        new("ITradingEntry", "CommitAsync", 4, After: true),
        new("IBroker", "GetOrderAsync", 1, After: true),
        new("IBroker", "GetOrderAsync", 3, After: true),
        new("IBroker", "CancelAsync", 1, After: false),
        new("IBroker", "CancelAsync", 1, After: true),
        new("ITradingEntry", "OpenPositionAsync", 1, After: false),
        new("ITradingEntry", "OpenPositionAsync", 1, After: true),
        new("ITradingEntry", "CommitAsync", 5, After: false),
        new("ITradingEntry", "CommitAsync", 5, After: true),
        new("ITradingEntry", "CommitAsync", 6, After: false),
        new("ITradingEntry", "CommitAsync", 6, After: true),
    ];

    private static readonly CrashStep[] CloseSteps =
    [
        new("IMarkLedger", "RecordMarksAsync", 1, After: true),
        // Journal entries of a close: #1 the closing order recorded, then its progress and its booking.
        new("ITradingEntry", "LockPositionAsync", 1, After: false),
        new("ITradingEntry", "CommitAsync", 1, After: false),
        new("ITradingEntry", "CommitAsync", 1, After: true),
        new("IBroker", "PlaceAsync", 1, After: false),
        new("IBroker", "PlaceAsync", 1, After: true),
        new("ITradingEntry", "CommitAsync", 2, After: true),
        new("IBroker", "GetOrderAsync", 1, After: true),
        new("IBroker", "GetOrderAsync", 2, After: true),
        new("ITradingEntry", "CommitAsync", 3, After: false),
        new("ITradingEntry", "CommitAsync", 3, After: true),
    ];

    private static readonly CrashStep[] SettleSteps =
    [
        new("ITradingEntry", "CommitAsync", 1, After: false),
        new("ITradingEntry", "CommitAsync", 1, After: true),
    ];

    [Fact]
    public async Task HundredSeededCrashes_OverApproveCloseAndExpire_RecoverWithoutASecondOrderOrALostFill()
    {
        var random = new Random(Seed);
        var fired = new HashSet<CrashStep>();
        var crashes = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            var kind = random.Next(10) switch { < 4 => "approve", < 8 => "close", _ => "expire" };
            var steps = kind switch { "approve" => ApproveSteps, "close" => CloseSteps, _ => SettleSteps };
            var step = steps[random.Next(steps.Length)];
            var perFill = random.Next(3);
            output.WriteLine($"trial {trial}: {kind}, crash {step}, {perFill} contract(s) per fill");
            await using var db = await TestDatabase.CreateAsync(server);
            try
            {
                var crashed = await (kind switch
                {
                    "approve" => ApproveTrialAsync(db, step, perFill, random.Next(2) == 0),
                    "close" => CloseTrialAsync(db, step, perFill, 1 + random.Next(3)),
                    _ => SettleTrialAsync(db, step),
                });
                await TrialInvariants.AssertAsync(db);
                if (crashed)
                {
                    crashes++;
                    fired.Add(step);
                }
            }
            catch (Exception e) when (e is not SimulatedCrashException)
            {
                throw new InvalidOperationException($"trial {trial} ({kind}, crash {step}, {perFill} per fill) failed: {e.Message}", e);
            }
        }

        // The trials prove something only where the process really died: most trials, and every kind of step.
        var never = ApproveSteps.Concat(CloseSteps).Concat(SettleSteps).Where(s => !fired.Contains(s)).ToList();
        output.WriteLine($"{crashes} of {Trials} trials crashed; steps that never fired: {string.Join("; ", never)}");
        Assert.True(crashes >= MinimumCrashes, $"only {crashes} of {Trials} trials crashed");
    }

    /// <summary>Approving the 3-contract SPY 370 put of 2021-03-01; the market fills at once, or one contract and then rests.</summary>
    private static async Task<bool> ApproveTrialAsync(TestDatabase db, CrashStep step, int perFill, bool marketMovesAway)
    {
        var close = new DateTimeOffset(2021, 3, 1, 21, 0, 0, TimeSpan.Zero);
        var clock = new RealTimersClock(close);
        var risk = new RiskSettings { MaxOrderNotional = 200_000m, MaxOrderNotionalPercent = 50m };
        var harness = new ProposalHarness(db, clock, risk, new PaperBrokerSettings { StartingEquity = 400_000m, MaxContractsPerFill = perFill });
        var proposal = Assert.Single((await harness.Proposals(ProposalHarness.SpyOnly("CSP"), new SizingSettings { CollateralPerTradePct = 30m })
            .RunAsync(close, CancellationToken.None)).Proposals);
        IMarketData market = marketMovesAway ? new ShiftedMarketData(ProposalHarness.SpyChains2021, close, 0.05m) : ProposalHarness.SpyChains2021;
        var execution = new ExecutionSettings { AllowOutsideSession = true, FillTimeoutSeconds = 30, PollIntervalSeconds = 1 };
        var broker = harness.Broker(market);

        var crashed = await DieAsync(() => harness.Approvals(execution, market, broker, step).ApproveAsync(proposal.RequestId, "alice", CancellationToken.None));

        // The restart comes two minutes later: past the fill timeout and the minute before "never received" is believed.
        clock.Advance(TimeSpan.FromMinutes(2));
        await RecoverTwiceAsync(db, harness.Approvals(execution, market, broker), new ExitHarness(db, clock, broker: broker).Restarted(),
            RollHarness.Service(db, clock, market, broker, execution, new PaperBrokerSettings()));
        return crashed;
    }

    /// <summary>A SPY CSP due to exit at 21 days to expiry, closed by the exit job.</summary>
    private static async Task<bool> CloseTrialAsync(TestDatabase db, CrashStep step, int perFill, int contracts)
    {
        var clock = new RealTimersClock(new DateTimeOffset(2026, 2, 27, 15, 35, 0, TimeSpan.Zero));
        var h = new ExitHarness(db, clock, paper: new PaperBrokerSettings { FeePerContract = 0.65m, MaxContractsPerFill = perFill }, crash: step);
        var position = (await h.OpenCspAsync("close-trial", 580m, 1.50m, new DateOnly(2026, 3, 13), new DateTimeOffset(2026, 2, 20, 14, 17, 0, TimeSpan.Zero), contracts)).Position;
        h.QuoteShortPut(position, 1.10m, 1.20m, clock.GetUtcNow().AddMinutes(-1));

        var crashed = await DieAsync(() => h.RunOneAsync());

        clock.Advance(TimeSpan.FromMinutes(2));
        var exits = h.Restarted();
        await RecoverTwiceAsync(db, new ProposalHarness(db, clock, new RiskSettings()).Approvals(new ExecutionSettings()), exits,
            RollHarness.Service(db, clock, h.Quotes, h.Paper, h.Execution, new PaperBrokerSettings()));
        // The next exit tick closes whatever recovery left open (an order that never reached the broker is not sent late).
        await exits.RunAsync(clock.GetUtcNow(), true, CancellationToken.None);
        Assert.Equal(0, await db.CountAsync("positions", "status = 'OPEN'"));
        Assert.Equal(contracts, await db.ScalarAsync<long>($"SELECT coalesce(sum(quantity), 0) FROM trade_history WHERE position_id = {position.PositionId}"));
        return crashed;
    }

    /// <summary>A SPY CSP expiring out of the money, settled after the close.</summary>
    private static async Task<bool> SettleTrialAsync(TestDatabase db, CrashStep step)
    {
        var expiry = new DateOnly(2026, 3, 20);
        var clock = new RealTimersClock(new DateTimeOffset(2026, 3, 20, 20, 15, 0, TimeSpan.Zero));
        var h = new ExitHarness(db, clock, crash: step);
        await h.OpenCspAsync("settle-trial", 580m, 1.50m, expiry, new DateTimeOffset(2026, 2, 20, 14, 17, 0, TimeSpan.Zero));
        h.Quotes.Underlying("SPY", 600m, new DateTimeOffset(2026, 3, 20, 20, 0, 0, TimeSpan.Zero));

        var crashed = await DieAsync(() => h.Expirations.SettleAsync(expiry, CancellationToken.None));

        await h.RestartedExpirations().SettleAsync(expiry, CancellationToken.None);
        Assert.Equal(1, await db.CountAsync("trade_history", "status = 'EXPIRED'"));
        return crashed;
    }

    /// <summary>Recovery finishes everything in one pass, and never sends an order the dead process had not sent: it only asks.</summary>
    private static async Task RecoverTwiceAsync(TestDatabase db, ApprovalService approvals, ExitService exits, RollService rolls)
    {
        var atTheBroker = await db.CountAsync("paper_orders");
        var recovery = new OrderRecoveryService(new PostgresOrderRecords(db.DataSource), CrashFree(db), approvals, exits, rolls, new PostgresAlertQueue(db.DataSource), TimeProvider.System);
        await recovery.RecoverAsync(CancellationToken.None);
        Assert.Empty(await recovery.RecoverAsync(CancellationToken.None));
        Assert.Equal(atTheBroker, await db.CountAsync("paper_orders"));
    }

    private static PostgresProposalStore CrashFree(TestDatabase db) =>
        new(db.DataSource);

    /// <summary>Runs the work until the injected crash (or to its end, when the step is never reached); true when it died.</summary>
    private static async Task<bool> DieAsync(Func<Task> work)
    {
        try
        {
            await work();
            return false;
        }
        catch (SimulatedCrashException)
        {
            return true;
        }
    }
}
