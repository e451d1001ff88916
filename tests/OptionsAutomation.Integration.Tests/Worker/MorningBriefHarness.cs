using System.Globalization;
using OptionsAutomation.Core.Brief;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk.Portfolio;
using OptionsAutomation.Infrastructure.MarketData;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Infrastructure.Risk;
using OptionsAutomation.Integration.Tests.Risk;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Worker;

/// <summary>
/// The morning brief on a test database: the risk harness's SPY 560 put and scripted quotes, SPY on the watchlist, and
/// a VIX file written by the test (read by the real file adapter) whose last close is 18 in a year between 15 and 30.
/// </summary>
internal sealed class MorningBriefHarness(TestDatabase db, RealTimersClock clock) : IDisposable
{
    private readonly string _vixFile = Path.Combine(Path.GetTempPath(), $"brief-vix-{Guid.NewGuid():N}.csv");

    public RiskMonitorHarness Risk { get; } = new(db, clock);

    /// <summary>252 daily VIX closes ending the day before <paramref name="day"/>: 30, 15, then 20 each day, the last 18 (IV rank 20%).</summary>
    public void WriteVix(DateOnly day)
    {
        var rows = Enumerable.Range(0, 252).Select(i =>
        {
            var close = i switch { 0 => 30m, 1 => 15m, 251 => 18m, _ => 20m };
            return string.Create(CultureInfo.InvariantCulture, $"{day.AddDays(i - 252):yyyy-MM-dd},{close},{close},{close},{close}");
        });
        File.WriteAllLines(_vixFile, ["DATE,OPEN,HIGH,LOW,CLOSE", .. rows]);
    }

    /// <param name="vixFile">The VIX file to read; default the one <see cref="WriteVix"/> writes.</param>
    public MorningBriefService Service(string? vixFile = null) => new(
        db.Positions(clock), Risk.Quotes, new VixHistoryFile(vixFile ?? _vixFile),
        new CurrentRiskReport(Risk.Service(new PortfolioRiskSettings()), new PostgresRiskHistory(db.DataSource), new PortfolioRiskSettings(), clock),
        new PostgresAlertQueue(db.DataSource), new NyseCalendar(), new ExitRuleSettings(),
        new ProposalSettings { Watchlist = new Dictionary<string, IReadOnlyList<string>> { ["SPY"] = ["CSP"] } }, new MorningBriefSettings(), clock);

    /// <summary>
    /// The brief of Tuesday 2026-03-10 at nine over the SPY 560 put (<paramref name="putId"/>), with SPY at 585.80 against
    /// Monday's 580.00 close, up to the risk report's VaR-based limits: every figure by hand. +5.80 is 1.00% of 580; 585.80 is
    /// 25.80 above the short, 4.40% of spot; 37 DTE; the limits: 1 of 10 contracts, 56,000 collateral of 60,000 (WARN from
    /// 80%) and of 400,000 exposure.
    /// </summary>
    public static string TuesdayBriefStart(long putId) =>
        "Morning brief 2026-03-10\n" +
        "Market:\n" +
        "  SPY close 580.00, now 585.80 (+5.80, +1.00%)\n" +
        "  VIX 18.00 (2026-03-09), IV rank 20%\n" +
        "Open: 1 position(s), unrealized $0.00\n" +
        $"  #{putId} SPY CSP 560.00 x1 37 DTE, +4.40% (+25.80) to short, unmarked\n" +
        "Expiring today: none\n" +
        "Screener today: SPY CSP; 30-45 DTE, delta 0.25, open interest ≥ 100\n" +
        "Limits used: position_size 10%, position_value 93% WARN, exposure 14%, ";

    public void Dispose() => File.Delete(_vixFile);
}
