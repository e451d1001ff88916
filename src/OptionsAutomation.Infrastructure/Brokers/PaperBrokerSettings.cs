using System.Globalization;
using OptionsAutomation.Core.Orders.Paper;

namespace OptionsAutomation.Infrastructure.Brokers;

/// <summary>Appsettings section <c>Broker:Paper</c>: the fill model's rules (<see cref="PaperFillRules"/>) and the starting cash.</summary>
public sealed record PaperBrokerSettings : PaperFillRules
{
    public const string SectionName = "Broker:Paper";

    /// <summary>The paper account's cash at the start, in dollars.</summary>
    public decimal StartingEquity { get; init; } = 100_000m;

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
