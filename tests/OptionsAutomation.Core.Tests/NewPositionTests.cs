using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Tests.Support;

namespace OptionsAutomation.Core.Tests;

public sealed class NewPositionTests
{
    private static PositionRuleException Refused(PositionBuilder builder, DateTimeOffset? now = null) =>
        Assert.Throws<PositionRuleException>(() => builder.New(now));

    [Fact]
    public void From_ValidCsp_CarriesRequestAndDerivedTerms()
    {
        var position = PositionBuilder.Csp().WithQuantity(2).WithFees(1.30m).WithRequestId("req-42").New();

        Assert.Equal("req-42", position.RequestId);
        Assert.Equal(StrategyType.CashSecuredPut, position.Strategy.Type);
        Assert.Equal("SPY", position.Strategy.Underlying);
        Assert.Equal(2, position.Quantity);
        Assert.Equal(100, position.Multiplier);
        Assert.Equal(1.30m, position.Fees);
        Assert.Equal(TestDates.OpenedAt, position.EntryDate);
        Assert.Equal("test", position.Actor);
        Assert.Equal(300.00m, position.Terms.MaxProfit);
        Assert.Equal(150.00m, position.Terms.ProfitTarget);
        Assert.Equal(600.00m, position.Terms.StopLoss);
        Assert.Equal(115_700.00m, position.Terms.MaxLoss);
        Assert.Equal(116_000.00m, position.Terms.Collateral);
    }

    [Fact]
    public void From_CappedVpc_CarriesTheWarning()
    {
        var position = PositionBuilder.Vpc(credit: 2.00m).New();

        Assert.Equal(300.00m, position.Terms.StopLoss);
        Assert.Single(position.Terms.Warnings);
    }

    [Fact]
    public void From_UsesRulesForTermsAndMultiplier()
    {
        var rules = new ExitRuleSettings { ProfitTargetFraction = 0.6m, ContractMultiplier = 10 };

        var position = PositionBuilder.Csp().WithRules(rules).New();

        Assert.Equal(10, position.Multiplier);
        Assert.Equal(15.00m, position.Terms.MaxProfit);
        Assert.Equal(9.00m, position.Terms.ProfitTarget);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void From_QuantityBelowOne_Refuses(int quantity)
    {
        var e = Refused(PositionBuilder.Csp().WithQuantity(quantity));

        Assert.Equal($"quantity must be at least 1, was {quantity}.", Assert.Single(e.Problems));
    }

    [Fact]
    public void From_NegativeFees_Refuses()
    {
        var e = Refused(PositionBuilder.Csp().WithFees(-0.01m));

        Assert.Contains("fees must not be negative", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void From_FeesWithFractionsOfACent_Refuses()
    {
        var e = Refused(PositionBuilder.Csp().WithFees(0.655m));

        Assert.Contains("more than 2 decimals", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void From_ZeroFees_IsAccepted()
    {
        Assert.Equal(0m, PositionBuilder.Csp().WithFees(0m).New().Fees);
    }

    [Fact]
    public void From_OpenedAtInTheFuture_Refuses()
    {
        var e = Refused(PositionBuilder.Csp().OpenedAt(TestDates.Now.AddTicks(1)));

        Assert.Contains("is in the future", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void From_OpenedAtExactlyNow_IsAccepted()
    {
        Assert.Equal(TestDates.Now, PositionBuilder.Csp().OpenedAt(TestDates.Now).New().EntryDate);
    }

    [Fact]
    public void From_NoOpenedAt_UsesNow()
    {
        Assert.Equal(TestDates.Now, PositionBuilder.Csp().OpenedAt(null).New().EntryDate);
    }

    [Fact]
    public void From_OpenedAtWithOffset_IsStoredInUtc()
    {
        var newYorkMorning = new DateTimeOffset(2026, 2, 20, 10, 0, 0, TimeSpan.FromHours(-5));

        var position = PositionBuilder.Csp().OpenedAt(newYorkMorning).New();

        Assert.Equal(TimeSpan.Zero, position.EntryDate.Offset);
        Assert.Equal(TestDates.Utc(2026, 2, 20, 15), position.EntryDate);
    }

    [Fact]
    public void From_ExpirationBeforeOpenDate_Refuses()
    {
        var e = Refused(PositionBuilder.Csp().WithExpiration(new DateOnly(2026, 2, 19)));

        Assert.Equal(
            "expiration 2026-02-19 is before the open date 2026-02-20 (New York).",
            Assert.Single(e.Problems));
    }

    [Fact]
    public void From_ExpirationOnOpenDate_IsAccepted()
    {
        var position = PositionBuilder.Csp().WithExpiration(new DateOnly(2026, 2, 20)).New();

        Assert.Equal(new DateOnly(2026, 2, 20), position.Strategy.Expiration);
    }

    [Fact]
    public void From_OpenedLateEveningNewYork_UsesNewYorkDateNotUtcDate()
    {
        // 2026-03-21T02:00Z is still Friday March 20 (22:00 EDT) in New York: expiry day.
        var position = PositionBuilder.Csp()
            .WithExpiration(new DateOnly(2026, 3, 20))
            .OpenedAt(TestDates.Utc(2026, 3, 21, 2))
            .New(TestDates.Utc(2026, 3, 22, 12));

        Assert.Equal(TestDates.Utc(2026, 3, 21, 2), position.EntryDate);
    }

    [Fact]
    public void From_OpenedAfterMidnightNewYork_OnExpiredOption_Refuses()
    {
        // 2026-03-21T05:00Z is 01:00 on Saturday March 21 in New York: the March 20 option has expired.
        var e = Refused(
            PositionBuilder.Csp().WithExpiration(new DateOnly(2026, 3, 20)).OpenedAt(TestDates.Utc(2026, 3, 21, 5)),
            TestDates.Utc(2026, 3, 22, 12));

        Assert.Contains("before the open date 2026-03-21 (New York)", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void From_InvalidStrategy_IsReportedAsProblem()
    {
        var e = Refused(PositionBuilder.Csp().WithLongStrike(575m));

        Assert.Equal("a CSP has no long strike.", Assert.Single(e.Problems));
    }

    [Fact]
    public void From_ListsEveryProblemInOneException_StrategyProblemsFirst()
    {
        var builder = PositionBuilder.Csp(credit: 0m)
            .WithQuantity(0)
            .WithFees(-1m)
            .OpenedAt(TestDates.Now.AddHours(1))
            .WithRequestId("   ");

        var e = Refused(builder);

        Assert.Equal(5, e.Problems.Count);
        Assert.Contains("credit must be above 0", e.Problems[0], StringComparison.Ordinal);
        Assert.Contains(e.Problems, p => p.StartsWith("request id", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("quantity", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("fees", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("in the future", StringComparison.Ordinal));
    }

    [Fact]
    public void From_RequestIdIsTrimmed()
    {
        Assert.Equal("req-1", PositionBuilder.Csp().WithRequestId("  req-1\t").New().RequestId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void From_BlankRequestId_Refuses(string requestId)
    {
        var e = Refused(PositionBuilder.Csp().WithRequestId(requestId));

        Assert.Equal("request id must be 1-255 characters.", Assert.Single(e.Problems));
    }

    [Fact]
    public void From_NullRequestId_Refuses()
    {
        var e = Refused(PositionBuilder.Csp().WithRequestId(null!));

        Assert.Equal("request id must be 1-255 characters.", Assert.Single(e.Problems));
    }

    [Fact]
    public void From_RequestIdOf255Characters_IsAccepted_256Refused()
    {
        Assert.Equal(255, PositionBuilder.Csp().WithRequestId(new string('r', 255)).New().RequestId.Length);
        Refused(PositionBuilder.Csp().WithRequestId(new string('r', 256)));
    }

    [Fact]
    public void From_NotesAreTrimmed_BlankNotesBecomeNull()
    {
        Assert.Equal("rolled from March", PositionBuilder.Csp().WithNotes("  rolled from March ").New().Notes);
        Assert.Null(PositionBuilder.Csp().WithNotes("   ").New().Notes);
        Assert.Null(PositionBuilder.Csp().WithNotes(null).New().Notes);
    }
}
