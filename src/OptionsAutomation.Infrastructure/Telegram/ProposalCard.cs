using System.Globalization;
using System.Text;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>
/// A proposal as a chat message: what would be traded, what it risks and until when it can be approved; once
/// decided, the same card with the outcome and no buttons (the buttons of a decided proposal would only mislead).
/// </summary>
public sealed class ProposalCard(CallbackData callbacks, int contractMultiplier)
{
    public const string ApproveLabel = "✅ Approve";
    public const string RejectLabel = "❌ Reject";

    /// <summary>The HTML text; <paramref name="outcome"/> is appended once the proposal is decided.</summary>
    public string Text(TradeProposal proposal, DateTimeOffset now, string? outcome = null)
    {
        var credit = proposal.NetCredit * proposal.Quantity * contractMultiplier;
        var strikes = proposal.LongStrike is { } longStrike
            ? $"{MoneyText.Price(proposal.ShortStrike)}/{MoneyText.Price(longStrike)} put spread"
            : $"{MoneyText.Price(proposal.ShortStrike)} put";
        var dte = proposal.Expiration.DayNumber - MarketTime.DateOf(now).DayNumber;
        var deadline = MarketTime.InNewYork(proposal.ExpiresAt);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<b>Proposal {TelegramHtml.Escape(proposal.RequestId)}</b>\n")
            .Append(CultureInfo.InvariantCulture, $"{TelegramHtml.Escape(proposal.Ticker)} {proposal.StrategyType.ToCode()} — {strikes}\n");
        if (proposal.ScalingLine() is { } scaling)
        {
            text.Append(CultureInfo.InvariantCulture, $"{scaling}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Expiration {proposal.Expiration:yyyy-MM-dd} ({dte} DTE)\n")
            .Append(CultureInfo.InvariantCulture, $"Credit {MoneyText.Price(proposal.NetCredit)}/share × {proposal.Quantity} = {MoneyText.Dollars(credit)}\n")
            .Append(CultureInfo.InvariantCulture, $"Max loss {MoneyText.Dollars(proposal.MaxLoss)} · collateral {MoneyText.Dollars(proposal.Collateral)}\n");
        if (proposal.ProbabilityOfProfit is { } pop)
        {
            text.Append(CultureInfo.InvariantCulture, $"Probability of profit {pop * 100m:0.#}%\n");
        }

        if (!string.IsNullOrWhiteSpace(proposal.RiskSummary))
        {
            text.Append(CultureInfo.InvariantCulture, $"Risk gate: {TelegramHtml.Escape(proposal.RiskSummary)}\n");
        }

        if (proposal.Sizing is { } sizing)
        {
            text.Append(CultureInfo.InvariantCulture, $"Sizing: {TelegramHtml.Escape(sizing.Summary())}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Approve by {deadline:yyyy-MM-dd HH:mm} ET");
        if (outcome is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n\n<b>{Headline(proposal.Status)}</b> — {TelegramHtml.Escape(outcome)}");
        }
        else if (Buttons(proposal) is null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n\nReply /approve {TelegramHtml.Escape(proposal.RequestId)} or /reject {TelegramHtml.Escape(proposal.RequestId)}");
        }

        return text.ToString();
    }

    /// <summary>Approve and Reject, signed; null when the request id is too long for callback data.</summary>
    public InlineKeyboardMarkup? Buttons(TradeProposal proposal) =>
        callbacks.Sign(CallbackAction.Approve, proposal.RequestId) is { } approve
        && callbacks.Sign(CallbackAction.Reject, proposal.RequestId) is { } reject
            ? new InlineKeyboardMarkup([[new InlineKeyboardButton(ApproveLabel, approve), new InlineKeyboardButton(RejectLabel, reject)]])
            : null;

    private static string Headline(ProposalStatus status) => status switch
    {
        ProposalStatus.Executed => "✅ Executed",
        ProposalStatus.Rejected => "❌ Rejected",
        ProposalStatus.Expired => "⌛ Expired",
        ProposalStatus.Failed => "⚠️ Not executed",
        _ => status.ToCode(),
    };
}
