using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OptionsAutomation.Cli;
using OptionsAutomation.Core.Analytics.Periods;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Brief;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Pricing;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Proposals.Sizing;
using OptionsAutomation.Core.Proposals.Sizing.Ml;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Infrastructure.Ml;
using OptionsAutomation.Core.Reconciliation;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Risk.Portfolio;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Adjustments;
using OptionsAutomation.Core.Trading.Journal;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Infrastructure;
using OptionsAutomation.Infrastructure.Audit;
using OptionsAutomation.Infrastructure.Backtest;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.Cards;
using OptionsAutomation.Infrastructure.Brokers.TradeStation;
using OptionsAutomation.Infrastructure.Outbox;
using OptionsAutomation.Infrastructure.MarketData;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Infrastructure.Publishing;
using OptionsAutomation.Publishing;
using OptionsAutomation.Core.Publishing;
using OptionsAutomation.Infrastructure.Risk;

namespace OptionsAutomation.Hosting;

/// <summary>The one composition of the application, shared by the CLI verbs and the worker host.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddOptionsAutomation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<NyseCalendar>();
        services.AddSingleton(ReadExitRules(configuration));
        services.AddSingleton(ReadPositions(configuration));
        services.AddSingleton(_ => PostgresConnection.CreateDataSource(PostgresConnection.Resolve(configuration)));
        services.AddSingleton<IPositionStore, PostgresPositionStore>();
        services.AddSingleton<PositionManager>();
        services.AddSingleton<IMarkLedger, PostgresMarkLedger>();
        services.AddSingleton<ICloseLedger, PostgresCloseLedger>();
        services.AddSingleton<ITradingJournal, PostgresTradingJournal>();
        services.AddSingleton<IAlertQueue, PostgresAlertQueue>();
        services.AddSingleton<PositionValuer>();
        services.AddSingleton(configuration.GetSection(PricingSettings.SectionName).Get<PricingSettings>() ?? new PricingSettings());
        services.AddSingleton<GreeksEstimator>();
        services.AddSingleton<MarkToMarketService>();
        services.AddSingleton<ExitService>();
        services.AddSingleton<EmergencyReduction>();
        services.AddSingleton<ExpirationService>();
        services.AddSingleton<IScorecardCard, ScorecardCard>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ScorecardService>(sp, sp.GetRequiredService<PaperBrokerSettings>().StartingEquity));
        services.AddSingleton(Validated(configuration.GetSection(MorningBriefSettings.SectionName).Get<MorningBriefSettings>() ?? new MorningBriefSettings(), s => s.Validate()));
        services.AddSingleton<IVixHistory>(VixHistoryFile.Shipped());
        services.AddSingleton<CurrentRiskReport>();
        services.AddSingleton<MorningBriefService>();
        services.AddSingleton<PerformanceReportReader>();
        services.AddSingleton(new BenchmarkCloses(MarketHistoryFiles.DefaultDirectory));
        services.AddSingleton<PeriodReportReader>();
        services.AddSingleton<IPeriodReports>(sp => sp.GetRequiredService<PeriodReportReader>());
        services.AddSingleton<IPeriodReportChart, PeriodReportChart>();
        services.AddSingleton<PeriodReportService>();
        var publishing = Validated(configuration.GetSection(PublishingSettings.SectionName).Get<PublishingSettings>() ?? new PublishingSettings(), s => s.Validate());
        services.AddSingleton(publishing);
        services.AddSingleton<PerformancePublicationReader>();
        // Nothing is posted anywhere unless configured: without a URL there is no publisher and no sender.
        if (publishing.WebhookEnabled)
        {
            services.AddSingleton<IPerformancePublisher, WebhookPublisher>();
            // One client for the process; each attempt has its own timeout (Publishing:WebhookTimeoutSeconds).
            services.AddSingleton(sp => ActivatorUtilities.CreateInstance<WebhookDelivery>(sp, new HttpClient { Timeout = Timeout.InfiniteTimeSpan }));
        }
        services.AddSingleton<PostgresComparedTrades>();
        services.AddSingleton<PostgresJournalNotes>();
        services.AddSingleton<PostgresRollLinks>();
        services.AddSingleton<PositionDetailReader>();
        services.AddSingleton(Validated(configuration.GetSection(PaperBrokerSettings.SectionName).Get<PaperBrokerSettings>() ?? new PaperBrokerSettings(), s => s.Validate()));
        services.AddSingleton<PaperBroker>();
        var resilience = configuration.GetSection(BrokerResilienceSettings.SectionName).Get<BrokerResilienceSettings>() ?? new BrokerResilienceSettings();
        services.AddBroker(configuration, resilience);
        services.AddSingleton<OutboxReader>();
        services.AddSingleton(Validated(configuration.GetSection(ProposalSettings.SectionName).Get<ProposalSettings>() ?? new ProposalSettings(), s => s.Validate()));
        // A per-ticker sizing override must name a watchlist ticker: one that is not would silently never apply.
        services.AddSingleton(sp => Validated(configuration.GetSection(SizingSettings.SectionName).Get<SizingSettings>() ?? new SizingSettings(),
            s => s.Validate(sp.GetRequiredService<ProposalSettings>().Watchlist.Keys)));
        // Read here, as the services are built, so a record that cannot be read stops start-up rather than a later proposal run.
        if (KellyRecord(configuration) is { } kellyRecord)
        {
            services.AddSingleton(sp => ActivatorUtilities.CreateInstance<PositionSizer>(sp, kellyRecord));
        }
        else
        {
            services.AddSingleton<PositionSizer>();
        }

        services.AddSingleton<PostgresSizingModels>();
        services.AddSingleton<IReturnModelTrainer, FastForestTrainer>();
        services.AddSingleton<ISizingModels, StoredSizingModels>();
        // The VIX series is read only when a ticker is sized by ml; a file that cannot be read then stops start-up.
        services.AddSingleton(sp => UsesMl(sp.GetRequiredService<SizingSettings>())
            ? new DailyCloses(VixCsvReader.Read(Path.Combine(MarketHistoryFiles.DefaultDirectory, MarketHistoryFiles.VixDaily)))
            : DailyCloses.None);
        services.AddSingleton<IProposalStore, PostgresProposalStore>();
        // Equity comes from the linked broker's balances; the paper broker's account is ours (PaperAccount).
        if (string.Equals(configuration["Broker:Provider"] ?? "paper", "paper", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IAccountEquity, PaperAccount>();
        }
        else
        {
            services.AddSingleton<IAccountEquity, BrokerAccountEquity>();
        }

        services.AddSingleton(ReadRisk(configuration));
        services.AddSingleton<RiskGate>();
        services.AddSingleton<ITradingControlsReader, PostgresTradingControls>();
        services.AddSingleton<ITradingControls, TradingControlsService>();
        services.AddSingleton<ProposalExpiry>();
        services.AddSingleton<RiskSnapshots>();
        services.AddSingleton(Validated(configuration.GetSection(RiskSettings.SectionName).Get<PortfolioRiskSettings>() ?? new PortfolioRiskSettings(), s => s.Validate()));
        services.AddSingleton<PortfolioRiskAnalyzer>();
        services.AddSingleton<PortfolioRiskService>();
        services.AddSingleton<IRiskMonitorStore, PostgresRiskMonitorStore>();
        services.AddSingleton<IRiskHistory, PostgresRiskHistory>();
        services.AddSingleton<RiskMonitor>();
        services.AddSingleton(ReadScalingIn(configuration));
        services.AddSingleton<ProposalService>();
        services.AddSingleton(Validated(configuration.GetSection(ExecutionSettings.SectionName).Get<ExecutionSettings>() ?? new ExecutionSettings(), s => s.Validate()));
        services.AddSingleton<IPollDelay, ClockDelay>();
        services.AddSingleton<PriceWalkPlanner>();
        services.AddSingleton<OrderExecutor>();
        services.AddSingleton<KeyedGate>();
        services.AddSingleton<ApprovalService>();
        services.AddSingleton(Validated(configuration.GetSection(AdjustmentSettings.SectionName).Get<AdjustmentSettings>() ?? new AdjustmentSettings(), s => s.Validate()));
        services.AddSingleton<IAdjustmentStore, PostgresAdjustmentStore>();
        services.AddSingleton<AdjustmentReview>();
        services.AddSingleton<ISweepLedger, PostgresSweepLedger>();
        services.AddSingleton<ExitSweep>();
        services.AddSingleton<AdjustmentApprovals>();
        services.AddSingleton<RollService>();
        services.AddSingleton<IRollExecutor>(sp => sp.GetRequiredService<RollService>());
        services.AddSingleton<IOrderRecords, PostgresOrderRecords>();
        services.AddSingleton<OrderRecoveryService>();
        services.AddSingleton(Validated(configuration.GetSection(ReconciliationSettings.SectionName).Get<ReconciliationSettings>() ?? new ReconciliationSettings(), s => s.Validate()));
        services.AddSingleton<IReconciliationLog, PostgresReconciliationLog>();
        services.AddSingleton<BrokerReconciliationService>();
        services.AddSingleton(Validated(configuration.GetSection(AuditSettings.SectionName).Get<AuditSettings>() ?? new AuditSettings(), s => s.Validate()));
        services.AddSingleton<AuditReader>();
        services.AddSingleton<AuditHorizon>();
        services.AddSingleton<AuditExporter>();
        services.AddMarketData(configuration);
        return services;
    }

    /// <summary>The broker of <c>Broker:Provider</c>, always behind <see cref="ResilientBroker"/> (the worker's start-up report says which).</summary>
    private static void AddBroker(this IServiceCollection services, IConfiguration configuration, BrokerResilienceSettings resilience)
    {
        // Registered for every provider (settings are read only when used): `broker login` links an account before
        // the provider is switched to it.
        services.AddTradeStationBroker(configuration);
        var provider = BrokerProvider.Read(configuration); // an unknown provider stops composition, naming the key
        services.AddSingleton<IBroker>(sp => new ResilientBroker(
            provider == BrokerProvider.TradeStation ? sp.GetRequiredService<TradeStationBroker>() : sp.GetRequiredService<PaperBroker>(),
            resilience));
    }

    /// <summary>Binds and validates <c>ExitRules</c>; invalid settings stop start-up naming the key.</summary>
    public static ExitRuleSettings ReadExitRules(IConfiguration configuration) =>
        Validated(configuration.GetSection(ExitRuleSettings.SectionName).Get<ExitRuleSettings>() ?? new ExitRuleSettings(), r => r.Validate());

    private static ScalingInSettings ReadScalingIn(IConfiguration configuration) =>
        Validated(configuration.GetSection(ScalingInSettings.SectionName).Get<ScalingInSettings>() ?? new ScalingInSettings(), s => s.Validate());

    /// <summary>
    /// Binds and validates <c>Risk</c>. A <c>RISK_*</c> environment variable that maps to no limit stops
    /// start-up too: a limit someone believes is set must not be silently ignored.
    /// </summary>
    /// <summary>The rules a backtest replays, bound and validated as the worker binds them.</summary>
    public static TradingSettings ReadTrading(IConfiguration configuration) => new()
    {
        Proposals = Validated(configuration.GetSection(ProposalSettings.SectionName).Get<ProposalSettings>() ?? new ProposalSettings(), s => s.Validate()),
        Sizing = Validated(configuration.GetSection(SizingSettings.SectionName).Get<SizingSettings>() ?? new SizingSettings(), s => s.Validate()),
        Exits = ReadExitRules(configuration),
        ScalingIn = ReadScalingIn(configuration),
        Execution = Validated(configuration.GetSection(ExecutionSettings.SectionName).Get<ExecutionSettings>() ?? new ExecutionSettings(), s => s.Validate()),
        Risk = ReadRisk(configuration),
        Portfolio = Validated(configuration.GetSection(RiskSettings.SectionName).Get<PortfolioRiskSettings>() ?? new PortfolioRiskSettings(), s => s.Validate()),
        Pricing = configuration.GetSection(PricingSettings.SectionName).Get<PricingSettings>() ?? new PricingSettings(),
    };

    public static RiskSettings ReadRisk(IConfiguration configuration)
    {
        var unknown = RiskEnvironment.Unrecognised(AppConfiguration.EnvironmentVariables())
            .Select(name => $"environment variable {name} is not a risk limit; known: {string.Join(", ", RiskEnvironment.ShortForms.Keys.Order(StringComparer.Ordinal))}.")
            .ToList();
        var settings = configuration.GetSection(RiskSettings.SectionName).Get<RiskSettings>() ?? new RiskSettings();
        var errors = unknown.Concat(settings.Validate()).ToList();
        return errors.Count == 0 ? settings : throw new InvalidConfigurationException(errors);
    }

    /// <summary><c>Sizing:KellyBacktestRecord</c>'s trades file, read now; null when unset. A file that cannot be read is a configuration error.</summary>
    private static bool UsesMl(SizingSettings sizing) =>
        sizing.Strategy == SizingStrategies.Ml || sizing.Tickers.Values.Contains(SizingStrategies.Ml);

    private static KellyBacktestRecord? KellyRecord(IConfiguration configuration)
    {
        if (configuration[$"{SizingSettings.SectionName}:{nameof(SizingSettings.KellyBacktestRecord)}"] is not { Length: > 0 } path)
        {
            return null;
        }

        var multiplier = (configuration.GetSection(ExitRuleSettings.SectionName).Get<ExitRuleSettings>() ?? new ExitRuleSettings()).ContractMultiplier;
        try
        {
            return KellyBacktestRecordCsv.Read(path, multiplier);
        }
        catch (MarketHistoryFileException e)
        {
            throw new InvalidConfigurationException([$"{SizingSettings.SectionName}:{nameof(SizingSettings.KellyBacktestRecord)}: {e.Message}"]);
        }
    }

    private static T Validated<T>(T settings, Func<T, IReadOnlyList<string>> validate)
    {
        var errors = validate(settings);
        return errors.Count == 0 ? settings : throw new InvalidConfigurationException(errors);
    }

    /// <summary>Binds and validates <c>Positions</c> (the realized P&amp;L method of fill ledgers).</summary>
    public static PositionSettings ReadPositions(IConfiguration configuration)
    {
        var settings = configuration.GetSection(PositionSettings.SectionName).Get<PositionSettings>() ?? new PositionSettings();
        var errors = settings.Validate();
        return errors.Count == 0 ? settings : throw new InvalidConfigurationException(errors);
    }
}
