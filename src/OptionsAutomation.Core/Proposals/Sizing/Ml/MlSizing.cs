using System.Globalization;
using OptionsAutomation.Core.Exits;

namespace OptionsAutomation.Core.Proposals.Sizing.Ml;

/// <summary>
/// <c>ml</c>: the fixed trade budget × a multiplier from the model's predicted return on risk. The yardstick is the
/// mean return on risk of the trades the model learned from: multiplier = predicted ÷ mean, within
/// <c>Sizing:Ml:MinMultiplier</c>..<c>MaxMultiplier</c> — a trade expected to earn what the average trade earned gets
/// the fixed size, half that gets half. Then the room under <c>MaxCommittedPct</c>. Falls back to <c>fixed</c>, saying
/// why, when a feature cannot be computed, there is no model, the model is too old, its out-of-sample score is below
/// <c>MinOutOfSampleScore</c>, it reads other features than these, or its trades did not earn on average (no yardstick).
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

        if (model.MeanReturnOnRisk <= 0)
        {
            return Fallback(Invariant($"model v{model.Version}'s training trades returned {model.MeanReturnOnRisk} on risk on average: no yardstick for a multiplier"));
        }

        var sheet = new SizingSheet(request, rules);
        foreach (var input in featureInputs)
        {
            sheet.Input(input.Name, input.Value);
        }

        sheet.Input("model_version", model.Version);
        sheet.Input("model_age_days", age);
        sheet.Input("model_score", Round(score));
        var mean = sheet.Input("mean_return_on_risk", Round(model.MeanReturnOnRisk));
        var share = sheet.Input("trade_share_pct", SizingSheet.FixedSharePct(sheet.IsSpread, sizing));
        var predicted = sheet.Step("predicted_return_on_risk", Round(model.Model.Predict(values)));
        var raw = sheet.Step("raw_multiplier", decimal.Round(predicted / mean, 6, MidpointRounding.AwayFromZero));
        var multiplier = sheet.Step("multiplier", Math.Clamp(raw, settings.MinMultiplier, settings.MaxMultiplier));
        var tradeBudget = sheet.Step("trade_budget", request.Equity * share / 100m);
        sheet.Limit("ml_budget", tradeBudget * multiplier);
        sheet.Limit("room", FixedSizing.Room(request, sizing));
        return sheet.Finish(SizingStrategies.Ml);
    }

    private static decimal Round(double x) => decimal.Round((decimal)x, 6, MidpointRounding.AwayFromZero);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
