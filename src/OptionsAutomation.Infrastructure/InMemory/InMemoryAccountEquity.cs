using OptionsAutomation.Core.Proposals;

namespace OptionsAutomation.Infrastructure.InMemory;

/// <summary>
/// The book's equity as the paper account (<c>PaperAccount</c>) states it: the starting cash plus every realized P&amp;L
/// in the trade history. Open positions count at cost — their credit is cash owed back on close — so sizing never grows
/// on unrealized gains. Collateral is not subtracted: it is cash set aside, still the account's; the sizer and the risk
/// gate limit what may be tied up (committed exposure) against this equity. The cash earns nothing here (no T-bill
/// interest): a backtest that credits interest adds it to the starting cash it gives.
/// </summary>
internal sealed class InMemoryAccountEquity(BookState state, decimal startingEquity) : IAccountEquity
{
    public Task<decimal?> GetEquityAsync(CancellationToken cancellationToken) =>
        Task.FromResult<decimal?>(startingEquity + state.Realized);
}
