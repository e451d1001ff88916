using System.Globalization;
using System.Text;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>The answers to the read-only chat commands, as HTML: short enough to read on a phone.</summary>
public static class ChatReports
{
    public static string Positions(IReadOnlyList<Position> open)
    {
        if (open.Count == 0)
        {
            return "No open positions.";
        }

        var text = new StringBuilder($"<b>Open positions ({open.Count})</b>\n");
        foreach (var p in open)
        {
            text.Append(CultureInfo.InvariantCulture, $"#{p.PositionId} {Describe(p)} ×{p.Quantity} — credit {MoneyText.Price(p.EntryPrice)}");
            if (p.MarkPrice is { } mark)
            {
                text.Append(CultureInfo.InvariantCulture, $", mark {MoneyText.Price(mark)}");
            }

            if (p.UnrealizedPnl is { } pnl)
            {
                text.Append(CultureInfo.InvariantCulture, $", {MoneyText.Signed(pnl)}");
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>One line per position in words a trader reads: <c>SPY CSP 400 put exp 2026-12-18</c>.</summary>
    public static string Describe(Position p)
    {
        var strikes = p switch
        {
            { ShortStrike: { } s, LongStrike: { } l } => $" {MoneyText.Price(s)}/{MoneyText.Price(l)}",
            { ShortStrike: { } s } => $" {MoneyText.Price(s)} put",
            _ => "",
        };
        var expiration = p.Expiration is { } e ? $" exp {e:yyyy-MM-dd}" : "";
        return $"{TelegramHtml.Escape(p.Ticker)} {p.StrategyType.ToCode()}{strikes}{expiration}";
    }

    public static string DailyPnl(DateOnly date, IReadOnlyList<DailyPnl> rows)
    {
        if (rows.Count == 0)
        {
            return $"No trades closed on {date:yyyy-MM-dd}.";
        }

        var text = new StringBuilder($"<b>P&amp;L {date:yyyy-MM-dd}</b>\n");
        foreach (var row in rows)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{TelegramHtml.Escape(row.Ticker)}: {row.TradesCount} trade(s), {row.Wins} win(s) — {MoneyText.Signed(row.TotalPnl)}\n");
        }

        return text.Append(CultureInfo.InvariantCulture, $"Total {MoneyText.Signed(rows.Sum(r => r.TotalPnl))}").ToString();
    }

    public static string Metrics(PerformanceMetrics m) => m.TotalTrades == 0
        ? "No closed trades yet."
        : string.Create(CultureInfo.InvariantCulture,
            $"<b>Performance</b>\nTrades {m.TotalTrades} ({m.TotalWins} won, {m.TotalLosses} lost), win rate {m.WinRate:0.##}%\n" +
            $"Total {MoneyText.Signed(m.TotalPnl)}, average {MoneyText.Signed(m.AvgPnlPerTrade)} per trade\n" +
            $"Best {MoneyText.Signed(m.MaxWin)}, worst {MoneyText.Signed(m.MaxLoss)}");

    public static string Proposals(IReadOnlyList<TradeProposal> pending)
    {
        if (pending.Count == 0)
        {
            return "No proposals waiting for a decision.";
        }

        var text = new StringBuilder($"<b>Waiting for a decision ({pending.Count})</b>\n");
        foreach (var p in pending)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{TelegramHtml.Code(p.RequestId)} {TelegramHtml.Escape(p.Ticker)} {p.StrategyType.ToCode()} ×{p.Quantity} at {MoneyText.Price(p.NetCredit)}, until {MarketTime.InNewYork(p.ExpiresAt):HH:mm} ET\n");
        }

        return text.Append("Approve with /approve ID or the buttons on its message.").ToString();
    }

    public static string Status(TradingStatus status)
    {
        var c = status.Controls;
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<b>Trading {c.State.ToCode()}</b>{(c.Reason is null ? "" : $" — {TelegramHtml.Escape(c.Reason)}")}\n")
            .Append(c.Breaker.IsTripped
                ? string.Create(CultureInfo.InvariantCulture, $"Circuit breaker TRIPPED at {Time(c.Breaker.TrippedAt)} ({c.Breaker.TripReason})\n")
                : string.Create(CultureInfo.InvariantCulture, $"Circuit breaker closed ({c.Breaker.ConsecutiveLosses} loss(es), {c.Breaker.ConsecutiveErrors} error(s) in a row)\n"))
            .Append(CultureInfo.InvariantCulture, $"Open positions {status.OpenPositions}\n")
            .Append(status.Session is { } session
                ? string.Create(CultureInfo.InvariantCulture, $"Market open until {MarketTime.InNewYork(session.Close):HH:mm} ET\n")
                : "Market closed\n");
        text.Append("<b>Jobs</b>\n");
        if (status.Jobs.Count == 0)
        {
            text.Append("no runs recorded\n");
        }

        foreach (var job in status.Jobs)
        {
            text.Append(CultureInfo.InvariantCulture, $"{TelegramHtml.Escape(job.Job)}: last {Time(job.LastFired)}, next {Time(job.NextFire)}\n");
        }

        text.Append("<b>Data</b>\n");
        foreach (var (ticker, quotedAt) in status.Freshness)
        {
            text.Append(CultureInfo.InvariantCulture, $"{TelegramHtml.Escape(ticker)}: {(quotedAt is null ? "no quote" : $"quote of {Time(quotedAt)}")}\n");
        }

        return text.ToString().TrimEnd();
    }

    public static string Help(IReadOnlyList<BotCommand> commands) =>
        "<b>Commands</b>\n" + string.Join('\n', commands.Select(c => $"/{c.Command} — {TelegramHtml.Escape(c.Description)}"));

    private static string Time(DateTimeOffset? instant) =>
        instant is { } at ? MarketTime.InNewYork(at).ToString("yyyy-MM-dd HH:mm 'ET'", CultureInfo.InvariantCulture) : "never";
}

/// <summary>What <c>/status</c> shows: the switches, the book, the jobs and how fresh each underlying's data is.</summary>
public sealed record TradingStatus(
    TradingControls Controls,
    int OpenPositions,
    TradingSession? Session,
    IReadOnlyList<JobRun> Jobs,
    IReadOnlyList<(string Ticker, DateTimeOffset? QuotedAt)> Freshness);
