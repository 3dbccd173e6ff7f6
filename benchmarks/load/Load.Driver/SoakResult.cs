namespace FunctionGateway.Load.Driver;

/// <summary>The soak's samples and its verdict: resident memory early and late in the run (means of a few samples), errors in all.</summary>
internal sealed record SoakResult(IReadOnlyList<SoakSample> Samples, double EarlyRssMiB, double LateRssMiB, long Errors, double PeakRssMiB)
{
    public double GrowthMiB => LateRssMiB - EarlyRssMiB;

    /// <summary>Flat: growth within noise, at most 5 MiB or 5 %, whichever is larger.</summary>
    public bool Flat => GrowthMiB <= Math.Max(5, EarlyRssMiB * 0.05);
}
