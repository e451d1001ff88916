using System.Globalization;
using System.Text;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>
/// The texts of <c>/flatten [TICKER]</c>: the prompt listing what would close, and the outcome its message is edited to.
/// Its buttons carry the scope as their id: the ticker, or <see cref="AllTickers"/>.
/// </summary>
public static class FlattenMessages
{
    public const string AllTickers = "*";

    public static string IdOf(ReductionScope scope) => scope.Ticker ?? AllTickers;

    public static ReductionScope ScopeOf(string id) => ReductionScope.Of(id == AllTickers ? null : id, null);

    public static string Nothing(ReductionScope scope) => $"No open option positions ({TelegramHtml.Escape(scope.ToString())}); nothing to close.";

    public static string Prompt(ReductionScope scope, IReadOnlyList<Position> positions)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"🚨 <b>Flatten {TelegramHtml.Escape(scope.ToString())}</b>: trading goes to REDUCING and these {positions.Count} position(s) close at the market now:\n");
        foreach (var p in positions)
        {
            text.Append(CultureInfo.InvariantCulture, $"#{p.PositionId} {ChatReports.Describe(p)} ×{p.Quantity}\n");
        }

        return text.Append("Close them all?").ToString();
    }

    public static string Outcome(ReductionScope scope, ReductionResult result, string actor)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"🚨 <b>Flatten {TelegramHtml.Escape(scope.ToString())}</b> by {TelegramHtml.Escape(actor)}: trading {result.TradingState.ToCode()}.");
        if (result.Positions.Count == 0)
        {
            text.Append(" No open option positions to close.");
        }

        foreach (var p in result.Positions)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\n{Icon(p.Outcome)} #{p.PositionId} {TelegramHtml.Escape(p.Ticker)} {p.StrategyType.ToCode()} {p.Outcome.ToCode().Replace('_', ' ')} — {TelegramHtml.Escape(p.Detail)}");
        }

        return text.ToString();
    }

    private static string Icon(ReductionOutcome outcome) => outcome switch
    {
        ReductionOutcome.Closed => "✅",
        ReductionOutcome.AlreadyClosing => "⏳",
        ReductionOutcome.NotOpen => "➖",
        ReductionOutcome.MarketClosed => "🔒",
        _ => "⚠️",
    };
}
