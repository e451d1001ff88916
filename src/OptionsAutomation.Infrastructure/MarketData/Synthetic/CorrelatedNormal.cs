namespace OptionsAutomation.Infrastructure.MarketData.Synthetic;

/// <summary>One underlying's standard normal shocks: its row of the Cholesky factor applied to the symbols' own draws.</summary>
internal sealed class CorrelatedNormal(CounterRandom[] factors, double[] weights)
{
    public double Normal(RandomStream stream, long counter)
    {
        var shock = 0.0;
        for (var j = 0; j < weights.Length; j++)
        {
            shock += weights[j] * factors[j].Normal(stream, counter);
        }

        return shock;
    }
}
