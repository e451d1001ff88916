using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Proposals;

namespace OptionsAutomation.Infrastructure.Brokers;

/// <summary>
/// Equity for sizing and the risk gate from the linked broker's balances (<see cref="IBroker.GetAccountAsync"/>, behind
/// the resilient wrapper's timeouts and retries). A broker that cannot answer gives no equity: nothing is sized and the
/// gate denies (<c>NO_EQUITY</c>) rather than guess.
/// </summary>
public sealed partial class BrokerAccountEquity(IBroker broker, ILogger<BrokerAccountEquity> logger) : IAccountEquity
{
    public async Task<decimal?> GetEquityAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await broker.GetAccountAsync(cancellationToken).ConfigureAwait(false)).Equity;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogNoEquity(e.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The broker did not report the account's equity ({Error}); nothing is sized until it does")]
    private partial void LogNoEquity(string error);
}
