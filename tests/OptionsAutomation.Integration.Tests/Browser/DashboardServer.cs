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
/// database, the real SPY chains of 2021-03-01 and the paper broker, its clock fixed at that day's close so the
/// replayed quotes are fresh. The scheduled jobs fire only at midnight on January 1 (of the real calendar), so
/// none runs during a test to re-mark the seeded positions.
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

    public static async Task<DashboardServer> StartAsync(TestDatabase db)
    {
        var audit = Path.Combine(Path.GetTempPath(), $"optauto-dashboard-{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = db.ConnectionString,
            ["Service:Urls"] = "http://127.0.0.1:0",
            ["Service:ApiToken"] = ApiToken,
            ["MarketData:Provider"] = "csv",
            ["MarketData:Csv:ChainFiles:0"] = Path.Combine(RepositoryRoot.Path, "tests", "data", "chains", "spy_2021", "spy_options_2021.csv"),
            ["Proposals:Watchlist:SPY:0"] = "CSP",
            ["Sizing:CollateralPerTradePct"] = "40",
            ["Risk:MaxOrderNotionalPercent"] = "50",
            ["Execution:AllowOutsideSession"] = "true",
            ["Broker:Paper:StartingEquity"] = "100000",
            ["Audit:Directory"] = audit,
            ["Jobs:Clustered"] = "false",
        };
        foreach (var cron in new[] { "ExitRulesCron", "MarkToMarketCron", "ProposeTradesCron", "ExpireProposalsCron", "ExpirationCron", "ScorecardCron" })
        {
            settings[$"Jobs:{cron}"] = NewYearOnly;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var clock = new RealTimersClock(Close);
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
