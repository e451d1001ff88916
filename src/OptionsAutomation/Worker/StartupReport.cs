using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.Brokers.TradeStation;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Worker;

/// <summary>Logs what the worker runs with (secrets redacted) once the host has started.</summary>
internal sealed partial class StartupReport(
    IConfiguration configuration,
    ExitRuleSettings exitRules,
    ScalingInSettings scalingIn,
    PositionManager positions,
    IHostEnvironment environment,
    IServiceProvider services,
    ILogger<StartupReport> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        LogConfiguration(environment.EnvironmentName, PostgresConnection.Redact(PostgresConnection.Resolve(configuration)));
        if (BrokerProvider.Read(configuration) == BrokerProvider.TradeStation)
        {
            // Read (and validated) here, so bad TradeStation settings stop the worker at start rather than at the first order.
            var broker = services.GetRequiredService<TradeStationSettings>();
            LogTradeStation(broker.EnvironmentDescription, broker.PreviewOnly ? " — PREVIEW ONLY, nothing is placed" : "");
        }
        else
        {
            LogPaper();
        }

        LogExitRules(exitRules.ProfitTargetFraction, exitRules.CspStopLossMultiple, exitRules.VpcStopLossMultiple, exitRules.ExitAtDaysToExpiry);
        if (exitRules.HoldToExpiration)
        {
            LogHoldToExpiration();
        }

        if (exitRules.TrailingActivationFraction > 0m)
        {
            LogTrailingStop(exitRules.TrailingActivationFraction, exitRules.TrailingGiveBackFraction);
        }

        if (exitRules.TimeDecayStartFraction > 0m)
        {
            LogTimeDecayTarget(exitRules.TimeDecayStartFraction, exitRules.ProfitTargetFraction);
        }

        if (exitRules.ScaleOutAtFraction > 0m)
        {
            LogScaleOut(exitRules.ScaleOutShare, exitRules.ScaleOutAtFraction);
        }

        if (scalingIn.IsOn)
        {
            LogScaleIn(scalingIn.AtProfitFraction, scalingIn.AtUnderlyingRisePct, scalingIn.MinDaysToExpiry, scalingIn.MaxAdds);
        }

        var open = await positions.OpenPositionsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        LogReady(open.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "BROKER: TradeStation {Environment}{Preview}")]
    private partial void LogTradeStation(string environment, string preview);

    [LoggerMessage(Level = LogLevel.Warning, Message = "BROKER: paper (simulated fills; no order reaches a real broker)")]
    private partial void LogPaper();

    [LoggerMessage(Level = LogLevel.Information, Message = "optauto worker starting: environment {Environment}, database {Database}")]
    private partial void LogConfiguration(string environment, string database);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Exit rules: profit target {ProfitTargetFraction} of max profit, CSP stop {CspStopLossMultiple}x credit, VPC stop {VpcStopLossMultiple}x credit (capped at max loss), exit at {ExitAtDaysToExpiry} DTE")]
    private partial void LogExitRules(decimal profitTargetFraction, decimal cspStopLossMultiple, decimal vpcStopLossMultiple, int exitAtDaysToExpiry);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Exit rules OFF (ExitRules:HoldToExpiration): no target, stop or DTE exit fires; positions are held until the expiration job settles them")]
    private partial void LogHoldToExpiration();

    [LoggerMessage(Level = LogLevel.Information, Message = "Trailing profit stop: from {ActivationFraction} of max profit, exit on giving back {GiveBackFraction} of the best P&L")]
    private partial void LogTrailingStop(decimal activationFraction, decimal giveBackFraction);

    [LoggerMessage(Level = LogLevel.Information, Message = "Time-decay profit target: {StartFraction} of max profit at entry, rising to {ProfitTargetFraction} at expiration")]
    private partial void LogTimeDecayTarget(decimal startFraction, decimal profitTargetFraction);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scaling out: close {Share} of the contracts once P&L reaches {AtFraction} of max profit, once per position")]
    private partial void LogScaleOut(decimal share, decimal atFraction);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Scaling in: propose an add at P&L {AtProfitFraction} of max profit or the underlying up {AtUnderlyingRisePct}% (0 = off), from {MinDaysToExpiry} DTE, at most {MaxAdds} per position")]
    private partial void LogScaleIn(decimal atProfitFraction, decimal atUnderlyingRisePct, int minDaysToExpiry, int maxAdds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker ready with {OpenPositions} open position(s); exit rules and marks run in market hours. Press Ctrl+C to stop")]
    private partial void LogReady(int openPositions);
}
