using System.Globalization;

namespace OptionsAutomation.Core.Proposals;

/// <summary>
/// Appsettings section <c>Execution:PriceWalk</c>: how opening and closing limit orders walk from the mid toward the
/// natural price (<see cref="Orders.PriceWalk"/>).
/// </summary>
public sealed record PriceWalkSettings
{
    /// <summary>Walk opening and closing orders; off, an open rests at the proposal's credit and a close is marketable.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Replaces from the mid to the natural price.</summary>
    public int Steps { get; init; } = 4;

    /// <summary>Seconds between two steps; <c>Steps × StepSeconds</c> must end before <c>Execution:FillTimeoutSeconds</c>.</summary>
    public int StepSeconds { get; init; } = 5;

    /// <summary>
    /// Underlyings whose options trade in nickels at and above <see cref="NickelsFromPrice"/> (classes outside the penny
    /// program). Empty by default: SPY, QQQ and IWM, the default watchlist, trade in pennies at every price.
    /// </summary>
    public IReadOnlyList<string> NickelUnderlyings { get; init; } = [];

    /// <summary>The net price from which a nickel underlying's orders are priced in 0.05s (pennies below).</summary>
    public decimal NickelsFromPrice { get; init; } = 3m;

    /// <summary>
    /// A closing order never pays more than this multiple of the position's entry credit per share; 0 (default) leaves
    /// only the structural cap, what the position can ever be worth (a VPC's width, a CSP's strike).
    /// </summary>
    public decimal CloseMaxDebitMultiple { get; init; }

    public TimeSpan StepInterval => TimeSpan.FromSeconds(StepSeconds);

    /// <summary>The price increment for an order on <paramref name="underlying"/> at <paramref name="price"/>.</summary>
    public decimal TickFor(string underlying, decimal price) =>
        Math.Abs(price) >= NickelsFromPrice && NickelUnderlyings.Contains(underlying, StringComparer.OrdinalIgnoreCase) ? 0.05m : 0.01m;

    public IReadOnlyList<string> Validate(string section, int fillTimeoutSeconds)
    {
        var errors = new List<string>();
        void Require(bool ok, string key, object value, string rule)
        {
            if (!ok)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{section}:{key} {rule}, was {value}."));
            }
        }

        Require(Steps >= 0, nameof(Steps), Steps, "must not be negative");
        Require(StepSeconds > 0, nameof(StepSeconds), StepSeconds, "must be above 0");
        Require(NickelsFromPrice >= 0m, nameof(NickelsFromPrice), NickelsFromPrice, "must not be negative");
        Require(CloseMaxDebitMultiple >= 0m, nameof(CloseMaxDebitMultiple), CloseMaxDebitMultiple, "must not be negative");
        Require(!Enabled || (long)Steps * StepSeconds < fillTimeoutSeconds, nameof(StepSeconds), StepSeconds,
            string.Create(CultureInfo.InvariantCulture, $"× {nameof(Steps)} ({Steps}) must end before the fill timeout ({fillTimeoutSeconds} s), or the last steps never go out"));
        return errors;
    }
}
