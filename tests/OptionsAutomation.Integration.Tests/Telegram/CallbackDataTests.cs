using System.Text;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Infrastructure.Telegram;

namespace OptionsAutomation.Integration.Tests.Telegram;

/// <summary>Button data: signed, within Telegram's 64 bytes, and refused when anything in it is changed.</summary>
public sealed class CallbackDataTests
{
    private readonly CallbackData _callbacks = new("a-test-secret-of-some-length");

    [Theory]
    [InlineData(CallbackAction.Approve, "prop-20260302-SPY-CSP")]
    [InlineData(CallbackAction.Reject, "prop-20260302-QQQ-VPC")]
    [InlineData(CallbackAction.ConfirmClose, "12345")]
    [InlineData(CallbackAction.CancelClose, "7")]
    [InlineData(CallbackAction.ConfirmFlatten, "SPY")]
    [InlineData(CallbackAction.ConfirmFlatten, "*")]
    [InlineData(CallbackAction.CancelFlatten, "BRK.B")]
    public void SignedData_VerifiesToItsActionAndId_WithinSixtyFourBytes(CallbackAction action, string id)
    {
        var data = _callbacks.Sign(action, id)!;

        Assert.True(Encoding.UTF8.GetByteCount(data) <= 64);
        Assert.Equal(new CallbackCommand(action, id), _callbacks.Verify(data));
    }

    [Fact]
    public void TheTag_IsTheFirst96BitsOfHmacSha256_Base64Url()
    {
        // printf 'a|prop-1' | openssl dgst -sha256 -hmac "a-test-secret-of-some-length" -binary | head -c 12 | base64 | tr '+/' '-_'
        Assert.Equal("a|prop-1|XQjjR9r7CsYdJLNu", _callbacks.Sign(CallbackAction.Approve, "prop-1"));
    }

    [Fact]
    public void AnIdTooLongForSixtyFourBytes_GetsNoButton()
    {
        Assert.NotNull(_callbacks.Sign(CallbackAction.Approve, new string('x', CallbackData.MaxIdBytes)));
        Assert.Null(_callbacks.Sign(CallbackAction.Approve, new string('x', CallbackData.MaxIdBytes + 1)));
        Assert.Null(_callbacks.Sign(CallbackAction.Approve, "has|separator"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a|prop-1")]
    [InlineData("z|prop-1|AAAAAAAAAAAAAAAA")]
    [InlineData("a|prop-1|AAAAAAAAAAAAAAAA")]
    [InlineData("a||AAAAAAAAAAAAAAAA")]
    public void MalformedOrUnsignedData_IsRefused(string? data) => Assert.Null(_callbacks.Verify(data));

    [Fact]
    public void EveryOneCharacterChange_IsRefused()
    {
        var data = _callbacks.Sign(CallbackAction.Approve, "prop-20260302-SPY-CSP")!;
        for (var i = 0; i < data.Length; i++)
        {
            var changed = data[..i] + (data[i] == 'A' ? 'B' : 'A') + data[(i + 1)..];
            Assert.Null(_callbacks.Verify(changed));
        }
    }

    [Fact]
    public void TheCard_ShowsWhatIsTraded_AndEscapesHtml()
    {
        var card = new ProposalCard(_callbacks, 100);
        var proposal = new TradeProposal
        {
            RequestId = "prop-20260302-SPY-VPC",
            Status = ProposalStatus.Proposed,
            Ticker = "SPY",
            StrategyType = StrategyType.VerticalPutCredit,
            Expiration = new DateOnly(2026, 4, 17),
            ShortStrike = 560m,
            LongStrike = 555m,
            NetCredit = 1.25m,
            Quantity = 2,
            MaxLoss = 750m,
            Collateral = 750m,
            ProbabilityOfProfit = 0.7312m,
            Legs = ValueList<OptionLeg>.Empty,
            RiskSummary = "passed: notional<limit & rate",
            ProposedAt = new DateTimeOffset(2026, 3, 2, 14, 15, 0, TimeSpan.Zero),
            ExpiresAt = new DateTimeOffset(2026, 3, 2, 14, 45, 0, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(2026, 3, 2, 14, 15, 0, TimeSpan.Zero),
        };

        Assert.Equal(
            "<b>Proposal prop-20260302-SPY-VPC</b>\n" +
            "SPY VPC — 560.00/555.00 put spread\n" +
            "Expiration 2026-04-17 (46 DTE)\n" +
            "Credit 1.25/share × 2 = $250.00\n" +
            "Max loss $750.00 · collateral $750.00\n" +
            "Probability of profit 73.1%\n" +
            "Risk gate: passed: notional&lt;limit &amp; rate\n" +
            "Approve by 2026-03-02 09:45 ET",
            card.Text(proposal, proposal.ProposedAt));
        Assert.EndsWith("\n\n<b>⌛ Expired</b> — expired; not executed",
            card.Text(proposal with { Status = ProposalStatus.Expired }, proposal.ExpiresAt, "expired; not executed"), StringComparison.Ordinal);
        Assert.Equal(["a", "r"], card.Buttons(proposal)!.InlineKeyboard[0].Select(b => b.CallbackData[..1]));
    }

    [Theory]
    [InlineData("/status", "status", "", null)]
    [InlineData("/close@optauto_bot 12", "close", "12", "optauto_bot")]
    [InlineData("  /Reject prop-1  too wide a spread ", "reject", "prop-1  too wide a spread", null)]
    [InlineData("/pnl\n2026-03-02", "pnl", "2026-03-02", null)]
    public void Commands_ParseTheCommandInLowerCase_TheArguments_AndTheBotTheyAreFor(string text, string command, string args, string? addressee) =>
        Assert.Equal((command, args, addressee), ChatCommands.Parse(text));
}
