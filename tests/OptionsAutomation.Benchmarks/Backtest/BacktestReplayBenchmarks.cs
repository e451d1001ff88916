using BenchmarkDotNet.Attributes;
using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Benchmarks.Backtest;

/// <summary>
/// Issue 13's speed goal: the default profile over 2000–2025 "in a few seconds on one core", against the floor of any
/// replay of the same sessions on the synthetic chain.
/// <para>
/// The floor walks the same 6,539 sessions, finds each one's close, VIX and rate, and prices one put a session with the
/// same <see cref="SyntheticChainModel"/> — about the 25-delta put a month out that the default screen sells — with no
/// services, book, orders or screen. A session cannot cost less than that: a position held needs its mark, and one
/// synthetic quote builds its expiration's put curve (a Black–Scholes value per dollar strike from half to one and a
/// half times the close). Between floor and run sits one synthetic chain per session (every listed expiration and
/// strike, puts and calls): what a screen that reached the chain every day would pay for its input alone.
/// </para>
/// </summary>
[OneCoreRun]
public class BacktestReplayBenchmarks
{
    private const decimal FloorMoneyness = 0.95m;
    private const int FloorDaysOut = 30;

    private readonly NyseCalendar _calendar = new();
    private FullHistory _full = null!;
    private IReadOnlyList<TradingSession> _sessions = [];

    [GlobalSetup]
    public void Setup()
    {
        _full = FullHistory.LoadAsync().GetAwaiter().GetResult();
        _sessions = _calendar.Sessions(FullHistory.From, FullHistory.To);
    }

    [Benchmark(Baseline = true, Description = "floor: one synthetic put a session, no services")]
    public decimal OnePutPerSession()
    {
        var model = new SyntheticChainModel(ChainModelParameters.Spy2021, _calendar);
        var expirations = new ListedExpirations(_calendar);
        var premiums = 0m;
        foreach (var session in _sessions)
        {
            var day = DayOn(session);
            var expiration = expirations.After(session.Date).First(e => e.DayNumber - session.Date.DayNumber >= FloorDaysOut);
            var put = new OptionContract(_full.Run.Underlying, expiration, OptionRight.Put, Math.Round(day.Close * FloorMoneyness));
            premiums += model.Quote(put, day).Mid ?? throw new InvalidOperationException($"the model quoted no mid for {put.OccSymbol}.");
        }

        return premiums;
    }

    [Benchmark(Description = "one synthetic chain a session, no services")]
    public int OneChainPerSession()
    {
        var model = new SyntheticChainModel(ChainModelParameters.Spy2021, _calendar);
        var quotes = 0;
        foreach (var session in _sessions)
        {
            quotes += model.Chain(_full.Run.Underlying, DayOn(session)).Quotes.Count;
        }

        return quotes;
    }

    [Benchmark(Description = "optauto backtest: default profile, 2000-2025")]
    public Task<BacktestResult> DefaultProfile() => _full.Engine.RunAsync(_full.Run, null, CancellationToken.None);

    private MarketDay DayOn(TradingSession session) =>
        _full.History.DayOn(session.Date) ?? throw new InvalidOperationException($"the history has no close, VIX or rate for {session.Date:yyyy-MM-dd}.");
}
