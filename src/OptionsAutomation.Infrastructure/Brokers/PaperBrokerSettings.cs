using System.Globalization;

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

    /// <summary>At most this many order units fill per evaluation (0 = no limit), so partial fills can be produced on purpose.</summary>
    public int MaxContractsPerFill { get; init; }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Require(bool ok, string key, object value, string rule)
        {
            if (!ok)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{key} must be {rule}, was {value}."));
            }
        }

        Require(FeePerContract >= 0m, nameof(FeePerContract), FeePerContract, "0 or more");
        Require(StartingEquity > 0m, nameof(StartingEquity), StartingEquity, "above 0");
        Require(PriceImprovement >= 0m, nameof(PriceImprovement), PriceImprovement, "0 or more");
        Require(MaxContractsPerFill >= 0, nameof(MaxContractsPerFill), MaxContractsPerFill, "0 (no limit) or more");
        return errors;
    }
}
