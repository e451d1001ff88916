using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Integration.Tests.Recovery;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Adjustments;

/// <summary>
/// Kills the "process" at each step of a roll (before or after a journal entry or a broker call), then
/// restarts — fresh services over the same database and paper broker book — and lets order recovery finish. After each:
/// recovery sent nothing, every order is final and agrees with the broker, every broker fill is stored against a
/// position (<see cref="TrialInvariants"/>), and what filled rolled exactly: the old position closed that many contracts,
/// the new one holds them; nothing filled leaves the old position whole and opens nothing.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RollCrashTests(PostgresServer server)
{
    // Journal entries of a roll filled at once: #1 the order recorded, #2 its booking. One contract per fill adds the
    // partial fill's progress as #2 and a poll that fills the rest; the booking is then #3.
    public static TheoryData<CrashStep, int> Steps { get; } = new()
    {
        { new("ITradingEntry", "LockPositionAsync", 1, After: false), 0 },
        { new("ITradingEntry", "CommitAsync", 1, After: false), 0 },
        { new("ITradingEntry", "CommitAsync", 1, After: true), 0 },
        { new("IBroker", "PlaceAsync", 1, After: false), 0 },
        { new("IBroker", "PlaceAsync", 1, After: true), 0 },
        { new("ITradingEntry", "LockPositionAsync", 2, After: true), 0 },
        { new("ITradingEntry", "OpenPositionAsync", 1, After: false), 0 },
        { new("ITradingEntry", "OpenPositionAsync", 1, After: true), 0 },
        { new("ITradingEntry", "CommitAsync", 2, After: false), 0 },
        { new("ITradingEntry", "CommitAsync", 2, After: true), 0 },
        { new("IBroker", "PlaceAsync", 1, After: true), 1 },
        { new("ITradingEntry", "CommitAsync", 2, After: true), 1 },
        { new("IBroker", "GetOrderAsync", 1, After: false), 1 },
        { new("IBroker", "GetOrderAsync", 1, After: true), 1 },
        { new("ITradingEntry", "CommitAsync", 3, After: false), 1 },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task AKilledRoll_IsFinishedByRecovery_WithoutASecondOrderOrALostFill(CrashStep step, int perFill)
    {
        await using var db = await TestDatabase.CreateAsync(server);
        var h = new RollHarness(db, step, new PaperBrokerSettings { FeePerContract = 0.65m, PriceImprovement = 0m, MaxContractsPerFill = perFill });
        var old = await h.OpenVpcAsync();
        h.QuoteRoll(RollHarness.Now.AddSeconds(-30));

        await Assert.ThrowsAsync<SimulatedCrashException>(() => h.Rolls.RollAsync(RollHarness.Request(old.PositionId), CancellationToken.None));
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        var atTheBroker = await db.CountAsync("paper_orders");
        var recovery = h.Recovery();
        await recovery.RecoverAsync(CancellationToken.None);

        Assert.Empty(await recovery.RecoverAsync(CancellationToken.None));
        Assert.Equal(atTheBroker, await db.CountAsync("paper_orders"));
        await TrialInvariants.AssertAsync(db);
        var filled = await db.ScalarAsync<int>("SELECT coalesce(sum(filled_quantity), 0)::int FROM orders WHERE intent = 'ROLL'");
        Assert.Equal(filled, await db.ScalarAsync<int>("SELECT coalesce(max(filled_quantity), 0)::int FROM paper_orders"));
        Assert.Equal(filled == 2 ? "CLOSED" : "OPEN", await db.ScalarAsync<string>($"SELECT status FROM positions WHERE position_id = {old.PositionId}"));
        Assert.Equal(filled, await db.ScalarAsync<int>($"SELECT coalesce(sum(quantity), 0)::int FROM trade_history WHERE position_id = {old.PositionId} AND exit_reason = 'roll'"));
        Assert.Equal(filled, await db.ScalarAsync<int>(
            $"SELECT coalesce(sum(quantity), 0)::int FROM positions WHERE rolled_from_position_id = {old.PositionId} AND status = 'OPEN' AND entry_price = 1.10"));
        Assert.Equal(filled > 0 ? 1 : 0, await db.CountAsync("positions", $"rolled_from_position_id = {old.PositionId}"));
    }
}
