using System.Globalization;
using System.Text;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Adjustments;

namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>
/// A recommendation as a chat message: what it asks, the risk behind it and, while PENDING, its buttons — Roll (or
/// Reduce) / Close / Ignore, or Close / Ignore for a close — signed like the proposal card's. Once decided, the same text
/// with the outcome and no buttons.
/// </summary>
public sealed class AdjustmentCard(CallbackData callbacks)
{
    public const string RollLabel = "🔁 Roll";
    public const string ReduceLabel = "➖ Reduce";
    public const string CloseLabel = "✖️ Close";
    public const string IgnoreLabel = "🙈 Ignore";

    public string Text(Adjustment adjustment, string? outcome = null)
    {
        ArgumentNullException.ThrowIfNull(adjustment);
        var n = adjustment.Numbers;
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<b>Adjustment {adjustment.Id}: {Action(adjustment)}</b>\n")
            .Append(CultureInfo.InvariantCulture, $"Position {adjustment.PositionId} — {TelegramHtml.Escape(adjustment.Ticker)} {adjustment.StrategyType.ToCode()} × {n.OpenContracts}, short {MoneyText.Price(n.Inputs.ShortStrike)} put, {n.Inputs.DaysToExpiry} DTE\n")
            .Append(CultureInfo.InvariantCulture, $"Risk {adjustment.RiskScore}/100 — {adjustment.Urgency.ToCode()}\n")
            .Append(CultureInfo.InvariantCulture, $"Short put delta {Math.Abs(n.Inputs.ShortDelta):0.00} · spot {MoneyText.Price(n.Inputs.Spot)} ({Math.Abs(n.Inputs.CushionPercent):0.0}% {(n.Inputs.CushionPercent < 0 ? "below" : "above")} the strike) · loss {n.Inputs.LossShare * 100:0}% of max · mark {MoneyText.Price(n.MarkPrice)}");
        if (adjustment.Roll is { } roll && n.Roll is { } quote)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\nRoll: close at {MoneyText.Price(quote.CloseDebit)}, open at {MoneyText.Price(quote.NewCredit)} (natural) — net credit at least {MoneyText.Price(roll.MinimumNetCredit)} ({MoneyText.Price(quote.NetCreditAtMid)} at mid)");
        }

        if (outcome is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n\n<b>{adjustment.Status.ToCode()}</b> — {TelegramHtml.Escape(outcome)}");
        }

        return text.ToString();
    }

    /// <summary>The card's buttons while it is PENDING, signed; null once decided, or when the id does not fit callback data.</summary>
    public InlineKeyboardMarkup? Buttons(Adjustment adjustment)
    {
        ArgumentNullException.ThrowIfNull(adjustment);
        var id = adjustment.Id.ToString(CultureInfo.InvariantCulture);
        if (adjustment.Status != AdjustmentStatus.Pending
            || callbacks.Sign(CallbackAction.ApproveAdjustment, id) is not { } approve
            || callbacks.Sign(CallbackAction.CloseInstead, id) is not { } close
            || callbacks.Sign(CallbackAction.IgnoreAdjustment, id) is not { } ignore)
        {
            return null;
        }

        var ignoreButton = new InlineKeyboardButton(IgnoreLabel, ignore);
        return adjustment.Kind == AdjustmentKind.Close
            ? new InlineKeyboardMarkup([[new InlineKeyboardButton(CloseLabel, approve), ignoreButton]])
            : new InlineKeyboardMarkup([[new InlineKeyboardButton(adjustment.Kind == AdjustmentKind.Roll ? RollLabel : ReduceLabel, approve), new InlineKeyboardButton(CloseLabel, close), ignoreButton]]);
    }

    private static string Action(Adjustment adjustment) => adjustment switch
    {
        { Kind: AdjustmentKind.Roll, Roll: { } roll } => string.Create(CultureInfo.InvariantCulture,
            $"ROLL to {roll.Expiration:yyyy-MM-dd} {MoneyText.Price(roll.ShortStrike)}{(roll.LongStrike is { } l ? "/" + MoneyText.Price(l) : "")} for a net credit ≥ {MoneyText.Price(roll.MinimumNetCredit)}"),
        { Kind: AdjustmentKind.Reduce } => string.Create(CultureInfo.InvariantCulture, $"REDUCE by {adjustment.Contracts} of {adjustment.Numbers.OpenContracts}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"CLOSE all {adjustment.Contracts}"),
    };
}
