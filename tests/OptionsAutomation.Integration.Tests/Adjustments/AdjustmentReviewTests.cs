using OptionsAutomation.Core.Trading.Adjustments;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Adjustments;

/// <summary>The sweep's recommendations in Postgres: one PENDING per position, updated, superseded and expired, each audited and alerted.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AdjustmentReviewTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task AThreatenedPosition_IsRecommendedOnce_UpdatedWithTheMarket_SupersededByARoll_AndExpiredWhenItCalms()
    {
        var f = await AdjustmentFixture.CreateAsync(_db, new RecordingRollExecutor());

        var first = await f.ReviewOneAsync();
        Assert.Equal((AdjustmentKind.Reduce, AdjustmentStatus.Pending, 64, AdjustmentUrgency.High, 1), (first.Kind, first.Status, first.RiskScore, first.Urgency, first.Contracts));
        Assert.Equal(1, await _db.CountAsync("audit_events", $"event_type = 'adjustment.recommended' AND entity_id = '{first.Id}' AND data->>'kind' = 'REDUCE'"));
        Assert.Equal(1, await _db.CountAsync("outbox", $"payload->>'kind' = 'adjustment' AND (payload->>'adjustment_id')::bigint = {first.Id}"));

        // The same quotes again: nothing is written.
        Assert.Equal(first, await f.ReviewOneAsync());
        Assert.Equal(1, await _db.CountAsync("audit_events", "event_type LIKE 'adjustment.%'"));

        // Deeper: 6.90/7.10 at −0.60 → delta 1 → 35, loss 800 of 115,400 → 0.35, time 8.57 → 68.92 → 69, still HIGH: updated, no new card.
        f.QuoteShortPut(6.90m, 7.10m, -0.60, 578m);
        var updated = await f.ReviewOneAsync();
        Assert.Equal((first.Id, 69, AdjustmentUrgency.High), (updated.Id, updated.RiskScore, updated.Urgency));
        Assert.Equal(1, await _db.CountAsync("audit_events", $"event_type = 'adjustment.updated' AND entity_id = '{first.Id}' AND (data->'details'->>'from_score')::int = 64"));
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'kind' = 'adjustment'"));

        // A roll for a credit appears: 575 bid 6.90 − close at the 7.10 ask = −0.20 is no credit, 580 at 8.90 → 1.80 is.
        f.QuoteAprilChain();
        var roll = await f.ReviewOneAsync();
        Assert.Equal(AdjustmentKind.Roll, roll.Kind);
        Assert.Equal(new RollTarget(AdjustmentFixture.April, 580m, null, 1.80m), roll.Roll);
        Assert.Equal(1, await _db.CountAsync("adjustments", "status = 'PENDING'"));
        Assert.Equal(1, await _db.CountAsync("adjustments", $"id = {first.Id} AND status = 'EXPIRED' AND outcome = 'superseded by a ROLL recommendation' AND decided_by = 'adjustment-advisor'"));
        Assert.Equal(1, await _db.CountAsync("outbox", $"payload->>'kind' = 'adjustment_expired' AND (payload->>'adjustment_id')::bigint = {first.Id}"));

        // Calm: 0.90/1.10 at −0.15 with SPY at 600 scores 11 (distance 8.33, time 2.86), below 50 − 10: EXPIRED, conditions cleared.
        f.QuoteShortPut(0.90m, 1.10m, -0.15, 600m);
        Assert.Empty((await f.SweepAsync()).Pending);
        Assert.Equal(AdjustmentStatus.Expired, (await f.Store.FindAsync(roll.Id, CancellationToken.None))!.Status);
        Assert.Equal("conditions cleared", (await f.Store.FindAsync(roll.Id, CancellationToken.None))!.Outcome);
        Assert.Equal(3, await _db.CountAsync("audit_events", "event_type = 'adjustment.recommended' OR event_type = 'adjustment.expired' AND data->>'kind' = 'ROLL'"));
    }

    [Fact]
    public async Task APendingRecommendation_ExpiresWhenItsPositionCloses()
    {
        var f = await AdjustmentFixture.CreateAsync(_db, new RecordingRollExecutor());
        var pending = await f.ReviewOneAsync();

        await f.Harness.Exits.CloseManuallyAsync(f.Position.PositionId, "test", CancellationToken.None);
        Assert.Empty((await f.SweepAsync()).Pending);

        var expired = (await f.Store.FindAsync(pending.Id, CancellationToken.None))!;
        Assert.Equal((AdjustmentStatus.Expired, "position no longer open"), (expired.Status, expired.Outcome));
    }

    [Fact]
    public async Task APositionWhoseChainCannotBeRead_IsReportedAndTheOthersAreStillReviewed()
    {
        var f = await AdjustmentFixture.CreateAsync(_db, new RecordingRollExecutor());
        var qqq = (await f.Harness.OpenCspAsync("adj-qqq", 480m, 3.00m, AdjustmentFixture.March, f.Harness.Clock.GetUtcNow().AddDays(-7), ticker: "QQQ")).Position;
        f.Harness.Quotes.Quote(qqq.Legs[0].Contract, 5.90m, 6.10m, f.Harness.Clock.GetUtcNow().AddMinutes(-1), 478m, 0.2, -0.55);
        var review = new AdjustmentReview(_db.Store(f.Harness.Clock), new ChainlessQqq(f.Harness.Quotes),
            f.Harness.Journal, new AdjustmentSettings(), new Core.Proposals.ProposalSettings(), new Core.Calendar.NyseCalendar(), f.Harness.Clock);

        var outcome = await f.SweepAsync(review);

        Assert.Equal(f.Position.PositionId, Assert.Single(outcome.Pending).PositionId);
        Assert.Equal($"position {qqq.PositionId}: QQQ chain feed down", Assert.Single(outcome.Failed));
    }

    /// <summary>The scripted quotes, but reading QQQ's chain fails as a feed that is down does.</summary>
    private sealed class ChainlessQqq(ScriptedMarketData quotes) : Core.MarketData.IMarketData
    {
        public ValueTask<Core.MarketData.UnderlyingQuote?> GetUnderlyingQuoteAsync(string symbol, DateTimeOffset asOf, CancellationToken cancellationToken) =>
            quotes.GetUnderlyingQuoteAsync(symbol, asOf, cancellationToken);

        public ValueTask<Core.MarketData.OptionQuote?> GetOptionQuoteAsync(Core.Instruments.OptionContract contract, DateTimeOffset asOf, CancellationToken cancellationToken) =>
            quotes.GetOptionQuoteAsync(contract, asOf, cancellationToken);

        public ValueTask<Core.MarketData.OptionChain?> GetChainAsync(string underlying, DateTimeOffset asOf, CancellationToken cancellationToken) =>
            underlying == "QQQ" ? throw new IOException("QQQ chain feed down") : quotes.GetChainAsync(underlying, asOf, cancellationToken);
    }

    [Fact]
    public async Task TurnedOff_NothingIsEvaluated()
    {
        var f = await AdjustmentFixture.CreateAsync(_db, new RecordingRollExecutor());

        Assert.Empty((await f.SweepAsync(f.Harness.Review(new AdjustmentSettings { Enabled = false }))).Pending);
        Assert.Equal(0, await _db.CountAsync("adjustments"));
    }

    [Fact]
    public async Task ConcurrentSweeps_KeepOnePendingRecommendation()
    {
        var f = await AdjustmentFixture.CreateAsync(_db, new RecordingRollExecutor());

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => f.SweepAsync(f.Harness.Review()))));

        Assert.Equal(1, await _db.CountAsync("adjustments"));
        Assert.Equal(1, await _db.CountAsync("audit_events", "event_type = 'adjustment.recommended'"));
    }
}
