using System.Text.Json;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Outbox;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Infrastructure.Telegram;
using OptionsAutomation.Integration.Tests.Proposals;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Telegram;

/// <summary>
/// The outbox sender against a migrated test database and the loopback Bot API. Rows are queued the way the
/// services queue them (<see cref="OutboxWriter"/>, the proposal store); proposals and approvals run on a manual
/// clock, the sender on the skipping clock, both starting at <c>start</c>.
/// </summary>
public abstract class OutboxTestBase(PostgresServer postgres, DateTimeOffset start) : TelegramTestBase(start)
{
    private readonly RealTimersClock _tradingClock = new(start);

    protected TestDatabase Db { get; private set; } = null!;

    protected CapturingLogger<OutboxDelivery> DeliveryLog { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Db = await TestDatabase.CreateAsync(postgres);
    }

    public override async Task DisposeAsync()
    {
        await Db.DisposeAsync();
        await base.DisposeAsync();
    }

    protected OutboxDelivery Delivery(TelegramSettings? settings = null)
    {
        settings ??= Settings();
        var harness = Harness();
        return new OutboxDelivery(
            Client(settings), settings, Card(settings), harness.Store(), harness.Approvals(new ExecutionSettings()),
            new AdjustmentCard(new CallbackData(settings.CallbackSecret!)), new PostgresAdjustmentStore(Db.DataSource), Db.DataSource, Clock, DeliveryLog);
    }

    protected static ProposalCard Card(TelegramSettings settings) => new(new CallbackData(settings.CallbackSecret!), 100);

    protected PostgresProposalStore ProposalStore() => Harness().Store();

    /// <summary>Runs the screener on SPY CSP only; at the 2021-03-01 close it proposes one put.</summary>
    protected async Task<TradeProposal> ProposeAsync() =>
        Assert.Single((await Harness().Proposals(ProposalHarness.SpyOnly("CSP"), new SizingSettings { CollateralPerTradePct = 40m })
            .RunAsync(_tradingClock.GetUtcNow(), CancellationToken.None)).Proposals);

    protected ApprovalService Approvals() => Harness().Approvals(new ExecutionSettings { AllowOutsideSession = true });

    /// <summary>Queues the alerts in one transaction, as the change they report would, at the current time.</summary>
    protected async Task EnqueueAsync(params Alert[] alerts)
    {
        await using var connection = await Db.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var alert in alerts)
        {
            await OutboxWriter.EnqueueAsync(transaction, alert, Clock.GetUtcNow());
        }

        await transaction.CommitAsync();
    }

    protected async Task<OutboxRow> RowAsync(string dedupKey)
    {
        await using var command = Db.DataSource.CreateCommand(
            "SELECT delivery, attempts, last_error, delivered_at, available_at FROM outbox WHERE dedup_key = $1");
        command.Parameters.AddWithValue(dedupKey);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no outbox row {dedupKey}");
        return new OutboxRow(
            reader.IsDBNull(0) ? null : reader.GetString(0),
            reader.GetInt32(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
            reader.GetFieldValue<DateTimeOffset>(4));
    }

    /// <summary>The text of every sendMessage request, in the order the server saw them.</summary>
    protected IReadOnlyList<string> SentTexts() => [.. Server.Calls("sendMessage").Select(c => c.Body.GetProperty("text").GetString()!)];

    protected static bool Has(JsonElement body, string property) => body.TryGetProperty(property, out _);

    private ProposalHarness Harness() => new(Db, _tradingClock, new RiskSettings { MaxOrderNotionalPercent = 50m });
}
