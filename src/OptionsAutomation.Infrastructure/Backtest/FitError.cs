namespace OptionsAutomation.Infrastructure.Backtest;

/// <summary>Mid errors of one bucket: how many quotes, mean and median absolute error ($/share), mean relative error.</summary>
public sealed record FitError(string Bucket, int Count, double MeanAbsError, double MedianAbsError, double MeanRelativeError)
{
    public static FitError Of(string bucket, IReadOnlyList<QuoteError> errors) => errors.Count == 0
        ? new FitError(bucket, 0, double.NaN, double.NaN, double.NaN)
        : new FitError(bucket, errors.Count, errors.Average(e => e.AbsError), Median([.. errors.Select(e => e.AbsError)]), errors.Average(e => e.RelativeError));

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
