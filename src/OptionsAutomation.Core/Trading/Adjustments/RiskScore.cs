namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>
/// How threatened an open short put is, 0–100: the weighted sum of four parts, each 0–1 (doubles: a score, not money).
/// <list type="bullet">
/// <item>delta (weight 35): the short put's |delta| from <c>CalmDelta</c> (0) to <c>AlarmDelta</c> (1), linear;</item>
/// <item>distance (25): spot's cushion above the short strike, as a percent of spot, from <c>CushionPercent</c> (0) down
/// to none — spot at or below the strike — (1);</item>
/// <item>loss (25): the unrealized loss as a share of the max loss, from 0 to <c>LossShareAtFull</c> (1);</item>
/// <item>time (15): gamma near expiry — the share of the <c>GammaDays</c> window already gone, times the distance part, so
/// a short put far from spot is not alarming only because it is close to expiry.</item>
/// </list>
/// The score is the sum rounded half away from zero.
/// </summary>
public sealed record RiskScore(int Score, double DeltaPart, double DistancePart, double LossPart, double TimePart)
{
    public const double DeltaWeight = 35;
    public const double DistanceWeight = 25;
    public const double LossWeight = 25;
    public const double TimeWeight = 15;

    public static RiskScore Compute(RiskInputs inputs, AdjustmentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(settings);
        var delta = Clamp((Math.Abs(inputs.ShortDelta) - settings.CalmDelta) / (settings.AlarmDelta - settings.CalmDelta));
        var distance = Clamp(1 - (inputs.CushionPercent / settings.CushionPercent));
        var loss = Clamp(inputs.LossShare / settings.LossShareAtFull);
        var time = Clamp((settings.GammaDays - (double)inputs.DaysToExpiry) / settings.GammaDays) * distance;
        var score = (int)Math.Round((DeltaWeight * delta) + (DistanceWeight * distance) + (LossWeight * loss) + (TimeWeight * time), MidpointRounding.AwayFromZero);
        return new RiskScore(Math.Clamp(score, 0, 100), delta, distance, loss, time);
    }

    private static double Clamp(double value) => double.IsNaN(value) ? 0 : Math.Clamp(value, 0, 1);
}

/// <summary>What the score reads from a marked position: the short put's delta and strike, spot, the loss and the days left.</summary>
public sealed record RiskInputs(double ShortDelta, decimal Spot, decimal ShortStrike, decimal UnrealizedPnl, decimal MaxLoss, int DaysToExpiry)
{
    /// <summary>Spot's distance above the short strike in percent of spot; negative when the put is in the money.</summary>
    public double CushionPercent => Spot > 0m ? (double)((Spot - ShortStrike) / Spot * 100m) : 0;

    /// <summary>The unrealized loss (0 for a gain) as a share of the max loss.</summary>
    public double LossShare => MaxLoss > 0m ? (double)(Math.Max(0m, -UnrealizedPnl) / MaxLoss) : 0;
}
