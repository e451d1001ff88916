using System.Globalization;
using OptionsAutomation.Core.Exits;

namespace OptionsAutomation.Core.Proposals.Sizing.Ml;

/// <summary>
/// <c>ml</c>: the fixed trade budget × a multiplier from the model's predicted return on risk, by rank: the model is
/// judged on how it ranks trades (Spearman), so it sizes by rank too. rank = the share of the model's predictions on
/// its own training trades (their 101 percentiles) below this prediction, ties counting half; multiplier =
/// <c>Sizing:Ml:MinMultiplier</c> + rank × (<c>MaxMultiplier</c> − <c>MinMultiplier</c>) — the best-looking trade gets
/// the most, the worst the least, whatever the sign of the returns. Then the room under <c>MaxCommittedPct</c>.
/// Falls back to <c>fixed</c>, saying why, when a feature cannot be computed, there is no model, the model is too old
/// or was trained after the instant sized (a proposal run <c>--at</c> a past instant),
/// its out-of-sample score is below <c>MinOutOfSampleScore</c>, it reads other features than these, or it predicts no number.
/// A fallback still lists the features it computed, so a trade sized by the fallback can train the next model.
/// </summary>
public static class MlSizing
{
    public static PositionSizingResult Size(
        SizingRequest request, MlFeatureResult features, SizingModel? model, DateTimeOffset asOf, SizingSettings sizing, ExitRuleSettings rules)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(sizing);
        var settings = sizing.Ml;
        if (features.Values is not { } values)
        {
            return FixedSizing.Instead(SizingStrategies.Ml, $"a feature cannot be computed: {features.Problem}", request, sizing, rules);
        }

        var featureInputs = MlFeatures.Names.Select((name, i) => new SizingStep(MlFeatures.InputPrefix + name, (decimal)values[i])).ToList();
        PositionSizingResult Fallback(string reason)
        {
            var result = FixedSizing.Instead(SizingStrategies.Ml, reason, request, sizing, rules);
            return result with { Inputs = new ValueList<SizingStep>(featureInputs.Concat(result.Inputs)) };
        }

        if (model is null)
        {
            return Fallback("no model has been trained (optauto sizing train)");
        }

        if (model.TrainedAt > asOf)
        {
            return Fallback(Invariant($"model v{model.Version} was trained at {model.TrainedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z, after this sizing's instant: it may have learned from later trades"));
        }

        var age = (decimal)Math.Round((asOf - model.TrainedAt).TotalDays, 2, MidpointRounding.AwayFromZero);
        if (age > settings.MaxModelAgeDays)
        {
            return Fallback(Invariant($"model v{model.Version} is {age} days old, older than Sizing:Ml:MaxModelAgeDays {settings.MaxModelAgeDays}"));
        }

        if (model.Score is not { } score || score < settings.MinOutOfSampleScore)
        {
            return Fallback(Invariant($"model v{model.Version}'s out-of-sample score {(model.Score is { } s ? s.ToString(CultureInfo.InvariantCulture) : "(none: no fold was tested)")} is below Sizing:Ml:MinOutOfSampleScore {settings.MinOutOfSampleScore}"));
        }

        if (!model.FeatureNames.SequenceEqual(MlFeatures.Names))
        {
            return Fallback($"model v{model.Version} reads features {string.Join(",", model.FeatureNames)}, this build computes {string.Join(",", MlFeatures.Names)}");
        }

        var prediction = model.Model.Predict(values);
        if (!double.IsFinite(prediction) || model.PredictionPercentiles.Count == 0)
        {
            return Fallback($"model v{model.Version} gave no usable prediction");
        }

        var sheet = new SizingSheet(request, rules);
        foreach (var input in featureInputs)
        {
            sheet.Input(input.Name, input.Value);
        }

        sheet.Input("model_version", model.Version);
        sheet.Input("model_age_days", age);
        sheet.Input("model_score", Round(score));
        var share = sheet.Input("trade_share_pct", SizingSheet.FixedSharePct(sheet.IsSpread, sizing));
        var predicted = sheet.Step("predicted_return_on_risk", Round(prediction));
        var rank = sheet.Step("prediction_rank", Rank((double)predicted, model.PredictionPercentiles));
        var multiplier = sheet.Step("multiplier", settings.MinMultiplier + (rank * (settings.MaxMultiplier - settings.MinMultiplier)));
        var tradeBudget = sheet.Step("trade_budget", request.Equity * share / 100m);
        sheet.Limit("ml_budget", tradeBudget * multiplier);
        sheet.Limit("room", FixedSizing.Room(request, sizing));
        return sheet.Finish(SizingStrategies.Ml);
    }

    /// <summary>The share of <paramref name="percentiles"/> below <paramref name="prediction"/>, an equal one counting half; 6 places.</summary>
    public static decimal Rank(double prediction, IReadOnlyList<double> percentiles)
    {
        ArgumentNullException.ThrowIfNull(percentiles);
        var below = percentiles.Count(p => p < prediction) + (percentiles.Count(p => p == prediction) / 2m);
        return decimal.Round(below / percentiles.Count, 6, MidpointRounding.AwayFromZero);
    }

    private static decimal Round(double x) => decimal.Round((decimal)x, 6, MidpointRounding.AwayFromZero);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
