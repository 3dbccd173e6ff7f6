namespace FunctionGateway.Load.Driver;

/// <summary>The soak's samples and its verdict: resident memory early and late in the run (means of a few samples), errors in all.</summary>
internal sealed record SoakResult(IReadOnlyList<SoakSample> Samples, double EarlyRssMib, double LateRssMib, long Errors, double PeakRssMib)
{
    public double GrowthMib => LateRssMib - EarlyRssMib;

    /// <summary>Flat: growth within noise, at most 5 MiB or 5 %, whichever is larger.</summary>
    public bool Flat => GrowthMib <= Math.Max(5, EarlyRssMib * 0.05);
}
