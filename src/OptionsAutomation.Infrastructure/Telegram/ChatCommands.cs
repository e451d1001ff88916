using System.Globalization;
using OptionsAutomation.Core;
using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.TradeJournal;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>
/// Text commands (<c>/positions</c>, <c>/close 5</c>, …) from authorized users, answered in the chat they came
/// from. <c>/approve</c> and <c>/reject</c> are the fallback for clients where buttons fail; <c>/close</c> and
/// <c>/flatten</c> only ask, the confirm button acts. Anything unknown gets the help. A reply to a proposal card or a
/// position alert is <c>/note</c> on what it was about (<see cref="HandleReplyAsync"/>).
/// </summary>
public sealed partial class ChatCommands(
    TelegramGateway bot,
    TelegramSettings settings,
    CallbackData callbacks,
    ApprovalService approvals,
    IProposalStore proposals,
    PositionManager positions,
    EmergencyReduction reduction,
    ITradingControls controls,
    JobRunReader jobs,
    IMarketData marketData,
    NyseCalendar calendar,
    ProposalSettings proposalSettings,
    TelegramAudit audit,
    PostgresJournalNotes journal,
    ReplyTargets replyTargets,
    TimeProvider clock,
    ILogger<ChatCommands> logger)
{
    /// <summary>The menu registered with setMyCommands, in the order /help lists it.</summary>
    public static IReadOnlyList<BotCommand> Menu { get; } =
    [
        new("positions", "Open positions with marks and P&L"),
        new("pnl", "Realized P&L of a day: /pnl [YYYY-MM-DD]"),
        new("metrics", "Performance over all closed trades"),
        new("proposals", "Proposals waiting for a decision"),
        new("approve", "Approve a proposal: /approve ID"),
        new("reject", "Reject a proposal: /reject ID [reason]"),
        new("close", "Close a position now: /close ID (asks to confirm)"),
        new("flatten", "Emergency: REDUCING, then close every open position: /flatten [TICKER] (asks to confirm)"),
        new("note", "Journal a position or proposal: /note ID [#tag] text"),
        new("status", "Trading state, breaker, jobs and data freshness"),
        new("halt", "Stop opening positions: /halt [reason]"),
        new("reduce", "Closing orders only: /reduce [reason]"),
        new("resume", "Allow opening positions again: /resume [reason]"),
        new("help", "This list"),
    ];

    /// <param name="botUsername">this bot's username: a command addressed to another bot (<c>/halt@other_bot</c>) is not ours.</param>
    public async Task HandleAsync(Message message, string? botUsername, CancellationToken cancellationToken)
    {
        if (message.Text is not { } text)
        {
            return;
        }

        var (command, args, addressee) = Parse(text);
        if (addressee is not null && !string.Equals(addressee, botUsername, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        await RunAsync(message, command, actor => AnswerAsync(command, args, actor, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A text reply to one of the bot's messages: a note (<c>[#tag] text</c>) on the proposal or position that message
    /// was about, under the same allow-list, age limit and audit as <c>/note</c>; a reply to any other message is told so.
    /// </summary>
    public Task HandleReplyAsync(Message message, CancellationToken cancellationToken) =>
        message is { Text: { } text, ReplyTo: { } answered }
            ? RunAsync(message, "note", async actor => (await ReplyNoteAsync(message.Chat.Id, answered.MessageId, text, actor, cancellationToken).ConfigureAwait(false), null), cancellationToken)
            : Task.CompletedTask;

    /// <summary>Runs <paramref name="answer"/> for an authorized, fresh message and replies with what it says (or the refusal).</summary>
    private async Task RunAsync(
        Message message, string command, Func<ChatActor, Task<(string Text, InlineKeyboardMarkup? Buttons)>> answer, CancellationToken cancellationToken)
    {
        if (message.From is not { } from)
        {
            return;
        }

        var actor = ChatActor.Of(from, settings);
        if (!actor.Authorized)
        {
            LogUnauthorized(actor.Name, command);
            await audit.RecordAsync("telegram.unauthorized", actor, command, new { command, user_id = actor.UserId, chat_id = message.Chat.Id }, cancellationToken).ConfigureAwait(false);
            await ReplyAsync(message, ChatActor.NotAuthorized, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Telegram keeps updates for a day while the worker is down: a /resume typed hours ago must not undo what
        // happened since. The sender is told, and can send it again.
        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(message.Date);
        if (age > TimeSpan.FromSeconds(settings.MaxCommandAgeSeconds))
        {
            LogStale(actor.Name, command, age.TotalMinutes);
            await ReplyAsync(message, $"⌛ /{TelegramHtml.Escape(command)} was sent {age.TotalMinutes:0} min ago, while the bot was away: not run. Send it again if you still mean it.", null, cancellationToken).ConfigureAwait(false);
            return;
        }

        string reply;
        InlineKeyboardMarkup? buttons = null;
        try
        {
            (reply, buttons) = await answer(actor).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TradingRuleException or FormatException or JournalException)
        {
            reply = $"⚠️ {TelegramHtml.Escape(e.Message)}";
        }

        await ReplyAsync(message, reply, buttons, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(string Text, InlineKeyboardMarkup? Buttons)> AnswerAsync(string command, string args, ChatActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return command switch
        {
            "positions" => (ChatReports.Positions(await positions.OpenPositionsAsync(null, cancellationToken).ConfigureAwait(false)), null),
            "pnl" => await DailyPnlAsync(args, now, cancellationToken).ConfigureAwait(false),
            "metrics" => (ChatReports.Metrics(await positions.PerformanceAsync(cancellationToken).ConfigureAwait(false)), null),
            "proposals" => (ChatReports.Proposals(await proposals.ListAsync(ProposalStatus.Proposed, 20, cancellationToken).ConfigureAwait(false)), null),
            "approve" => (await DecideAsync(args, approve: true, actor, cancellationToken).ConfigureAwait(false), null),
            "reject" => (await DecideAsync(args, approve: false, actor, cancellationToken).ConfigureAwait(false), null),
            "close" => await ConfirmCloseAsync(args, cancellationToken).ConfigureAwait(false),
            "flatten" => await ConfirmFlattenAsync(args, cancellationToken).ConfigureAwait(false),
            "note" => (await NoteAsync(args, actor, now, cancellationToken).ConfigureAwait(false), null),
            "status" => (ChatReports.Status(await StatusAsync(now, cancellationToken).ConfigureAwait(false)), null),
            "halt" => (await SwitchAsync(TradingState.Halted, args, actor, now, cancellationToken).ConfigureAwait(false), null),
            "reduce" => (await SwitchAsync(TradingState.Reducing, args, actor, now, cancellationToken).ConfigureAwait(false), null),
            "resume" => (await SwitchAsync(TradingState.Active, args, actor, now, cancellationToken).ConfigureAwait(false), null),
            _ => (ChatReports.Help(Menu), null),
        };
    }

    /// <summary>
    /// <c>/cmd@BotName rest</c> → (<c>cmd</c>, <c>rest</c>, <c>BotName</c>); the bot name is what clients add in groups,
    /// null when absent.
    /// </summary>
    public static (string Command, string Args, string? Addressee) Parse(string text)
    {
        var trimmed = text.Trim();
        var space = trimmed.IndexOfAny([' ', '\n', '\t']);
        var head = space < 0 ? trimmed : trimmed[..space];
        var args = space < 0 ? "" : trimmed[(space + 1)..].Trim();
        var command = head.TrimStart('/');
        var at = command.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? (command.ToLowerInvariant(), args, null) : (command[..at].ToLowerInvariant(), args, command[(at + 1)..]);
    }

    private async Task<(string, InlineKeyboardMarkup?)> DailyPnlAsync(string args, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var date = args.Length == 0
            ? MarketTime.DateOf(now)
            : DateOnly.TryParseExact(args, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : throw new FormatException($"'{args}' is not a date; use /pnl YYYY-MM-DD.");
        return (ChatReports.DailyPnl(date, await positions.DailyPnlAsync(date, cancellationToken).ConfigureAwait(false)), null);
    }

    private async Task<string> DecideAsync(string args, bool approve, ChatActor actor, CancellationToken cancellationToken)
    {
        var space = args.IndexOf(' ', StringComparison.Ordinal);
        var requestId = space < 0 ? args : args[..space];
        if (requestId.Length == 0)
        {
            throw new FormatException(approve ? "use /approve ID (see /proposals)." : "use /reject ID [reason] (see /proposals).");
        }

        var reason = space < 0 ? ButtonPresses.RejectedInChat : args[(space + 1)..].Trim();
        var outcome = approve
            ? await approvals.ApproveAsync(requestId, actor.Name, cancellationToken).ConfigureAwait(false)
            : await approvals.RejectAsync(requestId, actor.Name, reason, cancellationToken).ConfigureAwait(false);
        return $"<b>{TelegramHtml.Escape(outcome.RequestId)}</b> {outcome.Status.ToCode()} — {TelegramHtml.Escape(outcome.Message)}";
    }

    /// <summary><c>/note ID [#tag] text</c>: ID is a position id or a proposal's request id; the tag is optional.</summary>
    private Task<string> NoteAsync(string args, ChatActor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parts = args.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2)
        {
            throw new FormatException("use /note ID [#tag] text, e.g. /note 42 #worried VIX is climbing.");
        }

        return NoteOnAsync(parts[0], parts[1], actor, now, cancellationToken);
    }

    private async Task<string> ReplyNoteAsync(long chatId, long answeredId, string text, ChatActor actor, CancellationToken cancellationToken)
    {
        var target = await replyTargets.OfAsync(chatId, answeredId, cancellationToken).ConfigureAwait(false);
        return target is null
            ? "🤷 That message is not a proposal card or a position alert, so nothing was journaled. Reply to a card or an alert, or use /note ID [#tag] text."
            : await NoteOnAsync(target, text.Trim(), actor, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Journals <c>[#tag] text</c> on <paramref name="target"/> (a position id or a request id) and says what was written.</summary>
    private async Task<string> NoteOnAsync(string target, string rest, ChatActor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        string? tag = null;
        if (rest.StartsWith('#'))
        {
            var words = rest.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            (tag, rest) = (words[0][1..], words.Length > 1 ? words[1] : "");
        }

        var entry = await journal.AddAsync(target, JournalNote.Of(rest, tag), actor.Name, "telegram", now, cancellationToken).ConfigureAwait(false);
        var on = entry.PositionId is { } position ? $"position #{position}" : $"proposal {TelegramHtml.Escape(entry.RequestId ?? target)}";
        var mood = entry.Current.Sentiment is { } sentiment ? $" ({TelegramHtml.Escape(sentiment)})" : "";
        return $"📝 Journal entry {entry.EntryId} on {on}{mood}: {TelegramHtml.Escape(entry.Current.Text)}";
    }

    private async Task<(string, InlineKeyboardMarkup?)> ConfirmCloseAsync(string args, CancellationToken cancellationToken)
    {
        if (!long.TryParse(args, NumberStyles.None, CultureInfo.InvariantCulture, out var positionId))
        {
            throw new FormatException("use /close ID with a position id from /positions.");
        }

        var position = await positions.FindAsync(positionId, cancellationToken).ConfigureAwait(false)
            ?? throw new PositionNotFoundException(args);
        if (position.Status != PositionStatus.Open)
        {
            throw new PositionNotOpenException(positionId, position.Status);
        }

        var id = positionId.ToString(CultureInfo.InvariantCulture);
        var buttons = new InlineKeyboardMarkup([[
            new InlineKeyboardButton("✅ Close now", callbacks.Sign(CallbackAction.ConfirmClose, id)!),
            new InlineKeyboardButton("Cancel", callbacks.Sign(CallbackAction.CancelClose, id)!),
        ]]);
        var mark = position.MarkPrice is { } price ? $", last mark {MoneyText.Price(price)}" : "";
        var pnl = position.UnrealizedPnl is { } unrealized ? $" ({MoneyText.Signed(unrealized)})" : "";
        return ($"Close position #{id} — {ChatReports.Describe(position)} ×{position.Quantity}{mark}{pnl} — at the market now?", buttons);
    }

    /// <summary>Lists what would close and asks; HALTED is said at once, since a run would send nothing.</summary>
    private async Task<(string, InlineKeyboardMarkup?)> ConfirmFlattenAsync(string args, CancellationToken cancellationToken)
    {
        var scope = ReductionScope.Of(args, null);
        var targets = await reduction.PreviewAsync(scope, cancellationToken).ConfigureAwait(false);
        if (targets.Count == 0)
        {
            return (FlattenMessages.Nothing(scope), null);
        }

        var id = FlattenMessages.IdOf(scope);
        var buttons = new InlineKeyboardMarkup([[
            new InlineKeyboardButton($"🚨 Close all {targets.Count}", callbacks.Sign(CallbackAction.ConfirmFlatten, id)!),
            new InlineKeyboardButton("Cancel", callbacks.Sign(CallbackAction.CancelFlatten, id)!),
        ]]);
        return (FlattenMessages.Prompt(scope, targets), buttons);
    }

    private async Task<string> SwitchAsync(TradingState state, string reason, ChatActor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changed = await controls.SetStateAsync(state, reason.Length == 0 ? null : reason, actor.Name, now, cancellationToken).ConfigureAwait(false);
        return $"Trading is now <b>{changed.State.ToCode()}</b>.";
    }

    private async Task<TradingStatus> StatusAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await positions.OpenPositionsAsync(null, cancellationToken).ConfigureAwait(false);
        var tickers = proposalSettings.Targets().Select(t => t.Ticker).Concat(open.Select(p => p.Ticker)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var freshness = new List<(string, DateTimeOffset?)>();
        foreach (var ticker in tickers)
        {
            var quote = await marketData.GetUnderlyingQuoteAsync(ticker, now, cancellationToken).ConfigureAwait(false);
            freshness.Add((ticker, quote?.Timestamp));
        }

        return new TradingStatus(
            await controls.GetAsync(cancellationToken).ConfigureAwait(false),
            open.Count,
            calendar.SessionAt(now),
            await jobs.ListAsync(cancellationToken).ConfigureAwait(false),
            freshness);
    }

    private Task<Message> ReplyAsync(Message to, string text, InlineKeyboardMarkup? buttons, CancellationToken cancellationToken) =>
        bot.SendMessageAsync(to.Chat.Id, text, buttons, silent: false, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram command /{command} from {actor} not run: sent {minutes:0} min ago")]
    private partial void LogStale(string actor, string command, double minutes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram command /{command} refused from {actor}: not authorized")]
    private partial void LogUnauthorized(string actor, string command);
}
