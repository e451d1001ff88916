using System.Security.Cryptography;
using System.Text;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Core.Reconciliation;

/// <summary>
/// The one alert a new difference raises. Its dedup key is the differences' signature and the run before it, so two
/// workers (or the job and <c>broker reconcile</c>) finding the same new difference at once send one message, while the
/// same difference coming back after a clean run is a new episode and alerts again.
/// </summary>
public static class ReconciliationAlert
{
    /// <summary>At most this many differences are named in the text; the CLI shows them all.</summary>
    private const int Named = 10;

    public static Alert For(ReconciliationReport report, ReconciliationRun? previous, TradingState onMismatch)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(report.Signature)))[..16];
        var named = string.Join("; ", report.Differences.Take(Named));
        var more = report.Differences.Count > Named ? $"; and {report.Differences.Count - Named} more" : "";
        return new Alert(
            $"broker-mismatch:{hash}:{previous?.RunId ?? 0}", "broker_mismatch",
            $"Broker positions differ from ours: {named}{more}. Trading set to {onMismatch.ToCode()} (never loosened); nothing was changed — "
            + "check the broker, book what happened by hand, then `optauto broker reconcile`.",
            null, null);
    }

    /// <summary>The reason recorded with the trading-state change.</summary>
    public static string Reason(ReconciliationReport report) =>
        $"broker reconciliation: {report.Differences.Count} difference(s): {string.Join(", ", report.Differences.Select(d => ReconciliationDifference.Display(d.Symbol)).Distinct())}";
}
