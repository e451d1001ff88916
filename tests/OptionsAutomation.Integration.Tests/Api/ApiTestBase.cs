using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Api;

/// <summary>A database and a running API per test class instance, with helpers that seed rows through the services.</summary>
public abstract class ApiTestBase(PostgresServer server, string? token = ApiHarness.Token) : IAsyncLifetime
{
    internal TestDatabase Db { get; private set; } = null!;

    internal ApiHarness Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(server);
        Api = await ApiHarness.StartAsync(Db, token);
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Db.DisposeAsync();
    }

    /// <summary>An open SPY CSP recorded as `positions add` does: strike 580, credit 1.50, 1 contract.</summary>
    internal async Task<Position> OpenCspAsync(string requestId, string ticker = "SPY", decimal credit = 1.50m, decimal strike = 580m)
    {
        var opened = await Api.Get<PositionManager>().OpenAsync(new OpenPositionRequest
        {
            RequestId = requestId,
            Strategy = StrategyType.CashSecuredPut,
            Ticker = ticker,
            Expiration = new DateOnly(2021, 4, 16),
            ShortStrike = strike,
            Credit = credit,
            Quantity = 1,
            OpenedAt = ApiHarness.Close.AddDays(-10),
            Actor = "test",
        });
        return opened.Position;
    }

    /// <summary>Closes by hand at a price, as `positions close` does: realized P&amp;L from the stored entry.</summary>
    internal async Task<Position> CloseAsync(long positionId, decimal price, DateTimeOffset closedAt) =>
        (await Api.Get<PositionManager>().CloseAsync(positionId, new PositionExit(price, ExitReason.Manual, closedAt, ExecutedBy.Manual, "test", 0m))).Position;
}
