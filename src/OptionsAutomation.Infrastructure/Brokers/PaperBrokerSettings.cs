namespace OptionsAutomation.Infrastructure.Brokers;

/// <summary>Appsettings section <c>Broker:Paper</c>.</summary>
public sealed record PaperBrokerSettings
{
    public const string SectionName = "Broker:Paper";

    /// <summary>Commission per option contract, in dollars.</summary>
    public decimal FeePerContract { get; init; } = 0.65m;

    /// <summary>The paper account's cash at the start, in dollars.</summary>
    public decimal StartingEquity { get; init; } = 100_000m;

    /// <summary>Per-share improvement on each leg's fill versus the touch (buys below the ask, sells above the bid).</summary>
    public decimal PriceImprovement { get; init; }
}
