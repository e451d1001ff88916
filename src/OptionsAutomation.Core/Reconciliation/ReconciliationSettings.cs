using System.Globalization;
using OptionsAutomation.Core.Risk;

namespace OptionsAutomation.Core.Reconciliation;

/// <summary>Appsettings section <c>Broker</c>: the reconciliation of the broker's positions with ours.</summary>
public sealed record ReconciliationSettings
{
    public const string SectionName = "Broker";

    /// <summary>Minutes between two reconciliations during NYSE sessions (one more runs at start-up).</summary>
    public int ReconcileMinutes { get; init; } = 5;

    /// <summary>The trading state a new difference moves to: REDUCING (default) or HALTED. Never loosens a stricter one.</summary>
    public string OnMismatch { get; init; } = "REDUCING";

    /// <summary>The cron of the reconciliation job: every <see cref="ReconcileMinutes"/> from 09:00 to 15:59 New York on weekdays (the job checks the session).</summary>
    public string Cron => string.Create(CultureInfo.InvariantCulture, $"0 0/{ReconcileMinutes} 9-15 ? * MON-FRI");

    public TradingState MismatchState => DomainCodes.Parse<TradingState>(OnMismatch.ToUpperInvariant());

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ReconcileMinutes is < 1 or > 59)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(ReconcileMinutes)} must be in [1, 59], was {ReconcileMinutes}."));
        }

        if (!DomainCodes.TryParse<TradingState>(OnMismatch.ToUpperInvariant(), out var state) || state == TradingState.Active)
        {
            errors.Add($"{SectionName}:{nameof(OnMismatch)} must be REDUCING or HALTED, was {OnMismatch}.");
        }

        return errors;
    }
}
