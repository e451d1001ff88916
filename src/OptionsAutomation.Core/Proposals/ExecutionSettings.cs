using System.Globalization;

namespace OptionsAutomation.Core.Proposals;

/// <summary>Appsettings section <c>Execution</c>: when orders may be sent and how long they may work.</summary>
public sealed record ExecutionSettings
{
    public const string SectionName = "Execution";

    /// <summary>Send opening orders outside NYSE sessions too (demos and weekend tests); off in production.</summary>
    public bool AllowOutsideSession { get; init; }

    /// <summary>An order still working this long after it was placed is cancelled by the caller.</summary>
    public int FillTimeoutSeconds { get; init; } = 30;

    /// <summary>How often a working order's status is asked for.</summary>
    public double PollIntervalSeconds { get; init; } = 1;

    /// <summary>Section <c>Execution:PriceWalk</c>: how limit orders walk toward the natural price.</summary>
    public PriceWalkSettings PriceWalk { get; init; } = new();

    public TimeSpan FillTimeout => TimeSpan.FromSeconds(FillTimeoutSeconds);

    public TimeSpan PollInterval => TimeSpan.FromSeconds(PollIntervalSeconds);

    /// <summary>
    /// How long after an order was recorded recovery believes a broker that says it never saw it: the fill timeout plus
    /// a minute, for a send still in flight or a broker whose lookup lags. Before that, recovery asks again next run.
    /// </summary>
    public TimeSpan NeverReceivedAfter => FillTimeout + TimeSpan.FromMinutes(1);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (FillTimeoutSeconds <= 0)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(FillTimeoutSeconds)} must be above 0, was {FillTimeoutSeconds}."));
        }

        if (!(PollIntervalSeconds > 0))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(PollIntervalSeconds)} must be above 0, was {PollIntervalSeconds}."));
        }

        errors.AddRange(PriceWalk.Validate($"{SectionName}:{nameof(PriceWalk)}", FillTimeoutSeconds));
        return errors;
    }
}
