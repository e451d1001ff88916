using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OptionsAutomation.Integration.Tests.Support;
using OptionsAutomation.Worker;

namespace OptionsAutomation.Integration.Tests.Browser;

/// <summary>
/// The worker of <c>optauto run</c> (<see cref="WorkerApp"/>) in this process on a free loopback port, on a test
/// database and the paper broker: either on the real SPY chains of 2021-03-01, its clock fixed at that day's close so
/// the replayed quotes are fresh (<see cref="StartAsync"/>), or as the README's quick start starts it — the default
/// synthetic market and settings plus the quick start's three (<see cref="StartQuickStartAsync"/>). The scheduled jobs
/// fire only at midnight on January 1 (of the real calendar), so none runs during a test to re-mark positions.
/// </summary>
internal sealed class DashboardServer : IAsyncDisposable
{
    public const string ApiToken = "dashboard-test-token-of-some-length";

    /// <summary>The close of 2021-03-01, when the chain files are stamped (16:00 New York).</summary>
    public static readonly DateTimeOffset Close = new(2021, 3, 1, 21, 0, 0, TimeSpan.Zero);

    private const string NewYearOnly = "0 0 0 1 1 ? *";

    private readonly WebApplication _app;
    private readonly string _auditDirectory;

    private DashboardServer(WebApplication app, string baseUrl, string auditDirectory)
    {
        _app = app;
        BaseUrl = baseUrl;
        _auditDirectory = auditDirectory;
    }

    public string BaseUrl { get; }

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>A Monday evening (17:00 New York), outside the session, as a quick start usually is.</summary>
    public static readonly DateTimeOffset QuickStartNow = new(2026, 3, 2, 22, 0, 0, TimeSpan.Zero);

    public static Task<DashboardServer> StartAsync(TestDatabase db) =>
        StartAsync(db, Close, new Dictionary<string, string?>
        {
            ["MarketData:Provider"] = "csv",
            ["MarketData:Csv:ChainFiles:0"] = Path.Combine(RepositoryRoot.Path, "data", "market", "chains", "spy_2021", "spy_options_2021.csv"),
            ["Proposals:Watchlist:SPY:0"] = "CSP",
            ["Sizing:CollateralPerTradePct"] = "40",
            ["Risk:MaxOrderNotionalPercent"] = "50",
            ["Execution:AllowOutsideSession"] = "true",
            ["Broker:Paper:StartingEquity"] = "100000",
        });

    /// <summary>
    /// <c>./scripts/run.sh --Service:ApiToken=… --Execution:AllowOutsideSession=true --ExitRules:ExitAtDaysToExpiry=45</c>:
    /// the repository's appsettings.json (the default market, synthetic, and settings) with the README quick start's three.
    /// </summary>
    public static Task<DashboardServer> StartQuickStartAsync(TestDatabase db) =>
        StartAsync(db, QuickStartNow, new Dictionary<string, string?>
        {
            ["Execution:AllowOutsideSession"] = "true",
            ["ExitRules:ExitAtDaysToExpiry"] = "45",
        }, Path.Combine(RepositoryRoot.Path, "appsettings.json"));

    private static async Task<DashboardServer> StartAsync(TestDatabase db, DateTimeOffset now, Dictionary<string, string?> settings, string? appSettings = null)
    {
        var audit = Path.Combine(Path.GetTempPath(), $"optauto-dashboard-{Guid.NewGuid():N}");
        settings["ConnectionStrings:Postgres"] = db.ConnectionString;
        settings["Service:Urls"] = "http://127.0.0.1:0";
        settings["Service:ApiToken"] = ApiToken;
        settings["Audit:Directory"] = audit;
        settings["Jobs:Clustered"] = "false";
        foreach (var cron in new[] { "ExitRulesCron", "MarkToMarketCron", "ProposeTradesCron", "ExpireProposalsCron", "ExpirationCron", "ScorecardCron", "WeeklyReportCron", "MonthlyReportCron", "MorningBriefCron" })
        {
            settings[$"Jobs:{cron}"] = NewYearOnly;
        }

        var builder = new ConfigurationBuilder();
        if (appSettings is not null)
        {
            builder.AddJsonFile(appSettings, optional: false, reloadOnChange: false);
        }

        var configuration = builder.AddInMemoryCollection(settings).Build();
        var clock = new RealTimersClock(now);
        var app = WorkerApp.Build(configuration, NullLoggerProvider.Instance, services => services.AddSingleton<TimeProvider>(clock));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new DashboardServer(app, address.TrimEnd('/') + "/", audit);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (Directory.Exists(_auditDirectory))
        {
            Directory.Delete(_auditDirectory, recursive: true);
        }
    }
}
