using Npgsql;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Proposals;

/// <summary>
/// A decision on a proposal is one journal entry: its status, its audit event and its alert are written together or
/// not at all, and Core (not the adapter) decides which decisions alert.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ProposalDecisionJournalTests(PostgresServer server) : IAsyncLifetime
{
    private const string RequestId = "prop-20210301-SPY-CSP";
    private static readonly DateTimeOffset Close = new(2021, 3, 1, 21, 0, 0, TimeSpan.Zero);
    private static readonly RiskSettings LooseRisk = new() { MaxOrderNotionalPercent = 50m };
    private readonly RealTimersClock _clock = new(Close);
    private TestDatabase _db = null!;
    private ProposalHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(server);
        _harness = new ProposalHarness(_db, _clock, LooseRisk);
        await _harness.Proposals(ProposalHarness.SpyOnly("CSP"), new SizingSettings { CollateralPerTradePct = 40m }).RunAsync(Close, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Reject_WritesTheDecisionItsAuditEventAndItsAlert()
    {
        var outcome = await _harness.Approvals(new ExecutionSettings()).RejectAsync(RequestId, "alice", "earnings next week", CancellationToken.None);

        Assert.Equal(ProposalStatus.Rejected, outcome.Status);
        Assert.Equal(1, await _db.CountAsync("trade_requests",
            $"request_id = '{RequestId}' AND status = 'REJECTED' AND decided_by = 'alice' AND decision_reason = 'earnings next week' AND decided_at = '{Close:O}'"));
        Assert.Equal(1, await _db.CountAsync("audit_events",
            $"event_type = 'proposal.rejected' AND actor = 'alice' AND request_id = '{RequestId}' AND data->>'from' = 'PROPOSED' AND data->>'reason' = 'earnings next week'"));
        Assert.Equal(1, await _db.CountAsync("outbox",
            $"payload->>'kind' = 'proposal_rejected' AND payload->>'text' = 'Proposal {RequestId} REJECTED: earnings next week'"));
    }

    [Fact]
    public async Task Reject_WhenItsAlertCannotBeQueued_WritesNothing()
    {
        await _db.FailOutboxInsertsAsync();

        await Assert.ThrowsAsync<PostgresException>(() => _harness.Approvals(new ExecutionSettings()).RejectAsync(RequestId, "alice", null, CancellationToken.None));

        Assert.Equal(1, await _db.CountAsync("trade_requests", $"request_id = '{RequestId}' AND status = 'PROPOSED' AND decided_by IS NULL"));
        Assert.Equal(0, await _db.CountAsync("audit_events", "event_type = 'proposal.rejected'"));
    }

    [Fact]
    public async Task Expiry_WritesEachExpiredProposalWithItsAuditAndAlert_InOneEntry()
    {
        _clock.SetUtcNow(Close.AddMinutes(31));

        var expired = Assert.Single(await _db.Expiry().ExpireDueAsync(_clock.GetUtcNow(), CancellationToken.None));

        Assert.Equal((ProposalStatus.Expired, "system"), (expired.Status, expired.DecidedBy));
        Assert.Equal(1, await _db.CountAsync("audit_events", $"event_type = 'proposal.expired' AND actor = 'system' AND request_id = '{RequestId}'"));
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'kind' = 'proposal_expired'"));
        Assert.Empty(await _db.Expiry().ExpireDueAsync(_clock.GetUtcNow(), CancellationToken.None));
    }

    [Fact]
    public async Task Approve_WritesNoAlertForTheApproval()
    {
        var before = await _db.CountAsync("outbox");

        await _harness.Approvals(new ExecutionSettings { AllowOutsideSession = true }).ApproveAsync(RequestId, "alice", CancellationToken.None);

        Assert.Equal(1, await _db.CountAsync("audit_events", $"event_type = 'proposal.approved' AND actor = 'alice' AND data->>'from' = 'PROPOSED'"));
        // The approval itself does not page; its outcome (executed) does.
        Assert.Equal(1, await _db.CountAsync("outbox") - before);
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'kind' = 'executed'"));
    }
}
