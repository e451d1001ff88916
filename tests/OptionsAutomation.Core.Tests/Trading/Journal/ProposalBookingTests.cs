using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Tests.Support;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Journal;

namespace OptionsAutomation.Core.Tests.Trading.Journal;

/// <summary>Core, not the adapter, decides what a decision on a proposal writes and which decisions alert.</summary>
public sealed class ProposalBookingTests
{
    private static readonly DateTimeOffset Now = TestDates.Now;

    [Fact]
    public void Reject_MovesTheProposalAndAlertsItsOutcome()
    {
        var proposed = Proposal(ProposalStatus.Proposed);

        var (moved, events) = ProposalBooking.Move(proposed, [ProposalStatus.Proposed], ProposalStatus.Rejected, "alice", "too close to earnings", Now)!.Value;

        Assert.Equal((ProposalStatus.Rejected, "alice", (DateTimeOffset?)Now, "too close to earnings", Now),
            (moved.Status, moved.DecidedBy, moved.DecidedAt, moved.DecisionReason, moved.UpdatedAt));
        Assert.Collection(events,
            e => Assert.Equal(new ProposalDecided(moved, ProposalStatus.Proposed, "alice", "too close to earnings"), e),
            e => Assert.Equal("Proposal req-1 REJECTED: too close to earnings", Assert.IsType<AlertRaised>(e).Alert.Text));
    }

    [Theory]
    [InlineData(ProposalStatus.Approved)]
    [InlineData(ProposalStatus.Executing)]
    public void ApproveOrExecute_MovesWithoutAnAlert(ProposalStatus to)
    {
        var from = to == ProposalStatus.Approved ? ProposalStatus.Proposed : ProposalStatus.Approved;

        var (moved, events) = ProposalBooking.Move(Proposal(from) with { DecisionReason = "PASS 9/9" }, [from], to, "alice", null, Now)!.Value;

        Assert.Equal("PASS 9/9", moved.DecisionReason);
        Assert.Equal(new ProposalDecided(moved, from, "alice", null), Assert.Single(events));
    }

    [Fact]
    public void Move_FromAStatusItIsNotIn_ChangesNothing()
    {
        Assert.Null(ProposalBooking.Move(Proposal(ProposalStatus.Executed), [ProposalStatus.Proposed], ProposalStatus.Rejected, "alice", null, Now));
    }

    [Fact]
    public void Expire_IsDecidedByTheSystemAndAlerted()
    {
        var (moved, events) = ProposalBooking.Expire(Proposal(ProposalStatus.Proposed), Now);

        Assert.Equal((ProposalStatus.Expired, "system", "approval window passed"), (moved.Status, moved.DecidedBy, moved.DecisionReason));
        Assert.Equal("proposal_expired", Assert.IsType<AlertRaised>(events[1]).Alert.Kind);
        Assert.Throws<InvalidOperationException>(() => ProposalBooking.Expire(Proposal(ProposalStatus.Rejected), Now));
    }

    [Fact]
    public void Proposed_AndDenied_AreAuditedAndAlerted()
    {
        var created = Proposal(ProposalStatus.Proposed);

        Assert.Equal([new ProposalCreated(created, "screener"), new AlertRaised(Alert.Proposed(created))], ProposalBooking.Proposed(created, "screener"));
        Assert.Equal([new RiskDenied("req-2", "MAX_POSITIONS", "screener"), new AlertRaised(Alert.RiskDenied("req-2", "MAX_POSITIONS"))],
            ProposalBooking.Denied("req-2", "MAX_POSITIONS", "screener"));
    }

    private static TradeProposal Proposal(ProposalStatus status)
    {
        var strategy = CreditStrategy.Create(StrategyType.CashSecuredPut, "SPY", new DateOnly(2026, 4, 17), 580m, null, 1.50m);
        return new TradeProposal
        {
            RequestId = "req-1",
            Status = status,
            Ticker = "SPY",
            StrategyType = StrategyType.CashSecuredPut,
            Expiration = strategy.Expiration,
            ShortStrike = 580m,
            NetCredit = 1.50m,
            Quantity = 1,
            MaxLoss = 57_850m,
            Collateral = 58_000m,
            Legs = strategy.Legs,
            ProposedAt = Now.AddMinutes(-10),
            ExpiresAt = Now.AddMinutes(20),
            UpdatedAt = Now.AddMinutes(-10),
        };
    }
}
