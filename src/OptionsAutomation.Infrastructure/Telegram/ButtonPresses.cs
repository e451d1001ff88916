using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Adjustments;

namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>
/// Inline button presses. The press is answered at once (Telegram shows a spinner until then), the data's tag
/// and the user are checked — a refusal is answered and audited, nothing else happens — and then the approval
/// service, the adjustment approvals, the exit path or the emergency reduction does the work, which is idempotent: a double tap or a redelivered
/// update executes once and every press sees the same outcome. The message is then edited to show it, without buttons.
/// </summary>
public sealed partial class ButtonPresses(
    TelegramGateway bot,
    TelegramSettings settings,
    CallbackData callbacks,
    ProposalCard cards,
    ApprovalService approvals,
    IProposalStore proposals,
    AdjustmentApprovals adjustments,
    AdjustmentCard adjustmentCards,
    ExitService exits,
    EmergencyReduction reduction,
    TelegramAudit audit,
    TimeProvider clock,
    ILogger<ButtonPresses> logger)
{
    public const string RejectedInChat = "rejected in Telegram";

    public async Task HandleAsync(CallbackQuery press, CancellationToken cancellationToken)
    {
        var actor = ChatActor.Of(press.From, settings);
        if (callbacks.Verify(press.Data) is not { } command)
        {
            LogRefused(actor.Name, "tag does not verify");
            await audit.RecordAsync("telegram.callback_refused", actor, press.Id, new { data = press.Data, reason = "tag does not verify" }, cancellationToken).ConfigureAwait(false);
            await AnswerAsync(press, "⛔ This button is not valid.", showAlert: true, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!actor.Authorized)
        {
            LogRefused(actor.Name, "not authorized");
            await audit.RecordAsync("telegram.unauthorized", actor, command.Id, new { action = command.Action.ToString(), user_id = actor.UserId }, cancellationToken).ConfigureAwait(false);
            await AnswerAsync(press, ChatActor.NotAuthorized, showAlert: true, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (command.Action is CallbackAction.ConfirmClose or CallbackAction.ConfirmFlatten && StalePrompt(press.Message, command.Action) is { } stale)
        {
            // A "Close now" or "Close all" left in the chat must not close at the market days later, on prices nobody looked at.
            await AnswerAsync(press, stale, showAlert: true, cancellationToken).ConfigureAwait(false);
            if (press.Message is { Date: > 0 } prompt)
            {
                await ShowAsync(prompt, new Shown($"⌛ {TelegramHtml.Escape(stale)}", null), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        await AnswerAsync(press, Working(command.Action), showAlert: false, cancellationToken).ConfigureAwait(false);
        var shown = command.Action switch
        {
            CallbackAction.Approve or CallbackAction.Reject => await DecideAsync(command, actor, cancellationToken).ConfigureAwait(false),
            CallbackAction.ApproveAdjustment or CallbackAction.CloseInstead or CallbackAction.IgnoreAdjustment => await AdjustAsync(command, actor, cancellationToken).ConfigureAwait(false),
            CallbackAction.ConfirmClose => new(await CloseAsync(command.Id, actor, cancellationToken).ConfigureAwait(false), null),
            CallbackAction.ConfirmFlatten => new(await FlattenAsync(command.Id, actor, cancellationToken).ConfigureAwait(false), null),
            CallbackAction.CancelFlatten => new Shown("Flatten cancelled; nothing was sent.", null),
            _ => new Shown($"Close of position {TelegramHtml.Escape(command.Id)} cancelled; nothing was sent.", null),
        };
        if (press.Message is { } message)
        {
            await ShowAsync(message, shown, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Shown> DecideAsync(CallbackCommand command, ChatActor actor, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = command.Action == CallbackAction.Approve
                ? await approvals.ApproveAsync(command.Id, actor.Name, cancellationToken).ConfigureAwait(false)
                : await approvals.RejectAsync(command.Id, actor.Name, RejectedInChat, cancellationToken).ConfigureAwait(false);
            var proposal = await proposals.FindAsync(command.Id, cancellationToken).ConfigureAwait(false)
                ?? throw new ProposalNotFoundException(command.Id);
            // Still PROPOSED (e.g. the market is closed): the answer is shown but the buttons must stay usable.
            return new(cards.Text(proposal, clock.GetUtcNow(), outcome.Message),
                proposal.Status == ProposalStatus.Proposed ? cards.Buttons(proposal) : null);
        }
        catch (TradingRuleException e)
        {
            return new($"⚠️ {TelegramHtml.Escape(e.Message)}", null);
        }
    }

    /// <summary>A recommendation's button: approved (as recommended, or as a close instead) or ignored; still PENDING keeps its buttons.</summary>
    private async Task<Shown> AdjustAsync(CallbackCommand command, ChatActor actor, CancellationToken cancellationToken)
    {
        try
        {
            var id = long.Parse(command.Id, System.Globalization.CultureInfo.InvariantCulture);
            var outcome = command.Action switch
            {
                CallbackAction.ApproveAdjustment => await adjustments.ApproveAsync(id, actor.Name, cancellationToken).ConfigureAwait(false),
                CallbackAction.CloseInstead => await adjustments.ApproveAsync(id, actor.Name, cancellationToken, closeInstead: true).ConfigureAwait(false),
                _ => await adjustments.DeclineAsync(id, actor.Name, AdjustmentStatus.Ignored, AdjustmentApprovals.IgnoredInChat, cancellationToken).ConfigureAwait(false),
            };
            return new(adjustmentCards.Text(outcome.Adjustment, outcome.Message), adjustmentCards.Buttons(outcome.Adjustment));
        }
        catch (TradingRuleException e)
        {
            return new($"⚠️ {TelegramHtml.Escape(e.Message)}", null);
        }
    }

    private async Task<string> CloseAsync(string positionId, ChatActor actor, CancellationToken cancellationToken)
    {
        try
        {
            var check = await exits.CloseManuallyAsync(long.Parse(positionId, System.Globalization.CultureInfo.InvariantCulture), actor.Name, cancellationToken).ConfigureAwait(false);
            return check.Closed is { } closed
                ? $"✅ Position {closed.Position.PositionId} closed — {TelegramHtml.Escape(closed.Position.Ticker)} — manual — exit {MoneyText.Price(closed.Trade.ExitPrice)} — {MoneyText.Signed(closed.Trade.PnlRealized)}"
                : $"⚠️ Position {TelegramHtml.Escape(positionId)} not closed: {TelegramHtml.Escape(check.OrderError ?? check.Decision.Detail)}";
        }
        catch (TradingRuleException e)
        {
            return $"⚠️ {TelegramHtml.Escape(e.Message)}";
        }
    }

    private async Task<string> FlattenAsync(string id, ChatActor actor, CancellationToken cancellationToken)
    {
        try
        {
            var scope = FlattenMessages.ScopeOf(id);
            return FlattenMessages.Outcome(scope, await reduction.RunAsync(scope, actor.Name, cancellationToken).ConfigureAwait(false), actor.Name);
        }
        catch (TradingRuleException e)
        {
            return $"⚠️ {TelegramHtml.Escape(e.Message)}";
        }
    }

    /// <summary>Why a close or flatten prompt may no longer be confirmed (too old, or too old for Telegram to show it); null when it may.</summary>
    private string? StalePrompt(Message? prompt, CallbackAction action)
    {
        var (command, what) = action == CallbackAction.ConfirmFlatten ? ("flatten", "positions") : ("close", "position");
        var maxAge = TimeSpan.FromSeconds(settings.MaxCommandAgeSeconds);
        if (prompt is not { Date: > 0 })
        {
            return $"This {command} prompt is too old; send /{command} again.";
        }

        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(prompt.Date);
        return age > maxAge ? $"This {command} prompt is {age.TotalMinutes:0} min old; send /{command} again to see the {what} now." : null;
    }

    /// <summary>
    /// Stops the button's spinner. A press that waited while the worker was away is too old for Telegram to answer
    /// ("query is too old"): the answer is lost, but the press is still handled and its message still edited.
    /// </summary>
    private async Task AnswerAsync(CallbackQuery press, string text, bool showAlert, CancellationToken cancellationToken)
    {
        try
        {
            await bot.AnswerCallbackQueryAsync(press.Id, text, showAlert, cancellationToken).ConfigureAwait(false);
        }
        catch (TelegramApiException e) when (e.ErrorCode == 400)
        {
            LogAnswerLost(press.Id, e.Description);
        }
    }

    /// <summary>Edits the pressed message; buttons go unless the proposal is still waiting for a decision.</summary>
    private async Task ShowAsync(Message message, Shown shown, CancellationToken cancellationToken)
    {
        try
        {
            await bot.EditMessageTextAsync(message.Chat.Id, message.MessageId, shown.Text, shown.Buttons, cancellationToken).ConfigureAwait(false);
        }
        catch (TelegramApiException e) when (e.IsMessageNotModified)
        {
            // The outcome is already on the message (a double tap, or the outbox got there first).
        }
    }

    private static string Working(CallbackAction action) => action switch
    {
        CallbackAction.Approve or CallbackAction.ApproveAdjustment => "Approving…",
        CallbackAction.IgnoreAdjustment => "Ignoring…",
        CallbackAction.Reject => "Rejecting…",
        CallbackAction.ConfirmClose or CallbackAction.CloseInstead => "Closing…",
        CallbackAction.ConfirmFlatten => "Flattening…",
        _ => "Cancelled",
    };

    private sealed record Shown(string Text, InlineKeyboardMarkup? Buttons);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram press {callback_id} could not be answered ({reason}); handled anyway")]
    private partial void LogAnswerLost(string callback_id, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram button press refused from {actor}: {reason}")]
    private partial void LogRefused(string actor, string reason);
}
